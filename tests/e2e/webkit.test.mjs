// WebKit, Safari's engine (iPhones are a large share of a society's visitors), through
// Debian's WebKitGTK and its WebDriver (webkit.mjs; playwright cannot drive it here):
//
// - the first screen at 390×844 for a link to each branch of the answers: once the
//   widget is ready, the headline and the next step must be entirely in view (the
//   widget scrolls its answer into view), as firstscreen.test.mjs checks in Chromium;
//   screenshots in tests/e2e/out/webkit-<name>.png when asked (MH_SCREENSHOTS=1);
// - the host pages of hosts.test.mjs (hosts.mjs), in the card answer: every box in the
//   widget's shadow root as on WebKit's own plain host, within 2 px, the plain host
//   given the framework host's font and width first (see hosts.test.mjs for why);
//   screenshots in tests/e2e/out/webkit-host-<host>.png when asked.
//
// - every journey of journeys.mjs that taps and types on the card form, each in one of
//   the languages (taking turns): the same words at each screen as Chromium's.
//
// WebKit is not optional: without WebKitWebDriver or xvfb-run every test here fails,
// saying to run tests/setup.sh (it installs webkit2gtk-driver and xvfb).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fresh, outDir, SCREENSHOTS, startServer } from './helpers.mjs';
import { buildHosts, compareBoxes, describe, firstScreen, hostStyle, HOSTS, LINKS, matchHost, overflowing, shadowBoxes, STATES, stateReady } from './hosts.mjs';
import { launchWebKit, WEBKIT_DRIVER } from './webkit.mjs';
import { artefact, checkWords, committed, inLang, JOURNEYS, LANGS, readScreen, walk } from './journeys.mjs';

const VIEWPORT = { width: 390, height: 844 };
const CARD = STATES.find((s) => s.name === 'card-asks');

/** Whether a command exists (a path, or a name on PATH). */
const installed = (cmd) => (cmd.includes('/') ? existsSync(cmd)
  : (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, cmd))));

let srv;
let hosts;
let hostSrv;
let wk;
before(async () => {
  const missing = [WEBKIT_DRIVER, 'xvfb-run'].filter((c) => !installed(c));
  if (missing.length) {
    throw new Error(`WebKit tests need ${missing.join(' and ')} (Debian packages webkit2gtk-driver, xvfb): run "sh tests/setup.sh"`);
  }
  srv = await startServer();
  hosts = await buildHosts();
  hostSrv = await startServer(hosts.root);
  wk = await launchWebKit(VIEWPORT);
});
after(async () => { await wk?.close(); await hostSrv?.stop(); await srv?.stop(); hosts?.remove(); });

/** Opens a URL afresh (a new #hash alone would not reload the page). */
async function visit(url) {
  await wk.goto(fresh(url));
}

/** `part` ({ top, bottom, left, right }) lies entirely inside the viewport of `shown`. */
function inView(shown, part, what) {
  const { innerWidth: w, innerHeight: h } = shown;
  assert.ok(part.top >= 0 && part.bottom <= h && part.left >= 0 && part.right <= w,
    `${what} is not entirely on the first screen (${w}×${h}): top ${part.top.toFixed(1)}, bottom ${part.bottom.toFixed(1)}, left ${part.left.toFixed(1)}, right ${part.right.toFixed(1)}`);
}

for (const link of LINKS) {
  test(`WebKit first screen, ${link.name}: the headline and the next step are in view`, async () => {
    await visit(`${srv.origin}/index.html${link.hash}`);
    const shown = await wk.waitFor(firstScreen);
    if (SCREENSHOTS) await wk.screenshot(join(outDir(), `webkit-${link.name}.png`));
    assert.deepEqual({ innerWidth: shown.innerWidth, innerHeight: shown.innerHeight }, { innerWidth: VIEWPORT.width, innerHeight: VIEWPORT.height });
    assert.equal(shown.headline.code, link.code, `the branch: ${shown.headline.text}`);
    assert.equal(shown.next.code, link.next, `the branch: ${shown.next.text}`);
    inView(shown, shown.headline, `the headline 「${shown.headline.text}」`);
    inView(shown, shown.next, `the next step 「${shown.next.text}」`);
  });
}

/** Waits until the page stops scrolling: Bootstrap's `scroll-behavior: smooth` animates the
 *  widget's scrollIntoView (it ends on the answer; the screenshot should too). */
