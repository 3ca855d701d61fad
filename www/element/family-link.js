// A household in the URL fragment: each key prefixed by the person's number
// and a dot (`1.label=父&1.birthday=1985-09-18&2.label=長女&2.birthday=…`);
// `asOf` and `lang` without a prefix are for everyone. Labels are the
// visitor's own words: they stay in the fragment, which never reaches a
// server. A fragment is read as far as it is valid; what is skipped is named.
import { MAX_LABEL, MAX_PEOPLE, PERSON_KEYS } from '../household.js';

const PREFIXED = /^([1-9]\d?)\.([A-Za-z]{1,40})$/;

/** The keys a person may have: the household's own and `cardDates`'s (but the day and the profile). */
function personFields(schema) {
  const fields = new Map(schema.cardDates.filter((f) => f.key !== 'asOf').map((f) => [f.key, f]));
  for (const f of schema.adviseDocuments) if (PERSON_KEYS.includes(f.key)) fields.set(f.key, f);
  fields.set('label', { key: 'label', type: 'text' });
  return fields;
}

/** Reads a household fragment: `{ people, lang, asOf, skipped }`; `typed` is state.js's. */
export function readHousehold(hash, schema, typed) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const fields = personFields(schema);
  const byNumber = new Map();
  const skipped = [];
  let lang = null;
  let asOf = null;
  for (const [key, value] of params) {
    if (key === 'lang') { lang = value; continue; }
    if (key === 'asOf') { asOf = value.slice(0, 64); continue; }
    if (key === 'profile') continue;
    const m = PREFIXED.exec(key);
    const n = m ? Number(m[1]) : 0;
    const field = m ? fields.get(m[2]) : null;
    if (!field || n > MAX_PEOPLE) { skipped.push(key.slice(0, 40)); continue; }
    if (!byNumber.has(n)) byNumber.set(n, {});
    byNumber.get(n)[m[2]] = field.type === 'text' ? value.trim().slice(0, MAX_LABEL) : typed(field, value);
  }
  const people = [...byNumber.keys()].sort((a, b) => a - b).map((n) => byNumber.get(n));
  return { people, lang, asOf, skipped };
}

/** Writes the household's answers (dates as the engine read them) into the fragment. */
export function writeHousehold(people, lang, asOf) {
  const params = new URLSearchParams();
  people.forEach((p, i) => {
    for (const [key, value] of Object.entries(p)) {
      if (value == null || value === '' || key === 'asOf' || key === 'lang') continue;
      params.set(`${i + 1}.${key}`, String(value));
    }
  });
  if (asOf) params.set('asOf', asOf);
  if (lang && lang !== 'ja') params.set('lang', lang);
  const hash = `#${params}`;
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}
