// The page as a whole: a link opens on its answer, "today" is Japan's, the CSP
// with Trusted Types, no request beyond the page's own files, no storage, no
// console errors, axe on the empty forms, print, the languages, the no-wasm
// fallback, the .ics file, and screenshots at 1280 px, 320 px and 200 % zoom
// into tests/e2e/out/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerFirst, axe, browser, cellDate, CSP, focused, open, outDir, SCREENSHOTS, shot, startServer, tabTo, typeInto, visitor, WWW } from './helpers.mjs';

let srv;
let chromium;
before(async () => { srv = await startServer(); chromium = await browser(); });
after(async () => { await chromium?.close(); await srv?.stop(); });

/** A fresh visitor (a context of its own in the file's browser) for one test, always closed. */
async function withBrowser(opts, fn) {
  const b = await visitor(chromium, opts);
  try { return await fn(b); } finally { await b.close(); }
}

const SOCIETY = '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2026-11-24';
const visible = '.mh-panel:not([hidden]) .mh-result';
const OWN_FILES = new Set(['/index.html', '/demo.css', '/myna-hoken.css', '/myna-hoken.js', '/myna-hoken-api.js', '/pkg/myna_hoken_bg.wasm', '/profiles/kddi.json']);

test('the demo page embeds the widget exactly as embed.html tells a site to', () => {
  const squash = (html) => html.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  const page = squash(readFileSync(join(WWW, 'index.html'), 'utf8'));
  const snippet = squash(readFileSync(join(WWW, 'embed.html'), 'utf8'));
  assert.ok(snippet.includes('<myna-hoken>') && snippet.includes('mh-fallback'));
  assert.ok(page.includes(snippet), 'index.html carries embed.html verbatim');
});

test('the empty form: axe finds nothing, no console errors, fallback hidden', async () => {
  await withBrowser({}, async (b) => {
    await open(b.page, srv.origin);
    assert.equal(await b.page.locator('.mh-fallback').isVisible(), false);
    assert.deepEqual(await axe(b.page), []);
    for (const view of ['documents', 'eligibility']) {
      await b.page.click(`.mh-tab[data-view="${view}"]`);
      assert.deepEqual(await axe(b.page), [], view);
    }
    assert.deepEqual(b.problems(), []);
  });
});

test("the society's example link opens on its answer, with every answer changeable, and the fragment round-trips", async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await open(page, srv.origin, SOCIETY);
    await page.waitForSelector(visible);
    assert.equal(await cellDate(page, 'certificate.expires'), '2024-09-18');
    assert.equal(await page.locator('.mh-panel:not([hidden]) .mh-form').count(), 0, 'the answer, not the form');
    const answers = await page.locator(`${visible} .mh-answer`).evaluateAll((els) => els.map((e) => e.dataset.key));
    assert.deepEqual(answers, ['birthday', 'cardIssued', 'asOf']);
    // Change one answer: back on the form, on that field; the fragment follows, with the API's keys.
    await page.locator(`${visible} .mh-answer[data-key="cardIssued"] .mh-link`).click();
    assert.ok(await focused(page, '#mh1-card-cardIssued'));
    assert.equal(await page.inputValue('#mh1-card-cardIssued'), '2020-05-20');
    await typeInto(page, '#mh1-card-cardIssued', '令和2年5月20日');
    await tabTo(page, '#mh1-card-smartphone');
    await page.keyboard.press('Space');
    await tabTo(page, '.mh-panel:not([hidden]) .mh-primary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('smartphone=true'));
    const hash = new URL(page.url()).hash;
    assert.equal(hash, '#birthday=1985-09-18&cardIssued=2020-05-20&smartphone=true&asOf=2026-11-24', 'dates as the engine read them');
    // A new visit with that link gives the same answer.
    const again = await b.context.newPage();
    await open(again, srv.origin, hash);
    await again.waitForSelector(visible);
    assert.equal(await again.locator(`${visible} [data-field="insurance.graceUntil"] time`).count(), 0, 'a phone has no grace');
    // An FAQ link on the same page (hashchange) fills the widget too.
    await again.click('a[href^="#issued="]');
    await again.waitForSelector(`${visible} [data-field="expires"]`);
    assert.equal(await cellDate(again, 'expires'), '2029-11-30');
    await again.close();
    assert.deepEqual(b.problems(), []);
  });
});

