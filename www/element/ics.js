// An .ics calendar file made in the browser: all-day events for renewal,
// expiry and the end of the grace, each with a reminder. DURATION:P1D and
// relative alarm triggers, so no date arithmetic here; the dates are the
// engine's, and only those on or after the day asked about are kept.

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

/** A short stable tag of a text (FNV-1a), so a label can be part of a UID without being readable in it. */
function tag(s) {
  let h = 0x811c9dc5;
  for (const ch of String(s)) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * The events of a `cardDates` answer, in date order: `{ id, date, summary,
 * description, alarm }`, only those on or after `r.asOf`. `alarm` is a
 * relative trigger: the morning of the day where something opens, two weeks
 * before where something ends. `w` are the words (ui.ics), `who` the label
 * of whose card it is (may be empty).
 */
export function events(r, w, who = '') {
  const name = (s) => s.replaceAll('{who}', who ? w.who.replaceAll('{label}', who) : '');
  const card = r.card.expires && r.card.expires !== r.certificate.expires;
  const ON_THE_DAY = { trigger: 'PT9H', text: w.alarmToday };
  const TWO_WEEKS = { trigger: '-P14D', text: w.alarmTwoWeeks };
  return [
    ['certificate-renewal', r.certificate.renewalFrom, w.certificateRenewal, w.description, ON_THE_DAY],
    ['certificate-expiry', r.certificate.expires, w.certificateExpiry, w.description, TWO_WEEKS],
    ['grace-end', r.insurance.graceUntil, w.graceEnd, w.description, TWO_WEEKS],
    card ? ['card-renewal', r.card.renewalFrom, w.cardRenewal, w.descriptionCard, ON_THE_DAY] : null,
    card ? ['card-expiry', r.card.expires, w.cardExpiry, w.descriptionCard, TWO_WEEKS] : null,
  ].filter((e) => e && e[1] && e[1] >= r.asOf)
    .map(([id, date, summary, description, alarm]) => ({ id, date, summary: name(summary), description, alarm }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The calendar for a `cardDates` answer, with the words `w` (ui.ics).
 * `person`: `{ birthday, label }`, whose card it is: UIDs are made from the
 * person's own dates (and label), so two people's events never replace each
 * other in a calendar, while downloading the same answer again updates it.
 */
export function calendar(r, w, person = {}) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//myna-hoken//widget//JA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  const owner = [String(person.birthday ?? '').replaceAll('-', ''), person.label ? tag(person.label) : ''].filter(Boolean).join('-');
  for (const e of events(r, w, person.label ?? '')) {
    const day = e.date.replaceAll('-', '');
    lines.push('BEGIN:VEVENT', `UID:${e.id}-${day}${owner ? `-${owner}` : ''}@myna-hoken`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${day}`,
      'DURATION:P1D', `SUMMARY:${text(e.summary)}`, `DESCRIPTION:${text(e.description)}`, 'TRANSP:TRANSPARENT',
      'BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:${e.alarm.trigger}`, `DESCRIPTION:${text(`${e.summary}: ${e.alarm.text}`)}`, 'END:VALARM',
      'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Offers the file for download, in the browser only. */
export function download(contents, host, name = 'myna-hoken.ics') {
  const url = URL.createObjectURL(new Blob([contents], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  host.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
