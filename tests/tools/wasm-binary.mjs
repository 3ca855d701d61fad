// Reading and writing the parts of a wasm module's binary format that the
// build's own steps touch (tests/tools/short-imports.mjs, snip-panics.mjs):
// LEB128 numbers, names, sections, and the length of an import's description.

/** An unsigned LEB128 number at `at`: [value, the offset after it]. */
export function uleb(buf, at) {
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

/** `n` as unsigned LEB128. */
export function encodeUleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/** A name (its length, then UTF-8) at `at`: [text, the offset after it]. */
export function readName(buf, at) {
  const [len, start] = uleb(buf, at);
  return [buf.subarray(start, start + len).toString('utf8'), start + len];
}

/** A name as the binary format writes it. */
export const encodeName = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encodeUleb(b.length), b]); };

/** The module's sections in order: { id, start, body, end } (offsets into `wasm`). */
export function sections(wasm, path = 'the module') {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${path} is not a wasm module`);
  const out = [];
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, body] = uleb(wasm, at + 1);
    out.push({ id, start: at, body, end: body + size });
    at = body + size;
  }
  return out;
}

function skipLimits(buf, at) {
  const flags = buf[at++];
  [, at] = uleb(buf, at);
  if (flags & 1) [, at] = uleb(buf, at);
  return at;
}

/** The offset after an import's description (which follows its kind byte), per the core spec. */
export function skipImportDesc(buf, kind, at) {
  switch (kind) {
    case 0: return uleb(buf, at)[1]; // function: type index
    case 1: return skipLimits(buf, at + 1); // table: reftype, limits
    case 2: return skipLimits(buf, at); // memory: limits
    case 3: return at + 2; // global: valtype, mutability
    case 4: return uleb(buf, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`import kind ${kind} not known`);
  }
}

/** How many functions the module imports: they come first in the function index space. */
export function importedFunctions(wasm, list = sections(wasm)) {
  let n = 0;
  for (const s of list.filter((x) => x.id === 2)) {
    let [count, p] = uleb(wasm, s.body);
    for (let i = 0; i < count; i++) {
      [, p] = readName(wasm, p);
      [, p] = readName(wasm, p);
      if (wasm[p] === 0) n++;
      p = skipImportDesc(wasm, wasm[p], p + 1);
    }
  }
  return n;
}

/** The module with the bodies at `indices` (positions in the code section) made a bare trap: no locals, `unreachable`, `end`. */
export function trapBodies(wasm, indices, list = sections(wasm)) {
  const trap = Buffer.from([0x03, 0x00, 0x00, 0x0b]);
  const parts = [wasm.subarray(0, 8)];
  for (const s of list) {
    if (s.id !== 10) { parts.push(wasm.subarray(s.start, s.end)); continue; }
    let [count, p] = uleb(wasm, s.body);
    const bodies = [encodeUleb(count)];
    for (let i = 0; i < count; i++) {
      const [size, start] = uleb(wasm, p);
      bodies.push(indices.has(i) ? trap : wasm.subarray(p, start + size));
      p = start + size;
    }
    if (p !== s.end) throw new Error('code section not read to its end');
    const content = Buffer.concat(bodies);
    parts.push(Buffer.from([10]), encodeUleb(content.length), content);
  }
  return Buffer.concat(parts);
}
