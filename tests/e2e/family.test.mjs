// 家族の一覧 in Chromium at 390×844: a visitor answers for one person, then adds
// two more by tapping and typing; the overview lists them in the order they
// need to act; the household's link opens the same overview in a new browser;
// one calendar holds everyone's events, each named for its person, with its
// reminder; a link that is partly broken is read as far as it is valid.
// axe at zero in each state and language.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axe, focused, launch, open, shot, startServer, tabTo } from './helpers.mjs';

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch({ viewport: { width: 390, height: 844 } }); });
after(async () => { await b?.close(); await srv?.stop(); });

const panel = '.mh-panel:not([hidden])';
const LANGS = ['ja', 'en', 'ja-easy'];

/** Types into a text box as a visitor does (tap, clear, type). */
async function type(page, selector, text) {
  await page.locator(selector).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** The overview's rows as a visitor reads them: name, first line, next date. */
function rows(page) {
  return page.evaluate(() => [...document.querySelector('myna-hoken').shadowRoot.querySelectorAll('.mh-family-row')].map((li) => ({
    index: Number(li.dataset.index),
    name: li.querySelector('.mh-family-name').firstChild.textContent,
    today: li.dataset.today ?? null,
    next: li.querySelector('.mh-family-next time')?.getAttribute('datetime') ?? null,
    kind: li.querySelector('.mh-family-next')?.dataset.kind ?? null,
    problem: li.classList.contains('mh-family-problem') ? li.querySelector('.mh-headline').textContent : null,
  })));
}

/** Adds a person with the form 「家族の分も調べる」 opened: label, membership, then the card's questions. */
async function addPerson(page, n, { label, membership, birthday, source, date }) {
  const id = `#mh1-f${n}`;
  await page.waitForSelector(`${id}-label`);
  await type(page, `${id}-label`, label);
  if (membership) await page.locator(`${panel} input[name="mh1-f${n}-membership"][value="${membership}"]`).click();
  await type(page, `${id}-card-birthday`, birthday);
  await page.locator(`${panel} .mh-sources input[value="${source}"]`).click();
  await type(page, `${id}-card-${source}`, date);
  // A pause after the last key, as a person makes before tapping.
  await page.waitForTimeout(400);
  await page.locator(`${panel} .mh-form .mh-primary`).click();
  await page.waitForSelector('.mh-family-list');
}

/** Parses an .ics text: `{ uid, start, summary, alarms }` per event. */
function parseIcs(text) {
  const out = [];
  let ev = null;
  for (const line of text.replace(/\r\n /g, '').split('\r\n')) {
    const [name, ...rest] = line.split(':');
    if (line === 'BEGIN:VEVENT') ev = { alarms: 0 };
    else if (line === 'END:VEVENT') { out.push(ev); ev = null; }
    else if (line === 'BEGIN:VALARM') ev.alarms++;
    else if (ev && name === 'UID') ev.uid = rest.join(':');
    else if (ev && name === 'DTSTART;VALUE=DATE') ev.start = rest.join(':');
    else if (ev && name === 'SUMMARY' && !ev.summary) ev.summary = rest.join(':');
  }
  return out;
}

test('family: two people added by tapping and typing, the overview in the order to act, its link in a new browser, one calendar', async () => {
  const { page } = b;
  const startedAt = b.log.requests.length;
  const japanese = () => b.log.requests.slice(startedAt).filter((u) => new URL(u).pathname === '/words/ja.json').length;
  await open(page, srv.origin);
  // The first person, as today: 父's certificate (from its own date, certificate-face).
  await type(page, '#mh1-card-birthday', '1985-09-18');
  await type(page, '#mh1-card-certificateExpires', '2027-09-18');
  await page.locator(`${panel} .mh-asof summary`).click();
  await type(page, '#mh1-card-asOf', '2026-12-02');
  await page.waitForTimeout(400);
  await page.locator(`${panel} .mh-form .mh-primary`).click();
  await page.waitForSelector('.mh-result .mh-family-add');
  // The answer needs no more words than the API module brings; the family
  // view's come with its button (tests/tools/api-bundle.mjs), fetched once.
  assert.equal(japanese(), 0, 'no words/ja.json before the family view');
  await page.locator(`${panel} .mh-result .mh-family-add`).click();
  // The form for the second person; axe on it.
  await page.waitForSelector('#mh1-f2-label');
  assert.equal(japanese(), 1, 'words/ja.json with the family view');
  // Its words, not a missing one: the form's title names person 2 (ui.family.addTitle).
  assert.equal(await page.locator(`${panel} .mh-panel-title`).textContent(), '2人目の情報を入力');
  assert.deepEqual(await axe(page), [], 'axe: the form for person 2');
  // 長女: a child's card made 2022-06-01 at age 7 ends on the 5th birthday after it,
  // 2027-04-02 (card-validity); its window opens 2027-01-03 (renewal-window).
  await addPerson(page, 2, { label: '長女', membership: 'dependent', birthday: '2015-04-02', source: 'cardIssued', date: '2022-06-01' });
  assert.deepEqual((await rows(page)).map((r) => [r.name, r.next, r.kind]), [
    ['長女', '2027-01-03', 'card-renewal'],
    ['1人目', '2027-06-19', 'certificate-renewal'],
  ], 'the child first: her window opens sooner');
  // The focus is on the row just added, and it is announced.
  assert.equal(await page.evaluate(() => document.querySelector('myna-hoken').shadowRoot.activeElement?.id), 'mh1-p2-h');
  // 母: born 29 February, certificate 2027-02-28 (leap-day-birthday): the window
  // opened 2026-11-29, so she must act now and comes first.
  await page.locator(`${panel} .mh-tools .mh-family-add`).click();
  await addPerson(page, 3, { label: '母', birthday: '2000-02-29', source: 'certificateExpires', date: '2027-02-28' });
  const three = await rows(page);
  assert.deepEqual(three.map((r) => r.name), ['母', '長女', '1人目']);
  assert.deepEqual(three[0], { index: 3, name: '母', today: 'works', next: '2027-02-28', kind: 'certificate-expiry', problem: null });
  assert.deepEqual(await axe(page), [], 'axe: the overview (ja)');
  // One row opens that person's whole answer, with their documents.
  await page.locator(`${panel} li[data-index="2"] .mh-family-more summary`).click();
  await page.waitForSelector('li[data-index="2"] .mh-documents-result');
  assert.deepEqual(await axe(page), [], 'axe: a row opened');
  await shot(page, 'family-ja-390.png', { fullPage: true });

  // The printout: the overview, then each person's whole answer (made only when printing).
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await page.evaluate(() => [...document.querySelector('myna-hoken').shadowRoot
    .querySelectorAll('.mh-family-print-person .mh-result-title:first-child')].map((t) => t.textContent)), ['母の答え', '長女の答え', '1人目の答え']);
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'family-ja-print.png', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.locator('.mh-family-print').count(), 0, 'gone after printing');

  // The household's link: every person, numbered; opened in a new browser, the same overview.
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#1\.birthday=1985-09-18&1\.certificateExpires=2027-09-18&2\.birthday=2015-04-02&2\.cardIssued=2022-06-01&2\.label=/);
  assert.match(decodeURIComponent(hash), /3\.label=母/);
  assert.match(hash, /asOf=2026-12-02/);
  const other = await launch({ viewport: { width: 390, height: 844 } });
  try {
    await open(other.page, srv.origin, hash);
    await other.page.waitForSelector('.mh-family-list');
    assert.deepEqual(await rows(other.page), three, 'the same overview from the link');
    assert.deepEqual(other.problems(), []);
  } finally { await other.close(); }

  // One calendar: every person's future events, each naming its person, each with a reminder.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${panel} .mh-family-ics`).click()]);
  const events = parseIcs(readFileSync(await download.path(), 'utf8'));
  for (const name of ['母', '長女', '1人目']) assert.ok(events.some((e) => e.summary.startsWith(`${name}の`)), `${name}'s events`);
  assert.ok(events.every((e) => e.alarms === 1 && e.start >= '20261202'), 'future events, one reminder each');
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'no two events share a UID');
  // 長女's card ends with her certificate (2027-04-02): one event for that day, not two,
  // and no grace after it (the card itself ends that day: insurance-grace, noGrace card-expires).
  assert.deepEqual(events.filter((e) => e.summary.startsWith('長女の')).map((e) => e.start), ['20270103', '20270402']);

  // The same overview in English and やさしい日本語, axe at zero in each.
  for (const lang of LANGS.slice(1)) {
    await page.locator('.mh-lang select').selectOption(lang);
    await page.waitForFunction((l) => document.querySelector('myna-hoken').dataset.lang === l, lang);
    await page.waitForSelector('.mh-family-list');
    const r = await rows(page);
    assert.deepEqual(r.map((x) => x.index), [3, 2, 1], `${lang}: the same order`);
    if (lang === 'en') assert.equal(r[2].name, 'Person 1');
    assert.deepEqual(await axe(page), [], `axe: the overview (${lang})`);
    assert.match(await page.evaluate(() => location.hash), new RegExp(`lang=${lang}`));
    if (lang === 'en') await shot(page, 'family-en-390.png', { fullPage: true });
  }
  // Back to Japanese: the family view's words are still here (fetched once).
  await page.locator('.mh-lang select').selectOption('ja');
  await page.waitForFunction(() => document.querySelector('myna-hoken').dataset.lang === 'ja');
  assert.equal(await page.locator(`${panel} .mh-family .mh-result-title`).textContent(), '家族の一覧');
  assert.equal(japanese(), 1, 'words/ja.json fetched once');
  assert.deepEqual(b.problems(), []);
});

