// Every error path: the message appears next to the field and in a summary at the
// top, in plain Japanese (or English), is announced (role=alert + focus), and axe
// finds nothing wrong with the error state: once for each field that can carry
// an error, in each language. Cases on the same field differ only in the words
// of the message (the same elements, roles, references and colours), which axe
// does not read; each case still checks its own message, code and references.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, focused, launch, open, startServer, tabTo, typeInto } from './helpers.mjs';

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch(); });
after(async () => { await b?.close(); await srv?.stop(); });

/** Types the answers into one view with the keyboard and submits. */
async function submit(page, view, answers, asOf) {
  await open(page, srv.origin);
  if (view !== 'card') await page.locator(`.mh-tab[data-view="${view}"]`).click();
  for (const [key, text] of Object.entries(answers)) {
    // The card's dates: choose which one the visitor has first.
    if (['certificateExpires', 'cardExpires', 'cardIssued'].includes(key)) await page.locator(`.mh-sources input[value="${key}"]`).check();
    await typeInto(page, `#mh1-${view}-${key}`, text);
  }
  if (asOf) {
    await tabTo(page, '.mh-panel:not([hidden]) .mh-asof summary');
    await page.keyboard.press('Enter');
    await typeInto(page, `#mh1-${view}-asOf`, asOf);
  }
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
}

/** The fields (view, key, language) whose error state axe has checked. */
const checked = new Set();

