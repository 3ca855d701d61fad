// The build's panic snip (tests/tools/snip-panics.mjs), read back from what
// `sh www/build.sh` leaves in target/: cargo's module and the snipped copy
// wasm-bindgen reads. Read here with a reader of its own, not the tool's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const CARGO = join(ROOT, 'target/wasm32-unknown-unknown/release/myna_hoken.wasm');
const SNIPPED = join(ROOT, 'target/snipped/myna_hoken.wasm');
const TOOL = join(ROOT, 'tests/tools/snip-panics.mjs');

function uleb(buf, at) {
  let v = 0;
  let shift = 0;
  let b;
  do { b = buf[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return [v, at];
}
/** Every section as [id, bytes]; code bodies; function names by code index. */
function read(path) {
  const w = readFileSync(path);
  const sections = [];
  for (let at = 8; at < w.length;) {
    const [size, body] = uleb(w, at + 1);
    sections.push([w[at], w.subarray(body, body + size)]);
    at = body + size;
  }
  let imported = 0;
  for (const [id, s] of sections.filter(([id]) => id === 2)) {
    let [n, p] = uleb(s, 0);
    for (let i = 0; i < n; i++) {
      let len;
      [len, p] = uleb(s, p); p += len;
      [len, p] = uleb(s, p); p += len;
      const kind = s[p++];
      // This module imports functions only (wasm-bindgen's glue); anything else is a surprise.
      assert.equal(kind, 0, `import kind ${kind} in section ${id}`);
      imported++;
      [, p] = uleb(s, p);
    }
  }
  const bodies = [];
  for (const [, s] of sections.filter(([id]) => id === 10)) {
    let [n, p] = uleb(s, 0);
    for (let i = 0; i < n; i++) {
      const [size, start] = uleb(s, p);
      bodies.push(Buffer.from(s.subarray(start, start + size)));
      p = start + size;
    }
  }
  const names = new Map();
  for (const [, s] of sections.filter(([id]) => id === 0)) {
    let [len, p] = uleb(s, 0);
    if (s.subarray(p, p + len).toString() !== 'name') continue;
    p += len;
    while (p < s.length) {
      const [size, body] = uleb(s, p + 1);
      if (s[p] === 1) {
        let [n, q] = uleb(s, body);
        for (let i = 0; i < n; i++) {
          let index;
          [index, q] = uleb(s, q);
          [len, q] = uleb(s, q);
          names.set(index - imported, s.subarray(q, q + len).toString());
          q += len;
        }
      }
      p = body + size;
    }
  }
  return { sections, bodies, names };
}

test('snip: only the panic machinery became a trap; every other function and section is as cargo built it', () => {
  const before = read(CARGO);
  const after = read(SNIPPED);
  assert.equal(after.bodies.length, before.bodies.length);
  assert.deepEqual(after.sections.map(([id]) => id), before.sections.map(([id]) => id));
  for (const [i, [id, bytes]] of before.sections.entries()) {
    if (id !== 10) assert.ok(bytes.equals(after.sections[i][1]), `section ${id} changed`);
  }
  const TRAP = Buffer.from([0x00, 0x00, 0x0b]); // no locals, unreachable, end
  const changed = [];
  for (const [i, body] of before.bodies.entries()) {
    if (body.equals(after.bodies[i])) continue;
    assert.ok(after.bodies[i].equals(TRAP), `${before.names.get(i)}: changed, but not to a bare trap`);
    changed.push(before.names.get(i));
  }
  // What every panic goes through (core's panic_fmt, std's handler) is among them…
  assert.ok(changed.some((n) => /4core9panicking9panic_fmt(17h[0-9a-f]{16}E)?$/.test(n)), 'core::panicking::panic_fmt not snipped');
  assert.ok(changed.some((n) => n.endsWith('17rust_begin_unwind')), 'rust_begin_unwind not snipped');
  // …and nothing of the engine, its dependencies' logic or wasm-bindgen's glue is:
  // each snipped function is of std's or core's panicking, or of an allocation failure.
  for (const n of changed) {
    assert.match(n, /panicking|rust_begin_unwind|rust_start_panic|alloc_error|rust_oom|panic_access_error/, `${n} snipped`);
    assert.doesNotMatch(n, /myna_hoken|wasm_bindgen|serde|chrono/, `${n} snipped`);
  }
});

test('snip: a module without function names is refused, and nothing is written', () => {
  // A module with a type, a function and its body, and no name section.
  const bare = Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 0x0b]);
  const dir = mkdtempSync(join(tmpdir(), 'mh-snip-'));
  writeFileSync(join(dir, 'in.wasm'), bare);
  assert.throws(() => execFileSync(process.execPath, [TOOL, join(dir, 'in.wasm'), join(dir, 'out.wasm')], { stdio: 'pipe' }),
    (e) => /no function names/.test(String(e.stderr)));
  assert.throws(() => readFileSync(join(dir, 'out.wasm')), { code: 'ENOENT' });
});
