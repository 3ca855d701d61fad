// What the README's "Install with npm" says a web team writes.
import init, { cardDates } from 'myna-hoken';
import 'myna-hoken/element';

await init();
const r = cardDates({ birthday: '1985-09-18', certificateExpires: '2029-09-18', asOf: '2026-11-25' });
document.querySelector('#answer').textContent = r.certificate.expires;
