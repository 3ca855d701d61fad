#!/bin/sh
# Builds the page into www/dist (what a site copies next to its pages):
# - the engine, once for every language: cargo → its panic entry points made
#   a bare trap (tests/tools/snip-panics.mjs) → wasm-bindgen --target web
#   (names and producers stripped) → npm binaryen's wasm-opt -Oz, into www/pkg;
# - the JS API module, bundled and minified by esbuild: myna-hoken-api.js
#   (pkg/'s glue, the Japanese words a first answer needs and the functions
#   pages import: tests/tools/api-bundle.mjs);
# - the element: myna-hoken.js (element/*.js bundled; it imports
#   ./myna-hoken-api.js; the calendar file's code and the family view are
#   chunks of their own, myna-hoken-ics-HASH.js and myna-hoken-family-HASH.js,
#   loaded on the first click), the household module for pages
#   (myna-hoken-household.js), myna-hoken.css and card-face.svg; every language's
#   words in words/ (the Japanese a first answer needs is also inside the API module); the insurer
#   profiles in profiles/ (without their maintainers' `notes`); the types of
#   the API module (myna-hoken-api.d.ts); the demo page (index.html,
#   demo.css), embed.html and the profile checker (profile.html); a .br and
#   a .gz copy beside each text and wasm file.
# www/pkg also stays beside the unbundled sources, so www/ itself can be
# served while working on the widget.
set -eu
cd "$(dirname "$0")/.."
sh tests/setup.sh build
export PATH="$HOME/.cargo/bin:$PATH"
tools=tests/tools/node_modules/.bin

cargo build --lib --release --target wasm32-unknown-unknown --quiet
# panic = "abort" ends a panic in a trap anyway; what std runs before it (the
# hook, the message's formatting) only writes to a stderr that goes nowhere on
# wasm32-unknown-unknown. wasm-opt drops it once its entry points are traps.
mkdir -p target/snipped
node tests/tools/snip-panics.mjs target/wasm32-unknown-unknown/release/myna_hoken.wasm target/snipped/myna_hoken.wasm
rm -rf www/pkg
# --omit-default-module-path: the API module always says where the .wasm is
# (a bundler would otherwise warn about the glue's own default).
wasm-bindgen --target web --out-dir www/pkg --omit-default-module-path \
  --remove-name-section --remove-producers-section \
  target/snipped/myna_hoken.wasm
# --strip-target-features: the target_features section only matters to linkers.
# -ocimfs 20 (one-caller-inline-max-function-size): binaryen otherwise pastes
# each export's whole call tree into its one wrapper; --low-memory-unused: the
# first 1 KB of memory is the stack's far end, never data, so addresses fold.
"$tools/wasm-opt" -Oz -ocimfs 20 --low-memory-unused --converge --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/myna_hoken_bg.wasm -o www/pkg/myna_hoken_bg.wasm
rm -f www/pkg/package.json www/pkg/.gitignore
# The engine's imports renamed a, b, … in the wasm and the glue alike (wasm-bindgen's
# names carry a 16-digit hash each, written twice; about 1.1 KB gzip).
node tests/tools/short-imports.mjs www/pkg/myna_hoken_bg.wasm www/pkg/myna_hoken.js
printf '[build] www/pkg/myna_hoken_bg.wasm: %s bytes\n' "$(wc -c < www/pkg/myna_hoken_bg.wasm)"

rm -rf www/dist
mkdir -p www/dist/pkg www/dist/words www/dist/profiles
# The API module, with the Japanese words a first answer needs (the family
# view's and the calendar file's come from words/ja.json on their click).
node tests/tools/api-bundle.mjs
"$tools/esbuild" www/myna-hoken.js --bundle --format=esm --minify --charset=utf8 \
  --target=es2022 --external:./myna-hoken-api.js --outdir=www/dist --log-level=warning \
  --splitting --entry-names='[name]' --chunk-names='myna-hoken-[name]-[hash]'
# The household's answers for pages (myna-hoken/household), beside the API module.
"$tools/esbuild" www/myna-hoken-household.js --bundle --format=esm --minify --charset=utf8 \
  --target=es2022 --external:./myna-hoken-api.js --outdir=www/dist --log-level=warning
"$tools/esbuild" www/profile-check.js --bundle --format=esm --minify --charset=utf8 \
  --target=es2022 --external:./myna-hoken-api.js --external:./myna-hoken.js --outdir=www/dist --log-level=warning
"$tools/esbuild" www/myna-hoken.css www/demo.css --minify --charset=utf8 --outdir=www/dist --log-level=warning
cp www/index.html www/embed.html www/profile.html www/card-face.svg www/myna-hoken.d.ts www/myna-hoken-household.d.ts www/dist/
cp www/pkg/myna_hoken_bg.wasm www/dist/pkg/
# The words of the other languages, fetched on demand (minified: JSON.stringify).
for f in www/words/*.json; do
  node -e 'const fs=require("fs");fs.writeFileSync(process.argv[2],JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],"utf8"))))' \
    "$f" "www/dist/words/$(basename "$f")"
done
# The profiles the widget fetches (minified; `notes` and the sources'
# `covers` are for the people who keep them, not for visitors).
for f in www/profiles/*.json; do
  [ "$(basename "$f")" = profile.schema.json ] && continue
  node -e 'const fs=require("fs");const p=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));delete p.notes;for(const s of p.sources)delete s.covers;fs.writeFileSync(process.argv[2],JSON.stringify(p))' \
    "$f" "www/dist/profiles/$(basename "$f")"
done
# The profile contract's JSON Schema (written from the engine's table by tests/contract.rs).
cp www/profiles/profile.schema.json www/dist/profiles/
# embed.html for each shipped profile: its preload, its profile attribute, and its
# fallback written from the profile and the catalog (tests/tools/fallback.mjs).
for f in www/profiles/*.json; do
  id=$(basename "$f" .json)
  [ "$id" = profile.schema ] && continue
  node tests/tools/fallback.mjs --embed "$id" > "www/dist/embed-$id.html"
done
node tests/tools/dts.mjs
# An npm package (package.json, custom-elements.json from the element's JSDoc, the README).
node tests/tools/manifest.mjs www/dist
node tests/tools/package.mjs www/dist
cp README.md www/dist/
# Precompressed copies (FILE.br, FILE.gz) for hosts that serve them (README "Serving").
node tests/tools/compress.mjs www/dist
printf '[build] www/dist: %s\n' "$(cd www/dist && ls | tr '\n' ' ')"
