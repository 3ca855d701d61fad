// Replaces the body of the engine's panic entry points with a bare `unreachable`,
// in the module cargo builds, before wasm-bindgen and wasm-opt (which then drop
// everything only those bodies used: the panic hook, the message's formatting,
// its payload types). Run by www/build.sh:
//   node tests/tools/snip-panics.mjs target/wasm32-unknown-unknown/release/myna_hoken.wasm OUT.wasm
//
// Why nothing is lost: the release build has `panic = "abort"`, and on
// wasm32-unknown-unknown a panic ends in the same trap either way (std's hook
// writes its message to a stderr that goes nowhere there). The API module
// turns the trap (a WebAssembly.RuntimeError) into the coded error `engine_stopped`
// either way (tests/e2e/fault.test.mjs). What goes is 1.9 KB gzip of code that
// formatted a message no one could read. A crate-level `#![no_std]` would do
// this too, but serde-wasm-bindgen needs std, and building std without its
// panic machinery needs rust-src and a nightly toolchain, which a machine of
// this kind cannot fetch.
//
// It reads function names from the module's `name` section (rustc writes it in
// release builds; wasm-bindgen's --remove-name-section drops it afterwards). It
// fails, changing nothing, unless the two entry points every panic goes through
// are there, so a new toolchain cannot quietly undo it.
import { readFileSync, writeFileSync } from 'node:fs';
import { uleb, readName, sections, importedFunctions, trapBodies } from './wasm-binary.mjs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node tests/tools/snip-panics.mjs IN.wasm OUT.wasm');
  process.exit(2);
}
const wasm = readFileSync(input);

// Each entry point by the path rustc's v0 mangling writes for it (legacy
// mangling writes the same length-prefixed components). `required` ones must
// be found.
const ENTRY_POINTS = [
  // core::panicking::panic_fmt: every panic (bounds checks, unwrap, expect,
  // RefCell, arithmetic, panic!) calls it.
  { path: '4core9panicking9panic_fmt', required: true },
  { path: '4core9panicking18panic_nounwind_fmt', required: false },
  // std's panic handler (the lang item panic_fmt calls) and the unwinder's start.
  { path: '17rust_begin_unwind', required: true },
  { path: '18___rust_start_panic', required: false },
  // An allocation failure: alloc's entry point and std's handler, which
  // would print "memory allocation of N bytes failed" through the same hook.
  { path: '5alloc5alloc18handle_alloc_error', required: false },
  { path: '26___rust_alloc_error_handler', required: false },
  { path: '3std5alloc8rust_oom', required: false },
  // A thread-local read after its destruction (not on one thread in a page).
  { path: '3std6thread5local18panic_access_error', required: false },
];
// Functions of std::panicking itself, and those defined inside it (the
// payloads' trait methods and drop glue, which vtables in the function table
// keep alive even once nothing can reach them).
const INSIDE = '3std9panicking';

const sectionList = sections(wasm, input);

const imported = importedFunctions(wasm, sectionList);

// Function names (the `name` custom section, subsection 1).
const names = new Map();
for (const s of sectionList.filter((s) => s.id === 0)) {
  let [section, p] = readName(wasm, s.body);
  if (section !== 'name') continue;
  while (p < s.end) {
    const sub = wasm[p];
    const [size, body] = uleb(wasm, p + 1);
    if (sub === 1) {
      let [count, q] = uleb(wasm, body);
      for (let i = 0; i < count; i++) {
        let index;
        let name;
        [index, q] = uleb(wasm, q);
        [name, q] = readName(wasm, q);
        names.set(index, name);
      }
    }
    p = body + size;
  }
}
if (!names.size) throw new Error(`${input} has no function names (built with names stripped?)`);

// A name is an entry point when it ends with the entry point's path (v0:
// nothing follows a plain function's last component; legacy: the hash does).
const matches = (name, path) => name.endsWith(path) || new RegExp(`${path}17h[0-9a-f]{16}E$`).test(name);
const snip = new Map();
for (const [index, name] of names) {
  const entry = ENTRY_POINTS.find((e) => matches(name, e.path)) ?? (name.includes(INSIDE) ? { path: INSIDE } : null);
  if (!entry) continue;
  if (index < imported) throw new Error(`${name} is imported, not defined here`);
  snip.set(index - imported, { name, entry });
}
for (const e of ENTRY_POINTS.filter((e) => e.required)) {
  if (![...snip.values()].some((s) => s.entry === e)) throw new Error(`${input}: no function ends with ${e.path}; the toolchain may have renamed it`);
}

const out = trapBodies(wasm, snip, sectionList);
writeFileSync(output, out);
const inside = [...snip.values()].filter((s) => s.entry.path === INSIDE).length;
const named = [...snip.values()].filter((s) => s.entry.path !== INSIDE).map((s) => s.entry.path.replace(/^\d+/, ''));
console.log(`[snip-panics] ${snip.size} bodies made unreachable: ${named.join(', ')} and ${inside} of std::panicking`);
