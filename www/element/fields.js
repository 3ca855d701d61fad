// The form's fields: a date (one text box, 元号/年/月/日 pickers on request,
// read back in both calendars), a choice (radio buttons) and a yes/no check.
// Each returns { box, get(), set(value), focusable }.
import { h } from './dom.js';

/**
 * A date: typed in 西暦 or 和暦, full-width or not, or picked. `ctx` is the
 * element: `ctx.w` its words, `ctx.api` the API in its language,
 * `ctx.announce(text)` its polite live region, `ctx.eras` the engine's eras.
 */
export function dateField(ctx, id, { key, label, hint, pickEra = '令和', onValid }) {
  const w = ctx.w;
  const input = h('input', {
    id, type: 'text', class: 'mh-input', name: key, maxlength: 64, spellcheck: 'false', part: 'input',
    autocomplete: key === 'birthday' ? 'bday' : 'off',
    'aria-describedby': `${id}-hint ${id}-error ${id}-echo`,
  });
  const echo = h('p', { class: 'mh-echo', id: `${id}-echo` });
  const toggle = h('button', {
    type: 'button', class: 'mh-link mh-pick-toggle', 'aria-expanded': 'false', 'aria-controls': `${id}-picks`,
    text: w.pickOpen,
  });
  const select = (part, name, options) => h('label', { class: `mh-pick mh-pick-${part}` },
    h('span', { class: 'mh-pick-label', text: name }),
    h('select', { class: 'mh-select', 'data-part': part },
      options.map(([value, text]) => h('option', { value, text }))));
  const eraBox = select('era', w.era, ctx.eras.map((e) => [e.kanji, ctx.fill(ctx.words.format.eraOption, e)]));
  const yearBox = select('year', w.year, []);
  const monthBox = select('month', w.month, [['', '—'], ...range(12).map((i) => [String(i), String(i)])]);
  const dayBox = select('day', w.day, [['', '—'], ...range(31).map((i) => [String(i), String(i)])]);
  const picks = h('fieldset', { class: 'mh-picker', id: `${id}-picks`, hidden: true },
    h('legend', { class: 'mh-picker-legend', text: `${label}${w.pickLegend}` }),
    h('div', { class: 'mh-picks' }, eraBox, yearBox, monthBox, dayBox));
  const part = (p) => picks.querySelector(`[data-part="${p}"]`);
  const years = (era, keep) => {
    const e = ctx.eras.find((x) => x.kanji === era) ?? ctx.eras[0];
    part('year').replaceChildren(h('option', { value: '', text: '—' }),
      ...range(e.years).map((y) => h('option', { value: String(y), text: y === 1 ? w.firstYear : String(y) })));
    part('year').value = keep ?? '';
  };
  part('era').value = pickEra;
  years(pickEra);
  let timer = 0;
  let said = '';
  /** Reads the text back in both calendars; says it aloud once the visitor pauses or leaves. */
  const read = (fromPicker = false) => {
    const text = input.value.trim();
    let iso = null;
    if (text) try { iso = ctx.api.parseDate(text); } catch { iso = null; }
    echo.replaceChildren(...(iso ? [w.echo, ctx.dateNode(iso)] : []));
    echo.dataset.iso = iso ?? '';
    // A date the echo reads is no longer wrong: its message goes at once.
    if (iso) onValid?.();
    clearTimeout(timer);
    if (iso) timer = setTimeout(speak, 1200);
    if (iso && !fromPicker) {
      let wareki = '';
      try { wareki = ctx.api.formatWareki(iso); } catch { /* no 和暦: leave the pickers */ }
      const m = /^(\S+?)(元|\d+)年(\d+)月(\d+)日$/.exec(wareki);
      if (m && ctx.eras.some((e) => e.kanji === m[1])) {
        part('era').value = m[1];
        years(m[1], m[2] === '元' ? '1' : m[2]);
        part('month').value = m[3];
        part('day').value = m[4];
      }
    }
  };
  const speak = () => {
    clearTimeout(timer);
    const text = echo.textContent;
    if (text && text !== said) { said = text; ctx.announce(`${label}: ${text}`); }
  };
  input.addEventListener('input', () => read());
  input.addEventListener('blur', speak);
  toggle.addEventListener('click', () => {
    const open = picks.hidden;
    picks.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? w.pickClose : w.pickOpen;
    if (open) part('era').focus();
  });
  picks.addEventListener('change', (e) => {
    if (e.target.dataset.part === 'era') years(e.target.value, part('year').value);
    const [era, year, month, day] = ['era', 'year', 'month', 'day'].map((p) => part(p).value);
    if (era && year && month && day) {
      input.value = `${era}${year}年${month}月${day}日`;
      read(true);
    }
  });
  const box = h('div', { class: 'mh-field mh-date', 'data-key': key, part: 'field' },
    h('label', { class: 'mh-label', for: id, text: label }),
    hint ? h('p', { class: 'mh-hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'mh-error', id: `${id}-error`, hidden: true }),
    h('div', { class: 'mh-date-row' }, input, toggle),
    picks, echo);
  return {
    box, key, focusable: input,
    get: () => input.value.trim(),
    set: (v) => { input.value = v ?? ''; read(); },
  };
}

/** Radio buttons for one question; `options` are [value, text] pairs. */
export function choiceField(id, { key, label, hint, options }) {
  const box = h('fieldset', { class: 'mh-field mh-choice', 'data-key': key, id, part: 'field',
    'aria-describedby': `${hint ? `${id}-hint ` : ''}${id}-error` },
  h('legend', { class: 'mh-legend', text: label }),
  hint ? h('p', { class: 'mh-hint', id: `${id}-hint` }, hint) : null,
  h('p', { class: 'mh-error', id: `${id}-error`, hidden: true }),
  h('div', { class: 'mh-options' }, options.map(([value, text], i) => h('div', { class: 'mh-option' },
    h('input', { type: 'radio', class: 'mh-radio', name: id, id: `${id}-${i}`, value: String(value) }),
    h('label', { for: `${id}-${i}`, text })))));
  const radios = () => [...box.querySelectorAll('input')];
  return {
    box, key,
    get focusable() { return radios().find((r) => r.checked) ?? radios()[0]; },
    get: () => radios().find((r) => r.checked)?.value ?? null,
    set: (v) => { for (const r of radios()) r.checked = v != null && r.value === String(v); },
  };
}

/** One check box. */
export function checkField(id, { key, label, hint }) {
  const input = h('input', { type: 'checkbox', id, name: key, class: 'mh-checkbox',
    'aria-describedby': `${id}-error${hint ? ` ${id}-hint` : ''}` });
  const box = h('div', { class: 'mh-field mh-check', 'data-key': key, part: 'field' },
    h('p', { class: 'mh-error', id: `${id}-error`, hidden: true }),
    input, h('label', { for: id, class: 'mh-check-label', text: label }),
    hint ? h('p', { class: 'mh-hint', id: `${id}-hint`, text: hint }) : null);
  return { box, key, focusable: input, get: () => input.checked, set: (v) => { input.checked = v === true; } };
}

/** Marks a field as wrong, with its message; returns what to focus. */
export function markInvalid(field, message, prefix) {
  const msg = field.box.querySelector('.mh-error');
  msg.hidden = false;
  msg.replaceChildren(h('span', { class: 'mh-visually-hidden', text: prefix }), message);
  field.box.classList.add('mh-invalid');
  for (const i of field.box.querySelectorAll('input')) i.setAttribute('aria-invalid', 'true');
  return field.focusable;
}

function range(n) {
  return Array.from({ length: n }, (_, i) => i + 1);
}
