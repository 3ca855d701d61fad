// 資格確認書の有効期限: issue date (and optional birthday) → expiry and return duty,
// keyboard only. Expected dates: RULES.md eligibility-certificate-validity.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerFirst, axe, cellDate, eligibilityByKeyboard, focused, launch, open, startServer, tabTo, typeInto } from './helpers.mjs';

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch(); });
after(async () => { await b?.close(); await srv?.stop(); });

const f = (key) => `#mh1-eligibility-${key}`;
const visible = '.mh-panel:not([hidden]) .mh-result';

async function check(page, { issued, birthday, membership, asOf = '2026-11-24' }) {
  await eligibilityByKeyboard(page, srv.origin, { issued, birthday, membership, asOf });
  assert.ok(await focused(page, '.mh-result-title'), await page.locator('.mh-error-summary').innerText().catch(() => 'no result'));
}

const EXAMPLES = [
  ['issued 2024-12-02 → 2029-11-30 (the society\'s first day)', '2024-12-02', '2029-11-30'],
  ['issued 2025-04-01 → 2030-03-31', '2025-04-01', '2030-03-31'],
  ['issued 2025-01-31 → 2029-12-31', '2025-01-31', '2029-12-31'],
];

for (const [name, issued, expires] of EXAMPLES) {
  test(`eligibility-certificate-validity, keyboard only: ${name}`, async () => {
    const { page } = b;
    await check(page, { issued });
    assert.equal(await cellDate(page, 'expires'), expires);
    assert.match(await page.locator(`${visible} [data-field="status"]`).innerText(), /有効/);
    assert.equal((await answerFirst(page)).code, 'eligibility_valid');
    assert.equal(new URL(page.url()).hash, `#issued=${issued}&asOf=2026-11-24`);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(b.problems(), []);
  });
}

test('typed as 和暦: 令和6年12月2日', async () => {
  const { page } = b;
  await check(page, { issued: '令和6年12月2日' });
  assert.equal(await cellDate(page, 'expires'), '2029-11-30');
  assert.match(await page.locator(`${visible} [data-field="expires"]`).innerText(), /2029年11月30日\(金\).*令和11年11月30日/s);
});

test('never past the day before the 75th birthday', async () => {
  const { page } = b;
  await check(page, { issued: '2025-01-10', birthday: '1952-06-15' });
  assert.equal(await cellDate(page, 'expires'), '2027-06-14');
  assert.ok(await page.locator(`${visible} .mh-notes li`).count() > 0, 'a note says why');
});

test('return duty: a voluntary member gives it back to the society directly', async () => {
  const { page } = b;
  await check(page, { issued: '2024-12-02', membership: 2 });
  assert.equal(await page.locator(`${visible} .mh-return`).getAttribute('data-to'), 'society');
  assert.deepEqual(await axe(page), []);
});

test('return duty: an employee gives it back through the employer; expired one needs no return', async () => {
  const { page } = b;
  await check(page, { issued: '2024-12-02', membership: 0, asOf: '2029-12-01' });
  assert.equal((await answerFirst(page)).code, 'eligibility_expired');
  assert.equal(await page.locator(`${visible} .mh-return`).getAttribute('data-to'), 'employer');
  assert.deepEqual(await axe(page), []);
});
