// The three forms. Every field is made from the engine's input schema, and
// only the questions the engine says apply (API.questions) are shown; the
// element adds layout only: which date of the card to type, and the
// advisor's questions a few at a time.
import { h } from './dom.js';
import { checkField, choiceField, dateField } from './fields.js';

/** The dates a visitor may have of the card, the certificate's own first (certificate-face). */
export const CARD_SOURCES = ['certificateExpires', 'cardExpires', 'cardIssued'];

/** The advisor's pages: a few questions each, one page at a time. */
export const PAGES = [
  ['membership', 'justJoined'],
  ['card'],
  ['registered', 'certificate'],
  ['numberOnFile', 'smartphone', 'registrationCancelled', 'needsHelper', 'protectedRecord', 'eligibilityCertificateLost'],
];

/** Yes/no questions asked as はい / いいえ / わからない rather than a check box
 *  (「わからない」 leaves the key out: the engine's default and note apply). */
const ASKED = new Set(['appliedBefore2022April']);

/** A field for a schema entry, labelled from the catalog. */
function fieldFor(ctx, view, spec) {
  const w = ctx.w;
  const id = `${ctx.uid}-${view}-${spec.key}`;
  const words = w.fields[spec.key] ?? { label: spec.key };
  const label = words.label;
  const hint = words.hint ? ctx.hintNode(words.hint) : null;
  if (spec.type === 'date') {
    return dateField(ctx, id, { key: spec.key, label, hint, pickEra: spec.key === 'birthday' ? '昭和' : '令和', onValid: () => ctx.fixed(view, spec.key) });
  }
  if (spec.type === 'boolean' && !ASKED.has(spec.key)) return checkField(id, { key: spec.key, label, hint: words.hint });
  // A choice's words: the form's own (ui.choices), or the values' (the reasons);
  // a membership as the insurer names it (組合員…), and only those it has.
  const table = w.choices[spec.key] ?? ctx.words.values[spec.key === 'reason' ? 'reasons' : spec.key] ?? {};
  const theirs = spec.key === 'membership' ? ctx.profile?.memberships : null;
  const choices = theirs ? spec.choices.filter((c) => theirs[c]) : spec.choices;
  const options = spec.type === 'choice'
    ? choices.map((c) => [c, ctx.valueText(spec.key, c) ?? table[c] ?? c])
    : [['true', w.yes], ['false', w.no], [spec.type === 'answer' ? 'unknown' : '', w.unknown]];
  if (spec.type === 'choice' && spec.required === false) options.push(['', w.noAnswer]);
  return choiceField(id, { key: spec.key, label, hint, options });
}

/** The value a field holds, typed as the engine takes it. */
export function valueOf(field, spec) {
  const v = field.get();
  if (v === '' || v == null) return undefined;
  if (typeof v === 'boolean') return v || undefined;
  if (spec.type === 'boolean' || spec.type === 'answer') return v === 'true' ? true : v === 'false' ? false : v;
  return v;
}

/**
 * Builds a view's form: `{ node, fields, source?, page?, ... }`. `values` are
 * the answers so far; `onChange` runs when an answer changes the questions.
 */
