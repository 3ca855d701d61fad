// What the README's "Install with npm" says a web team writes.
import init, { cardDates } from 'myna-hoken';
import { householdDates } from 'myna-hoken/household';
import 'myna-hoken/element';

await init();
const r = cardDates({ birthday: '1985-09-18', certificateExpires: '2029-09-18', asOf: '2026-11-25' });
document.querySelector('#answer').textContent = r.certificate.expires;
// A family table of its own (README "householdDates").
const family = householdDates([
  { label: '父', birthday: '1985-09-18', certificateExpires: '2027-09-18' },
  { label: '長女', membership: 'dependent', birthday: '2015-04-02', cardIssued: '2022-06-01' },
], { asOf: '2026-12-02' });
document.querySelector('#family').textContent = family.order.map((n) => family.people[n - 1].label).join(',');
