// Form benchmark (on demand, not part of `sh tests/run.sh`):
//   sh www/build.sh && sh tests/setup.sh && node tests/bench/form.mjs
//   MH_WWW=/path/to/other/dist node tests/bench/form.mjs   (the same on another build)
// Works on the shadow-root element and on the older light-DOM one (commit bcaa53e).
// On the demo page, 390×844, headless Debian Chromium, medians of 3 runs (each a
// new browser profile):
//   1. Tab presses from the top of the empty page to the card form's 調べる button;
//   2. Tab presses a keyboard-only visitor needs for the society's example: the
//      birthday 1985-09-18, one card date, then Enter on 調べる. The card date is
//      cardIssued 2020-05-20 if the form shows that field, else the first date
//      field it offers (certificateExpires 2024-09-18 in the current form);
//   3. page height (scrollHeight) and the element's height, empty form and answer;
//   4. the answer's headline (.mh-headline; in the old build .mh-status, its
//      status line) in px from the page top, after the widget's own scroll, and
//      whether it lies within the 844 px then on screen.
import { launch, startServer, CHROMIUM, WWW } from '../e2e/helpers.mjs';

const RUNS = 3;
const H = 844;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fragment = '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2026-11-24';
const EXAMPLE = { birthday: '1985-09-18', cardIssued: '2020-05-20', certificateExpires: '2024-09-18', cardExpires: '2029-09-18' };
const PANEL = '.mh-panel[data-view="card"]';
const SUBMIT = `${PANEL} button[type=submit], ${PANEL} .mh-primary`;
const HEADLINES = ['.mh-headline', '.mh-status'];

const server = await startServer();
console.log(`serving ${WWW}`);

// ---- run in the page ---------------------------------------------------------------------

/** The focused element, through shadow roots: whether it matches `sel` (and has `text`), and its name. */
function deepFocus([sel, text]) {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return { hit: Boolean(a?.matches(sel) && (!text || a.textContent.trim() === text)), name: a?.name ?? '' };
}

/** Whether the element is ready and its visible panel holds one of `sels` (in its shadow
 *  root, or in itself in the light-DOM build). */
function ready(sels) {
  const host = document.querySelector('myna-hoken');
  const root = host?.shadowRoot ?? host;
  return host?.dataset.state === 'ready' && sels.some((s) => root.querySelector(`.mh-panel:not([hidden]) ${s}`));
}

/** Heights, and the first of `sels` in the visible panel: its box from the page top, the scroll. */
function measure(sels) {
  const host = document.querySelector('myna-hoken');
  const root = host.shadowRoot ?? host;
  const out = { page: document.documentElement.scrollHeight, element: host.getBoundingClientRect().height, scrollY };
  for (const sel of sels) {
    const el = root.querySelector(`.mh-panel:not([hidden]) ${sel}`);
    if (!el?.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    return { ...out, sel, top: r.top + scrollY, bottom: r.bottom + scrollY, text: el.textContent.trim().replace(/\s+/g, ' ') };
  }
  return out;
}

// ---- in node ---------------------------------------------------------------------------

/** Presses Tab until the deep focus matches; returns the presses. */
async function tabTo(page, sel, text, max = 80) {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(deepFocus, [sel, text])).hit) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${sel} ${text ?? ''}`);
}

/** Opens the demo page and waits for the form (or, with a link, the answer) and the fonts. */
async function load(page, hash = '') {
  await page.goto('about:blank');
  await page.goto(`${server.origin}/index.html${hash}`);
  await page.waitForFunction(ready, hash ? HEADLINES : ['form'], { timeout: 20000 });
  await page.evaluate(() => new Promise((r) => document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
}

/** One run in a new profile: every number of the table. */
async function run() {
  const b = await launch({ viewport: { width: 390, height: H }, executablePath: CHROMIUM });
  const { page } = b;
  try {
    // 1 and 3a: the empty form, Tab from the top of the page.
    await load(page);
    const empty = await page.evaluate(measure, []);
    const toSubmit = await tabTo(page, SUBMIT, '調べる');

    // 2: the example, keyboard only. Only Tab presses are counted (typing and Enter are not).
    await load(page);
    let tabs = await tabTo(page, `${PANEL} input[name=birthday]`);
    await page.keyboard.insertText(EXAMPLE.birthday);
    const showsIssued = await page.evaluate(([sel]) => {
      const host = document.querySelector('myna-hoken');
      return Boolean((host.shadowRoot ?? host).querySelector(sel)?.checkVisibility());
    }, [`${PANEL} input[name=cardIssued]`]);
    // The date field: cardIssued if shown, else the next text field the form offers.
    tabs += await tabTo(page, showsIssued ? `${PANEL} input[name=cardIssued]` : `${PANEL} input.mh-input:not([name=birthday])`);
    const dateField = (await page.evaluate(deepFocus, ['*'])).name;
    await page.keyboard.insertText(EXAMPLE[dateField]);
    tabs += await tabTo(page, SUBMIT, '調べる');
    await page.keyboard.press('Enter');
    const expires = await page.waitForFunction(() => {
      const host = document.querySelector('myna-hoken');
      return (host.shadowRoot ?? host).querySelector('.mh-panel:not([hidden]) [data-field="certificate.expires"] time')?.getAttribute('datetime');
    }, null, { timeout: 10000 }).then((h) => h.jsonValue());

    // 3b and 4: the answer link, after the widget's own scroll.
    await load(page, fragment);
    const answer = await page.evaluate(measure, HEADLINES);
    return { empty, toSubmit, tabs, dateField, expires, answer, problems: b.problems() };
  } finally {
    await b.close();
  }
}

const runs = [];
for (let r = 0; r < RUNS; r++) runs.push(await run());
await server.stop();

const last = runs.at(-1);
const m = (f) => median(runs.map(f));
const px = (f) => `${Math.round(m(f))} px`;
const seen = m((r) => r.answer.scrollY);
const top = m((r) => r.answer.top);
const bottom = m((r) => r.answer.bottom);
const rows = [
  ['1. Tab stops, top of page → card 調べる (empty form)', `${m((r) => r.toSubmit)}`],
  [`2. Tab stops, example typed (birthday + ${last.dateField}) → 調べる`, `${m((r) => r.tabs)}  (+ Enter; answer's certificate expiry ${last.expires})`],
  ['3a. empty form: page scrollHeight', px((r) => r.empty.page)],
  ['3a. empty form: <myna-hoken> height', px((r) => r.empty.element)],
  ['3b. answer link: page scrollHeight', px((r) => r.answer.page)],
  ['3b. answer link: <myna-hoken> height', px((r) => r.answer.element)],
  ['4. answer link: scrollY after the widget\'s scroll', `${Math.round(seen)} px`],
  [`4. headline (${last.answer.sel}) top / bottom from page top`, `${Math.round(top)} / ${Math.round(bottom)} px`],
  [`4. headline within ${H} px on screen (${Math.round(seen)}–${Math.round(seen + H)})`, top >= seen && bottom <= seen + H ? 'yes' : 'no'],
];
const w = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
console.log(`headline text: 「${last.answer.text}」`);
console.log(`per run: tabs to 調べる [${runs.map((r) => r.toSubmit)}], example tabs [${runs.map((r) => r.tabs)}], `
  + `heights [${runs.map((r) => `${Math.round(r.empty.page)}/${Math.round(r.answer.page)}`)}], headline top [${runs.map((r) => Math.round(r.answer.top))}]`);
const problems = [...new Set(runs.flatMap((r) => r.problems))];
if (problems.length) console.log(`page problems: ${problems.join('; ')}`);