async function settled() {
  let last = NaN;
  for (let i = 0; i < 30; i++) {
    const y = await wk.execute(() => scrollY);
    if (y === last) return;
    last = y;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The host page in the card answer: what the widget takes from its host, and every box. */
async function measure(host, match) {
  await visit(`${hostSrv.origin}/${host}.html${CARD.hash}`);
  await wk.waitFor(stateReady, { args: [CARD] });
  await settled();
  const style = match ? await wk.execute(matchHost, match) : await wk.execute(hostStyle);
  return { style, boxes: await wk.execute(shadowBoxes), overflow: await wk.execute(overflowing) };
}

test('WebKit plain host, card answer: nothing sticks out of the widget', async () => {
  const { overflow } = await measure('plain');
  if (SCREENSHOTS) await wk.screenshot(join(outDir(), 'webkit-host-plain.png'));
  assert.deepEqual(overflow, []);
});

for (const host of HOSTS.filter((h) => h !== 'plain')) {
  test(`WebKit ${host} host, card answer: every box in the widget as on the plain host (±2 px)`, async () => {
    const { style, boxes, overflow } = await measure(host);
    if (SCREENSHOTS) await wk.screenshot(join(outDir(), `webkit-host-${host}.png`));
    assert.deepEqual(overflow, [], 'nothing sticks out of .mh-root sideways');
    const plain = await measure('plain', style);
    assert.deepEqual({ ...plain.style, width: Math.round(plain.style.width * 100) }, { ...style, width: Math.round(style.width * 100) },
      'the plain host takes the same font and width');
    const diffs = compareBoxes(plain.boxes, boxes);
    if (diffs.length) {
      const shot = join(outDir(), `webkit-host-${host}-plain.png`);
      await wk.screenshot(shot);
      console.log(`# WebKit ${host} (font ${style.fontSize} ${style.fontFamily}, width ${style.width}): ${diffs.length} boxes differ\n  ${describe(diffs)}\n  (the plain host so matched: ${shot})`);
    }
    assert.deepEqual(diffs, [], `${host}: boxes that differ from the plain host:\n  ${describe(diffs)}`);
    assert.ok(plain.boxes.length > 50, `measured ${plain.boxes.length} elements`);
  });
}

// ---- The card journeys of journeys.mjs, tapped and typed through WebDriver ----------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PANEL = '.mh-panel:not([hidden])';

/** The WebKit visitor: WebDriver's own clicks and key presses on the widget's elements. */
function webkitVisitor(lang) {
  // A visitor pauses between typing and tapping a button: the form reconsiders
  // its questions 300 ms after the last key (forms.js), and a question added
  // then moves the buttons below it. Tapping sooner could land where one was.
  let typed = 0;
  const pause = () => sleep(Math.max(0, typed + 400 - Date.now()));
  const v = {
    async start() {
      await visit(`${srv.origin}/index.html`);
      await wk.waitFor(() => document.querySelector('myna-hoken')?.dataset.state === 'ready');
      if (lang !== 'ja') {
        await wk.select('.mh-lang select', lang);
        await wk.waitFor((l) => document.querySelector('myna-hoken').dataset.lang === l, { args: [lang] });
      }
    },
    async type(key, text) { await wk.type(`#mh1-card-${key}`, inLang(text, lang)); typed = Date.now(); await sleep(50); },
    source: (key) => wk.click(`${PANEL} .mh-sources input[value="${key}"]`),
    async check(key) { await wk.click(`#mh1-card-${key}`); await sleep(100); },
    async asOf(text) {
      if (!(await wk.execute((sel) => document.querySelector('myna-hoken').shadowRoot.querySelector(sel).open, `${PANEL} .mh-asof`))) {
        await wk.click(`${PANEL} .mh-asof summary`);
      }
      await v.type('asOf', text);
    },
    async submit() {
      await pause();
      await wk.click(`${PANEL} .mh-primary`);
      // The card form ends in an answer or in the list of problems.
      await wk.waitFor(() => {
        const root = document.querySelector('myna-hoken').shadowRoot;
        return root.querySelector('.mh-panel:not([hidden]) .mh-result') || root.querySelector('.mh-error-summary:not([hidden]) li');
      });
      await sleep(100);
    },
    async answer(key, value) {
      await pause();
      await wk.click(`${PANEL} input[name="mh1-card-ask-${key}"][value="${value}"]`);
      await wk.waitFor((val) => document.querySelector('myna-hoken').shadowRoot.querySelector(`.mh-ask input[value="${val}"]`)?.checked, { args: [value] });
      await sleep(200);
    },
    async link(hash) {
      await wk.click(`a[href="${hash}"]`, { page: true });
      await wk.waitFor(() => location.hash.includes('birthday') && document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-panel:not([hidden]) .mh-result'));
      await sleep(100);
    },
    async back() {
      await wk.back();
      await wk.waitFor(() => !location.hash && document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-panel:not([hidden]) .mh-form'));
    },
    read: () => wk.execute(readScreen),
  };
  return v;
}

// Each journey once, in one language, the languages taking turns (every
// language walks a third of the journeys, and every journey is walked): what
// WebKit can get wrong is how a tap, a key or a layout behaves, which does not
// change with the words; Chromium walks every journey in every language.
JOURNEYS.filter((j) => j.card).forEach((journey, i) => {
  for (const lang of [LANGS[i % LANGS.length]]) {
    test(`WebKit journey ${journey.name} (${lang}): the same words as in Chromium`, async () => {
      await wk.setSize(VIEWPORT.width, VIEWPORT.height);
      const screens = await walk(journey, lang, webkitVisitor(lang));
      checkWords(assert, journey, lang, screens);
      // The words kept from the Chromium run (journeys.test.mjs writes them).
      const kept = committed(journey, lang);
      assert.ok(kept, `no artefact for ${journey.name} (${lang}): run journeys.test.mjs first`);
      assert.equal(artefact(journey, lang, screens), kept);
    });
  }
});
