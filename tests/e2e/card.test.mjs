// 有効期限を調べる: a keyboard-only visitor, for the society's example and every
// worked example of shared/RULES.md. Expected dates come from RULES.md, not from the code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerFirst, axe, cellDate, field, focused, launch, open, startServer, tabTo, typeInto } from './helpers.mjs';

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch(); });
after(async () => { await b?.close(); await srv?.stop(); });

const f = (key) => field('card', key);
const SOURCES = { certificateExpires: 0, cardExpires: 1, cardIssued: 2 };

/** Fills the card form with the keyboard only and submits it with Enter. */
async function fillCard(page, answers, { asOf } = {}) {
  await open(page, srv.origin);
  await typeInto(page, f('birthday'), answers.birthday);
  const source = Object.keys(SOURCES).find((k) => answers[k]);
  // The radio group is one Tab stop; arrows choose the date the visitor has.
  await tabTo(page, '.mh-sources input:checked');
  for (let i = 0; i < SOURCES[source]; i++) await page.keyboard.press('ArrowDown');
  await typeInto(page, f(source), answers[source]);
  for (const key of ['cardRenewedInWindow', 'smartphone']) {
    if (answers[key]) { await tabTo(page, f(key)); await page.keyboard.press('Space'); }
  }
  if (asOf) {
    await tabTo(page, '.mh-panel:not([hidden]) .mh-asof summary');
    await page.keyboard.press('Enter');
    await typeInto(page, '.mh-panel:not([hidden]) .mh-asof input', asOf);
  }
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.mh-panel:not([hidden]) .mh-result, .mh-error-summary:not([hidden])');
}

test("the society's example (born 9/18, card made 5/20), typed with the keyboard only", async () => {
  const { page } = b;
  await fillCard(page, { birthday: '1985-09-18', cardIssued: '2020-05-20' }, { asOf: '2024-07-01' });
  assert.ok(await focused(page, '.mh-result-title'), 'focus moves to the answer');
  // RULES.md worked example: certificate 2024-09-18, card 2029-09-18, renew from 2024-06-19, grace to 2024-12-31.
  assert.equal(await cellDate(page, 'certificate.expires'), '2024-09-18');
  assert.equal(await cellDate(page, 'card.expires'), '2029-09-18');
  assert.equal(await cellDate(page, 'certificate.renewalFrom'), '2024-06-19');
  // 'grace to 2024-12-31 (arithmetic only: the grace covers expiries from 2024-12-02)': none here.
  assert.match(await page.locator('.mh-panel:not([hidden]) [data-field="insurance.graceUntil"]').innerText(), /2024年12月2日より前/);
  const text = await page.locator('.mh-panel:not([hidden]) [data-field="certificate.expires"]').innerText();
  assert.match(text, /2024年9月18日\(水\)/);
  assert.match(text, /令和6年9月18日/);
  // On 2024-07-01 the renewal window is open: the answer says so first, with the date that decides it.
  const first = await answerFirst(page);
  assert.equal(first.code, 'works');
  assert.match(first.headline, /マイナ保険証は使えます。.*2024年9月18日\(令和6年\)/);
  assert.match(first.next, /2024年9月18日\(令和6年\) までに/);
  // 計算の根拠, opened (its list is built when first opened).
  await page.locator('.mh-panel:not([hidden]) .mh-steps > summary').click();
  const rules = await page.locator('.mh-panel:not([hidden]) .mh-steps > ol > li').evaluateAll((els) => els.map((e) => e.dataset.rule));
  assert.ok(rules.includes('certificate-validity') && rules.includes('insurance-grace') && rules.includes('renewal-booking'), rules.join());
  assert.equal(new URL(page.url()).hash, '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2024-07-01');
  assert.deepEqual(b.problems(), []);
  assert.deepEqual(await axe(page), []);
});

