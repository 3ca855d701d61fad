// 有効期限を調べる: a keyboard-only visitor, for the society's example and every
// worked example of shared/RULES.md. Expected dates come from RULES.md, not from the code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, cellDate, field, launch, open, startServer, tabTo, typeInto } from './helpers.mjs';

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch(); });
after(async () => { await b?.close(); await srv?.stop(); });

const f = (key) => field('card', key);

/** Fills the card form with the keyboard only and submits it with Enter. */
async function fillCard(page, answers, { asOf } = {}) {
  await open(page, srv.origin);
  if (asOf) {
    await tabTo(page, '.mh-asof summary');
    await page.keyboard.press('Enter');
    await typeInto(page, field('shared', 'asOf'), asOf);
  }
  for (const key of ['birthday', 'cardExpires', 'cardIssued', 'certificateIssued']) {
    if (answers[key]) await typeInto(page, f(key), answers[key]);
  }
  for (const key of ['cardRenewedInWindow', 'certificateRenewedInWindow', 'smartphone']) {
    if (answers[key]) { await tabTo(page, f(key)); await page.keyboard.press('Space'); }
  }
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.mh-panel:not([hidden]) .mh-result:not([hidden]), .mh-error-summary:not([hidden])');
}

async function resultFocused(page) {
  return page.evaluate(() => document.activeElement?.classList.contains('mh-result-title'));
}

test("the society's example (born 9/18, card made 5/20), typed with the keyboard only", async () => {
  const { page } = b;
  await fillCard(page, { birthday: '1985-09-18', cardIssued: '2020-05-20' }, { asOf: '2024-07-01' });
  assert.ok(await resultFocused(page), 'focus moves to the result');
  assert.equal(await cellDate(page, 'certificate.expires'), '2024-09-18');
  assert.equal(await cellDate(page, 'card.expires'), '2029-09-18');
  assert.equal(await cellDate(page, 'certificate.renewalFrom'), '2024-06-19');
  assert.equal(await cellDate(page, 'insurance.graceUntil'), '2024-12-31');
  // Each date as 2024年9月18日 with its weekday and 和暦 beside it.
  const text = await page.locator('.mh-panel:not([hidden]) [data-field="certificate.expires"]').innerText();
  assert.match(text, /2024年9月18日\(水\)/);
  assert.match(text, /令和6年9月18日/);
  // Status on 2024-07-01: inside the renewal window.
  assert.equal(await page.locator('.mh-panel:not([hidden]) .mh-status').getAttribute('data-status'), 'renewable');
  // Days left until the マイナ保険証 stops: 2024-07-01 → 2024-12-31 (end of grace) is 183 days
  // (30 left in July after the 1st, then 31+30+31+30+31).
  const days = page.locator('.mh-panel:not([hidden]) .mh-status .mh-days');
  assert.equal(await days.getAttribute('data-days-left'), '183');
  assert.match(await days.innerText(), /あと183日/);
  // The timeline: issued → renewal opens → today → expiry → grace ends.
  const events = await page.locator('.mh-panel:not([hidden]) .mh-timeline li').evaluateAll((els) => els.map((e) => e.dataset.event));
  assert.deepEqual(events, ['issued', 'renewal', 'today', 'expiry', 'grace']);
  // The explanation steps name their rule and source.
  const rules = await page.locator('.mh-panel:not([hidden]) .mh-steps li').evaluateAll((els) => els.map((e) => e.dataset.rule));
  assert.ok(rules.includes('certificate-validity') && rules.includes('insurance-grace'), rules.join());
  // The URL fragment holds the answers with the API's keys.
  assert.equal(new URL(page.url()).hash, '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2024-07-01');
  assert.deepEqual(b.problems(), []);
  assert.deepEqual(await axe(page), []);
});

test('the date is echoed in both calendars before computing, and the 元号/年/月/日 pickers follow', async () => {
  const { page } = b;
  await open(page, srv.origin);
  await typeInto(page, f('birthday'), 'S60.9.18');
  const echo = page.locator(`${f('birthday')}-echo`);
  await assert.doesNotReject(echo.getByText('1985年9月18日(水)').waitFor());
  assert.match(await echo.innerText(), /昭和60年9月18日/);
  const picks = await page.locator('.mh-panel[data-view="card"] .mh-date[data-key="birthday"] select').evaluateAll((s) => s.map((x) => x.value));
  assert.deepEqual(picks, ['昭和', '60', '9', '18']);
  // Full-width digits and 和暦 with 元年.
  await typeInto(page, f('birthday'), '令和元年５月１日');
  await assert.doesNotReject(echo.getByText('2019年5月1日(水)').waitFor());
});

test('a birthday picked as 元号/年/月/日 with the keyboard', async () => {
  const { page } = b;
  await open(page, '' + srv.origin);
  const sel = (part) => `.mh-panel[data-view="card"] .mh-date[data-key="birthday"] select[data-part="${part}"]`;
  await tabTo(page, sel('era'));
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // 令和, 平成, 昭和
  await tabTo(page, sel('year'));
  await page.keyboard.type('60');
  await tabTo(page, sel('month'));
  await page.keyboard.type('9');
  await tabTo(page, sel('day'));
  await page.keyboard.type('18');
  assert.equal(await page.inputValue(f('birthday')), '昭和60年9月18日');
  assert.match(await page.locator(`${f('birthday')}-echo`).innerText(), /1985年9月18日\(水\)/);
  await typeInto(page, f('cardIssued'), '2020-05-20');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.mh-panel:not([hidden]) .mh-result:not([hidden])');
  assert.equal(await cellDate(page, 'certificate.expires'), '2024-09-18');
});