test('family: a link read as far as it is valid; a broken person shows the problem on its own field; at most 10', async () => {
  const { page } = b;
  const hash = '#1.label=父&1.birthday=1985-09-18&1.certificateExpires=2027-09-18'
    + '&2.label=B&2.birthday=1985-02-30&2.certificateExpires=2027-02-28'
    + '&11.birthday=2000-01-01&x.birthday=1&2.colour=red&asOf=2026-12-02';
  await open(page, srv.origin, hash);
  await page.waitForSelector('.mh-family-list');
  const r = await rows(page);
  assert.deepEqual(r.map((x) => x.name), ['父', 'B'], 'the broken one last');
  assert.ok(r[1].problem, 'B has its problem in its row');
  const notice = await page.locator(`${panel} .mh-family > .mh-notice`).innerText();
  for (const k of ['11.birthday', 'x.birthday', '2.colour']) assert.ok(notice.includes(k), `${k} is named as skipped`);
  assert.deepEqual(await axe(page), [], 'axe: a row with a problem');
  // 直す: the form, with the problem on the field the visitor typed.
  await page.locator(`${panel} li[data-index="2"] .mh-secondary`).click();
  await page.waitForSelector('.mh-error-summary:not([hidden])');
  assert.equal(await page.evaluate(() => document.querySelector('myna-hoken').shadowRoot
    .querySelector('[data-key="birthday"]').classList.contains('mh-invalid')), true);
  assert.deepEqual(await axe(page), [], 'axe: the form with its problem');
  // Corrected, the row answers and the notice of what was skipped stays out of the way.
  await type(page, '#mh1-f2-card-birthday', '1985-02-28');
  await page.waitForTimeout(400);
  await page.locator(`${panel} .mh-form .mh-primary`).click();
  await page.waitForSelector('.mh-family-list');
  assert.equal((await rows(page)).filter((x) => x.problem).length, 0);

  // One person's link (an FAQ's, followed on the same page) ends the household.
  await page.evaluate(() => { location.hash = '#birthday=1985-09-18&certificateExpires=2027-09-18&asOf=2026-12-02'; });
  await page.waitForSelector(`${panel} .mh-result .mh-family-add`);
  await page.locator('.mh-lang select').selectOption('en');
  await page.waitForFunction(() => document.querySelector('myna-hoken').dataset.lang === 'en');
  assert.equal(await page.locator('.mh-family-list').count(), 0, 'the one person\'s answer stays, in English');
  assert.match(await page.evaluate(() => location.hash), /^#birthday=1985-09-18/);

  // A day that is no date: skipped and named; everyone is answered for today.
  await open(page, srv.origin, '#1.label=父&1.birthday=1985-09-18&1.certificateExpires=2027-09-18&asOf=2026-13-45');
  await page.waitForSelector('.mh-family-list');
  assert.equal((await rows(page)).filter((x) => x.problem).length, 0);
  assert.ok((await page.locator(`${panel} .mh-family > .mh-notice`).innerText()).includes('asOf'));

  // Ten people: no 11th.
  const ten = Array.from({ length: 10 }, (_, i) => `${i + 1}.birthday=1985-09-18&${i + 1}.certificateExpires=2027-09-18`).join('&');
  await open(page, srv.origin, `#${ten}&asOf=2026-12-02`);
  await page.waitForSelector('.mh-family-list');
  assert.equal((await rows(page)).length, 10);
  assert.equal(await page.locator(`${panel} .mh-tools .mh-family-add`).isDisabled(), true);
  assert.deepEqual(b.problems(), []);
});

test('family, keyboard only: 家族の分も調べる by Tab and Enter, the form takes the focus, 一覧にもどる and 一覧から外す return it', async () => {
  const { page } = b;
  await open(page, srv.origin, '#birthday=1985-09-18&certificateExpires=2027-09-18&asOf=2026-12-02');
  await page.waitForSelector('.mh-result .mh-family-add');
  await tabTo(page, '.mh-result .mh-family-add');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#mh1-f2-label');
  assert.ok(await focused(page, '#mh1-f2-h'), 'the form\'s title has the focus');
  await page.keyboard.press('Tab');
  assert.ok(await focused(page, '#mh1-f2-label'), 'then its first question');
  await page.keyboard.type('長男');
  await tabTo(page, '.mh-form .mh-secondary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.mh-family-list');
  assert.ok(await focused(page, '#mh1-family-h'), 'back on the overview\'s title');
  assert.equal((await rows(page)).length, 1, 'nobody added');
  await tabTo(page, 'li[data-index="1"] .mh-family-remove');
  await page.keyboard.press('Enter');
  // Asked first, the focus on the answer that removes; Enter confirms.
  assert.ok(await focused(page, '.mh-family-confirm .mh-primary'));
  assert.deepEqual(await axe(page), [], 'axe: the question before removing');
  await page.keyboard.press('Enter');
  // Nobody left: the card's empty form, its title focused, no household in the link.
  await page.waitForSelector(`${panel} .mh-form #mh1-card-birthday`);
  assert.ok(await focused(page, '.mh-panel-title'));
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.deepEqual(b.problems(), []);
});
