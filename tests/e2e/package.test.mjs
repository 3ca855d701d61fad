// The npm package as a web team with a bundler uses it: `npm pack` of
// www/dist, the tarball installed into a new Vite app (tests/package: its
// package.json and lock pin Vite), `vite build`, and the built app in
// Chromium: `import init, { cardDates } from 'myna-hoken'` answers and
// `import 'myna-hoken/element'` renders <myna-hoken>, which answers a link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WWW, fresh, launch, startServer } from './helpers.mjs';

const APP = resolve(WWW, '..', '..', 'tests', 'package');
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir;
let packed;
let srv;
let b;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mh-package-'));
  // --json: the file list and the tarball's name.
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], WWW));
  cpSync(APP, join(dir, 'app'), { recursive: true, filter: (p) => !/node_modules|[\\/]dist$/.test(p) });
  npm(['ci', '--prefer-offline'], join(dir, 'app'));
  npm(['install', '--no-save', '--prefer-offline', join(dir, packed.filename)], join(dir, 'app'));
  execFileSync(join(dir, 'app', 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], { cwd: join(dir, 'app'), stdio: ['ignore', 'pipe', 'pipe'] });
  srv = await startServer(join(dir, 'app', 'dist'));
  b = await launch({ viewport: { width: 390, height: 844 } });
}, { timeout: 300_000 });
after(async () => { await b?.close(); await srv?.stop(); if (dir) rmSync(dir, { recursive: true, force: true }); });

test('npm pack: the package is named and versioned from Cargo.toml, with both entry points, their types and the manifest', () => {
  const version = readFileSync(resolve(WWW, '..', '..', 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];
  assert.equal(packed.name, 'myna-hoken');
  assert.equal(packed.version, version);
  const files = packed.files.map((f) => f.path);
  for (const f of ['package.json', 'myna-hoken-api.js', 'myna-hoken-api.d.ts', 'myna-hoken.js', 'myna-hoken.d.ts', 'myna-hoken.css',
    'myna-hoken-household.js', 'myna-hoken-household.d.ts', 'pkg/myna_hoken_bg.wasm', 'words/ja.json', 'words/en.json', 'words/languages.json', 'profiles/kddi.json', 'custom-elements.json', 'README.md']) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  assert.ok(!files.some((f) => /\.(br|gz)$/.test(f)), 'no precompressed copies in the package');
  const pkg = JSON.parse(readFileSync(join(WWW, 'package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.deepEqual(pkg.exports['.'], { types: './myna-hoken-api.d.ts', default: './myna-hoken-api.js' });
  assert.deepEqual(pkg.exports['./element'], { types: './myna-hoken.d.ts', default: './myna-hoken.js' });
  assert.deepEqual(pkg.exports['./household'], { types: './myna-hoken-household.d.ts', default: './myna-hoken-household.js' });
  assert.equal(pkg.customElements, 'custom-elements.json');
  const cem = JSON.parse(readFileSync(join(WWW, 'custom-elements.json'), 'utf8'));
  const el = cem.modules[0].declarations[0];
  assert.equal(el.tagName, 'myna-hoken');
  assert.deepEqual(el.attributes.map((a) => a.name), ['lang', 'as-of', 'view', 'profile']);
  assert.ok(el.events.some((e) => e.name === 'myna-hoken-result'));
});

test('a Vite app built with the package: the API answers and the element renders and answers a link', async () => {
  const { page, problems } = b;
  assert.ok(existsSync(join(dir, 'app', 'dist', 'index.html')));
  // The example of main.js: a certificate dated 2029-09-18 expires then (RULES.md certificate-face).
  await page.goto(`${srv.origin}/index.html#birthday=1985-09-18&certificateExpires=2029-09-18&asOf=2026-11-25`);
  await page.waitForFunction(() => document.querySelector('#answer')?.textContent === '2029-09-18', null, { timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('myna-hoken')?.shadowRoot?.querySelector('.mh-panel:not([hidden]) .mh-headline'), null, { timeout: 20_000 });
  const headline = await page.evaluate(() => document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-panel:not([hidden]) .mh-headline').textContent);
  assert.match(headline, /2029年9月18日/);
  // myna-hoken/household: 長女's window (2027-01-03) opens before 父's (2027-06-19), as in tests/cases/household.json.
  assert.equal(await page.evaluate(() => document.querySelector('#family').textContent), '長女,父');
  // The stylesheet and the card's picture came with the build (new URL(…, import.meta.url)).
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-root')).display !== 'inline'), true);
  // The empty form shows the card's picture on request.
  await page.goto(fresh(`${srv.origin}/index.html`));
  await page.waitForFunction(() => document.querySelector('myna-hoken')?.shadowRoot?.querySelector('.mh-panel:not([hidden]) .mh-card-face'), null, { timeout: 20_000 });
  await page.evaluate(() => { document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-panel:not([hidden]) .mh-card-face').open = true; });
  await page.waitForFunction(() => document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-panel:not([hidden]) .mh-card-face img')?.naturalWidth > 0, null, { timeout: 20_000 });
  assert.deepEqual(problems(), []);
});