test('the certificate\'s handwritten expiry is the first date offered, and alone gives the answer', async () => {
  const { page } = b;
  await fillCard(page, { birthday: '昭和60年 9月18日生', certificateExpires: '2029年 9月 18日' }, { asOf: '2026-11-25' });
  // certificate-face: 2029-09-18 → renewal from 2029-06-19, grace to 2029-12-31; the card's own dates unknown.
  assert.equal(await cellDate(page, 'certificate.expires'), '2029-09-18');
  assert.equal(await cellDate(page, 'certificate.renewalFrom'), '2029-06-19');
  assert.equal(await cellDate(page, 'insurance.graceUntil'), '2029-12-31');
  assert.match(await page.locator('.mh-panel:not([hidden]) [data-field="card.expires"]').innerText(), /入力されていません/);
  assert.equal((await answerFirst(page)).code, 'works');
  assert.deepEqual(await axe(page), []);
});

test('the date is echoed in both calendars, and the 元号/年/月/日 pickers open on request', async () => {
  const { page } = b;
  await open(page, srv.origin);
  await typeInto(page, f('birthday'), 'S60.9.18');
  const echo = page.locator(`${f('birthday')}-echo`);
  await echo.getByText('1985年9月18日(水)').waitFor();
  assert.match(await echo.innerText(), /昭和60年9月18日/);
  assert.equal(await page.locator(`${f('birthday')}-picks`).isVisible(), false, 'pickers closed until asked for');
  // Said aloud once the visitor pauses (not while typing).
  await page.waitForFunction(() => document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-root > [aria-live]').textContent.includes('1985年9月18日'));
  await tabTo(page, '.mh-date[data-key="birthday"] .mh-pick-toggle');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`${f('birthday')}-picks`).isVisible(), true);
  const picks = await page.locator('.mh-panel[data-view="card"] .mh-date[data-key="birthday"] select').evaluateAll((s) => s.map((x) => x.value));
  assert.deepEqual(picks, ['昭和', '60', '9', '18']);
  await typeInto(page, f('birthday'), '令和元年５月１日');
  await echo.getByText('2019年5月1日(水)').waitFor();
});

test('a birthday picked as 元号/年/月/日 with the keyboard', async () => {
  const { page } = b;
  await open(page, srv.origin);
  await tabTo(page, '.mh-date[data-key="birthday"] .mh-pick-toggle');
  await page.keyboard.press('Enter');
  // The era select opens on 昭和 for a birthday, and its years are there at once.
  assert.ok(await focused(page, '.mh-date[data-key="birthday"] select[data-part="era"]'));
  const sel = (part) => `.mh-panel[data-view="card"] .mh-date[data-key="birthday"] select[data-part="${part}"]`;
  assert.equal(await page.locator(sel('year')).locator('option').count(), 65, '昭和 1-64 and —');
  await tabTo(page, sel('year'));
  await page.keyboard.type('60');
  await tabTo(page, sel('month'));
  await page.keyboard.type('9');
  await tabTo(page, sel('day'));
  await page.keyboard.type('18');
  assert.equal(await page.inputValue(f('birthday')), '昭和60年9月18日');
  assert.match(await page.locator(`${f('birthday')}-echo`).innerText(), /1985年9月18日\(水\)/);
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
  { name: '練馬区: certificate expiry 2023-05-28 opens renewal on 2023-03-01', in: { birthday: '1990-05-28', cardIssued: '2018-06-01' },
    out: { 'certificate.expires': '2023-05-28', 'certificate.renewalFrom': '2023-03-01' }, asOf: '2023-01-10' },
  { name: "from-card-face: the society's example read from the printed expiry", in: { birthday: '1985-09-18', cardExpires: '2029-09-18' },
    out: { 'certificate.expires': '2024-09-18', 'card.expires': '2029-09-18' } },
];

for (const ex of WORKED) {
  test(`worked example, keyboard only: ${ex.name}`, async () => {
    const { page } = b;
    await fillCard(page, ex.in, { asOf: ex.asOf ?? '2026-02-01' });
    assert.ok(await focused(page, '.mh-result-title'), await page.locator('.mh-error-summary').innerText().catch(() => ''));
    for (const [name, iso] of Object.entries(ex.out)) assert.equal(await cellDate(page, name), iso, name);
    if (ex.note) assert.ok(await page.locator('.mh-panel:not([hidden]) .mh-notes li').count() > 0, 'a note is shown');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(b.problems(), []);
  });
}

test('renewal-in-window (RULES.md worked example) through a link: certificate 2031-11-14', async () => {
  const { page } = b;
  await open(page, srv.origin, '#birthday=1985-11-14&cardExpires=2031-11-14&certificateIssued=2026-09-01&certificateRenewedInWindow=true&asOf=2026-11-24');
  await page.waitForSelector('.mh-panel:not([hidden]) .mh-result');
  assert.equal(await cellDate(page, 'certificate.expires'), '2031-11-14');
});

test('card-validity-before-2022-04: the J-LIS question is asked only when it matters, and its answer changes the card', async () => {
  const { page } = b;
  await fillCard(page, { birthday: '1985-09-18', cardIssued: '2020-05-20' }, { asOf: '2024-07-01' });
  assert.equal(await page.locator('[data-key="appliedBefore2022April"]').count(), 0);
  // Born 2003-01-01, card made 2022-04-15 (legal age 19): the answer asks.
  await fillCard(page, { birthday: '2003-01-01', cardIssued: '2022-04-15' }, { asOf: '2023-01-10' });
  const question = page.locator('.mh-asked [data-key="appliedBefore2022April"]');
  assert.equal(await question.isVisible(), true);
  // Applied 2022-03-20: yes → threshold 20, so 5 birthdays: 2027-01-01.
  await tabTo(page, '.mh-asked input');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.hash.includes('appliedBefore2022April=true'));
  assert.equal(await cellDate(page, 'card.expires'), '2027-01-01');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(b.problems(), []);
});

