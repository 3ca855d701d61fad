#!/bin/sh
# Installs what building and testing need, only what is missing, on a fresh
# Debian machine of this kind (see shared/TOOLING.md for why each step is so).
#   sh tests/setup.sh          everything (browser, wasm tools, npm packages)
#   sh tests/setup.sh build    only what `sh www/build.sh` needs
set -eu
cd "$(dirname "$0")/.."
what=${1:-all}
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

# npm ci in a folder when its node_modules is missing or older than its
# lock file (a stamp holds the lock's checksum), so new packages arrive on
# machines that already ran this.
npm_ci() {
  sum=$(sha256sum "$1/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$1/node_modules/.mh-lock" 2>/dev/null || true)" != "$sum" ]; then
    say "npm ci in $1"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" > "$1/node_modules/.mh-lock"
  fi
}

# The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# clippy and rustfmt (a minimal rustup profile has neither): tests/run.sh lints
# with clippy-driver and checks the format.
if [ "$what" = all ]; then
  for c in clippy rustfmt; do
    if ! rustup component list --installed | grep -q "^$c"; then
      say "rustup component add $c"
      rustup component add "$c"
    fi
  done
fi

# The wasm-bindgen CLI at exactly the version in Cargo.lock (it refuses others).
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "cargo install wasm-bindgen-cli $want (have: ${have:-none})"
  # Not --locked: a pinned dependency is missing from the registry here.
  cargo install wasm-bindgen-cli --version "$want" --no-default-features --debug --force
fi

# npm binaryen for wasm-opt (Debian's wasm-opt 108 breaks current output),
# and esbuild, which bundles and minifies the page's JS and CSS.
npm_ci tests/tools

[ "$what" = build ] && exit 0

# Chromium and its driver, from Debian (never a downloaded browser).
# chromium-headless-shell: the same Chromium without the desktop browser, which
# the page tests drive (fewer CPU-seconds, as measured in tests/e2e/helpers.mjs).
# fonts-noto-cjk: Japanese glyphs in the page tests' screenshots.
# webkit2gtk-driver + xvfb: WebKit (Safari's engine) for tests/e2e/webkit.test.mjs.
# procps: pgrep, with which tests/run.sh stops the page tests when a step fails.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium-headless-shell ] \
  || [ ! -d /usr/share/fonts/opentype/noto ] \
  || ! command -v WebKitWebDriver >/dev/null 2>&1 || ! command -v xvfb-run >/dev/null 2>&1 \
  || ! command -v pgrep >/dev/null 2>&1; then
  say "apt-get install chromium chromium-driver chromium-headless-shell fonts-noto-cjk webkit2gtk-driver xvfb procps"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver chromium-headless-shell fonts-noto-cjk \
    webkit2gtk-driver xvfb procps >/dev/null
fi

# wasm-pack, for `wasm-pack test --headless --chrome`.
if ! command -v wasm-pack >/dev/null 2>&1; then
  say "cargo install wasm-pack"
  cargo install wasm-pack --locked
fi

# The page tests' packages (playwright-core, axe-core, and the CSS frameworks of the host pages).
npm_ci tests/e2e
exit 0
