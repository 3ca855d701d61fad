// The journeys of real visitors, written flat as GOV.UK smart-answers writes its
// flow tests: what the person types and taps, in order, and the words the
// journey ends in. journeys.test.mjs runs each in Chromium, webkit.test.mjs the
// card ones in WebKit, in every language; the words each ends in are kept as
// committed text files in tests/e2e/journeys/<journey>.<lang>.txt, written
// again by every run and compared with the committed copy, so a change of
// words shows in review as a diff and every ending can be read without
// running anything.
//
// A step is [action, ...args]:
//   ['tab', view]                      taps a tab
//   ['type', key, text]                taps the field and types (text per language, or one for all)
//   ['source', key]                    taps which date of the card the visitor has
//   ['check', key]                     taps a check box
//   ['choose', key, value]             taps a radio button of the form
//   ['asOf', text]                     opens 別の日を基準に調べる and types the day
//   ['submit']                         taps 調べる (or 次へ)
//   ['answer', key, value]             taps an answer to a question the result asks
//   ['link', hash]                     opens a shared link in a new visit
//   ['back']                           the browser's Back button
// Every date typed is typed by the visitor: the day asked about is pinned by
// typing it into 別の日を基準に調べる, as a person can, so the words do not
// change with the day the tests run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ARTEFACTS = join(here, 'journeys');
export const LANGS = Object.keys(JSON.parse(readFileSync(join(here, '..', '..', 'www', 'words', 'languages.json'), 'utf8')));

const TODAY = '2026-12-02';

/**
 * The journeys. `card: true` ones also run in WebKit. `expect[lang]` are the
 * words a person must read at the end (regexes on the headline and the next
 * step, and ones they must not read), besides the committed artefact.
 */
