// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) beside every text
// and wasm file of a folder, for hosts that serve precompressed files
// (nginx gzip_static / brotli_static, www/serve.py). A copy that would not be
// smaller is not written. Node's own zlib: nothing to install.
//   node tests/tools/compress.mjs www/dist
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const KINDS = new Set(['.js', '.css', '.html', '.json', '.wasm', '.svg', '.ts']);
const dir = process.argv[2];
if (!dir) { console.error('usage: node tests/tools/compress.mjs DIR'); process.exit(2); }

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (KINDS.has(extname(p))) yield p;
  }
}

let count = 0;
for (const p of files(dir)) {
  const raw = readFileSync(p);
  const text = extname(p) !== '.wasm';
  const copies = [
    ['.gz', gzipSync(raw, { level: 9 })],
    ['.br', brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    })],
  ];
  for (const [suffix, bytes] of copies) {
    if (bytes.length < raw.length) { writeFileSync(p + suffix, bytes); count++; } else if (existsSync(p + suffix)) rmSync(p + suffix);
  }
}
console.log(`[compress] ${count} .br and .gz copies in ${dir}`);
