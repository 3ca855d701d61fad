#!/bin/sh
# Runs every test, installing what is missing first (see README "Testing").
#   sh tests/run.sh
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# The wasm tests run in one page, as one WebDriver script: the runner's default
# of 20 s is too short on two busy cores. Set here, not left to the default.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-300}
# A run from a fresh clone builds everything once: incremental compilation's
# bookkeeping would only cost time (as in most CI set-ups).
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}
start=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }
stop_tree() { for c in $(pgrep -P "$1" || true); do stop_tree "$c"; done; kill -TERM "$1" 2>/dev/null || true; }

step "set-up: install what is missing"
sh tests/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

# Three lanes, all mostly CPU: the Rust tests start at once, beside the release
# build (the two about 140 CPU-seconds); the page tests (about 320) start when
# the release build they use is done (README "How long it takes"). Side by
# side, each fills the moments the others leave a core idle (rustc on one
# crate, linking, LTO, a test waiting on its browser). The background lanes'
# reports are printed once they are waited for; a failing step stops them.
bg=
rust_log=$(mktemp)
pages_log=$(mktemp)
trap 'for p in $bg; do stop_tree "$p"; done; rm -f "$rust_log" "$pages_log"; [ -z "$bg" ] || echo "(a step failed: the tests running beside it were stopped)"' EXIT

# Clippy's lints, -D warnings, on every target, checked while the tests are
# compiled: clippy-driver as the workspace's compiler wrapper, as `cargo clippy`
# itself runs it, but in the builds the tests need anyway, so that nothing is
# compiled a second time only to be checked (about 45 CPU-seconds less than
# `cargo clippy` native and wasm32 beside the builds). Dependencies are not
# linted (cargo caps their lints); `cargo clippy` by hand sees the same.
clippy=$(command -v clippy-driver) || { echo "clippy-driver is missing (rustup component add clippy)"; exit 1; }
lint() { RUSTC_WORKSPACE_WRAPPER="$clippy" RUSTFLAGS="-D warnings" "$@"; }
# The native tests name their target, as the wasm tests do, so that RUSTFLAGS
# stays off the compiler's own plug-ins (serde's derive, syn): both builds then
# share them instead of compiling them twice.
host=$(rustc -vV | sed -n 's/^host: //p')

step "the Rust tests start beside the release build (their report follows the other steps)"
(
  step "native, with clippy's lints: unit tests, case tables, catalogs, properties (and the benchmark built)"
  lint cargo test --quiet --target "$host"
  lint cargo test --benches --no-run --quiet --target "$host"
  # Once, the way the people we build for run browser tests (the same tests as
  # `cargo test --target wasm32-unknown-unknown`, which .cargo/config.toml keeps
  # working for a quick run by hand).
  step "wasm-pack test --headless --chrome, with clippy's lints on wasm32: case tables and hostile input through the JS face"
  lint wasm-pack --log-level warn test --headless --chrome --chromedriver /usr/bin/chromedriver
) > "$rust_log" 2>&1 &
rust=$!
bg=$rust

step "release build and size budget"
sh www/build.sh
node tests/size.mjs

pages=
if [ -f tests/e2e/package.json ]; then
  step "page tests start beside the next steps (their report follows them)"
  # Three test files at a time (each its own browser and server), the longest
  # first so that no slot is left idle at the end. Screenshots for review only
  # when asked: MH_SCREENSHOTS=1 sh tests/run.sh (they go to tests/e2e/out/).
  (cd tests/e2e && long="webkit.test.mjs journeys.test.mjs page.test.mjs errors.test.mjs hosts.test.mjs package.test.mjs" \
    && rest=$(ls *.test.mjs | grep -vxF "$(echo "$long" | tr ' ' '\n')") \
    && MH_SCREENSHOTS=${MH_SCREENSHOTS:-0} node --test --test-concurrency=3 $long $rest) > "$pages_log" 2>&1 &
  pages=$!
  # Stopped with the others if a step fails (node's test runner and each
  # file's process; playwright closes their browsers on SIGTERM).
  bg="$bg $pages"
fi

step "README: every JS example type-checks against the published types (tsc --strict)"
node tests/tools/readme-ts.mjs

step "the profile's JSON Schema and the engine agree on thousands of broken profiles; embed.html's fallback is written from the profile"
node tests/tools/schema-agreement.mjs
node tests/tools/fallback.mjs --check

step "custom-elements.json names every attribute, property, event, part and CSS property the element has, as the README does"
node tests/tools/manifest.mjs --check

# Waits for a background lane and prints its report; a failure ends the run.
finish() {
  rc=0
  wait "$1" || rc=$?
  rest=
  for p in $bg; do [ "$p" = "$1" ] || rest="$rest $p"; done
  bg=${rest# }
  cat "$2"
  if [ "$rc" != 0 ]; then
    step "$3 failed (exit $rc): see the report above"
    exit "$rc"
  fi
}

step "the Rust tests: waiting for them"
finish "$rust" "$rust_log" "the Rust tests"

if [ -n "$pages" ]; then
  step "page tests (playwright-core + axe-core in Debian Chromium, WebKit): waiting for them"
  finish "$pages" "$pages_log" "the page tests"
fi

step "all tests passed in $(( $(date +%s) - start ))s"
