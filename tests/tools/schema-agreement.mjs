// The profile's JSON Schema (www/profiles/profile.schema.json, written from the
// engine's contract table) against the engine's own check (the release engine,
// www/pkg): every shipped profile is broken at random paths, thousands of
// times, and
//   - whatever the schema rejects, the engine rejects;
//   - whatever the engine rejects for a reason a schema can state (a type, a
//     choice, a range, a missing or unknown key, a date or URL form, a text
//     length) the schema rejects too. Fixed periods out of order or
//     overlapping and a reason given twice are the engine's alone.
//   node tests/tools/schema-agreement.mjs      (after sh www/build.sh)
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { initSync, profileProblems } from '../../www/pkg/myna_hoken.js';

const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root));
initSync({ module: read('www/pkg/myna_hoken_bg.wasm') });
const schema = JSON.parse(read('www/profiles/profile.schema.json'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const valid = ajv.compile(schema);

/** Problems only the engine can see (they span several values). */
const ENGINE_ONLY = new Set(['period_order', 'period_overlap', 'duplicate']);

// A small seeded generator, so a failure can be replayed (MH_SEED=…).
let seed = Number(process.env.MH_SEED ?? 20261202);
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (list) => list[Math.floor(rand() * list.length)];

/** Every path of a JSON value: [[key, …], …] (the root is []). */
function paths(v, at = [], out = []) {
  out.push(at);
  if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k], [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

const WRONG = [
  null, true, false, 0, 1, 2, 3, 4, 9, 10, 11, 59, 60, 61, 1.5, -1, '', '  ', 'x', 'post', 'automatic', 'employer', 'printed',
  '2025-02-30', '2025/12/01', '1899-12-31', '2201-01-01', '2025-12-01', 'ftp://example.jp', 'https://example.jp',
  'x'.repeat(301), 'x'.repeat(4001), [], ['x'], [{}], {}, { en: 'x' }, { ja: 'x', EN: 'y' }, { ja: '' }, { ja: 'x', en: 'y' },
  { kind: 'printed' }, { kind: 'months-to-month-end', months: 0 }, { kind: 'fixed', periods: [] },
  { reason: 'no-card', issue: 'automatic' }, { reason: 'no-card', issue: 'sometimes' },
];

/** One random change: replace a value, delete a key, or add an unknown one. */
function mutate(profile) {
  const p = structuredClone(profile);
  const at = pick(paths(p).filter((x) => x.length > 0));
  const parent = at.slice(0, -1).reduce((o, k) => o[k], p);
  const key = at.at(-1);
  const how = rand();
  if (how < 0.15 && !Array.isArray(parent)) delete parent[key];
  else if (how < 0.25 && !Array.isArray(parent)) parent[`${String(key)}X`] = 1;
  else parent[key] = structuredClone(pick(WRONG));
  return { p, change: `${at.join('.')} (${how < 0.15 ? 'deleted' : how < 0.25 ? 'unknown key added' : 'replaced'})` };
}

const ids = readdirSync(new URL('www/profiles/', root)).filter((f) => f.endsWith('.json') && f !== 'profile.schema.json');
const failures = [];
let tried = 0;
let rejected = 0;
for (const file of ids) {
  const profile = JSON.parse(read(`www/profiles/${file}`));
  if (!valid(profile)) failures.push(`${file}: the schema rejects the shipped profile: ${ajv.errorsText(valid.errors)}`);
  if (profileProblems(profile).length) failures.push(`${file}: the engine rejects the shipped profile`);
  for (let i = 0; i < 400; i++) {
    const { p, change } = mutate(profile);
    tried++;
    const schemaOk = valid(p);
    const problems = profileProblems(p);
    if (problems.length) rejected++;
    if (!schemaOk && problems.length === 0) {
      failures.push(`${file}, ${change}: the schema rejects (${ajv.errorsText(valid.errors)}), the engine accepts`);
    }
    const statable = problems.filter((x) => !ENGINE_ONLY.has(x.variant));
    if (schemaOk && statable.length) {
      failures.push(`${file}, ${change}: the engine rejects (${statable.map((x) => `${x.field} ${x.variant}`).join('; ')}), the schema accepts`);
    }
  }
}
console.log(`[schema] ${tried} broken profiles (${ids.length} shipped, seed ${process.env.MH_SEED ?? 20261202}): the engine rejected ${rejected}; schema and engine agree on ${tried - failures.length}`);
if (failures.length) {
  console.error(failures.slice(0, 30).join('\n'));
  console.error(`${failures.length} disagreements`);
  process.exit(1);
}
