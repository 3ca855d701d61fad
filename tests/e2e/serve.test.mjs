// www/serve.py, the server of `sh www/serve.sh` and of the page tests, serves
// the precompressed copies www/build.sh writes (FILE.br, FILE.gz) as a
// well-set static host does (README "Serving"): the copy the browser accepts,
// with Content-Encoding and Vary, the file's own type, and the same bytes once
// decoded; the file itself to a client that accepts neither.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { WWW, startServer } from './helpers.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

/** GET with exactly these request headers (Node's fetch would add its own Accept-Encoding). */
const get = (path, headers) => new Promise((ok, fail) => {
  request(`${srv.origin}${path}`, { headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
  }).on('error', fail).end();
});

for (const file of ['pkg/myna_hoken_bg.wasm', 'myna-hoken-api.js', 'myna-hoken.css', 'profiles/kddi.json']) {
  test(`serve.py: ${file} as brotli, as gzip, and as itself`, async () => {
    const original = readFileSync(join(WWW, file));
    const type = { wasm: 'application/wasm', js: 'text/javascript', css: 'text/css', json: 'application/json' }[file.split('.').pop()];

    const br = await get(`/${file}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br', 'brotli preferred when accepted');
    assert.match(br.headers.vary ?? '', /Accept-Encoding/i);
    assert.ok(br.headers['content-type'].startsWith(type), br.headers['content-type']);
    assert.ok(br.body.length < original.length, 'the copy is smaller');
    assert.ok(brotliDecompressSync(br.body).equals(original), 'decoded, the same bytes');

    const gz = await get(`/${file}`, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(original));

    const plain = await get(`/${file}`, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(original));
  });
}
