// The visitor's answers in the URL fragment, with the API's input keys, so an
// FAQ can link to a filled-in example and a visitor can bookmark or share a
// result (the fragment never reaches a server). Which answer a link is for is
// read off its keys with the engine's input schema.

export const VIEWS = ['card', 'documents', 'eligibility'];
export const FUNCTIONS = { card: 'cardDates', documents: 'adviseDocuments', eligibility: 'eligibilityCertificateDates' };
const MAX_TEXT = 64;

/** The view whose function takes every key of `keys` and gets its required ones. */
export function viewOf(keys, schema) {
  for (const view of ['eligibility', 'documents', 'card']) {
    const fields = schema[FUNCTIONS[view]];
    const known = new Set(fields.map((f) => f.key));
    const required = fields.filter((f) => f.required === true).map((f) => f.key);
    const own = keys.filter((k) => known.has(k) && k !== 'asOf');
    if (own.length && own.length === keys.filter((k) => k !== 'asOf').length && required.some((k) => keys.includes(k))) return view;
  }
  const best = VIEWS.map((v) => [v, keys.filter((k) => schema[FUNCTIONS[v]].some((f) => f.key === k)).length])
    .sort((a, b) => b[1] - a[1])[0];
  return best[1] ? best[0] : null;
}

/** The typed value of a fragment text for a schema field. */
export function typed(field, text) {
  const t = text.slice(0, MAX_TEXT);
  if (field?.type === 'boolean' || field?.type === 'answer') {
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return t;
}

/**
 * Reads `#key=value&…`: `{ view, values, lang, unknown }`, or null without
 * answers; a household's link (`#1.birthday=…&2.…`, family-link.js) is
 * `{ view: 'card', household: true, lang }`.
 */
export function readFragment(hash, schema) {
  const raw = hash.replace(/^#/, '');
  if (!raw.includes('=')) return null;
  let params;
  try { params = new URLSearchParams(raw); } catch { return null; }
  const keys = [...params.keys()].filter((k) => k !== 'lang' && k !== 'profile');
  if (keys.some((k) => /^\d+\./.test(k))) return { view: 'card', household: true, values: {}, lang: params.get('lang'), unknown: [] };
  const view = viewOf(keys, schema);
  // A link with only a language (#lang=en) opens the empty form in it.
  if (!view) return params.get('lang') && !keys.length ? { view: null, values: {}, lang: params.get('lang'), unknown: [] } : null;
  const fields = schema[FUNCTIONS[view]];
  const values = {};
  const unknown = [];
  for (const [key, value] of params) {
    if (key === 'lang' || key === 'profile') continue;
    const field = fields.find((f) => f.key === key);
    if (!field) { unknown.push(key.slice(0, 40)); continue; }
    values[key] = typed(field, value);
  }
  return { view, values, lang: params.get('lang'), unknown };
}

/** Writes the input of the answer shown (without `lang` unless it is not Japanese). */
export function writeFragment(input, lang) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (key === 'lang' || value == null || value === '') continue;
    params.set(key, String(value));
  }
  if (lang && lang !== 'ja') params.set('lang', lang);
  const hash = `#${params}`;
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}