export const JOURNEYS = [
  {
    // The 70-year-old: born 昭和31年11月10日, card printed 2031-11-10, so her
    // first certificate ended 2026-11-10 (from-card-face) and the grace runs to
    // 2027-02-28 (insurance-grace). Before she answers, it works either way.
    name: 'after-the-date-unknown-first',
    card: true,
    steps: [
      ['type', 'birthday', { ja: '昭和31年11月10日', en: '1956-11-10', 'ja-easy': 'S31.11.10' }],
      ['source', 'cardExpires'],
      ['type', 'cardExpires', { ja: '2031年11月10日', en: '2031-11-10', 'ja-easy': '20311110' }],
      ['asOf', TODAY],
      ['submit'],
    ],
    expect: {
      ja: { headline: /^マイナ保険証は今日も使えます。.*2027年2月28日/, next: /2027年2月28日/, not: /^電子証明書を更新していれば/ },
      en: { headline: /^Your card works as health insurance today\..*28 February 2027/, next: /28 February 2027/, not: /^If you renewed/ },
      'ja-easy': { headline: /^マイナ保険証は 今日も 使えます。/, next: /2027年2月28日/ },
    },
  },
  {
    name: 'after-the-date-renewed-yes',
    card: true,
    steps: [
      ['type', 'birthday', { ja: '昭和31年11月10日', en: '1956-11-10', 'ja-easy': 'S31.11.10' }],
      ['source', 'cardExpires'],
      ['type', 'cardExpires', { ja: '2031年11月10日', en: '2031-11-10', 'ja-easy': '20311110' }],
      ['asOf', TODAY],
      ['submit'],
      ['answer', 'certificateRenewed', 'yes'],
    ],
    // 「はい」: it works, the card's expiry is the upper bound, and she is asked for the new date.
    expect: {
      ja: { headline: /^マイナ保険証は使えます。.*2031年11月10日/, next: /新しい電子証明書の有効期限/, not: /していれば|猶予|2027年2月28日/ },
      en: { headline: /^Your card works as health insurance\..*10 November 2031/, next: /new expiry/, not: /^If you|grace|28 February 2027/ },
      'ja-easy': { headline: /^マイナ保険証は 使えます。.*2031年11月10日/, next: /新しい 電子証明書/, not: /して いれば|2027年2月28日/ },
    },
  },
  {
    name: 'after-the-date-renewed-no',
    card: true,
    steps: [
      ['type', 'birthday', { ja: '昭和31年11月10日', en: '1956-11-10', 'ja-easy': 'S31.11.10' }],
      ['source', 'cardExpires'],
      ['type', 'cardExpires', { ja: '2031年11月10日', en: '2031-11-10', 'ja-easy': '20311110' }],
      ['asOf', TODAY],
      ['submit'],
      ['answer', 'certificateRenewed', 'no'],
    ],
    // 「いいえ」: in the grace (2026-11-10 passed, to 2027-02-28): renew by then.
    expect: {
      ja: { headline: /^マイナ保険証は 2027年2月28日\(令和9年\) まで使えます。/, next: /2027年2月28日.*までに/ },
      en: { headline: /until .*28 February 2027/, next: /by .*28 February 2027/ },
      'ja-easy': { headline: /2027年2月28日/, next: /2027年2月28日/ },
    },
  },
  {
    name: 'after-the-date-renewed-unknown',
    card: true,
    steps: [
      ['type', 'birthday', { ja: '昭和31年11月10日', en: '1956-11-10', 'ja-easy': 'S31.11.10' }],
      ['source', 'cardExpires'],
      ['type', 'cardExpires', { ja: '2031年11月10日', en: '2031-11-10', 'ja-easy': '20311110' }],
      ['asOf', TODAY],
      ['submit'],
      ['answer', 'certificateRenewed', 'unknown'],
    ],
    expect: {
      ja: { headline: /^マイナ保険証は今日も使えます。/, next: /更新していなければ、2027年2月28日/ },
      en: { headline: /^Your card works as health insurance today\./, next: /If you have not renewed it.*28 February 2027/ },
      'ja-easy': { headline: /^マイナ保険証は 今日も 使えます。/, next: /2027年2月28日/ },
    },
  },
  {
    // The printed expiry alone, years before anything is due: born 1990-07-01, card to
    // 2034-07-01 (10-birthday card), first certificate 2029-07-01 (from-card-face).
    name: 'printed-expiry',
    card: true,
    steps: [
      ['type', 'birthday', { ja: '平成2年7月1日', en: '1990-07-01', 'ja-easy': 'H2.7.1' }],
      ['source', 'cardExpires'],
      ['type', 'cardExpires', '2034-07-01'],
      ['asOf', TODAY],
      ['submit'],
    ],
    expect: {
      ja: { headline: /^マイナ保険証は使えます。.*2029年7月1日/, next: /2029年4月2日/ },
      en: { headline: /^Your card works as health insurance\..*1 July 2029/, next: /2 April 2029/ },
      'ja-easy': { headline: /2029年7月1日/, next: /2029年4月2日/ },
    },
  },
  {
    // A family member without a card: automatic at KDDI (① no card), through the
    // insured member's employer, not "the company's person" of her own.
    name: 'dependent-without-a-card',
    steps: [
      ['tab', 'documents'],
      ['choose', 'membership', 'dependent'],
      ['submit'],
      ['choose', 'card', 'none'],
      ['submit'],
      ['asOf', TODAY],
      ['submit'],
    ],
    expect: {
      ja: { headline: /^受診には資格確認書を使います。/, next: /ご家族\(被保険者\)の勤め先を通じて/, not: /会社の担当者から受け取って/ },
      en: { headline: /eligibility certificate/, next: /employer of your insured family member/ },
      'ja-easy': { headline: /資格確認書/, next: /会社で はたらいて いる 家族\(かぞく\)の 会社/ },
    },
  },
  {
    // A foreign resident whose card ends with her stay (2027-08-31), stay since extended to 2030-08-31.
    name: 'stay-extended',
    card: true,
    steps: [
      ['type', 'birthday', '1990-04-10'],
      ['source', 'cardExpires'],
      ['type', 'cardExpires', '2027-08-31'],
      ['check', 'periodOfStay'],
      ['type', 'stayUntil', '2030-08-31'],
      ['asOf', TODAY],
      ['submit'],
    ],
    expect: {
      ja: { headline: /^マイナ保険証は使えます。.*2027年8月31日/, next: /2027年8月31日.*までに.*有効期限を変更/ },
      en: { headline: /^Your card works as health insurance\..*31 August 2027/, next: /By .*31 August 2027.*validity changed/ },
      'ja-easy': { headline: /2027年8月31日/, next: /有効期限\(ゆうこうきげん\)を 変更\(へんこう\)/ },
    },
  },
  {
    // The stay ends with the card; two weeks before, the application is pending.
    name: 'stay-pending',
    card: true,
    steps: [
      ['type', 'birthday', '1990-04-10'],
      ['source', 'cardExpires'],
      ['type', 'cardExpires', '2027-08-31'],
      ['check', 'periodOfStay'],
      ['type', 'stayUntil', '2027-08-31'],
      ['asOf', '2027-08-17'],
      ['submit'],
    ],
    expect: {
      ja: { headline: /2027年8月31日/, next: /在留期間を更新したら.*1回だけ2か月/ },
      en: { headline: /31 August 2027/, next: /once by 2 months/ },
      'ja-easy': { headline: /2027年8月31日/, next: /1回だけ 2か月/ },
    },
  },
  {
    // The card ended with the stay and was not changed in time: a new card.
    name: 'stay-lapsed',
    card: true,
    steps: [
      ['type', 'birthday', '1990-04-10'],
      ['source', 'cardExpires'],
      ['type', 'cardExpires', '2027-08-31'],
      ['check', 'periodOfStay'],
      ['type', 'stayUntil', '2030-08-31'],
      ['asOf', '2027-09-06'],
      ['submit'],
    ],
    expect: {
      ja: { headline: /^マイナ保険証は使えません。.*2027年8月31日/, next: /新しいカードを申請/ },
      en: { headline: /does not work.*31 August 2027|expired.*31 August 2027/, next: /Apply for a new card/ },
      'ja-easy': { headline: /使えません/, next: /新しい カード/ },
    },
  },
  {
    // 「8年3月12日」 typed for the handwritten date: the hint suggests 令和, not 昭和; fixed, it answers.
    name: 'era-less-year',
    card: true,
    steps: [
      ['type', 'birthday', '1956-03-12'],
      ['type', 'certificateExpires', '8年3月12日'],
      ['asOf', TODAY],
      ['submit'],
      ['read'],
      ['type', 'certificateExpires', '令和13年3月12日'],
      ['submit'],
    ],
    expect: {
      ja: { errors: /「令和8年」のように/, notErrors: /昭和8年/, headline: /2031年3月12日/ },
      en: { errors: /令和8年/, notErrors: /昭和8年/, headline: /12 March 2031/ },
      'ja-easy': { errors: /「令和8年」のように/, headline: /2031年3月12日/ },
    },
  },
  {
    // The form sent empty: both missing answers at once, each naming its own question;
    // each message goes as soon as it is put right.
    name: 'empty-form',
    card: true,
    steps: [
      ['submit'],
      ['read'],
      ['type', 'birthday', '1985-09-18'],
      ['read'],
      ['type', 'certificateExpires', '2029-09-18'],
      ['asOf', TODAY],
      ['submit'],
    ],
    expect: {
      ja: { errors: /生年月日を入力してください。[\s\S]*電子証明書の有効期限を入力してください。/, notErrors: /カードの発行日のどちらか|certificateExpires/, headline: /2029年9月18日/ },
      en: { errors: /Date of birth[\s\S]*Electronic certificate expiry/, notErrors: /certificateExpires/, headline: /18 September 2029/ },
      'ja-easy': { errors: /生年月日[\s\S]*電子証明書/, notErrors: /certificateExpires/, headline: /2029年9月18日/ },
    },
  },
  {
    // A shared link opens on the answer; Back goes to the empty form, not a stale answer.
    name: 'shared-link',
    card: true,
    steps: [
      ['link', '#birthday=1985-09-18&certificateExpires=2025-09-18&asOf=2025-10-15'],
      ['read'],
      ['back'],
    ],
    endsOnForm: true,
    expect: {
      ja: { headline: /^マイナ保険証は 2025年12月31日\(令和7年\) まで使えます。/, next: /2025年12月31日/ },
      en: { headline: /31 December 2025/, next: /31 December 2025/ },
      'ja-easy': { headline: /2025年12月31日/, next: /2025年12月31日/ },
    },
  },
];

