// Shared pieces of the page tests: the project's server (www/serve.py) on a free loopback port,
// Debian's Chromium through playwright-core, keyboard helpers and axe.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
/** The folder served: www/dist of this checkout, as `sh www/build.sh` makes it
 *  (MH_WWW may point at another build, e.g. www/ for the unbundled sources). */
export const WWW = resolve(process.env.MH_WWW ?? join(here, '..', '..', 'www', 'dist'));
export const OUT = join(here, 'out');
/** The desktop Chromium, as visitors run it: the benchmarks (tests/bench/) time this one. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** What the page tests drive: Debian's chromium-headless-shell, built from the same Chromium
 *  source package at the same version (the same Blink, V8 and layout), without the desktop
 *  browser around the page; playwright's own headless default. The page tests took 23 % fewer
 *  CPU-seconds in it, all passing (317 tests: 410.9 → 316.6 CPU-s, 210 → 165 s, quiet machine;
 *  `cd tests/e2e && MH_TEST_CHROMIUM=/usr/bin/chromium sh ../bench/cpu.sh node --test
 *  --test-concurrency=3 *.test.mjs`, and again without the variable). */
export const TEST_CHROMIUM = process.env.MH_TEST_CHROMIUM ?? '/usr/bin/chromium-headless-shell';
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'";

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

const servers = new Set();
process.on('exit', () => { for (const p of servers) try { process.kill(p.pid); } catch { /* gone */ } });

/** The project's server (www/serve.py): precompressed copies with Content-Encoding, as a well-set host. */
export const SERVE = resolve(join(here, '..', '..', 'www', 'serve.py'));

/** Serves www/dist (or `root`) with www/serve.py on 127.0.0.1; stop() kills it by its pid. */
export async function startServer(root = WWW) {
  if (root === WWW && !existsSync(join(root, 'pkg', 'myna_hoken_bg.wasm'))) {
    throw new Error(`${root}/pkg/myna_hoken_bg.wasm is missing: run "sh www/build.sh" first`);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn('python3', [SERVE, '--bind', '127.0.0.1', '--port', String(port), '--dir', root],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    servers.add(child);
    let log = '';
    child.stderr.on('data', (d) => { log += d; });
    const stop = () => new Promise((ok) => {
      servers.delete(child);
      if (child.exitCode != null || child.signalCode != null) return ok();
      child.once('exit', () => ok());
      process.kill(child.pid, 'SIGTERM');
    });
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode != null) break;
      try {
        const r = await fetch(`${origin}/index.html`);
        if (r.ok) { await r.arrayBuffer(); return { origin, url: `${origin}/index.html`, stop, log: () => log }; }
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 50));
    }
    await stop();
  }
  throw new Error('python3 www/serve.py did not start');
}

/**
 * Debian Chromium in a fresh profile. Records every request, console message,
 * page error and dialog; `problems()` lists what a clean page must not have.
 */
export async function launch({ timezoneId = 'Asia/Tokyo', viewport = { width: 1280, height: 900 }, ...opts } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mh-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: TEST_CHROMIUM, headless: true, args: FLAGS, timezoneId, viewport, locale: 'ja-JP', ...opts,
  });
  const page = context.pages()[0] ?? await context.newPage();
  return watch(context, page, () => rmSync(dir, { recursive: true, force: true }));
}

/** One Debian Chromium for a test file's visitors (`visitor`): a launch costs about a second a test. */
export const browser = () => chromium.launch({ executablePath: TEST_CHROMIUM, headless: true, args: FLAGS });

/**
 * A new visitor in `b` (from `browser()`): a context of its own (no cookies,
 * storage or cache of another), recorded as `launch` records.
 */
export async function visitor(b, { timezoneId = 'Asia/Tokyo', viewport = { width: 1280, height: 900 }, ...opts } = {}) {
  const context = await b.newContext({ timezoneId, viewport, locale: 'ja-JP', ...opts });
  return watch(context, await context.newPage(), () => {});
}

/** Records every request, console message, page error, dialog and CSP violation of a page. */
async function watch(context, page, cleanup) {
  const log = { requests: [], console: [], errors: [], dialogs: [], csp: [] };
  logs.set(page, log);
  context.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.exposeBinding('__mhCsp', (_src, v) => log.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__mhCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const close = async () => { await context.close().catch(() => {}); cleanup(); };
  const problems = () => [
    ...log.console.filter((m) => m.type === 'error' || m.type === 'warning').map((m) => `console ${m.type}: ${m.text}`),
    ...log.errors.map((e) => `page error: ${e}`),
    ...log.dialogs.map((d) => `dialog: ${d}`),
    ...log.csp.map((c) => `CSP violation: ${c}`),
  ];
  return { context, page, log, close, problems };
}

let visits = 0;
/**
 * `url` with a query of its own (`?visit=N`), so that going there loads a new
 * document even when only its fragment differs from the page shown (which would
 * otherwise be a fragment change in the same document). The query is read by
 * nothing; a detour through about:blank did the same at the cost of a second
 * navigation (about 0.07 CPU-seconds each, some 350 times a run).
 */
export function fresh(url) {
  const at = url.indexOf('#');
  const [base, hash] = at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
  return `${base}${base.includes('?') ? '&' : '?'}visit=${++visits}${hash}`;
}

/** Opens the demo page (optionally with a fragment) afresh and waits for the widget. */
export async function open(page, origin, hash = '', path = '/index.html') {
  await page.goto(fresh(`${origin}${path}${hash}`));
  await page.waitForSelector('myna-hoken[data-state]');
  const state = await page.getAttribute('myna-hoken', 'data-state');
  if (state !== 'ready') throw new Error(`the widget did not start (state ${state}): is www/pkg being rebuilt?`);
}

/** Whether the focused element (inside the widget's shadow root too) matches `selector`. */
export async function focused(page, selector) {
  return page.evaluate((s) => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.matches(s) ?? false;
  }, selector);
}

