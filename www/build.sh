#!/bin/sh
# Builds the page into www/dist (what a site copies next to its pages):
# - the engine, once for every language: cargo → wasm-bindgen --target web
#   (names and producers stripped) → npm binaryen's wasm-opt -Oz, into www/pkg;
# - the JS API module, bundled and minified by esbuild: myna-hoken-api.js
#   (pkg/'s glue, the Japanese words and the functions pages import);
# - the element: myna-hoken.js (element/*.js bundled; it imports
#   ./myna-hoken-api.js), myna-hoken.css and card-face.svg; every language's
#   words in words/ (Japanese is also inside the API module); the demo page
#   (index.html, demo.css) and embed.html.
# www/pkg also stays beside the unbundled sources, so www/ itself can be
# served while working on the widget.
set -eu
cd "$(dirname "$0")/.."
sh tests/setup.sh build
export PATH="$HOME/.cargo/bin:$PATH"
tools=tests/tools/node_modules/.bin

cargo build --lib --release --target wasm32-unknown-unknown --quiet
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg \
  --remove-name-section --remove-producers-section \
  target/wasm32-unknown-unknown/release/myna_hoken.wasm
# --strip-target-features: the target_features section only matters to linkers.
"$tools/wasm-opt" -Oz --converge --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/myna_hoken_bg.wasm -o www/pkg/myna_hoken_bg.wasm
rm -f www/pkg/package.json www/pkg/.gitignore
printf '[build] www/pkg/myna_hoken_bg.wasm: %s bytes\n' "$(wc -c < www/pkg/myna_hoken_bg.wasm)"

rm -rf www/dist
mkdir -p www/dist/pkg www/dist/words
"$tools/esbuild" www/myna-hoken-api.js --bundle --format=esm --minify --charset=utf8 \
  --target=es2022 --outdir=www/dist --log-level=warning
"$tools/esbuild" www/myna-hoken.js --bundle --format=esm --minify --charset=utf8 \
  --target=es2022 --external:./myna-hoken-api.js --outdir=www/dist --log-level=warning
"$tools/esbuild" www/myna-hoken.css www/demo.css --minify --charset=utf8 --outdir=www/dist --log-level=warning
cp www/index.html www/embed.html www/card-face.svg www/dist/
cp www/pkg/myna_hoken_bg.wasm www/dist/pkg/
# The words of the other languages, fetched on demand (minified: JSON.stringify).
for f in www/words/*.json; do
  node -e 'const fs=require("fs");fs.writeFileSync(process.argv[2],JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],"utf8"))))' \
    "$f" "www/dist/words/$(basename "$f")"
done
printf '[build] www/dist: %s\n' "$(cd www/dist && ls | tr '\n' ' ')"
