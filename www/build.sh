#!/bin/sh
# Builds the release engine into www/pkg: cargo → wasm-bindgen (--target web,
# names and producers stripped) → npm binaryen's wasm-opt -Oz.
set -eu
cd "$(dirname "$0")/.."
sh tests/setup.sh build
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --lib --release --target wasm32-unknown-unknown --quiet
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg \
  --remove-name-section --remove-producers-section \
  target/wasm32-unknown-unknown/release/myna_hoken.wasm
tests/tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/myna_hoken_bg.wasm -o www/pkg/myna_hoken_bg.wasm
rm -f www/pkg/package.json www/pkg/.gitignore
printf '[build] www/pkg/myna_hoken_bg.wasm: %s bytes\n' "$(wc -c < www/pkg/myna_hoken_bg.wasm)"