/** The text for a language of a step argument (one text, or one per language). */
export const inLang = (v, lang) => (v && typeof v === 'object' ? v[lang] ?? v.ja : v);

/**
 * What the visitor reads now, from inside the widget (run in the page, so it
 * must not close over anything): the headline, the next step, the question
 * the answer asks and its answer, the notes, and the problems listed.
 */
export function readScreen() {
  const root = document.querySelector('myna-hoken').shadowRoot;
  const panel = root.querySelector('.mh-panel:not([hidden])');
  const t = (el) => (el ? el.innerText.replace(/\s+\n/g, '\n').trim() : null);
  const summary = root.querySelector('.mh-error-summary:not([hidden])');
  const invalid = [...(panel?.querySelectorAll('.mh-invalid .mh-error') ?? [])].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
  const asked = [...(panel?.querySelectorAll('.mh-ask') ?? [])].map((f) => `${t(f.querySelector('legend'))} → ${t(f.querySelector('input:checked + label')) ?? '-'}`);
  return {
    headline: t(panel?.querySelector('.mh-headline')),
    next: t(panel?.querySelector('.mh-next')),
    asked,
    notes: [...(panel?.querySelectorAll('.mh-notes li') ?? [])].map(t),
    errors: summary ? [...summary.querySelectorAll('li')].map(t) : [],
    fieldErrors: invalid,
    form: Boolean(panel?.querySelector('.mh-form:not([hidden])')) && !panel?.querySelector('.mh-result'),
    hash: location.hash,
  };
}

