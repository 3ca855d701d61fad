// Size report and budget: what a visitor downloads for the widget, raw and
// gzip -9 (zlib level 9). Run after `sh www/build.sh`:  node tests/size.mjs
// Budgets (issue 5): gzip total <= 50 KB, gzip wasm <= 35 KB (1 KB = 1000 B).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../www/', import.meta.url));
// myna-hoken-en.js is loaded only for English, so it is listed but not counted.
const files = ['index.html', 'style.css', 'myna-hoken.js', 'myna-hoken-ja.js', 'pkg/myna_hoken.js', 'pkg/myna_hoken_bg.wasm'];
const TOTAL_BUDGET = 50_000;
const WASM_BUDGET = 35_000;

let raw = 0;
let gz = 0;
let wasmGz = 0;
console.log('file                      raw B   gzip B');
for (const f of files) {
  const path = www + f;
  if (!existsSync(path)) {
    console.log(`${f.padEnd(24)}  (missing)`);
    continue;
  }
  const bytes = readFileSync(path);
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  if (f.endsWith('.wasm')) wasmGz = g;
  console.log(`${f.padEnd(24)} ${String(bytes.length).padStart(7)} ${String(g).padStart(8)}`);
}
console.log(`${'total'.padEnd(24)} ${String(raw).padStart(7)} ${String(gz).padStart(8)}`);
const enforce = process.env.SIZE_BUDGET !== 'off';
let ok = true;
if (gz > TOTAL_BUDGET) { console.log(`over budget: gzip total ${gz} B > ${TOTAL_BUDGET} B`); ok = false; }
if (wasmGz > WASM_BUDGET) { console.log(`over budget: gzip wasm ${wasmGz} B > ${WASM_BUDGET} B`); ok = false; }
console.log(ok ? 'size budget: ok' : `size budget: exceeded${enforce ? '' : ' (not enforced: SIZE_BUDGET=off)'}`);
if (!ok && enforce) process.exit(1);
