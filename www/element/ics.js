// An .ics calendar file made in the browser: all-day events for renewal,
// expiry and the end of the grace. DURATION:P1D, so no date arithmetic here.

const text = (s) => String(s).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** Folds an iCalendar line at 75 octets (RFC 5545 3.1), never inside a character. */
function fold(line) {
  const enc = new TextEncoder();
  const out = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) { out.push(cur); cur = ''; size = 0; }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** The calendar for a `cardDates` answer, with the words `w` (ui.ics). */
export function calendar(r, w) {
  const events = [
    ['certificate-renewal', r.certificate.renewalFrom, w.certificateRenewal],
    ['certificate-expiry', r.certificate.expires, w.certificateExpiry],
    r.insurance.graceUntil ? ['grace-end', r.insurance.graceUntil, w.graceEnd] : null,
    r.card.expires && r.card.expires !== r.certificate.expires ? ['card-renewal', r.card.renewalFrom, w.cardRenewal] : null,
    r.card.expires && r.card.expires !== r.certificate.expires ? ['card-expiry', r.card.expires, w.cardExpiry] : null,
  ].filter(Boolean);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//myna-hoken//widget//JA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const [id, date, summary] of events) {
    const day = date.replaceAll('-', '');
    lines.push('BEGIN:VEVENT', `UID:${id}-${day}@myna-hoken`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${day}`,
      'DURATION:P1D', `SUMMARY:${text(summary)}`, `DESCRIPTION:${text(w.description)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Offers the file for download, in the browser only. */
export function download(contents, host) {
  const url = URL.createObjectURL(new Blob([contents], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'myna-hoken.ics';
  a.hidden = true;
  host.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
