#!/bin/sh
# Builds the page into www/dist (what a site copies next to its pages):
# - the engine twice, each cargo → wasm-bindgen --target web (names and
#   producers stripped) → npm binaryen's wasm-opt -Oz:
#     pkg/     Japanese texts only (--no-default-features): the default download;
#     pkg-en/  Japanese and English (`lang: "en"`): fetched only when a visitor
#              switches to English, or by a page that wants English answers;
# - the widget bundled and minified by esbuild: myna-hoken.js (widget, its
#   Japanese words and pkg/'s glue), a chunk with the English words, and
#   myna-hoken.css; the demo page (index.html, demo.css) and embed.html.
# www/pkg and www/pkg-en also stay beside the unbundled sources, so www/ itself
# can be served while working on the widget.
set -eu
cd "$(dirname "$0")/.."
sh tests/setup.sh build
export PATH="$HOME/.cargo/bin:$PATH"
tools=tests/tools/node_modules/.bin

engine() { # engine DIR [cargo flags]
  dir=$1
  shift
  cargo build --lib --release --target wasm32-unknown-unknown --quiet "$@"
  rm -rf "www/$dir"
  wasm-bindgen --target web --out-dir "www/$dir" \
    --remove-name-section --remove-producers-section \
    target/wasm32-unknown-unknown/release/myna_hoken.wasm
  # --strip-target-features: the target_features section only matters to linkers.
  "$tools/wasm-opt" -Oz --converge --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "www/$dir/myna_hoken_bg.wasm" -o "www/$dir/myna_hoken_bg.wasm"
  rm -f "www/$dir/package.json" "www/$dir/.gitignore"
  printf '[build] www/%s/myna_hoken_bg.wasm: %s bytes\n' "$dir" "$(wc -c < "www/$dir/myna_hoken_bg.wasm")"
}
engine pkg --no-default-features
engine pkg-en

rm -rf www/dist
mkdir -p www/dist
"$tools/esbuild" www/myna-hoken.js --bundle --splitting --format=esm --minify --charset=utf8 \
  --target=es2022 --chunk-names='[name]-[hash]' --outdir=www/dist --log-level=warning
"$tools/esbuild" www/myna-hoken.css www/demo.css --minify --charset=utf8 --outdir=www/dist --log-level=warning
cp www/index.html www/embed.html www/dist/
cp -R www/pkg www/pkg-en www/dist/
printf '[build] www/dist: %s\n' "$(cd www/dist && ls | tr '\n' ' ')"
