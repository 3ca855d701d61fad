// The widget for other insurers: each shipped profile (www/profiles/*.json) on a
// page that pastes embed.html's snippet with profile="profiles/<id>.json", as
// README "Use it for your society" tells a site to. Expected dates come from
// www/profiles/README.md's worked examples (each insurer's own published rule);
// names, contacts and sources from the profile files themselves.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerFirst, axe, cellDate, eligibilityByKeyboard, focused, fresh, launch, open, startServer, tabTo, typeInto, WWW } from './helpers.mjs';

// Every shipped profile (www/profiles/*.json but the contract's schema).
const IDS = readdirSync(join(WWW, 'profiles')).filter((f) => f.endsWith('.json') && f !== 'profile.schema.json').map((f) => f.replace(/\.json$/, ''));
const profileOf = (id) => JSON.parse(readFileSync(join(WWW, 'profiles', `${id}.json`), 'utf8'));

let dir;
let srv;
let b;
before(async () => {
  // www/dist's files, plus one page per profile: the demo page with the
  // snippet's profile attribute and preload pointing at that profile, and a
  // page whose profile is broken.
  dir = mkdtempSync(join(tmpdir(), 'mh-profiles-'));
  cpSync(WWW, dir, { recursive: true });
  const page = readFileSync(join(WWW, 'index.html'), 'utf8');
  const withProfile = (file) => page
    .replace(/^(\s*)<myna-hoken>$/m, `$1<myna-hoken profile="profiles/${file}">`)
    .replace('href="profiles/kddi.json"', `href="profiles/${file}"`);
  for (const id of IDS) writeFileSync(join(dir, `${id}.html`), withProfile(`${id}.json`));
  const broken = profileOf('kddi');
  broken.eligibilityCertificate.validity.months = 0;
  writeFileSync(join(dir, 'profiles', 'broken.json'), JSON.stringify(broken));
  writeFileSync(join(dir, 'broken.html'), withProfile('broken.json'));
  srv = await startServer(dir);
  b = await launch({ viewport: { width: 390, height: 844 } });
});
after(async () => { await b?.close(); await srv?.stop(); rmSync(dir, { recursive: true, force: true }); });

const f = (key) => `#mh1-eligibility-${key}`;
const visible = '.mh-panel:not([hidden]) .mh-result';

/** The 資格確認書 form, keyboard only, on the page of a profile. */
const eligibility = (page, id, { asOf = '2026-11-25', ...rest }) =>
  eligibilityByKeyboard(page, srv.origin, { ...rest, asOf, path: `/${id}.html` });

// profiles/README.md "Worked examples": one per insurer, each its own rule.
const EXAMPLES = [
  ['kddi', '2025-06-15', '2030-05-31', '60 months to the month end: +60 months = 2030-06, the month before ends 2030-05-31'],
  ['brother', '2025-06-15', '2029-12-31', 'year-end 5: the day before the 5th anniversary is 2030-06-14; the last 31 Dec on or before it'],
  ['sri', '2025-10-31', '2025-12-01', 'fixed: the last issue day of the first period (to 2025-10-31) expires 2025-12-01'],
  ['sri', '2025-12-01', '2030-11-30', 'fixed: the first issue day of the second period expires 2030-11-30'],
  ['shigaku-kyosai', '2025-06-15', '2029-11-30', 'fixed: 「一律令和11年11月30日」'],
  ['houdou', '2024-12-02', '2027-12-02', 'fixed: 「令和9年12月2日までの有効期限を定めた資格確認書を交付します」'],
];