test('"today" is Japan\'s date even in a Los Angeles browser', async () => {
  await withBrowser({ timezoneId: 'America/Los_Angeles' }, async (b) => {
    const { page } = b;
    // 2025-03-31T16:00Z: 09:00 on 31 March in Los Angeles, 01:00 on 1 April in Tokyo.
    await page.clock.setFixedTime(new Date('2025-03-31T16:00:00Z'));
    await open(page, srv.origin, '#birthday=1985-09-18&cardIssued=2020-05-20');
    await page.waitForSelector(visible);
    assert.equal(await page.evaluate(() => new Date().getDate()), 31, 'the browser thinks it is 31 March');
    assert.equal(await page.evaluate(() => document.querySelector('myna-hoken').result.result.asOf), '2025-04-01');
    assert.equal(await page.evaluate(() => document.querySelector('myna-hoken').result.input.asOf), undefined);
    assert.deepEqual(b.problems(), []);
  });
});

test('the CSP of issue 4 is in force, Trusted Types included, and nothing violates it', async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await open(page, srv.origin, SOCIETY);
    await page.waitForSelector(visible);
    assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), CSP);
    const sinks = await page.evaluate(() => {
      const tries = {
        innerHTML: () => { document.createElement('div').innerHTML = '<b>x</b>'; },
        inlineScript: () => { const s = document.createElement('script'); s.textContent = 'window.__x = 1'; document.head.append(s); },
      };
      return Object.fromEntries(Object.entries(tries).map(([k, f]) => { try { f(); return [k, 'allowed']; } catch (e) { return [k, e.name]; } }));
    });
    assert.deepEqual(sinks, { innerHTML: 'TypeError', inlineScript: 'TypeError' });
    // The two refusals above were ours: wait for their reports, then start a clean record.
    for (let i = 0; i < 50 && b.log.csp.length < 2; i++) await page.waitForTimeout(20);
    assert.equal(b.log.csp.length, 2, 'each refusal is reported as a violation');
    b.log.csp.length = 0;
    b.log.console.length = 0;
    for (const view of ['documents', 'eligibility', 'card']) await page.click(`.mh-tab[data-view="${view}"]`);
    assert.deepEqual(b.problems(), []);
  });
});

