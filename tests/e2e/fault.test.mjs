// A fault inside the engine: no input makes it trap (the fuzzers and the case
// tables say so), so these tests make one. They serve an engine whose
// `cardDates` export is a bare `unreachable` and check what a caller and a
// visitor get: the coded error `engine_stopped`, worded in their language, and an
// engine that answers nothing more on that page (its memory cannot be trusted
// after a trap), never the bare "unreachable" of the WebAssembly.RuntimeError.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WWW, shot, startServer, launch, fresh } from './helpers.mjs';
import { uleb, readName, sections, importedFunctions, trapBodies } from '../tools/wasm-binary.mjs';

/** The shipped engine with the body of its export `name` replaced by `unreachable`. */
function trapping(name) {
  const wasm = readFileSync(join(WWW, 'pkg', 'myna_hoken_bg.wasm'));
  const list = sections(wasm);
  let target = null;
  for (const s of list.filter((x) => x.id === 7)) {
    let [n, p] = uleb(wasm, s.body);
    for (let i = 0; i < n; i++) {
      let field;
      [field, p] = readName(wasm, p);
      const kind = wasm[p++];
      let index;
      [index, p] = uleb(wasm, p);
      if (field === name && kind === 0) target = index - importedFunctions(wasm, list);
    }
  }
  assert.notEqual(target, null, `the engine exports no function ${name}`);
  return trapBodies(wasm, new Set([target]), list);
}

const TRAPPING = trapping('cardDates');
const words = (lang) => JSON.parse(readFileSync(join(WWW, 'words', `${lang}.json`), 'utf8'));
const STOPPED = { ja: words('ja').errors.engine_stopped, en: words('en').errors.engine_stopped };

test('API: a trap is the coded error engine_stopped in the caller\'s language, and the engine answers nothing more', async () => {
  const api = await import(pathToFileURL(join(WWW, 'myna-hoken-api.js')).href);
  await api.default({ wasm: TRAPPING });
  // Before the fault, the engine works: 令和7年12月2日 is 2025-12-02.
  assert.equal(api.parseDate('令和7年12月2日'), '2025-12-02');
  await api.loadLanguage('en');
  assert.throws(() => api.cardDates({ birthday: '1985-09-18', cardIssued: '2020-05-20', lang: 'en' }), (e) => {
    assert.equal(e.code, 'engine_stopped');
    assert.equal(e.message, STOPPED.en);
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, 'the trap is kept as the cause');
    return true;
  });
  // The same call the engine answered a moment ago is refused now: after a
  // trap, nothing the engine says can be trusted until the page loads again.
  assert.throws(() => api.parseDate('令和7年12月2日'), (e) => e.code === 'engine_stopped' && e.message === STOPPED.ja);
  assert.throws(() => api.questions('cardDates', {}), (e) => e.code === 'engine_stopped');
});

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch({ viewport: { width: 390, height: 844 } }); });
after(async () => { await b?.close(); await srv?.stop(); });

/** The page with the trapping engine in place of the shipped one. */
async function visit(hash) {
  await b.page.route('**/pkg/myna_hoken_bg.wasm*', (route) => route.fulfill({ body: TRAPPING, contentType: 'application/wasm' }));
  await b.page.goto(fresh(`${srv.origin}/index.html${hash}`));
}
const shown = () => b.page.locator('myna-hoken').evaluate((el) => el.shadowRoot.textContent + el.textContent);

test('widget: a link whose answer traps shows "load the page again" and the rules summary, not the browser\'s fault', async () => {
  await visit('#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2026-12-02');
  await b.page.waitForSelector('myna-hoken[data-state="fallback"]', { state: 'attached' });
  assert.equal(await b.page.locator('.mh-fail').textContent(), STOPPED.ja);
  assert.doesNotMatch(await shown(), /unreachable|WebAssembly/);
  // The demo page's rules summary (the element's fallback content) is still there to read.
  assert.match(await shown(), /マイナ保険証のきまり/);
  await shot(b.page, 'fault-link-390.png', { fullPage: true });
  // Said once, as a warning for the web team, not as an uncaught error.
  assert.deepEqual(b.problems().filter((p) => !p.startsWith('console warning: myna-hoken: the engine stopped at a fault')), []);
});

test('widget: a form whose answer traps turns into the fallback, saying so in the visitor\'s words', async () => {
  await visit('#lang=en');
  await b.page.waitForSelector('myna-hoken[data-state="ready"]', { state: 'attached' });
  await b.page.locator('.mh-sources input[value="cardIssued"]').check();
  for (const [key, text] of [['birthday', '1985-09-18'], ['cardIssued', '2020-05-20']]) {
    await b.page.locator(`#mh1-card-${key}`).click();
    await b.page.keyboard.type(text);
  }
  await b.page.locator('.mh-panel:not([hidden]) .mh-primary').click();
  // No form to tap again (the engine would refuse every call): the rules
  // summary and the contacts, under "reload the page" in English.
  await b.page.waitForSelector('myna-hoken[data-state="fallback"]', { state: 'attached' });
  assert.equal(await b.page.locator('.mh-fail').textContent(), STOPPED.en);
  assert.doesNotMatch(await shown(), /unreachable/);
  assert.deepEqual(b.problems().filter((p) => !p.startsWith('console warning: myna-hoken: the engine stopped at a fault')), []);
});