for (const [id, issued, expires, why] of EXAMPLES) {
  test(`${id}: a 資格確認書 issued ${issued} expires ${expires} (${why}), in the insurer's own words`, async () => {
    const { page, problems } = b;
    await eligibility(page, id, { issued, membership: 0 });
    assert.ok(await focused(page, '.mh-result-title'), await page.locator('.mh-error-summary').innerText().catch(() => 'no result'));
    assert.equal(await cellDate(page, 'expires'), expires);
    const p = profileOf(id);
    const all = await page.locator(visible).innerText();
    // The insurer's name where the answer names it, its contacts, and its form.
    assert.ok((await page.locator(`${visible} .mh-return`).innerText()).length > 0);
    const contacts = await page.locator(`${visible} .mh-contacts li`).allInnerTexts();
    assert.equal(contacts.length, p.contacts.length);
    for (const [i, c] of p.contacts.entries()) {
      assert.ok(contacts[i].includes(c.label.ja ?? c.label), contacts[i]);
      if (c.phone) assert.equal(await page.locator(`${visible} .mh-contacts li`).nth(i).locator('a.mh-tel').getAttribute('href'), `tel:${c.phone.replaceAll('-', '')}`);
    }
    const form = p.eligibilityCertificate.form;
    if (form) assert.ok(all.includes(form.ja), `the form line names 「${form.ja}」`);
    else assert.equal(await page.locator(`${visible} .mh-form-line`).count(), 0, 'no form line when the insurer does not say');
    // 計算の根拠: the step of the insurer's kind, the day its facts were checked, and its sources.
    await page.locator(`${visible} .mh-steps > summary`).click();
    assert.equal(await page.locator(`${visible} .mh-steps li[data-rule="eligibility-certificate-validity"]`).first().getAttribute('data-code'), 'eligibility_validity');
    const links = await page.locator(`${visible} .mh-profile-sources a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, p.sources.map((s) => s.url));
    const [y, m, d] = p.checked.split('-').map(Number);
    assert.match(await page.locator(`${visible} .mh-profile-sources`).innerText(), new RegExp(`${y}年${m}月${d}日`));
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems(), []);
  });
}

test('kyoukai-kenpo (printed dates only): the printed expiry is asked, its error lands on that field, then it is used', async () => {
  const { page, problems } = b;
  // 協会けんぽ publishes no rule that gives the date from the issue date
  // (profiles/README.md: `printed`), so without the printed date there is no answer.
  await eligibility(page, 'kyoukai-kenpo', { issued: '2025-06-15' });
  assert.ok(await focused(page, '.mh-error-summary'));
  const box = page.locator('.mh-panel:not([hidden]) .mh-field[data-key="expires"]');
  assert.ok(await box.evaluate((e) => e.classList.contains('mh-invalid')), 'the expiry field is marked');
  assert.equal(await page.locator(f('expires')).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('.mh-error-summary').innerText(), /印字された有効期限/);
  assert.match(await page.locator('.mh-error-summary').innerText(), /全国健康保険協会/);
  // The summary's link takes the keyboard to the field.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.ok(await focused(page, f('expires')));
  await page.keyboard.insertText('2029-11-30');
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
  await page.waitForSelector(visible);
  assert.equal(await cellDate(page, 'expires'), '2029-11-30');
  assert.deepEqual(problems(), []);
});

test('sri: an issue date after every published period asks for the printed date instead of guessing', async () => {
  const { page } = b;
  await eligibility(page, 'sri', { issued: '2030-12-01', asOf: '2030-12-10' });
  assert.ok(await focused(page, '.mh-error-summary'));
  assert.equal(await page.locator(f('expires')).getAttribute('aria-invalid'), 'true');
});

test('shigaku-kyosai: every member returns it to the insurer, so the return rule is known without the membership', async () => {
  const { page } = b;
  await eligibility(page, 'shigaku-kyosai', { issued: '2025-06-15' });
  assert.match(await page.locator(`${visible} .mh-return`).innerText(), /日本私立学校振興・共済事業団へ直接返却/);
  assert.equal(await page.locator(`${visible} .mh-return`).getAttribute('data-to'), 'society');
});

test('brother: a lost My Number card (a reason the insurer lists as on application) and a returned card (one it does not list)', async () => {
  const { page } = b;
  // brother.json lists card-lost as on-application (④ in its list) and does not list card-returned.
  await open(page, srv.origin, '#membership=insured&card=lost&registered=true&asOf=2026-11-25', '/brother.html');
  await page.waitForSelector(visible);
  assert.equal((await answerFirst(page)).code, 'use_eligibility_certificate');
  assert.match(await page.locator(`${visible} .mh-reasons`).innerText(), /^④/);
  await open(page, srv.origin, '#membership=insured&card=returned&asOf=2026-11-25', '/brother.html');
  await page.waitForSelector(visible);
  const a = await answerFirst(page);
  assert.match(a.headline, /ブラザー健康保険組合にお問い合わせください/);
  assert.equal(await page.locator(`${visible} .mh-next`).getAttribute('data-code'), 'ask_the_society');
  assert.deepEqual(await axe(page), []);
});

test('meltec: the advisor asks whether the visitor just joined, and a new member without a card is told it comes unasked', async () => {
  const { page, problems } = b;
  // meltec.json: newMembers automatic (「新規加入(入社)者についてのみ…申請…は不要とし…aを交付」);
  // every listed reason on application for everyone else. KDDI has no such question.
  const joined = '.mh-panel:not([hidden]) .mh-field[data-key="justJoined"]';
  await open(page, srv.origin, '', '/kddi.html');
  await page.click('.mh-tab[data-view="documents"]');
  assert.equal(await page.locator(joined).isVisible(), false, 'KDDI does not ask');
  await open(page, srv.origin, '', '/meltec.html');
  await page.click('.mh-tab[data-view="documents"]');
  assert.ok(await page.locator(joined).isVisible(), 'meltec asks on the first page, beside the membership');
  assert.match(await page.locator(joined).innerText(), /最近、この健康保険に加入した/);
  await open(page, srv.origin, '#membership=insured&justJoined=true&card=none&asOf=2026-11-24', '/meltec.html');
  await page.waitForSelector(visible);
  const a = await answerFirst(page);
  assert.equal(a.code, 'use_eligibility_certificate');
  assert.match(a.headline, /申請しなくても/);
  await page.locator(`${visible} .mh-steps > summary`).click();
  assert.match(await page.locator(`${visible} .mh-steps li[data-code="who_automatic"]`).innerText(), /新しく加入した方で/);
  await open(page, srv.origin, '#membership=insured&justJoined=false&card=none&asOf=2026-11-24', '/meltec.html');
  await page.waitForSelector(visible);
  assert.match((await answerFirst(page)).headline, /申請すると/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems(), []);
});

test('English: the insurer\'s English name and contacts, no Japanese sentence from the profile', async () => {
  const { page } = b;
  await open(page, srv.origin, '#issued=2025-06-15&membership=voluntary-insured&asOf=2026-11-25&lang=en', '/shigaku-kyosai.html');
  await page.waitForSelector(`${visible}`);
  const text = await page.locator(visible).innerText();
  assert.match(text, /Promotion and Mutual Aid Corporation for Private Schools of Japan/);
  assert.match(text, /My Number general free dial/);
  assert.doesNotMatch(text, /日本私立学校振興/);
});

test('a profile the engine cannot read: no answers for the wrong insurer, the fallback and a line that says why', async () => {
  const { page, log } = b;
  await page.goto(fresh(`${srv.origin}/broken.html`));
  await page.waitForSelector('myna-hoken[data-state="fallback"]');
  assert.equal(await page.locator('.mh-form').count(), 0, 'no form');
  assert.match(await page.locator('.mh-fail').innerText(), /プロフィール/);
  assert.ok(await page.locator('.mh-fallback').isVisible());
  // The web team finds the problem, with its path, in the console.
  assert.ok(log.console.some((m) => /eligibilityCertificate\.validity\.months/.test(m.text)), 'the path in the console');
  log.console.length = 0; // that warning is this test's; the next starts clean
});

test('the profile property: a page may hand the widget a profile object', async () => {
  const { page, problems } = b;
  await open(page, srv.origin, '#issued=2025-06-15&asOf=2026-11-25');
  await page.waitForSelector(visible);
  assert.equal(await cellDate(page, 'expires'), '2030-05-31');
  const brother = profileOf('brother');
  await page.evaluate((p) => { document.querySelector('myna-hoken').profile = p; }, brother);
  await page.locator('.mh-tab[data-view="eligibility"]').click();
  await typeInto(page, f('issued'), '2025-06-15');
  await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
  await page.keyboard.press('Enter');
  await page.waitForSelector(visible);
  assert.equal(await cellDate(page, 'expires'), '2029-12-31', 'brother: year-end 5');
  assert.deepEqual(problems(), []);
});

test('profile.html: a shipped profile checks clean, its dates follow its rule, and every problem of a broken one is listed by path', async () => {
  const { page, problems } = b;
  await page.goto(fresh(`${srv.origin}/profile.html`));
  await page.waitForSelector('myna-hoken[data-state="ready"]', { state: 'attached' });
  await page.selectOption('#profile-start', 'sri');
  await page.waitForSelector('.demo-good');
  // sri's fixed periods (profiles/README.md): issued 2025-10-31 → 2025-12-01, 2025-12-01 → 2030-11-30,
  // and November 2025 in none: its printed date is asked.
  const rows = await page.locator('#profile-dates tbody tr').allInnerTexts();
  assert.ok(rows.some((r) => /2025年10月31日[\s\S]*2025年12月1日/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /2025年11月1日[\s\S]*印字された有効期限/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /2025年12月1日[\s\S]*2030年11月30日/.test(r)), rows.join('\n'));
  // The summary in words: the reasons as a visitor reads them, in the insurer's order.
  assert.match(await page.locator('.demo-summary').innerText(), /マイナンバーカードを作っていない\(申請なしで\)/);
  assert.equal(await page.locator('#preview').isVisible(), true, 'a good profile runs in the widget');
  assert.deepEqual(await axe(page), []);
  // Three problems at once, each with its path.
  const p = JSON.parse(await page.inputValue('#profile-text'));
  p.eligibilityCertificate.validity.periods[1].issuedFrom = '2025-10-31';
  p.contacts[0].phone = 5;
  p.memberships.insured.delivery = 'post';
  await page.fill('#profile-text', JSON.stringify(p));
  await page.waitForSelector('.demo-bad');
  // While it has problems the widget gives no answer by other rules: it is not shown at all.
  assert.equal(await page.locator('#preview').isVisible(), false, 'no preview with a broken profile');
  assert.match(await page.locator('#try-note').innerText(), /問題があるため/);
  const paths = await page.locator('.demo-problems code').allInnerTexts();
  assert.deepEqual(paths.sort(), [
    'profile.contacts[0].phone',
    'profile.eligibilityCertificate.validity.periods[1]',
    'profile.memberships.insured.delivery',
  ]);
  // The mistakes a new web-team member makes: a kind that does not exist, a
  // reason misspelt and one without its issue, a date written with slashes.
  await page.selectOption('#profile-start', 'kddi');
  await page.waitForSelector('.demo-good');
  const k = JSON.parse(await page.inputValue('#profile-text'));
  k.eligibilityCertificate.validity = { kind: 'monthly', months: 60 };
  k.eligibilityCertificate.reasons[0].reason = 'no-cards';
  delete k.eligibilityCertificate.reasons[2].issue;
  k.checked = '2025/12/01';
  await page.fill('#profile-text', JSON.stringify(k));
  await page.waitForFunction(() => document.querySelectorAll('.demo-problems code').length === 4);
  const found = Object.fromEntries(await page.locator('.demo-problems li').evaluateAll((lis) => lis.map((li) => [li.querySelector('code').textContent, li.textContent])));
  assert.deepEqual(Object.keys(found).sort(), [
    'profile.checked',
    'profile.eligibilityCertificate.reasons[0].reason',
    'profile.eligibilityCertificate.reasons[2].issue',
    'profile.eligibilityCertificate.validity.kind',
  ]);
  // Each says what is allowed or expected.
  assert.match(found['profile.eligibilityCertificate.validity.kind'], /months-to-month-end \| fixed \| year-end \| printed/);
  assert.match(found['profile.eligibilityCertificate.reasons[0].reason'], /no-card \|/);
  assert.match(found['profile.checked'], /2025-12-02/);
  assert.match(found['profile.eligibilityCertificate.reasons[2].issue'], /ありません/);
  // A JSON syntax error: its line and column (a trailing comma on line 3).
  await page.fill('#profile-text', '{\n  "id": "x",\n}');
  await page.waitForSelector('text=JSONとして読めません');
  assert.match(await page.locator('#profile-result').innerText(), /3行目 1文字目/);
  assert.equal(await page.locator('#preview').isVisible(), false);
  assert.deepEqual(problems(), []);
});
