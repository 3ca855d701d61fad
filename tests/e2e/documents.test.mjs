// 必要な書類を調べる: the advisor's questions one group at a time, with the keyboard
// only; the summary of answers with a way to change each; what to bring. The
// expected answers are the society's ①-⑩ and RULES.md "What to bring to a clinic".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, launch, open, startServer, tabTo } from './helpers.mjs';

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch(); });
after(async () => { await b?.close(); await srv?.stop(); });

const name = (key) => `mh1-documents-${key}`;

/** Tabs into a radio group and picks the n-th choice (Space on the first, arrows after). */
async function choose(page, key, index) {
  await tabTo(page, `[name="${name(key)}"]`);
  if (index === 0) await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.isChecked(`#${name(key)}-${index}`), true, `${key} #${index}`);
}

async function tick(page, key) {
  await tabTo(page, `#${name(key)}`);
  await page.keyboard.press('Space');
}

async function next(page) {
  await tabTo(page, '.mh-panel:not([hidden]) .mh-step:not([hidden]) .mh-primary, .mh-panel:not([hidden]) .mh-answers:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
}

/** Opens the advisor with the keyboard: the second of the three answers. */
async function start(page) {
  await open(page, srv.origin);
  await tabTo(page, '.mh-view-button[data-view="documents"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.mh-view-button[data-view="documents"]').getAttribute('aria-pressed'), 'true');
}

const visible = '.mh-panel:not([hidden]) .mh-result:not([hidden])';
const list = (page, sel) => page.locator(`${visible} ${sel}`).evaluateAll((els) => els.map((e) => e.dataset.item ?? e.dataset.reason ?? e.dataset.action));

async function shown(page) {
  await page.waitForSelector(visible);
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('mh-result-title')), 'focus on the result');
}

test('① no My Number card (employee): a 資格確認書 comes automatically through the employer', async () => {
  const { page } = b;
  await start(page);
  await choose(page, 'membership', 0);
  await next(page);
  await choose(page, 'card', 0);
  await next(page);
  // The registration questions are skipped without a card: the next group is "そのほか".
  assert.equal(await page.locator('.mh-step[data-group="other"]').isVisible(), true);
  await next(page);
  await shown(page);
  assert.deepEqual(await list(page, '.mh-bring li'), ['eligibility-certificate']);
  assert.equal(await page.locator(`${visible} .mh-issue`).getAttribute('data-issue'), 'automatic');
  assert.deepEqual(await list(page, '.mh-reasons li'), ['no-card']);
  assert.equal(await page.locator(`${visible} .mh-delivery`).getAttribute('data-delivery'), 'employer');
  assert.equal(await page.locator(`${visible} ul.mh-if-fails`).count(), 0);
  assert.equal(new URL(page.url()).hash.includes('membership=insured&card=none'), true);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(b.problems(), []);
});

test('⑦ lost card (voluntary member): apply, it comes by post, and the 24-hour number to call', async () => {
  const { page } = b;
  await start(page);
  await choose(page, 'membership', 2);
  await next(page);
  await choose(page, 'card', 3);
  await next(page);
  await choose(page, 'registered', 0);
  await choose(page, 'certificate', 0);
  await next(page);
  await next(page);
  await shown(page);
  assert.equal(await page.locator(`${visible} .mh-issue`).getAttribute('data-issue'), 'on-application');
  assert.ok((await list(page, '.mh-reasons li')).includes('card-lost'));
  assert.equal(await page.locator(`${visible} .mh-delivery`).getAttribute('data-delivery'), 'home');
  const lost = page.locator(`${visible} li[data-action="report-lost-card"]`);
  assert.equal(await lost.count(), 1);
  assert.match(await lost.innerText(), /0120-95-0178/);
  assert.equal(await lost.locator('a[href="tel:0120950178"]').count(), 1);
  assert.deepEqual(await axe(page), []);
});

test('a working smartphone マイナ保険証: the phone first, the card as backup, no 資格確認書', async () => {
  const { page } = b;
  await start(page);
  await choose(page, 'membership', 0);
  await next(page);
  await choose(page, 'card', 1);
  await next(page);
  await choose(page, 'registered', 0);
  await choose(page, 'certificate', 0);
  await tick(page, 'smartphone');
  await next(page);
  await next(page);
  await shown(page);
  assert.deepEqual((await list(page, '.mh-bring li')).slice(0, 2), ['smartphone', 'my-number-card']);
  assert.ok((await list(page, 'ul.mh-if-fails li')).includes('mynaportal-screen'));
  assert.equal(await page.locator(`${visible} .mh-issue`).getAttribute('data-issue'), 'none');
  assert.equal(await page.locator(`${visible} .mh-delivery`).count(), 0);
  const bring = await list(page, '.mh-bring li');
  assert.ok(!bring.includes('eligibility-notice'), 'the notice alone is never enough');
  assert.deepEqual(await axe(page), []);
});

test('grace vs expired, changed from the summary of answers', async () => {
  const { page } = b;
  await start(page);
  await choose(page, 'membership', 1);
  await next(page);
  await choose(page, 'card', 1);
  await next(page);
  await choose(page, 'registered', 0);
  await choose(page, 'certificate', 1); // grace
  await next(page);
  await next(page);
  await shown(page);
  // In grace the card still works: no ③, the card with the notice if the reader fails.
  assert.equal(await page.locator(`${visible} .mh-issue`).getAttribute('data-issue'), 'none');
  assert.deepEqual((await list(page, '.mh-bring li'))[0], 'my-number-card');
  assert.ok((await list(page, 'ul.mh-if-fails li')).includes('eligibility-notice'));
  // The summary lists every group with a "変更" button.
  assert.equal(await page.locator('.mh-answers .mh-answer').count(), 4);
  await tabTo(page, '.mh-answers .mh-answer:nth-child(3) .mh-link', { back: true });
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.mh-step[data-group="registration"]').isVisible(), true);
  await tabTo(page, `[name="${name('certificate')}"]`);
  await page.keyboard.press('ArrowDown'); // expired
  assert.equal(await page.isChecked(`#${name('certificate')}-2`), true);
  await next(page);
  await shown(page);
  assert.equal(await page.locator(`${visible} .mh-issue`).getAttribute('data-issue'), 'automatic');
  assert.deepEqual(await list(page, '.mh-reasons li'), ['certificate-expired']);
  assert.deepEqual(await list(page, '.mh-bring li'), ['eligibility-certificate']);
  assert.equal(await page.locator(`${visible} .mh-delivery`).getAttribute('data-delivery'), 'employer');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(b.problems(), []);
});

test('"この結果で必要な書類を調べる" carries the certificate status from the dates into the advisor', async () => {
  const { page } = b;
  await open(page, srv.origin, '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2024-10-15');
  await tabTo(page, '.mh-tools .mh-secondary:last-child');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.mh-view-button[data-view="documents"]').getAttribute('aria-pressed'), 'true');
  await choose(page, 'membership', 0);
  await next(page);
  assert.equal(await page.isChecked(`#${name('card')}-1`), true, 'card: have');
  await next(page);
  assert.equal(await page.isChecked(`#${name('certificate')}-1`), true, 'certificate: grace');
});

test('a fragment link opens the advisor with its answer (no card)', async () => {
  const { page } = b;
  await open(page, srv.origin, '#membership=voluntary-dependent&card=none');
  await page.waitForSelector(visible);
  assert.equal(await page.locator(`${visible} .mh-delivery`).getAttribute('data-delivery'), 'home');
  assert.equal(await page.locator('.mh-answers').isVisible(), true);
  assert.deepEqual(b.problems(), []);
});
