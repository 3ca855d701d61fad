// An .ics calendar file made in the browser: all-day events for renewal,
// expiry and the end of the grace, each with a reminder. DURATION:P1D and
// relative alarm triggers, so no date arithmetic here; the dates are the
// engine's, and only those on or after the day asked about are kept.

import { upcoming } from '../household.js';

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

/** The words (ui.ics) of each kind of date the calendar holds. */
const KINDS = {
  'certificate-renewal': ['certificateRenewal', 'description', 'open'],
  'certificate-expiry': ['certificateExpiry', 'description', 'end'],
  'grace-end': ['graceEnd', 'description', 'end'],
  'card-renewal': ['cardRenewal', 'descriptionCard', 'open'],
  'card-expiry': ['cardExpiry', 'descriptionCard', 'end'],
};

/**
 * The events of a `cardDates` answer, in date order: `{ id, date, summary,
 * description, alarm }`, only those on or after `r.asOf` (the dates
 * `upcoming` picks, as the family overview does). `alarm` is a relative
 * trigger: the morning of the day where something opens, two weeks before
 * where something ends. `w` are the words (ui.ics), `who` the label of whose
 * card it is (may be empty).
 */
export function events(r, w, who = '') {
  const name = (s) => s.replaceAll('{who}', who ? w.who.replaceAll('{label}', who) : '');
  const alarms = { open: { trigger: 'PT9H', text: w.alarmToday }, end: { trigger: '-P14D', text: w.alarmTwoWeeks } };
  return upcoming(r).filter((d) => KINDS[d.kind]).map(({ kind, date }) => {
    const [summary, description, alarm] = KINDS[kind];
    return { id: kind, date, summary: name(w[summary]), description: w[description], alarm: alarms[alarm] };
  });
}

/**
 * The calendar for one or more people's `cardDates` answers, with the words
 * `w` (ui.ics): `people` is `[{ result, birthday, label }]`. UIDs are made
 * from each person's own dates (and label), so two people's events never
 * replace each other in a calendar, while downloading the same answers
 * again updates them.
 */
export function calendar(people, w) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//myna-hoken//widget//JA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const person of people) {
    const owner = [String(person.birthday ?? '').replaceAll('-', ''), person.label ? tag(person.label) : ''].filter(Boolean).join('-');
    for (const e of events(person.result, w, person.label ?? '')) {
      const day = e.date.replaceAll('-', '');
      lines.push('BEGIN:VEVENT', `UID:${e.id}-${day}${owner ? `-${owner}` : ''}@myna-hoken`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${day}`,
        'DURATION:P1D', `SUMMARY:${text(e.summary)}`, `DESCRIPTION:${text(e.description)}`, 'TRANSP:TRANSPARENT',
        'BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:${e.alarm.trigger}`, `DESCRIPTION:${text(`${e.summary}: ${e.alarm.text}`)}`, 'END:VALARM',
        'END:VEVENT');
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * カレンダーに登録する for one answer: the first time, asks (optionally) whose
 * card it is, right under the button; then, and every later time, saves the
 * file. The label stays in this page (and in the link), never sent anywhere.
 * `ctx` is the element (its words, its shadow root, the label kept there),
 * `h` its DOM helper (handed over, so that this chunk shares no module with
 * the element's file).
 */
export function offer(ctx, result, button, h) {
  const w = ctx.w.ics;
  const save = () => {
    const birthday = ctx.results.card?.input.birthday;
    download(calendar([{ result, birthday, label: ctx.label ?? '' }], w), ctx.shadowRoot);
  };
  if (ctx.label !== undefined) return save();
  const tools = button.closest('.mh-tools');
  let box = tools.querySelector('.mh-ics-label');
  if (box) { box.querySelector('input').focus(); return undefined; }
  const id = `${ctx.uid}-ics-label`;
  const input = h('input', { id, class: 'mh-input', type: 'text', maxlength: 40, autocomplete: 'off', 'aria-describedby': `${id}-hint` });
  const none = events(result, w).length === 0;
  box = h('form', { class: 'mh-ics-label', novalidate: true,
    onsubmit: (e) => { e.preventDefault(); ctx.label = input.value.trim().slice(0, 40); save(); box.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); } },
  h('label', { class: 'mh-label', for: id, text: w.labelQuestion }),
  h('p', { class: 'mh-hint', id: `${id}-hint`, text: w.labelHint }),
  input,
  none ? h('p', { class: 'mh-notice', role: 'status', text: w.none }) : null,
  h('div', { class: 'mh-actions' }, h('button', { type: 'submit', class: 'mh-primary', text: w.download, disabled: none })));
  button.after(box);
  button.setAttribute('aria-expanded', 'true');
  input.focus();
  return undefined;
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
