// Issue 5, hostile input through the page: markup, very long strings, RTL and
// control characters, and broken fragments in every field and in the URL. The
// page must stay up, show a clear error, and run no injected script.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, startServer } from './helpers.mjs';

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch(); });
after(async () => { await b?.close(); await srv?.stop(); });

const PAYLOADS = {
  'an <img onerror> tag': '<img src=x onerror=alert(1)>',
  'a <script> tag': '"><script>alert(1)</script>',
  'an <svg onload>': '<svg/onload=alert(document.domain)>',
  'a javascript: URL': 'javascript:alert(1)',
  'a very long string': '9'.repeat(100_000),
  'an RTL override around a date': '\u202E2025-12-02\u202C',
  'Arabic and Hebrew': 'مرحبا שלום ٢٠٢٥-١٢-٠٢',
  'control characters': '\u0000\u0007\u001b[31m\u0008\r\n2025-12-02',
  'lone surrogates and emoji': '\uD800\uDFFF💥2025年12月2日',
  'a huge number': '99999999999999999999-12-02',
  'full-width garbage': '１９８５－０９－３２',
};

// Every typed field of the three answers.
const FIELDS = [
  ['card', 'birthday', { certificateExpires: '2029-09-18' }],
  ['card', 'certificateExpires', { birthday: '1985-09-18' }],
  ['card', 'cardIssued', { birthday: '1985-09-18' }],
  ['card', 'cardExpires', { birthday: '1985-09-18' }],
  ['card', 'asOf', { birthday: '1985-09-18', certificateExpires: '2029-09-18' }],
  ['eligibility', 'issued', {}],
  ['eligibility', 'birthday', { issued: '2024-12-02' }],
];

/** Nothing ran: no dialog, no injected element, no CSP report, no page error; the widget is still there. */
async function intact(page, label) {
  assert.deepEqual(b.log.dialogs, [], `${label}: no dialog`);
  assert.deepEqual(b.log.errors, [], `${label}: no page error`);
  assert.deepEqual(b.log.csp, [], `${label}: no CSP report`);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('myna-hoken').shadowRoot;
    return {
      img: document.querySelectorAll('img').length + [...root.querySelectorAll('img')].filter((i) => !i.src.endsWith('/card-face.svg')).length,
      svg: document.querySelectorAll('svg').length + root.querySelectorAll('svg').length,
      scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
    };
  });
  assert.deepEqual(injected, { img: 0, svg: 0, scripts: ['/myna-hoken.js'] }, label);
  assert.equal(await page.locator('myna-hoken[data-state="ready"] .mh-root').count(), 1, `${label}: widget up`);
}

for (const [view, key, others] of FIELDS) {
  test(`hostile text in ${view}.${key}: a clear error, nothing runs`, async () => {
    const { page } = b;
    // One visit per field: each payload is typed over the last, as a visitor would retry.
    await open(page, srv.origin);
    await page.click(`.mh-tab[data-view="${view}"]`);
    const source = (k) => ['certificateExpires', 'cardExpires', 'cardIssued'].includes(k) && page.locator(`.mh-sources input[value="${k}"]`).check();
    for (const [k, v] of Object.entries(others)) { await source(k); await page.fill(`#mh1-${view}-${k}`, v); }
    const id = `#mh1-${view}-${key}`;
    if (key === 'asOf') await page.click('.mh-panel:not([hidden]) .mh-asof summary');
    await source(key);
    for (const [name, text] of Object.entries(PAYLOADS)) {
      await page.fill(id, text);
      await page.click('.mh-panel:not([hidden]) .mh-primary');
      const summary = page.locator('.mh-error-summary:not([hidden])');
      await summary.waitFor();
      const message = await summary.locator('a').first().innerText();
      assert.ok(message.length > 3 && message.length < 400, `${name}: a short clear message (${message.length})`);
      assert.equal(await page.locator(`${id}-error`).isVisible(), true, `${name}: next to the field`);
      const kept = await page.inputValue(id);
      // Markup stays plain text in the box (control characters may be dropped by the browser).
      if (!/[\u0000-\u001f]/.test(text)) assert.ok(kept === text.slice(0, 64), `${name}: the field keeps the text as text (maxlength 64)`);
      await intact(page, `${view}.${key} ← ${name}`);
    }
  });
}

test('typing is capped at 64 characters', async () => {
  const { page } = b;
  await open(page, srv.origin);
  await page.focus('#mh1-card-birthday');
  await page.keyboard.insertText('1'.repeat(500));
  assert.equal((await page.inputValue('#mh1-card-birthday')).length, 64);
});

const FRAGMENTS = {
  'markup in a date': `#birthday=${encodeURIComponent('<img src=x onerror=alert(1)>')}&cardIssued=2020-05-20`,
  'raw markup, not encoded': '#birthday=<img src=x onerror=alert(1)>&cardIssued=2020-05-20',
  'markup in a choice': `#membership=${encodeURIComponent('<svg onload=alert(1)>')}&card=none`,
  'markup in a key': `#${encodeURIComponent('<img src=x onerror=alert(1)>')}=1&birthday=1985-09-18&cardIssued=2020-05-20`,
  'broken percent escapes': '#birthday=%E0%A4%A&cardIssued=%',
  'a lone percent': '#birthday=%&cardIssued=%%%',
  'empty keys and values': '#=&&=&birthday&cardIssued=',
  'a repeated key': '#birthday=1985-09-18&birthday=<b>x</b>&cardIssued=2020-05-20',
  'prototype keys': '#__proto__=x&constructor=y&birthday=1985-09-18&cardIssued=2020-05-20',
  'RTL override': `#issued=${encodeURIComponent('\u202E2024-12-02')}`,
  'control characters': `#issued=${encodeURIComponent('\u0000\u001b2024-12-02')}`,
  'a 100 000 character fragment': `#birthday=${'1'.repeat(100_000)}&cardIssued=2020-05-20`,
  'a boolean that is not one': '#birthday=1985-09-18&cardIssued=2020-05-20&smartphone=<script>alert(1)</script>',
  'a javascript: value': '#membership=javascript:alert(1)&card=none',
};

for (const [name, hash] of Object.entries(FRAGMENTS)) {
  test(`a broken or hostile fragment: ${name}`, async () => {
    const { page } = b;
    await open(page, srv.origin, hash);
    await page.waitForSelector('.mh-error-summary:not([hidden]), .mh-panel:not([hidden]) .mh-result', { timeout: 5000 })
      .catch(() => { /* a fragment without any answer key leaves the empty form: also fine */ });
    await intact(page, name);
    const summary = page.locator('.mh-error-summary:not([hidden])');
    if (await summary.count()) {
      const text = await summary.innerText();
      assert.ok(text.length < 2000, 'the error stays short');
      assert.doesNotMatch(text, /undefined|\[object/);
    }
    // The same fragment arriving later (hashchange) is handled the same way.
    await page.evaluate(() => { location.hash = '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2024-07-01'; });
    await page.waitForSelector('.mh-panel:not([hidden]) .mh-result [data-field="certificate.expires"]');
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForTimeout(50);
    await intact(page, `${name} (hashchange)`);
  });
}
