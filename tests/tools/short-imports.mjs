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

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node tests/tools/short-imports.mjs MODULE.wasm GLUE.js');
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

// ---- LEB128 and names ------------------------------------------------------
function uleb(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function encodeUleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
function readName(buf, at) {
  const [len, start] = uleb(buf, at);
  return [buf.subarray(start, start + len).toString('utf8'), start + len];
}
const name = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encodeUleb(b.length), b]); };

// The length of an import's description (after its kind byte), per the core spec.
function skipLimits(buf, at) {
  const flags = buf[at++];
  [, at] = uleb(buf, at);
  if (flags & 1) [, at] = uleb(buf, at);
  return at;
}
function skipDesc(buf, kind, at) {
  switch (kind) {
    case 0: return uleb(buf, at)[1]; // function: type index
    case 1: return skipLimits(buf, at + 1); // table: reftype, limits
    case 2: return skipLimits(buf, at); // memory: limits
    case 3: return at + 2; // global: valtype, mutability
    case 4: return uleb(buf, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`import kind ${kind} not known`);
  }
}

// ---- the import section ----------------------------------------------------
if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
const parts = [wasm.subarray(0, 8)];
let at = 8;
const renames = new Map();
let moduleOld = null;
const MODULE_NEW = 'm';
const short = (i) => {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do { s += abc[i % abc.length]; i = Math.floor(i / abc.length) - 1; } while (i >= 0);
  return s;
};
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = uleb(wasm, at + 1);
  const end = body + size;
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
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
  at = end;
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
