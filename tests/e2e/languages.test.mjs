// Every widget state in every language (日本語, English, やさしい日本語): axe at zero
// violations, no console problem, no placeholder left unfilled ("{until}"), the
// element's lang attribute right for screen readers, and in English no
// Japanese sentence (Japanese only as a term in brackets or quotes, or a
// proper noun). The states are the host tests' (hosts.mjs), plus the
// 資格確認書 form and the advisor's 「わからない」 answer.
//
// Each state is opened once, from a link that carries one language (a
// fragment key, as an FAQ would send it; the languages take turns from state
// to state), and then shown in the other two by the widget's language menu, as
// a visitor switches: the state must stay as it was, in the new words. (A
// fresh visit per language and state cost 20 more page loads and cold axe runs,
// about a third of this file's time; firstscreen.test.mjs opens answer links
// in every language afresh.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, launch, open, startServer } from './helpers.mjs';
import { STATES, stateReady } from './hosts.mjs';

const LANGS = ['ja', 'en', 'ja-easy'];
const MORE = [
  { name: 'eligibility-form', hash: '', tab: 'eligibility', wait: '.mh-form' },
  { name: 'documents-unknown', hash: '#membership=insured&card=have&registered=unknown&asOf=2026-11-24', wait: '.mh-result' },
  { name: 'card-grace', hash: '#birthday=1985-09-18&certificateExpires=2025-09-18&asOf=2025-10-15', wait: '.mh-result' },
];

let srv;
let b;
before(async () => { srv = await startServer(); b = await launch({ viewport: { width: 390, height: 844 } }); });
after(async () => { await b?.close(); await srv?.stop(); });

/** The visible text of the widget (its open panel, tabs and title), steps opened. */
async function shownText(page) {
  await page.evaluate(() => {
    for (const d of document.querySelector('myna-hoken').shadowRoot.querySelectorAll('.mh-panel:not([hidden]) details')) d.open = true;
  });
  return page.evaluate(() => document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-root').innerText);
}

/** Checks the state shown in `lang`. */
async function check(page, problems, state, lang) {
  await page.waitForFunction(stateReady, state, { timeout: 5000 });
  assert.equal(await page.locator('myna-hoken .mh-root').getAttribute('lang'), lang === 'en' ? 'en' : 'ja');
  const text = await shownText(page);
  assert.deepEqual(text.match(/\{[A-Za-z]+\}/g) ?? [], [], 'a placeholder left in the text');
  if (lang === 'en') {
    // Japanese is allowed as a term in brackets or quotes, in dates' 和暦, and as the insurer's address.
    const rest = text.replace(/\([^)]*\)|（[^）]*）|"[^"]*"|“[^”]*”|「[^」]*」|〒.*$/gm, '');
    const japanese = rest.match(/.{0,15}[ぁ-んァ-ヶ一-龠]{3,}.{0,15}/g) ?? [];
    assert.deepEqual(japanese.filter((l) => !/令和|平成|昭和|日本語|やさしい/.test(l)), [], 'no Japanese sentence');
  }
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems(), []);
}

[...STATES, ...MORE].forEach((state, i) => {
  // The language the link carries, in turn; then the other two from the menu.
  const order = [...LANGS.slice(i % LANGS.length), ...LANGS.slice(0, i % LANGS.length)];
  test(`${state.name}: axe clean and every placeholder filled in every language (English: no Japanese sentence)`, async (t) => {
    const { page, problems } = b;
    for (const [n, lang] of order.entries()) {
      await t.test(`${lang}${n === 0 ? ' (from the link)' : ' (from the menu)'}`, async () => {
        if (n === 0) {
          const sep = state.hash ? '&' : '#';
          await open(page, srv.origin, `${state.hash}${sep}lang=${lang}`);
          if (state.tab) await page.click(`.mh-tab[data-view="${state.tab}"]`);
        } else {
          await page.locator('.mh-lang select').selectOption(lang);
          await page.waitForFunction((l) => document.querySelector('myna-hoken').dataset.lang === l, lang);
        }
        await check(page, problems, state, lang);
      });
    }
  });
});
