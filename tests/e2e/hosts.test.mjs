// The widget on other people's pages: societies paste embed.html's snippet into
// pages styled by Bootstrap, by Tailwind, or by years of site-wide rules. The widget
// renders into a shadow root with its own stylesheet, so none of that may move a
// single box inside it. Host pages (hosts.mjs) are built at test time; in each
// widget state, every element of the shadow root is measured relative to
// `.mh-root` and compared with the plain host, within 2 px, at 390×844.
//
// Fair comparison: the widget means to take two things from its host — the font
// family (and em sizes from the host's font size), and the width the host gives it
// (Bootstrap's .container, the hostile page's 40 px padding). So before measuring,
// the plain host's `myna-hoken` gets the framework host's computed font-family,
// font-size and `.mh-root` width, by a rule added to its own stylesheet through the
// CSSOM (the CSP forbids inline styles). Everything else must match.
//
// Each host and state is also checked with axe (the host pages' own markup is
// clean, so zero violations), for console errors and CSP reports, and for
// anything sticking out of the widget sideways; screenshots go to
// tests/e2e/out/host-<host>-<state>.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axe, launch, open, outDir, shot, startServer } from './helpers.mjs';
import { buildHosts, compareBoxes, describe, hostStyle, HOSTS, matchHost, overflowing, shadowBoxes, STATES, stateReady } from './hosts.mjs';

let hosts;
let srv;
let b;
before(async () => {
  hosts = await buildHosts();
  srv = await startServer(hosts.root);
  b = await launch({ viewport: { width: 390, height: 844 } });
});
after(async () => { await b?.close(); await srv?.stop(); hosts?.remove(); });

/** Opens `host`.html in `state` and waits until the widget shows it. */
async function visit(page, host, state) {
  await open(page, srv.origin, state.hash, `/${host}.html`);
  if (state.tab) await page.click(`.mh-tab[data-view="${state.tab}"]`);
  await page.waitForFunction(stateReady, state, { timeout: 5000 });
}

/** The page's problems (console errors, page errors, CSP reports) since `from`. */
const problemsSince = (from) => b.problems().slice(from);

/** axe, the problems and the sideways overflow of the page shown; the screenshot. */
async function clean(page, host, state, from) {
  await shot(page, `host-${host}-${state.name}.png`, { fullPage: true });
  assert.deepEqual(await axe(page), [], `${host}, ${state.name}: axe`);
  assert.deepEqual(await page.evaluate(overflowing), [], `${host}, ${state.name}: nothing sticks out of .mh-root sideways`);
  assert.deepEqual(problemsSince(from), [], `${host}, ${state.name}: console and CSP`);
}

// State by state: each framework host is visited and measured, then the plain host
// once, which takes each framework host's font and width in turn (a rule added
// later in its stylesheet wins) and is measured again for each: four page loads
// a state, not seven.
for (const state of STATES) {
  test(`${state.name}: on every host, every box in the widget as on the plain host (±2 px), axe clean`, async (t) => {
    const { page } = b;
    const seen = [];
    for (const host of HOSTS.filter((x) => x !== 'plain')) {
      await t.test(`${host} host: axe clean, nothing sticks out, no console errors`, async () => {
        const from = b.problems().length;
        await visit(page, host, state);
        seen.push({ host, style: await page.evaluate(hostStyle), boxes: await page.evaluate(shadowBoxes) });
        await clean(page, host, state, from);
      });
    }
    await t.test('plain host: axe clean, nothing sticks out, no console errors', async () => {
      const from = b.problems().length;
      await visit(page, 'plain', state);
      await clean(page, 'plain', state, from);
    });
    for (const { host, style, boxes } of seen) {
      await t.test(`${host} host: every box as on the plain host with the same font and width`, async () => {
        const from = b.problems().length;
        const matched = await page.evaluate(matchHost, style);
        assert.deepEqual({ ...matched, width: Math.round(matched.width * 100) }, { ...style, width: Math.round(style.width * 100) },
          'the plain host takes the same font and width');
        const plain = await page.evaluate(shadowBoxes);
        const diffs = compareBoxes(plain, boxes);
        if (diffs.length) {
          const shot = join(outDir(), `host-${host}-${state.name}-plain.png`);
          await page.screenshot({ path: shot, fullPage: true });
          console.log(`# ${host}, ${state.name} (font ${style.fontSize} ${style.fontFamily}, width ${style.width}): ${diffs.length} boxes differ\n  ${describe(diffs)}\n  (the plain host so matched: ${shot})`);
        }
        assert.deepEqual(diffs, [], `${host}, ${state.name}: boxes that differ from the plain host:\n  ${describe(diffs)}`);
        assert.ok(plain.length > 50, `measured ${plain.length} elements`);
        assert.deepEqual(problemsSince(from), [], 'console and CSP');
      });
    }
  });
}
