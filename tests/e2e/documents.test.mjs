// 必要な書類を調べる: the advisor's questions a few at a time, with the keyboard
// only; only the questions the engine says apply; the answers given, each with
// a way to change it; what to bring. The expected answers are the society's
// ①-⑩ and RULES.md "What to bring to a clinic".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerFirst, axe, focused, launch, open, startServer, tabTo } from './helpers.mjs';

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
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
}

/** Opens the advisor with the keyboard: the second tab (arrows move between tabs). */
async function start(page) {
  await open(page, srv.origin);
  await tabTo(page, '.mh-tab[aria-selected="true"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.mh-tab[data-view="documents"]').getAttribute('aria-selected'), 'true');
}

const visible = '.mh-panel:not([hidden]) .mh-result';
const list = (page, sel) => page.locator(`${visible} ${sel}`).evaluateAll((els) => els.map((e) => e.dataset.item ?? e.dataset.reason ?? e.dataset.action));

async function shown(page) {
  await page.waitForSelector(visible);
  assert.ok(await focused(page, '.mh-result-title'), 'focus on the answer');
}

test('① no My Number card (employee): a 資格確認書 comes automatically through the employer', async () => {
  const { page } = b;
  await start(page);
  await choose(page, 'membership', 0);
  await next(page);
  await choose(page, 'card', 0);
  await next(page);
  // No card: nothing about registration is asked; the last page has what may still apply.
  const q = (key) => page.locator(`.mh-panel[data-view="documents"] [data-key="${key}"]`);
  assert.equal(await q('registered').isVisible(), false);
  assert.equal(await q('smartphone').isVisible(), false);
  assert.equal(await q('numberOnFile').isVisible(), true);
  await next(page);
  await shown(page);
  assert.deepEqual(await list(page, '.mh-bring li'), ['eligibility-certificate']);
  assert.deepEqual(await list(page, '.mh-reasons li'), ['no-card']);
  // How it comes is said once, in what to do (no separate line repeating it).
  assert.match(await page.locator(`${visible} [data-action="wait-eligibility-certificate"]`).innerText(), /申請しなくても、会社を通じて届きます/);
  const first = await answerFirst(page);
  assert.equal(first.code, 'use_eligibility_certificate');
  assert.match(first.headline, /資格確認書.*申請しなくても/);
  assert.deepEqual(b.problems(), []);
  assert.deepEqual(await axe(page), []);
});

test('⑦ lost card (voluntary member): apply, it comes by post, and the 24-hour number to call', async () => {
  const { page } = b;
  await start(page);
  await choose(page, 'membership', 2);
  await next(page);
  await choose(page, 'card', 3);
  await next(page);
  await choose(page, 'registered', 0);
  await next(page);
  await next(page);
  await shown(page);
  assert.deepEqual(await list(page, '.mh-reasons li'), ['card-lost']);
  assert.match(await page.locator(`${visible} [data-action="apply-eligibility-certificate"]`).innerText(), /KDDI健康保険組合へ申請/);
  assert.equal(await page.locator(`${visible} a[href="tel:0120950178"]`).count() >= 1, true);
  const first = await answerFirst(page);
  assert.match(first.next, /0120-95-0178/, 'the first thing to do is to call');
  assert.deepEqual(await axe(page), []);
});

test('a working smartphone マイナ保険証: the phone first, the card as backup, no 資格確認書', async () => {
  const { page } = b;
  await start(page);
  await choose(page, 'membership', 1);
  await next(page);
  await choose(page, 'card', 1);
  await next(page);
  await choose(page, 'registered', 0);
  await choose(page, 'certificate', 0);
  await next(page);
  await tick(page, 'smartphone');
  await next(page);
  await shown(page);
  assert.deepEqual(await list(page, '.mh-bring li'), ['smartphone', 'my-number-card']);
  assert.equal(await page.locator(`${visible} .mh-issue`).getAttribute('data-issue'), 'none');
  assert.equal((await answerFirst(page)).code, 'phone_works');
  assert.deepEqual(await axe(page), []);
});

test('「わからない」 about the registration: an answer that holds either way, and how to find out', async () => {
  const { page } = b;
  await start(page);
  await choose(page, 'membership', 0);
  await next(page);
  await choose(page, 'card', 1);
  await next(page);
  await choose(page, 'registered', 2);
  await next(page);
  await next(page);
  await shown(page);
  assert.deepEqual(await list(page, '.mh-bring li'), ['my-number-card', 'eligibility-certificate']);
  assert.equal(await page.locator(`${visible} .mh-issue`).getAttribute('data-issue'), 'depends');
  assert.equal(await page.locator(`${visible} .mh-notes li[data-code="registration_unknown"]`).count(), 1);
  assert.equal((await answerFirst(page)).code, 'bring_card_and_eligibility_certificate');
  assert.deepEqual(await axe(page), []);
});

test('the answers given, each changeable: grace, then expired', async () => {
  const { page } = b;
  await open(page, srv.origin, '#membership=insured&card=have&registered=true&certificate=grace&asOf=2026-11-24');
  await page.waitForSelector(visible);
  assert.deepEqual(await list(page, '.mh-bring li'), ['my-number-card'], 'grace: the card still works');
  await page.locator(`${visible} .mh-answer[data-key="certificate"] .mh-link`).click();
  // Back on the form, on that question's page, with the answer kept.
  assert.ok(await focused(page, `[name="${name('certificate')}"]`));
  assert.equal(await page.isChecked(`#${name('certificate')}-2`), true);
  await page.keyboard.press('ArrowDown');
  await next(page);
  await next(page);
  await shown(page);
  assert.deepEqual(await list(page, '.mh-bring li'), ['eligibility-certificate'], 'grace over: ③');
  assert.deepEqual(await list(page, '.mh-reasons li'), ['certificate-expired']);
  assert.match(new URL(page.url()).hash, /certificate=expired/);
  assert.deepEqual(await axe(page), []);
});

test('"この結果で持っていくものを調べる" carries the certificate status from the dates into the advisor', async () => {
  const { page } = b;
  await open(page, srv.origin, '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2024-10-15');
  await page.waitForSelector(visible);
  await page.locator(`${visible} .mh-tools .mh-to-documents`).click();
  assert.equal(await page.locator('.mh-tab[data-view="documents"]').getAttribute('aria-selected'), 'true');
  // The certificate status (unknown: renewed or not) is carried over.
  assert.equal(await page.isChecked(`#${name('card')}-1`), true);
});

test('a link with every answer opens the advisor on its answer', async () => {
  const { page } = b;
  await open(page, srv.origin, '#membership=insured&card=none');
  await page.waitForSelector(visible);
  assert.deepEqual(await list(page, '.mh-bring li'), ['eligibility-certificate']);
  const first = await answerFirst(page);
  assert.ok(first.headlineBox.y >= 0 && first.nextBox.y + first.nextBox.height <= 900, 'on the first screen');
  assert.deepEqual(await axe(page), []);
});