test('requests: only the page\'s own files, no cookies, no storage', async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await open(page, srv.origin, SOCIETY);
    await page.waitForSelector(visible);
    const before = b.log.requests.filter((u) => !u.startsWith('about:'));
    const paths = new Set(before.map((u) => { const x = new URL(u); assert.equal(x.origin, srv.origin, u); return x.pathname; }));
    assert.deepEqual([...paths].sort(), [...OWN_FILES].sort());
    // Using every answer loads nothing more (a .ics download is a blob: URL made here).
    const count = b.log.requests.length;
    await page.click('.mh-tab[data-view="documents"]');
    await page.click('.mh-tab[data-view="eligibility"]');
    await typeInto(page, '#mh1-eligibility-issued', '2024-12-02');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${visible} [data-field="expires"]`);
    const later = b.log.requests.slice(count).filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(later, []);
    assert.deepEqual(await b.context.cookies(), []);
    assert.deepEqual(await page.evaluate(async () => [document.cookie, localStorage.length, sessionStorage.length,
      (await indexedDB.databases()).length, (await caches.keys()).length]), ['', 0, 0, 0, 0]);
    assert.deepEqual(b.problems(), []);
  });
});

test('the .ics file is made in the browser, by keyboard: whose card (optional, asked once), then future events with reminders', async () => {
  await withBrowser({ acceptDownloads: true }, async (b) => {
    const { page } = b;
    await open(page, srv.origin, SOCIETY);
    await page.waitForSelector(visible);
    await tabTo(page, '.mh-tools .mh-secondary:first-child');
    await page.keyboard.press('Enter');
    // The question opens under the button (once the calendar's code has come, on
    // this first click), the focus in its field; Enter with nothing typed saves.
    await page.waitForSelector('.mh-ics-label input');
    assert.ok(await focused(page, '.mh-ics-label input'));
    assert.ok(b.log.requests.some((u) => /\/myna-hoken-ics-[A-Z0-9]{8}\.js$/.test(u)), 'the calendar code, fetched on the click');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'myna-hoken.ics');
    assert.match(download.url(), /^blob:/);
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    // As of 2026-11-24: the first certificate's dates (2024) are past, and it had no grace
    // (expired before 2024-12-02): only the card's renewal (2029-06-19) and expiry (2029-09-18).
    const days = [...text.matchAll(/DTSTART;VALUE=DATE:(\d{8})\r\nDURATION:P1D/g)].map((m) => m[1]);
    assert.deepEqual(days, ['20290619', '20290918']);
    assert.equal((text.match(/BEGIN:VALARM/g) ?? []).length, 2, 'a reminder on each');
    assert.match(text, /UID:card-renewal-20290619-19850918@myna-hoken/);
    // Asked once: the next download needs no question.
    await tabTo(page, '.mh-tools .mh-secondary:first-child');
    const [again] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(again.suggestedFilename(), 'myna-hoken.ics');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    assert.deepEqual(b.problems(), []);
  });
});

test('the calendar code cannot be fetched (the connection dropped after the answer): a message under the button, nothing breaks', async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await open(page, srv.origin, SOCIETY);
    await page.waitForSelector(visible);
    await page.route(/myna-hoken-ics-[A-Z0-9]{8}\.js$/, (route) => route.abort());
    await page.locator('.mh-tools .mh-ics').click();
    await page.waitForSelector('.mh-ics-failed');
    assert.equal(await page.locator('.mh-ics-failed').getAttribute('role'), 'status');
    const words = JSON.parse(readFileSync(join(WWW, 'words', 'ja.json'), 'utf8'));
    assert.equal(await page.locator('.mh-ics-failed').textContent(), words.ui.ics.failed);
    // The answer is still there and still answers.
    assert.equal(await cellDate(page, 'certificate.expires'), '2024-09-18');
    // The only problem is the refused file itself.
    assert.ok(b.problems().every((p) => /myna-hoken-ics|ERR_FAILED|Failed to fetch|dynamically imported/i.test(p)), b.problems().join('\n'));
  });
});

test('a myna-hoken-result event carries the result; the as-of attribute gives "what if"', async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await open(page, srv.origin);
    await page.evaluate(() => {
      window.__events = [];
      document.addEventListener('myna-hoken-result', (e) => window.__events.push(e.detail));
      document.querySelector('myna-hoken').setAttribute('as-of', '2024-10-15');
    });
    await typeInto(page, '#mh1-card-birthday', '1985-09-18');
    await page.locator('.mh-sources input[value="cardIssued"]').check();
    await typeInto(page, '#mh1-card-cardIssued', '2020-05-20');
    await page.keyboard.press('Enter');
    await page.waitForSelector(visible);
    const [detail] = await page.evaluate(() => window.__events);
    assert.equal(detail.view, 'card');
    assert.equal(detail.result.asOf, '2024-10-15');
    // In the grace of the card's first certificate: renewed or not, the card works.
    assert.equal(detail.result.certificate.status, 'unknown');
    assert.equal(detail.result.headline.code, 'renewal_unknown');
    assert.equal(await page.evaluate(() => document.querySelector('myna-hoken').result.result.certificate.expires), '2024-09-18');
    await page.evaluate(() => document.querySelector('myna-hoken').setAttribute('as-of', '2030-01-10'));
    await page.waitForFunction(() => window.__events.length === 2);
    assert.equal(await page.evaluate(() => window.__events[1].result.card.status), 'expired');
    assert.equal((await answerFirst(page)).code, 'card_expired');
    assert.deepEqual(b.problems(), []);
  });
});

test('English: the language menu, lang="en" on the element, and every text in English', async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await open(page, srv.origin, SOCIETY);
    await page.waitForSelector(visible);
    const count = b.log.requests.length;
    await tabTo(page, '.mh-lang select');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('.mh-root[lang="en"]');
    assert.equal(await page.locator('myna-hoken').getAttribute('lang'), 'en');
    // English is fetched only now, from the same origin: its words, nothing
    // else (the one engine answers every language).
    const fetched = b.log.requests.slice(count).map((u) => {
      const x = new URL(u);
      assert.equal(x.origin, srv.origin, u);
      return x.pathname;
    });
    assert.deepEqual(fetched, ['/words/en.json']);
    assert.ok(await focused(page, '.mh-lang select'), 'focus stays on the menu');
    assert.match(await page.locator('.mh-tab[data-view="card"]').innerText(), /Expiry dates/);
    await page.waitForSelector(visible);
    assert.match(await page.locator(`${visible} [data-field="certificate.expires"]`).innerText(), /Wed 18 September 2024/);
    // Every text of the answer in English (Japanese only as the terms in brackets, or quoted from the card).
    await page.locator(`${visible} .mh-steps > summary`).click();
    const all = await page.locator('.mh-panel:not([hidden])').innerText();
    const leftover = all.replace(/\([^)]*\)|"[^"]*"|「[^」]*」/g, '').match(/.{0,20}[ぁ-んァ-ヶ一-龠]{2}.{0,20}/g) ?? [];
    assert.deepEqual(leftover.filter((l) => !/令和|平成|昭和|命令|規則|法律|society|区|市/.test(l)), [], 'no Japanese sentence');
    assert.match(new URL(page.url()).hash, /lang=en/);
    assert.deepEqual(await axe(page), []);
    // The attribute alone, set by an embedding page.
    await page.evaluate(() => document.querySelector('myna-hoken').setAttribute('lang', 'ja'));
    await page.waitForSelector('.mh-root[lang="ja"]');
    assert.match(await page.locator('.mh-tab[data-view="card"]').innerText(), /有効期限を調べる/);
    // A second widget embedded with lang="en" starts in English.
    await page.evaluate(() => {
      history.replaceState(null, '', location.pathname); // no answers in the URL for it to read
      const el = document.createElement('myna-hoken');
      el.id = 'second';
      el.setAttribute('lang', 'en');
      el.setAttribute('view', 'eligibility');
      document.querySelector('main').append(el);
    });
    await page.waitForSelector('#second .mh-root[lang="en"]');
    assert.equal(await page.locator('#second .mh-tab[aria-selected="true"]').innerText(), 'Eligibility certificate');
    assert.deepEqual(b.problems(), []);
  });
});

test('memory stays bounded in the release engine: 6,000 rounds of three calls do not grow the wasm memory', async () => {
  // tests/web.rs runs 2,000 rounds on the debug build (a slow one on a busy machine); this
  // is three times as many on the engine visitors get. The smallest block the allocator
  // (lol_alloc's free list) hands out is 8 bytes, so a leak of one allocation a call takes
  // at least 18,000 × 8 = 144 kB (lol_alloc's full_size: max(size, 8) rounded up to 8): past
  // the one 64 kB page allowed plus up to 80 kB of free room left in the heap by the 500
  // warm-up rounds (at most one round's peak: a small profile and three answers).
  // www/ itself (not www/dist, where the glue is bundled): www/pkg is the release build.
  const www = await startServer(join(WWW, '..'));
  await withBrowser({}, async (b) => {
    const { page } = b;
    await page.goto(`${www.origin}/index.html`);
    const got = await page.evaluate(async () => {
      const engine = await import('./pkg/myna_hoken.js');
      const wasm = await engine.default({ module_or_path: new URL('./pkg/myna_hoken_bg.wasm', location.href) });
      const profile = await (await fetch('./profiles/kddi.json')).json();
      const ok = { birthday: '1985-09-18', cardIssued: '2020-05-20', asOf: '2024-10-01' };
      const bad = { birthday: '1985-02-30', cardIssued: '2020-05-20' };
      const advice = { membership: 'insured', card: 'lost', registered: true, profile };
      const round = () => {
        engine.cardDates(ok);
        try { engine.cardDates(bad); } catch { /* a coded error, as expected */ }
        engine.adviseDocuments(advice);
      };
      for (let i = 0; i < 500; i++) round();
      const before = wasm.memory.buffer.byteLength;
      for (let i = 0; i < 6_000; i++) round();
      return { before, after: wasm.memory.buffer.byteLength };
    });
    assert.ok(got.after <= got.before + 65_536, `memory grew from ${got.before} to ${got.after} bytes`);
  }).finally(() => www.stop());
});

test('the JS API module: one engine for every language; English only once loaded, else a coded error', async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await open(page, srv.origin);
    const got = await page.evaluate(async () => {
      const api = await import('./myna-hoken-api.js');
      await api.default();
      const input = { birthday: '1985-09-18', cardIssued: '2020-05-20', asOf: '2024-07-01' };
      const attempt = (f) => { try { return f(); } catch (e) { return { code: e.code, field: e.field, message: e.message }; } };
      const before = attempt(() => api.cardDates({ ...input, lang: 'en' }));
      const parseBefore = attempt(() => api.parseDate('2025-02-30', 'en'));
      await api.loadLanguage('en');
      return {
        ja: api.cardDates(input),
        before,
        parseBefore,
        en: api.cardDates({ ...input, lang: 'en' }),
        parseJa: attempt(() => api.parseDate('2025-02-30')),
        parseEn: attempt(() => api.parseDate('2025-02-30', 'en')),
        unknown: attempt(() => api.cardDates({ ...input, lang: 'fr' })),
      };
    });
    // RULES.md's worked example: card made 2020-05-20, born 9/18 → the 5th birthday after, 2024-09-18.
    assert.equal(got.ja.certificate.expires, '2024-09-18');
    assert.equal(got.en.certificate.expires, '2024-09-18');
    assert.match(got.ja.steps[0].text, /[ぁ-ん]/);
    assert.equal(got.ja.steps[0].code, got.en.steps[0].code, 'the same codes in every language');
    assert.doesNotMatch(got.en.steps[0].text, /[ぁ-ん]{3}/);
    assert.match(got.en.headline.text, /^Your card works as health insurance/);
    assert.equal(got.before.code, 'language_not_loaded');
    assert.equal(got.before.field, 'lang');
    assert.equal(got.parseBefore.code, 'language_not_loaded');
    assert.match(got.parseJa.message, /2月30日という日はありません/);
    assert.match(got.parseEn.message, /there is no 30 February/);
    assert.deepEqual([got.unknown.code, got.unknown.field], ['invalid_value', 'lang']);
    assert.deepEqual(b.problems(), []);
  });
});

test('without WebAssembly the rules summary and the contact points stay visible', async () => {
  for (const how of ['blocked', 'missing']) {
    await withBrowser({}, async (b) => {
      const { page } = b;
      if (how === 'blocked') await page.route('**/*.wasm', (r) => r.abort());
      else await page.addInitScript(() => { delete globalThis.WebAssembly; });
      await page.goto(`${srv.origin}/index.html${SOCIETY}`);
      await page.waitForSelector('myna-hoken[data-state="fallback"]');
      // The light-DOM fallback stays in view (the shadow root shows it through its slot).
      assert.equal(await page.locator('myna-hoken > .mh-fallback').isVisible(), true, how);
      const text = await page.locator('myna-hoken').innerText();
      assert.match(text, /0120-95-0178/);
      assert.match(text, /5回目の誕生日/);
      assert.equal(await page.locator('.mh-fail').isVisible(), true);
      assert.equal(await page.locator('.mh-root').count(), 0);
      assert.deepEqual(await axe(page), []);
      await shot(page, `fallback-${how}-1280.png`, { fullPage: true });
      // A bare tag says it could not start, and where to call.
      await page.evaluate(() => document.querySelector('main').append(Object.assign(document.createElement('myna-hoken'), { id: 'bare' })));
      await page.waitForSelector('#bare[data-state="fallback"]');
      assert.match(await page.locator('#bare .mh-fail').innerText(), /0120-95-0178/);
      assert.deepEqual(b.log.errors, [], how);
    });
  }
});

/** Counts the pages of a PDF made by Chromium. */
const pdfPages = (buf) => (buf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test('print: just the result, on one page', async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    for (const [name, hash] of [['card', SOCIETY], ['documents', '#membership=insured&card=have&registered=true&certificate=valid&smartphone=true'],
      ['eligibility', '#issued=2024-12-02&membership=voluntary-insured']]) {
      await open(page, srv.origin, hash);
      await page.waitForSelector(visible);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator(visible).isVisible(), true);
      assert.equal(await page.locator('.mh-panel:not([hidden]) .mh-form').count(), 0, 'no form');
      assert.equal(await page.locator('.mh-tabs').isVisible(), false, 'no tabs');
      assert.equal(await page.locator('.demo-faq').isVisible(), false, 'no FAQ');
      assert.equal(await page.locator('.mh-tools').isVisible(), false, 'no buttons');
      assert.equal(await page.locator('.mh-print-title').isVisible(), true);
      // あなたの答え in two columns: each label beside its own answer (the 変更 column is not printed).
      const rows = await page.locator(`${visible} .mh-answer`).evaluateAll((els) => els.map((el) => {
        const [dt, dd] = [el.querySelector('dt'), el.querySelector('dd:not(.mh-change)')].map((x) => x.getBoundingClientRect());
        return { key: el.dataset.key, sameLine: Math.abs(dt.top - dd.top) < 2, besideIt: dd.left > dt.right - 1, change: el.querySelector('.mh-change').getBoundingClientRect().width };
      }));
      assert.ok(rows.length >= 1, `${name}: answers printed`);
      for (const r of rows) assert.deepEqual(r, { key: r.key, sameLine: true, besideIt: true, change: 0 }, `${name}: ${r.key}`);
      const pdf = await page.pdf({ format: 'A4', path: join(outDir(), `print-${name}.pdf`) });
      assert.equal(pdfPages(pdf), 1, `${name}: one page`);
      await shot(page, `print-${name}.png`, { fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    }
    assert.deepEqual(b.problems(), []);
  });
});

test('focus is visible; reduced motion turns transitions off', async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await open(page, srv.origin);
    await tabTo(page, '.mh-tab[data-view="card"]');
    const ring = await page.evaluate(() => {
      let a = document.activeElement;
      while (a.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      const s = getComputedStyle(a);
      return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    assert.equal(ring.outline, 'solid');
    assert.ok(ring.width >= 2);
    assert.notEqual(ring.shadow, 'none');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-primary')).transitionDuration), '0s');
  });
});

const SHOTS = [
  ['empty', ''],
  ['card', SOCIETY],
  ['card-grace', '#birthday=1985-09-18&cardIssued=2021-05-20&certificateRenewed=no&asOf=2025-10-15'],
  ['documents', '#membership=insured&card=lost&registered=true'],
  ['documents-unknown', '#membership=insured&card=have&registered=unknown&asOf=2026-11-24'],
  ['card-face', '#birthday=1985-09-18&certificateExpires=2029-09-18&asOf=2026-11-25'],
  ['card-renewed-unknown', '#birthday=1985-09-18&cardExpires=2029-09-18&asOf=2026-11-25'],
  ['eligibility', '#issued=2024-12-02&birthday=1960-04-01&membership=insured&asOf=2026-11-24'],
  ['error', '#birthday=1985-02-30&cardIssued=2020-05-20'],
  ['card-en', `${SOCIETY}&lang=en`],
  ['documents-en', '#membership=voluntary-insured&card=lost&registered=true&lang=en'],
];

// Without screenshots (tests/run.sh's default), each link opens once and the
// page is narrowed to each width in turn: sideways scrolling is measured in CSS
// pixels, so the 200 % zoom of 1280 px is the 640 px layout at any pixel ratio.
// With MH_SCREENSHOTS=1, one browser per width takes the pictures for review.
if (!SCREENSHOTS) {
  test('at 1280, 640 (200 % zoom of 1280) and 320 px: no sideways scrolling on any answer; axe clean at 320 px', async () => {
    await withBrowser({ viewport: { width: 320, height: 640 } }, async (b) => {
      const { page } = b;
      for (const [name, hash] of SHOTS) {
        await page.setViewportSize({ width: 320, height: 640 });
        await open(page, srv.origin, hash);
        if (hash) await page.waitForSelector(`${visible}, .mh-error-summary:not([hidden])`);
        if (name === 'documents') await page.locator('.mh-steps > summary').click();
        if (name === 'empty') await page.locator('.mh-card-face summary').click();
        for (const [width, height] of [[320, 640], [640, 450], [1280, 900]]) {
          await page.setViewportSize({ width, height });
          const overflow = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() =>
            ok(document.documentElement.scrollWidth - document.documentElement.clientWidth))));
          assert.ok(overflow <= 0, `${name}: ${overflow}px sideways at ${width}px`);
          if (width === 320) assert.deepEqual(await axe(page), [], name);
        }
      }
      assert.deepEqual(b.problems(), []);
    });
  });
}

for (const [width, height, scale] of SCREENSHOTS ? [[1280, 900, 1], [320, 640, 1], [640, 450, 2]] : []) {
  test(`screenshots at ${width} px${scale > 1 ? ` (${scale * 100} % zoom of ${width * scale} px)` : ''}: no sideways scrolling, axe clean`, async () => {
    await withBrowser({ viewport: { width, height }, deviceScaleFactor: scale }, async (b) => {
      const { page } = b;
      for (const [name, hash] of SHOTS) {
        await open(page, srv.origin, hash);
        if (hash) await page.waitForSelector(`${visible}, .mh-error-summary:not([hidden])`);
        if (name === 'documents') await page.locator('.mh-steps > summary').click();
        if (name === 'empty') await page.locator('.mh-card-face summary').click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name}: ${overflow}px sideways at ${width}px`);
        const tag = scale > 1 ? `zoom${scale * 100}` : String(width);
        await shot(page, `${name}-${tag}.png`, { fullPage: true });
        if (width === 320) assert.deepEqual(await axe(page), [], name);
      }
      // Focus ring on a result at this size.
      await open(page, srv.origin, SOCIETY);
      await page.waitForSelector(visible);
      await tabTo(page, '.mh-tools .mh-secondary:first-child');
      const tag = scale > 1 ? `zoom${scale * 100}` : String(width);
      await shot(page.locator('.mh-tools'), `focus-${tag}.png`);
      assert.deepEqual(b.problems(), []);
    });
  });
}