// RULES.md "Worked examples (public)".
const WORKED = [
  { name: '政府広報オンライン: born 1990-10-10, card made 2020-05-15', in: { birthday: '1990-10-10', cardIssued: '2020-05-15' },
    out: { 'card.expires': '2029-10-10' } },
  { name: 'birthday-count: card made on the birthday 2021-07-01', in: { birthday: '1980-07-01', cardIssued: '2021-07-01' },
    out: { 'certificate.expires': '2026-07-01', 'card.expires': '2031-07-01' } },
  { name: 'leap-day-birthday and 多摩市: born 2000-02-29, card made 2021-06-01, grace to 31 May', in: { birthday: '2000-02-29', cardIssued: '2021-06-01' },
    out: { 'certificate.expires': '2026-02-28', 'card.expires': '2031-02-28', 'insurance.graceUntil': '2026-05-31' }, note: true },
  { name: 'card-validity: card made the day before the 18th birthday gets 10 years', in: { birthday: '2005-07-01', cardIssued: '2023-06-30' },
    out: { 'card.expires': '2032-07-01' }, note: true },
  { name: 'renewal-in-window: certificate renewed 2026-09-01 in window, card 2031-11-14', in: { birthday: '1985-11-14', cardExpires: '2031-11-14', certificateIssued: '2026-09-01', certificateRenewedInWindow: true },
    out: { 'certificate.expires': '2031-11-14' } },
  { name: '練馬区: certificate expiry 2023-05-28 opens renewal on 2023-03-01', in: { birthday: '1990-05-28', cardIssued: '2018-06-01' },
    out: { 'certificate.expires': '2023-05-28', 'certificate.renewalFrom': '2023-03-01' } },
  { name: "from-card-face: the society's example read from the printed expiry", in: { birthday: '1985-09-18', cardExpires: '2029-09-18' },
    out: { 'certificate.expires': '2024-09-18', 'card.expires': '2029-09-18' } },
];

for (const ex of WORKED) {
  test(`worked example, keyboard only: ${ex.name}`, async () => {
    const { page } = b;
    await fillCard(page, ex.in, { asOf: '2026-11-24' });
    assert.ok(await resultFocused(page), await page.locator('.mh-error-summary').innerText().catch(() => ''));
    for (const [name, iso] of Object.entries(ex.out)) assert.equal(await cellDate(page, name), iso, name);
    if (ex.note) assert.ok(await page.locator('.mh-panel:not([hidden]) .mh-notes li').count() > 0, 'a note is shown');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(b.problems(), []);
  });
}

test('card-validity-before-2022-04: the J-LIS question appears only when it matters, and its answer changes the card', async () => {
  const { page } = b;
  // An adult card: the question is not asked.
  await fillCard(page, { birthday: '1985-09-18', cardIssued: '2020-05-20' }, { asOf: '2024-07-01' });
  assert.equal(await page.locator('[data-key="appliedBefore2022April"]').isVisible(), false);
  // Born 2003-01-01, card made 2022-04-15 (legal age 19): ask.
  await fillCard(page, { birthday: '2003-01-01', cardIssued: '2022-04-15' }, { asOf: '2023-01-10' });
  const question = page.locator('[data-key="appliedBefore2022April"]');
  assert.equal(await question.isVisible(), true);
  assert.ok(await page.locator('.mh-notes li[data-code="ask_applied_before_2022_april"]').count() === 1);
  // Applied 2022-03-20: yes.
  // Shift+Tab into the group lands on its last radio (いいえ); ArrowUp checks はい.
  await tabTo(page, `[name="${f('appliedBefore2022April').slice(1)}"]`, { back: true });
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.isChecked(`${f('appliedBefore2022April')}-0`), true);
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('appliedBefore2022April=true'));
  assert.equal(await cellDate(page, 'card.expires'), '2027-01-01');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(b.problems(), []);
});

test('only the printed expiry, first certificate date passed: "probably renewed", not "expired"', async () => {
  const { page } = b;
  await fillCard(page, { birthday: '1985-09-18', cardExpires: '2029-09-18' }, { asOf: '2026-11-24' });
  assert.equal(await page.locator('.mh-panel:not([hidden]) .mh-status').getAttribute('data-status'), 'unknown');
  assert.equal(await page.locator('.mh-notes li[data-code="certificate_probably_renewed"]').count(), 1);
  assert.deepEqual(await axe(page), []);
});

test('a smartphone マイナ保険証 has no grace period', async () => {
  const { page } = b;
  await fillCard(page, { birthday: '1985-09-18', cardIssued: '2020-05-20', smartphone: true }, { asOf: '2024-10-01' });
  assert.equal(await page.locator('.mh-panel:not([hidden]) .mh-status').getAttribute('data-status'), 'expired');
  assert.equal(await page.locator('.mh-panel:not([hidden]) [data-field="insurance.graceUntil"] time').count(), 0);
  assert.equal(await cellDate(page, 'insurance.usableUntil'), '2024-09-18');
  assert.deepEqual(await axe(page), []);
});