/**
 * Runs a journey with a visitor (the browser's: `start()` and one method per
 * action); returns the screens read (after each `read` step, and at the end).
 */
export async function walk(journey, lang, visitor) {
  await visitor.start();
  const screens = [];
  for (const [action, ...args] of journey.steps) {
    if (action === 'read') screens.push(await visitor.read());
    else await visitor[action](...args);
  }
  screens.push(await visitor.read());
  return screens;
}

/** The committed artefact of a journey in a language (null if there is none yet). */
export function committed(journey, lang) {
  const file = join(ARTEFACTS, `${journey.name}.${lang}.txt`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** The screens a journey went through, as the text of its artefact. */
export function artefact(journey, lang, screens) {
  const out = [`# ${journey.name} (${lang})`, '# what the visitor reads after each reading of the screen; written by the page tests', ''];
  screens.forEach((s, i) => {
    out.push(`## screen ${i + 1}${s.form ? ' (the form)' : ''}`);
    if (s.errors.length) out.push('errors:', ...s.errors.map((e) => `  - ${e}`));
    if (s.fieldErrors.length) out.push('field messages:', ...s.fieldErrors.map((e) => `  - ${e}`));
    if (s.headline) out.push(`headline: ${s.headline}`);
    if (s.next) out.push(`next: ${s.next}`);
    if (s.asked.length) out.push('asked:', ...s.asked.map((a) => `  - ${a}`));
    if (s.notes.length) out.push('notes:', ...s.notes.map((n) => `  - ${n}`));
    if (s.calendar) out.push('calendar:', ...s.calendar.map((e) => `  - ${e}`));
    out.push('');
  });
  return out.join('\n');
}

/**
 * Writes the artefact and says whether it is the committed one: null when the
 * same, else a message for the test's failure (the new words are in the file:
 * `git diff tests/e2e/journeys` shows them; commit them once they are right).
 */
export function keep(journey, lang, text, suffix = '') {
  mkdirSync(ARTEFACTS, { recursive: true });
  const file = join(ARTEFACTS, `${journey.name}${suffix}.${lang}.txt`);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  // Written only when the words changed: the WebKit run reads these files at the same time.
  if (before === text) return null;
  writeFileSync(file, text);
  return before == null
    ? `new journey artefact ${file}: read it, and commit it if the words are right`
    : `the words of ${journey.name} (${lang}) changed: see git diff ${file}, and commit it if the new words are right`;
}

/** Checks the words a person reads at the end against `journey.expect[lang]`. */
export function checkWords(assert, journey, lang, screens) {
  const e = journey.expect?.[lang];
  if (!e) return;
  const last = screens.at(-1);
  const answer = [...screens].reverse().find((s) => s.headline) ?? last;
  const errors = screens.flatMap((s) => s.errors).join('\n');
  if (e.headline) assert.match(answer.headline ?? '', e.headline, `${journey.name} ${lang}: headline`);
  if (e.next) assert.match(answer.next ?? '', e.next, `${journey.name} ${lang}: next step`);
  if (e.not) assert.doesNotMatch(`${answer.headline}\n${answer.next}`, e.not, `${journey.name} ${lang}: must not read`);
  if (e.errors) assert.match(errors, e.errors, `${journey.name} ${lang}: errors`);
  if (e.notErrors) assert.doesNotMatch(errors, e.notErrors, `${journey.name} ${lang}: errors must not read`);
  if (journey.endsOnForm) assert.ok(last.form && !last.headline && last.hash === '', `${journey.name} ${lang}: ends on the empty form`);
}