/** The error is in the summary (focused, role=alert) and next to its field. */
async function expectError(page, { code, view, key }) {
  const summary = page.locator('.mh-error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.ok(await focused(page, '.mh-error-summary'), 'focus on the summary');
  const link = summary.locator('a');
  assert.equal(await link.count(), 1);
  if (code) assert.equal(await link.getAttribute('data-code'), code);
  const message = (await link.innerText()).trim();
  assert.ok(message.length > 3, 'a message');
  assert.doesNotMatch(message, /undefined|null|\[object/);
  if (key) {
    const id = `#mh1-${view}-${key}`;
    const input = page.locator(`input${id}, [name="${id.slice(1)}"]`).first();
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const next = page.locator(`${id}-error`);
    assert.equal(await next.isVisible(), true, 'message next to the field');
    assert.ok((await next.innerText()).includes(message), 'same message');
    const described = (await page.locator(id).getAttribute('aria-describedby')) ?? '';
    assert.ok(described.split(' ').includes(`${id.slice(1)}-error`), 'tied by aria-describedby');
  }
  assert.equal(await page.locator('.mh-panel:not([hidden]) .mh-result').isVisible(), false);
  const state = `${view} ${key} ${await page.getAttribute('myna-hoken', 'data-lang')}`;
  if (!checked.has(state)) {
    checked.add(state);
    assert.deepEqual(await axe(page), [], state);
  }
  assert.deepEqual(b.problems(), []);
  return message;
}

const CASES = [
  ['a birthday without any card date: on the certificate\'s expiry, offered first', 'card', { birthday: '1985-09-18' }, null, 'missing_field', 'certificateExpires'],
  ['a date that does not exist (2月30日)', 'card', { birthday: '1985-02-30', cardIssued: '2020-05-20' }, null, 'invalid_date', 'birthday'],
  ['not a date at all', 'card', { birthday: 'きのう', cardIssued: '2020-05-20' }, null, 'invalid_date', 'birthday'],
  ['an era year outside its era (平成32年)', 'card', { birthday: '1985-09-18', cardIssued: '平成32年1月1日' }, null, 'invalid_era_year', 'cardIssued'],
  ['令和0年', 'card', { birthday: '令和0年1月1日', cardIssued: '2020-05-20' }, null, 'invalid_era_year', 'birthday'],
  ['a date before 1900', 'card', { birthday: '1899-12-31', cardIssued: '2020-05-20' }, null, 'out_of_range', 'birthday'],
  ['a card before 2016-01-01', 'card', { birthday: '1985-09-18', cardIssued: '2015-12-31' }, null, 'out_of_range', 'cardIssued'],
  ['a card made before the birthday', 'card', { birthday: '2020-01-01', cardIssued: '2019-06-01' }, null, 'start_before_birth', 'cardIssued'],
  ['a printed expiry no card can have (not a birthday)', 'card', { birthday: '1985-09-18', cardExpires: '2029-09-17' }, null, 'impossible_card_expiry', 'cardExpires'],
  ['a birthday after the day to check is the birthday\'s error', 'card', { birthday: '1985-09-18', cardIssued: '2020-05-20' }, '1980-01-01', 'date_after_as_of', 'birthday'],
  ['a card issued in the future (2062-05-20) is the issue date\'s error', 'card', { birthday: '1985-09-18', cardIssued: '2062-05-20' }, null, 'date_after_as_of', 'cardIssued'],
  ['a certificate expiry that is not a birthday', 'card', { birthday: '1985-09-18', certificateExpires: '2029-09-17' }, null, 'impossible_certificate_expiry', 'certificateExpires'],
  ['a year without its era (29年3月12日) asks which era', 'card', { birthday: '29年3月12日', cardIssued: '2020-05-20' }, null, 'era_needed', 'birthday'],
  ['資格確認書: an issue date in the future (令和9年12月2日) is the issue date\'s error', 'eligibility', { issued: '令和9年12月2日' }, null, 'date_after_as_of', 'issued'],
  ['a day to check that is not a date', 'card', { birthday: '1985-09-18', cardIssued: '2020-05-20' }, '2024-13-01', 'invalid_date', 'asOf'],
  ['資格確認書: no issue date', 'eligibility', {}, null, 'missing_field', 'issued'],
  ['資格確認書: issued before 2024-12-02', 'eligibility', { issued: '2024-12-01' }, null, 'out_of_range', 'issued'],
  ['資格確認書: a birthday after the issue date', 'eligibility', { issued: '2025-01-10', birthday: '2025-06-01' }, null, 'start_before_birth', null],
];

for (const [name, view, answers, asOf, code, key] of CASES) {
  test(`error: ${name}`, async () => {
    const { page } = b;
    await submit(page, view, answers, asOf);
    await expectError(page, { code, view, key });
  });
}

test('error: nothing typed: every missing answer at once, each naming its own question', async () => {
  const { page } = b;
  await submit(page, 'card', {});
  const summary = page.locator('.mh-error-summary');
  await summary.waitFor();
  assert.ok(await focused(page, '.mh-error-summary'), 'focus on the summary');
  const items = await summary.locator('li').evaluateAll((lis) => lis.map((li) => [li.dataset.field, li.innerText.trim()]));
  // The birthday, and the date source offered first (the certificate's own expiry): not
  // 「カードの有効期限か、カードの発行日」, the two the visitor did not pick.
  assert.deepEqual(items, [['birthday', '生年月日を入力してください。'], ['certificateExpires', '電子証明書の有効期限を入力してください。']]);
  for (const key of ['birthday', 'certificateExpires']) {
    assert.equal(await page.locator(`#mh1-card-${key}`).getAttribute('aria-invalid'), 'true');
  }
  assert.deepEqual(await axe(page), []);
  // Fixed, a field's message goes at once, before the next submit.
  await typeInto(page, '#mh1-card-birthday', '1985-09-18');
  await page.waitForFunction(() => !document.querySelector('myna-hoken').shadowRoot.querySelector('[data-key="birthday"].mh-invalid'));
  assert.deepEqual(await summary.locator('li').evaluateAll((lis) => lis.map((li) => li.dataset.field)), ['certificateExpires']);
  assert.deepEqual(b.problems(), []);
});

test('error: a day that does not exist and a question left empty: both in one round, in the form\'s order', async () => {
  const { page } = b;
  // 1985-02-30 does not exist (February has 28 or 29 days), and no card date
  // is typed: the engine stops at its first problem, so before this the
  // visitor read only 「…を入力してください」 and met the birthday's problem on
  // the next 調べる.
  await submit(page, 'card', { birthday: '1985-02-30' });
  const summary = page.locator('.mh-error-summary');
  await summary.waitFor();
  const items = await summary.locator('li').evaluateAll((lis) => lis.map((li) => [li.dataset.field, li.querySelector('a').dataset.code, li.innerText.trim()]));
  assert.deepEqual(items.map(([field, code]) => [field, code]), [['birthday', 'invalid_date'], ['certificateExpires', 'missing_field']]);
  assert.match(items[0][2], /^生年月日: 2月30日という日はありません。/);
  assert.equal(items[1][2], '電子証明書の有効期限を入力してください。');
  for (const key of ['birthday', 'certificateExpires']) {
    assert.equal(await page.locator(`#mh1-card-${key}`).getAttribute('aria-invalid'), 'true');
  }
  assert.ok(await focused(page, '.mh-error-summary'), 'focus on the summary');
  assert.deepEqual(b.problems(), []);
});

test('the link in the summary moves the focus to the field', async () => {
  const { page } = b;
  await submit(page, 'card', { birthday: '1985-02-30', cardIssued: '2020-05-20' });
  await expectError(page, { code: 'invalid_date', view: 'card', key: 'birthday' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.ok(await focused(page, '#mh1-card-birthday'));
  // Correcting the date clears the error.
  await typeInto(page, '#mh1-card-birthday', '1985-09-18');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.mh-panel:not([hidden]) .mh-result');
  assert.equal(await page.locator('.mh-error-summary').isVisible(), false);
  assert.equal(await page.locator('.mh-invalid').count(), 0);
});

test('the advisor: "次へ" without an answer says what to choose', async () => {
  const { page } = b;
  await open(page, srv.origin);
  await page.locator('.mh-tab[data-view="documents"]').click();
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
  const msg = await expectError(page, { code: 'missing_field', view: 'documents', key: 'membership' });
  assert.match(msg, /選んでください/);
});

test('errors from a fragment link: unknown keys are named beside the answer; a bad choice, a bad yes/no', async () => {
  const { page } = b;
  await open(page, srv.origin, '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2024-07-01&colour=blue');
  await page.waitForSelector('.mh-panel:not([hidden]) .mh-result');
  assert.match(await page.locator('.mh-notice').innerText(), /colour/);
  await open(page, srv.origin, '#membership=boss&card=none');
  await expectError(page, { code: 'invalid_value', view: 'documents', key: 'membership' });
  await open(page, srv.origin, '#membership=insured&card=have&registered=maybe');
  await expectError(page, { code: 'invalid_type', view: 'documents', key: 'registered' });
});

test('English: the engine answers errors in English', async () => {
  const { page } = b;
  await open(page, srv.origin, '#birthday=1985-02-30&cardIssued=2020-05-20&lang=en');
  const msg = await expectError(page, { code: 'invalid_date', view: 'card', key: 'birthday' });
  assert.match(msg, /^Date of birth/);
  assert.match(await page.locator('.mh-error-title').innerText(), /Please check/);
});