test('printed expiry, first certificate past: the answer asks 「電子証明書を更新しましたか」 and answers each choice', async () => {
  const { page } = b;
  await fillCard(page, { birthday: '1985-09-18', cardExpires: '2030-09-18' }, { asOf: '2026-11-25' });
  let first = await answerFirst(page);
  assert.equal(first.code, 'renewal_unknown');
  // from-card-face: the first certificate ended 2025-09-18; insurance-grace: to 2025-12-31.
  // Past dates read as past: the grace ended 2025-12-31.
  assert.match(first.headline, /使えたのは 2025年12月31日\(令和7年\) まで/);
  const choose = async (i) => {
    await page.locator(`.mh-asked [data-key="certificateRenewed"] input >> nth=${i}`).check();
    await page.waitForFunction((v) => location.hash.includes(`certificateRenewed=${v}`), ['yes', 'no', 'unknown'][i]);
    return answerFirst(page);
  };
  first = await choose(0);
  assert.equal(first.code, 'renewed');
  // 「はい」 is taken as said: no "if", the card's expiry bounds the new certificate.
  assert.match(first.headline, /^マイナ保険証は使えます。.*2030年9月18日/);
  assert.doesNotMatch(first.headline, /していれば/);
  assert.equal(await page.locator('.mh-panel:not([hidden]) [data-field="insurance.graceUntil"]').count(), 0, 'no row of the old grace');
  first = await choose(1);
  assert.equal(first.code, 'stopped');
  assert.match(first.next, /資格確認書/);
  first = await choose(2);
  assert.equal(first.code, 'renewal_unknown');
  assert.deepEqual(await axe(page), []);
});

test('a smartphone マイナ保険証 has no grace: the phone stopped, the card works until the grace ends', async () => {
  const { page } = b;
  // Card made 2021-05-20: first certificate 2025-09-18, the card's grace to 2025-12-31.
  await open(page, srv.origin, '#birthday=1985-09-18&cardIssued=2021-05-20&certificateRenewed=no&smartphone=true&asOf=2025-10-01');
  await page.waitForSelector('.mh-panel:not([hidden]) .mh-result');
  const first = await answerFirst(page);
  assert.equal(first.code, 'stopped');
  assert.match(first.headline, /スマートフォン.*2025年9月18日.*カード本体なら 2025年12月31日/);
  assert.equal(await page.locator('.mh-panel:not([hidden]) [data-field="insurance.graceUntil"] time').count(), 0);
  assert.match(await page.locator('.mh-panel:not([hidden]) [data-field="insurance.graceUntil"]').innerText(), /スマートフォン/);
  assert.equal(await cellDate(page, 'insurance.usableUntil'), '2025-09-18');
  assert.deepEqual(await axe(page), []);
});
