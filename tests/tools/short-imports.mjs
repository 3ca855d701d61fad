// Shortens the names the engine imports from its JS glue, in both places they
// are written: the wasm's import section and the glue's import object
// (www/pkg/myna_hoken.js). wasm-bindgen names each import after what it does
// plus a 16-digit hash (`__wbg_Error_208446807d0d1e30`); the hashes cannot be
// compressed, and each name is written twice. Here they become `a`, `b`, …,
// and the module name `./myna_hoken_bg.js` becomes `m`. Run by www/build.sh
// after wasm-opt:
//   node tests/tools/short-imports.mjs www/pkg/myna_hoken_bg.wasm www/pkg/myna_hoken.js
// It fails (and changes nothing) if a name of the wasm is not exactly once a
// key of the glue's import object, so a new wasm-bindgen cannot break it quietly.
import { readFileSync, writeFileSync } from 'node:fs';
import { uleb, encodeUleb, readName, encodeName as name, sections, skipImportDesc as skipDesc } from './wasm-binary.mjs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node tests/tools/short-imports.mjs MODULE.wasm GLUE.js');
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

// ---- the import section ----------------------------------------------------
const parts = [wasm.subarray(0, 8)];
const renames = new Map();
let moduleOld = null;
const MODULE_NEW = 'm';
const short = (i) => {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do { s += abc[i % abc.length]; i = Math.floor(i / abc.length) - 1; } while (i >= 0);
  return s;
};
for (const { id, start, body, end } of sections(wasm, wasmPath)) {
  if (id !== 2) {
    parts.push(wasm.subarray(start, end));
    continue;
  }
  const [count, first] = uleb(wasm, body);
  const entries = [encodeUleb(count)];
  let p = first;
  for (let i = 0; i < count; i++) {
    let mod;
    let field;
    [mod, p] = readName(wasm, p);
    [field, p] = readName(wasm, p);
    const kind = wasm[p];
    const descEnd = skipDesc(wasm, kind, p + 1);
    const desc = wasm.subarray(p, descEnd);
    p = descEnd;
    if (moduleOld === null) moduleOld = mod;
    if (mod !== moduleOld) throw new Error(`imports from two modules (${moduleOld}, ${mod}): not handled`);
    if (!renames.has(field)) renames.set(field, short(renames.size));
    entries.push(name(MODULE_NEW), name(renames.get(field)), desc);
  }
  if (p !== end) throw new Error('import section not read to its end');
  const content = Buffer.concat(entries);
  parts.push(Buffer.from([2]), encodeUleb(content.length), content);
}
if (!renames.size) throw new Error(`${wasmPath} has no imports to shorten (already shortened?)`);

// ---- the glue: each name once, as a key of the import object ---------------
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
for (const [old, now] of renames) {
  const key = new RegExp(`(^|[\\s{,])${escape(old)}(?=\\s*:)`, 'g');
  const hits = glue.match(key)?.length ?? 0;
  if (hits !== 1) throw new Error(`${gluePath}: the import ${old} is a key ${hits} times, not once`);
  if (glue.split(old).length - 1 !== 1) throw new Error(`${gluePath}: ${old} is written elsewhere too`);
  glue = glue.replace(key, `$1${now}`);
}
const moduleKey = JSON.stringify(moduleOld);
if (glue.split(moduleKey).length - 1 !== 1) throw new Error(`${gluePath}: the module name ${moduleKey} is not there exactly once`);
glue = glue.replace(moduleKey, JSON.stringify(MODULE_NEW));

const out = Buffer.concat(parts);
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
console.log(`[short-imports] ${renames.size} imports renamed: ${wasm.length} → ${out.length} B of wasm`);