/** Presses Tab (or Shift+Tab) until `selector` has the focus, like a keyboard-only visitor. */
export async function tabTo(page, selector, { max = 120, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await focused(page, selector)) return i;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Tabs to a text field and types into it. */
export async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.insertText(text);
}

/** The id prefix of the first widget ("mh1-card-"). */
export const field = (view, key) => `#mh1-${view}-${key}`;

const logs = new WeakMap();

/** Runs axe-core on the page; returns its violations (empty is the pass).
 *  axe itself tries inline styles while it checks a shadow root; the page's
 *  CSP refuses them. Those refusals are axe's, so they are not the page's problems. */
export async function axe(page, selector = 'body') {
  const log = logs.get(page);
  const before = { console: log?.console.length ?? 0, csp: log?.csp.length ?? 0 };
  try {
    return await runAxe(page, selector);
  } finally {
    if (log) {
      log.console.splice(before.console, Infinity, ...log.console.slice(before.console).filter((m) => !/Applying inline style/.test(m.text)));
      log.csp.splice(before.csp, Infinity, ...log.csp.slice(before.csp).filter((c) => !/^style-src(-attr|-elem)? inline/.test(c)));
    }
  }
}

async function runAxe(page, selector) {
  const source = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const result = await page.evaluate(async (sel) => {
    const r = await window.axe.run(sel, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, selector);
  return result;
}

/**
 * Whether the page tests write their screenshots for review into tests/e2e/out
 * (MH_SCREENSHOTS=1; tests/run.sh leaves them out unless asked, since full-page
 * shots at three sizes are a fifth of the page tests' time). What the tests
 * check is the same either way; a failure's own screenshot is always written.
 */
export const SCREENSHOTS = process.env.MH_SCREENSHOTS !== '0';

/** A screenshot for review, when SCREENSHOTS. */
export async function shot(target, name, options = {}) {
  if (!SCREENSHOTS) return;
  await target.screenshot({ path: join(outDir(), name), ...options });
}

export function outDir() {
  mkdirSync(OUT, { recursive: true });
  return OUT;
}

/** The visible answer's headline and next step, and their boxes. */
export async function answerFirst(page) {
  const panel = '.mh-panel:not([hidden])';
  const box = async (sel) => page.locator(`${panel} ${sel}`).boundingBox();
  return {
    headline: await page.locator(`${panel} .mh-headline`).innerText(),
    code: await page.locator(`${panel} .mh-headline`).getAttribute('data-code'),
    next: await page.locator(`${panel} .mh-next`).innerText(),
    headlineBox: await box('.mh-headline'),
    nextBox: await box('.mh-next'),
  };
}

/** The text of the cell of a result table row (`data-field`). */
export async function cell(page, name) {
  return page.locator(`.mh-panel:not([hidden]) [data-field="${name}"]`).innerText();
}

/** The ISO date in the cell's <time> elements. */
export async function cellDate(page, name) {
  return page.locator(`.mh-panel:not([hidden]) [data-field="${name}"] time`).first().getAttribute('datetime');
}

/**
 * 資格確認書の有効期限, keyboard only: opens `path`, goes to the last tab, types the
 * issue date (and the printed expiry, the birthday if given), picks a membership
 * by its place in the list, types the as-of day, and presses Enter on 調べる.
 * Resolves once an answer or the error summary shows.
 */
export async function eligibilityByKeyboard(page, origin, { issued, expires, birthday, membership, asOf, path = '/index.html' }) {
  const f = (key) => `#mh1-eligibility-${key}`;
  await open(page, origin, '', path);
  await tabTo(page, '.mh-tab[aria-selected="true"]');
  await page.keyboard.press('End');
  await typeInto(page, f('issued'), issued);
  if (expires) await typeInto(page, f('expires'), expires);
  if (birthday) await typeInto(page, f('birthday'), birthday);
  if (membership != null) {
    await tabTo(page, '[name="mh1-eligibility-membership"]');
    if (membership === 0) await page.keyboard.press('Space');
    for (let i = 0; i < membership; i++) await page.keyboard.press('ArrowDown');
  }
  await tabTo(page, '.mh-panel:not([hidden]) .mh-asof summary');
  await page.keyboard.press('Enter');
  await typeInto(page, '.mh-panel:not([hidden]) .mh-asof input', asOf);
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.mh-panel:not([hidden]) .mh-result, .mh-error-summary:not([hidden])');
}