export function buildForm(ctx, view, values, { onSubmit, onBack, onChange }) {
  const w = ctx.w;
  const schema = ctx.schema[{ card: 'cardDates', documents: 'adviseDocuments', eligibility: 'eligibilityCertificateDates' }[view]];
  const fields = {};
  for (const spec of schema) if (spec.key !== 'asOf') fields[spec.key] = { field: fieldFor(ctx, view, spec), spec };
  for (const [key, { field }] of Object.entries(fields)) if (key in values) field.set(values[key]);
  const form = h('form', { class: 'mh-form', novalidate: true, part: 'form',
    onsubmit: (e) => { e.preventDefault(); onSubmit(); } });
  const actions = h('div', { class: 'mh-actions' });
  const out = { node: form, fields, view };

  if (view === 'card') {
    // Which date of the card the visitor has: the certificate's own expiry first.
    const given = CARD_SOURCES.filter((k) => values[k]);
    const source = choiceField(`${ctx.uid}-card-source`, {
      key: 'source', label: w.sourceQuestion,
      options: CARD_SOURCES.map((k) => [k, w.sources[k]]),
    });
    source.set(given[0] ?? CARD_SOURCES[0]);
    source.box.classList.add('mh-sources');
    out.source = source;
    form.append(
      fields.birthday.field.box,
      source.box,
      ctx.cardFace(),
      ...CARD_SOURCES.map((k) => fields[k].field.box),
      ...Object.keys(fields).filter((k) => k !== 'birthday' && !CARD_SOURCES.includes(k)).map((k) => fields[k].field.box),
    );
    source.box.addEventListener('change', onChange);
  } else if (view === 'documents') {
    out.pages = PAGES.map((keys, i) => h('fieldset', { class: 'mh-page', 'data-page': String(i) },
      h('legend', { class: 'mh-legend mh-page-legend' },
        h('span', { class: 'mh-page-count' }), ' ', w.pages[i]),
      keys.map((k) => fields[k].field.box)));
    out.page = 0;
    form.append(...out.pages);
  } else {
    form.append(...Object.values(fields).map((f) => f.field.box));
  }
  // A typed date may bring a question (the card's issue date: was it renewed
  // early?). It appears while the visitor types, not when the field loses
  // focus: a question appearing then would move the button under a click.
  let typing = 0;
  form.addEventListener('change', (e) => {
    if (e.target.closest('.mh-date')) return;
    // A question answered is no longer missing: its message goes at once.
    const key = e.target.closest('[data-key]')?.dataset.key;
    if (key) ctx.fixed(view, key);
    onChange();
  });
  form.addEventListener('input', (e) => {
    if (!e.target.closest('.mh-date')) return;
    clearTimeout(typing);
    typing = setTimeout(onChange, 300);
  });
  out.back = h('button', { type: 'button', class: 'mh-secondary', text: w.back, onclick: onBack, hidden: true });
  out.submit = h('button', { type: 'submit', class: 'mh-primary', part: 'button', text: w.submit });
  actions.append(out.back, out.submit);
  form.append(actions);
  return out;
}

/** Reads the answers: every shown field's value (hidden ones are not asked). */
export function readForm(out) {
  const values = {};
  for (const [key, { field, spec }] of Object.entries(out.fields)) {
    if (field.box.hidden || field.box.closest('[hidden]:not(.mh-page)')) continue;
    const v = valueOf(field, spec);
    if (v !== undefined) values[key] = v;
  }
  return values;
}

/**
 * Shows the questions that apply (`keys` from the engine) and, for the card,
 * the one date field chosen; for the advisor, the current page. Returns the
 * pages that have questions.
 */
export function showQuestions(out, keys, values) {
  const shown = new Set(keys);
  if (out.source) {
    const chosen = out.source.get();
    for (const k of CARD_SOURCES) shown.delete(k);
    shown.add(chosen);
    for (const k of CARD_SOURCES) if (values[k] && k !== chosen) shown.add(k);
  }
  for (const [key, { field }] of Object.entries(out.fields)) field.box.hidden = !shown.has(key);
  if (!out.pages) return null;
  const live = out.pages.map((p, i) => i).filter((i) => PAGES[i].some((k) => shown.has(k)));
  out.page = live.includes(out.page) ? out.page : live.find((i) => i > out.page) ?? live.at(-1);
  out.pages.forEach((p, i) => {
    p.hidden = i !== out.page;
    p.querySelector('.mh-page-count').textContent = out.counter(live.indexOf(i) + 1, live.length);
  });
  out.back.hidden = live.indexOf(out.page) <= 0;
  out.last = out.page === live.at(-1);
  out.live = live;
  return live;
}
