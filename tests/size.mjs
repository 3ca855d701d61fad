// Size report and budgets: what a visitor downloads for the widget, raw,
// gzip -9 (zlib level 9) and brotli (quality 11, what `sh www/build.sh` writes
// beside each file). Run after `sh www/build.sh`:  node tests/size.mjs
//
// Counted (the default download, from www/dist): embed.html (the markup a
// site pastes, with its no-wasm fallback), myna-hoken.css, myna-hoken.js (the
// element), myna-hoken-api.js (the JS API: engine glue, the Japanese words a
// first answer needs),
// pkg/myna_hoken_bg.wasm (the engine, one for every language) and
// profiles/kddi.json (the default insurer's facts), and any chunk one of
// these modules imports statically.
// Listed but not counted: the demo FAQ page around it, and what is fetched
// only when asked for (the calendar file's code, the family view, another
// language, and the whole Japanese catalog for those two buttons).
//
// Fails the run when (1 KB = 1000 B) the total passes TOTAL_CEILING or the
// wasm passes WASM_CEILING: ratchets, set to what the last change measured
// (plus a few hundred bytes of slack for toolchain noise), so nothing grows
// back unnoticed; each change that shrinks the widget lowers them. The
// budgets (issue 16: 40,000 B of wasm, 66,000 B in all, gzip) are reported on
// every run, met or not.
// The insurer profiles (issue 11) raised both: README "Size" says by how much.
// The answers that end each journey truly (issue 14: "yes, I renewed", the
// period of stay, the reasons for no grace, conditions on 「わからない」, the
// family routes, every missing field at once, calendar reminders) raised them
// again, by 3.1 KB of wasm and 7.1 KB in all; the insurer contract (issue 15:
// new inputs, reasons and profile shapes) by 1.0 KB of wasm and 0.4 KB in all.
// The delivery issue (16) brings them down: the engine's imports renamed a, b, …
// (tests/tools/short-imports.mjs) and the calendar file's code loaded on its
// button, 87,896 → 85,767 B in all (README "Size" lists each lever).
// The family view (issue 17) is loaded on its button (myna-hoken-family-*.js,
// about 4 KB); on the default path it added its Japanese words (inside the API
// module, 0.8 KB), its CSS, the element's hand-over of its modules and the
// 75th birthday in the card's answer: 1.1 KB in all, 0.05 KB of it wasm.
// Words per view (tests/tools/api-bundle.mjs) took them off it again, with the
// calendar's words and the fallback's: 87,036 → 85,901 B in all. The panic
// machinery's entry points made bare traps (tests/tools/snip-panics.mjs):
// wasm 47,880 → 45,940 B, 85,948 → 84,008 B in all; the profile checker's
// length limit without core's character counter: wasm → 45,555 B, → 83,623 B.
// A day that does not exist said in the same round as a question left empty
// (the element asks the engine about what is typed): +116 B, → 83,739 B.
// A trap inside the engine made the coded error `engine_stopped`, and the engine
// stopped for the page (the API module's `run`, its words in each catalog,
// the element's fallback): +176 B, → 83,915 B.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../www/dist/', import.meta.url));
if (!existsSync(`${dist}pkg/myna_hoken_bg.wasm`)) {
  console.error('www/dist is missing: run "sh www/build.sh" first');
  process.exit(1);
}
const counted = ['embed.html', 'myna-hoken.css', 'myna-hoken.js', 'myna-hoken-api.js', 'pkg/myna_hoken_bg.wasm', 'profiles/kddi.json'];
// Every chunk a counted module imports statically is fetched with it, so it is
// counted too (`import(…)`, loaded on a click, is not).
const staticImports = (f) => [...readFileSync(dist + f, 'utf8')
  .matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
for (let i = 0; i < counted.length; i++) {
  if (!counted[i].endsWith('.js')) continue;
  for (const dep of staticImports(counted[i])) if (!counted.includes(dep)) counted.push(dep);
}
const onDemand = [
  ...readdirSync(dist).filter((f) => /^myna-hoken-.*-[A-Z0-9]{8}\.js$/.test(f) && !counted.includes(f)),
  ...readdirSync(`${dist}words`).filter((f) => f.endsWith('.json') && f !== 'languages.json').map((f) => `words/${f}`),
];
const listed = [
  ['demo page', ['index.html', 'demo.css']],
  ['on demand: the calendar file\'s code, the family view, every word of a language (ja: for those two)', onDemand],
];
const WASM_BUDGET = 40_000;
const WASM_CEILING = 45_700;
const TOTAL_BUDGET = 66_000;
const TOTAL_CEILING = 83_950;

const size = (f) => {
  const bytes = readFileSync(dist + f);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length, br };
};
const row = (f, s) => console.log(`${f.padEnd(30)} ${String(s.raw).padStart(7)} ${String(s.gz).padStart(8)} ${String(s.br).padStart(8)}`);

console.log(`${'www/dist/'.padEnd(30)}   raw B   gzip B  brotli B`);
let raw = 0;
let gz = 0;
let br = 0;
let wasmGz = 0;
for (const f of counted) {
  const s = size(f);
  row(f, s);
  raw += s.raw;
  gz += s.gz;
  br += s.br;
  if (f.endsWith('.wasm')) wasmGz = s.gz;
}
row('total (the widget)', { raw, gz, br });
for (const [what, files] of listed) {
  console.log(`-- not counted: ${what}`);
  for (const f of files) row(f, size(f));
}
const cmp = (what, value, limit) => `${what} ${value} B ${value <= limit ? '<=' : '>'} ${limit} B`;
console.log(`budget: ${cmp('gzip wasm', wasmGz, WASM_BUDGET)} — ${wasmGz <= WASM_BUDGET ? 'met' : 'not met'}`);
console.log(`ceiling: ${cmp('gzip wasm', wasmGz, WASM_CEILING)} — ${wasmGz <= WASM_CEILING ? 'ok' : 'EXCEEDED'}`);
console.log(`budget: ${cmp('gzip total', gz, TOTAL_BUDGET)} — ${gz <= TOTAL_BUDGET ? 'met' : 'not met'}`);
console.log(`ceiling: ${cmp('gzip total', gz, TOTAL_CEILING)} — ${gz <= TOTAL_CEILING ? 'ok' : 'EXCEEDED'}`);
if (wasmGz > WASM_CEILING || gz > TOTAL_CEILING) process.exit(1);
