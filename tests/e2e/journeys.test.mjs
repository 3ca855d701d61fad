// The journeys of journeys.mjs in Chromium at 390×844, in every language: the
// visitor picks the language in the widget's menu, taps and types (Playwright's
// mouse and keyboard: no value is set by a script), and the words the journey
// ends in are checked (journey.expect) and kept (tests/e2e/journeys/*.txt).
// Then the calendar: downloaded after an answer, every event with its alarm.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axe, focused, launch, open, startServer } from './helpers.mjs';
import { JOURNEYS, LANGS, artefact, checkWords, inLang, keep, readScreen, walk } from './journeys.mjs';

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch({ viewport: { width: 390, height: 844 } }); });
after(async () => { await b?.close(); await srv?.stop(); });

const panel = '.mh-panel:not([hidden])';

/** Waits until the widget has drawn what the last tap asked for. */
async function settled(page) {
  await page.waitForFunction(() => {
    const root = document.querySelector('myna-hoken')?.shadowRoot;
    return root && root.querySelector('.mh-root') && !root.querySelector('.mh-loading');
  });
  await page.waitForTimeout(50);
}

/** The Chromium visitor: each step of journeys.mjs, with the mouse and the keyboard. */
function visitor(page, lang) {
  let view = 'card';
  const id = (key) => `#mh1-${view}-${key}`;
  return {
    async start() {
      await open(page, srv.origin);
      if (lang !== 'ja') {
        await page.locator('.mh-lang select').selectOption(lang);
        await page.waitForFunction((l) => document.querySelector('myna-hoken').dataset.lang === l, lang);
      }
    },
    async tab(v) { view = v; await page.locator(`.mh-tab[data-view="${v}"]`).click(); },
    async type(key, text) {
      const field = page.locator(id(key));
      await field.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(inLang(text, lang));
    },
    async source(key) { await page.locator(`${panel} .mh-sources input[value="${key}"]`).click(); },
    async check(key) { await page.locator(id(key)).click(); await page.waitForTimeout(50); },
    async choose(key, value) { await page.locator(`${panel} input[name="mh1-${view}-${key}"][value="${value}"]`).click(); },
    async asOf(text) {
      const details = page.locator(`${panel} .mh-asof`);
      if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
      await this.type('asOf', text);
    },
    async submit() {
      await page.locator(`${panel} .mh-primary`).click();
      await settled(page);
    },
    async answer(key, value) {
      await page.locator(`${panel} input[name="mh1-${view}-ask-${key}"][value="${value}"]`).click();
      await page.waitForFunction((v) => document.querySelector('myna-hoken').shadowRoot
        .querySelector(`.mh-ask input[value="${v}"]`)?.checked, value);
      await settled(page);
      // A screen reader hears the option tapped, not the first one of the question.
      const option = `${panel} input[name="mh1-${view}-ask-${key}"][value="${value}"]`;
      if (await page.locator(option).count()) assert.ok(await focused(page, option.replace(`${panel} `, '')), `the focus is on ${key} = ${value}`);
    },
    async link(hash) {
      await page.locator(`a[href="${hash}"]`).click();
      await page.waitForFunction(() => document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-panel:not([hidden]) .mh-result'));
      await settled(page);
    },
    async back() {
      await page.goBack();
      await page.waitForFunction(() => !location.hash && document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-panel:not([hidden]) .mh-form'));
    },
    read: () => page.evaluate(readScreen),
  };
}

for (const journey of JOURNEYS) {
  for (const lang of LANGS) {
    test(`journey ${journey.name} (${lang}): the words at the end`, async () => {
      const { page } = b;
      const screens = await walk(journey, lang, visitor(page, lang));
      checkWords(assert, journey, lang, screens);
      // No input key is ever shown as words.
      for (const s of screens) for (const e of [...s.errors, ...s.fieldErrors]) assert.doesNotMatch(e, /\b(certificateExpires|cardExpires|cardIssued|birthday|stayUntil|asOf)\b/, e);
      // axe on every ending in Japanese (languages.test.mjs runs it on every state in every language).
      if (lang === 'ja') assert.deepEqual(await axe(page), [], `${journey.name} ${lang}: axe`);
      assert.deepEqual(b.problems(), []);
      const changed = keep(journey, lang, artefact(journey, lang, screens));
      assert.equal(changed, null, changed ?? '');
    });
  }
}

/** The events of an .ics text: `{ uid, start, summary, alarms: [{ trigger, description }] }`. */
function parseIcs(text) {
  const lines = text.replace(/\r\n /g, '').split('\r\n');
  const out = [];
  let ev = null;
  let alarm = null;
  for (const line of lines) {
    const [name, ...rest] = line.split(':');
    const value = rest.join(':');
    if (line === 'BEGIN:VEVENT') ev = { alarms: [] };
    else if (line === 'END:VEVENT') { out.push(ev); ev = null; }
    else if (line === 'BEGIN:VALARM') alarm = {};
    else if (line === 'END:VALARM') { ev.alarms.push(alarm); alarm = null; }
    else if (alarm) alarm[name.toLowerCase()] = value;
    else if (ev) {
      if (name === 'UID') ev.uid = value;
      if (name === 'DTSTART;VALUE=DATE') ev.start = value;
      if (name === 'SUMMARY') ev.summary = value;
    }
  }
  return out;
}

const CALENDAR = JOURNEYS.find((j) => j.name === 'after-the-date-unknown-first');
const LABEL = { ja: '母', en: 'Mother', 'ja-easy': 'はは' };

for (const lang of LANGS) {
  test(`journey calendar (${lang}): whose card it is asked once; future events only, each with a reminder`, async () => {
    const { page } = b;
    const v = visitor(page, lang);
    await walk(CALENDAR, lang, v);
    const button = page.locator(`${panel} .mh-ics`);
    await button.click();
    // Asked once, in the page: whose card it is (optional).
    const input = page.locator(`${panel} .mh-ics-label input`);
    await input.click();
    await page.keyboard.type(LABEL[lang]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${panel} .mh-ics-label .mh-primary`).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const events = parseIcs(text);
    // On 2026-12-02, for the card printed 2031-11-10 (born 11-10), renewal not known:
    // the first certificate's renewal (2026-08-11) and expiry (2026-11-10) are past, so
    // not in the file; the grace's end (2027-02-28, RULES.md insurance-grace), the card's
    // renewal (2031-08-11, renewal-window: the day after 2031-08-10) and its expiry are.
    assert.deepEqual(events.map((e) => e.start), ['20270228', '20310811', '20311110']);
    for (const e of events) {
      assert.ok(e.start >= '20261202', `${e.start} is not in the past`);
      assert.equal(e.alarms.length, 1, `${e.summary}: one reminder`);
      assert.ok(e.summary.includes(LABEL[lang]), `${e.summary} names whose card`);
      assert.match(e.uid, /19561110/, 'the UID is made from her own dates');
    }
    // Two weeks before the grace ends and the card expires; on the morning renewal opens.
    assert.deepEqual(events.map((e) => e.alarms[0].trigger), ['-P14D', 'PT9H', '-P14D']);
    // Another person with the same dates gets other UIDs (a birthday of their own).
    const again = await page.evaluate(() => document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-panel:not([hidden]) .mh-ics-label'));
    assert.equal(again, null, 'the question closes once answered');
    assert.deepEqual(b.problems(), []);
    const screens = [{ ...(await v.read()), calendar: events.map((e) => `${e.start} ${e.summary} [${e.alarms.map((a) => `${a.trigger}: ${a.description}`).join('; ')}]`) }];
    const changed = keep({ name: 'calendar' }, lang, artefact({ name: 'calendar' }, lang, screens));
    assert.equal(changed, null, changed ?? '');
  });
}
