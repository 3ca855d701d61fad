// profile.html: a society's web staff check an insurer profile before using it.
// Every problem the engine finds is listed with its path and how to fix it
// (the engine's own check, the one the widget makes); a profile without
// problems gives a table of 資格確認書 dates and runs in the widget below.
// Nothing leaves the browser: the JSON is read here, never sent.
import init, { eligibilityCertificateDates, formatDate, profileProblems, profileText, valueWords, words } from './myna-hoken-api.js';
import './myna-hoken.js';

const $ = (id) => document.getElementById(id);
const el = (tag, text, props = {}) => Object.assign(document.createElement(tag), props, text == null ? {} : { textContent: text });

/** Issue dates that show a rule's edges: the first day, month ends, 29 February, year ends. */
const SAMPLES = ['2024-12-02', '2025-01-31', '2025-02-28', '2025-06-15', '2025-10-31', '2025-11-01', '2025-12-01', '2025-12-31', '2026-01-01', '2027-12-02', '2027-12-03', '2028-02-29'];

const KIND = {
  'months-to-month-end': (v) => `交付日から${v.months}か月(${v.months}か月が経過する直前の月末)`,
  'year-end': (v) => `交付日から${v.years}年以内の最後の12月31日`,
  fixed: (v) => `交付の時期ごとに決まった日(${v.periods.length}期間)`,
  printed: () => '資格確認書に印字された日付だけ(交付日からは計算しない)',
};

let timer;
let started;

function show(nodes) {
  $('profile-result').replaceChildren(...nodes);
}

/** What the profile says, in a few lines and in words, for a person to compare with the insurer's page. */
function summary(p) {
  const w = words('ja', p);
  const c = p.eligibilityCertificate;
  const dl = el('dl', null, { className: 'demo-summary' });
  const add = (term, value) => dl.append(el('dt', term), el('dd', value));
  add('名前', `${profileText(p.name)}(${profileText(p.shortName)})`);
  add('確かめた日', formatDate(p.checked));
  add('有効期限', KIND[c.validity.kind](c.validity));
  for (const v of c.validityFor ?? []) {
    const when = [v.newMember === true ? '新しく加入した方' : v.newMember === false ? '新しく加入した方以外' : null,
      v.reasons?.length ? v.reasons.map((r) => valueWords('reasons', r, w)).join('・') : null].filter(Boolean).join('、');
    add(`有効期限(${when})`, KIND[v.validity.kind](v.validity));
  }
  add('資格確認書の見た目', profileText(c.form) ?? '(書かれていない)');
  for (const [m, r] of Object.entries(p.memberships)) {
    if (!r) continue;
    const name = profileText(r.label) ?? w.ui.choices.membership[m] ?? m;
    add(`届け方・返し方: ${name}`, `${r.delivery === 'employer' ? '勤め先を通じて届く' : '自宅へ郵送'} / ${r.returnTo === 'employer' ? '勤め先を通じて返す' : '保険者へ直接返す'}`);
  }
  const issue = { automatic: '申請なしで', 'on-application': '申請で', 'automatic-first-time': '初回は申請なしで、更新は申請で' };
  const reasons = el('ol');
  for (const r of c.reasons) reasons.append(el('li', `${valueWords('reasons', r.reason, w)}(${issue[r.issue] ?? r.issue})`));
  const dd = el('dd');
  dd.append(reasons);
  dl.append(el('dt', '交付の理由(保険者の順)'), dd);
  if (c.newMembers === 'automatic') add('新しく加入した方', '理由に当てはまれば、申請なしで交付');
  add('有効期限が来たとき', c.renewalAtExpiry === 'automatic' ? '申請なしで新しいものを交付' : '申請があれば交付');
  add('電子証明書が切れたあと', `有効期限の月の${c.afterCertificateExpiry.monthsAfterExpiryMonth}か月後の末日を過ぎると交付`);
  add('資格情報のお知らせ', p.eligibilityNotice.sentTo === 'all' ? '加入者全員に送った' : 'マイナ保険証を登録した方に送った');
  return dl;
}

/**
 * Where a JSON text stops being JSON: `{ line, column, message }` (1-based),
 * or null when it is JSON. A small reader of its own, because browsers word
 * JSON.parse's errors differently and not all give a place.
 */
export function jsonError(text) {
  let i = 0;
  const fail = (message) => { throw Object.assign(new Error(message), { at: i }); };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const lit = (word) => { if (text.startsWith(word, i)) i += word.length; else fail(`${word} のつもりの値が読めません`); };
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('\\u の後は16進数4けたです'); i += 4; }
        else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('\\ の後の文字が使えません');
      } else if (text.charCodeAt(i) < 0x20) fail('文字列の中で改行しています(閉じる " が足りません)');
      i++;
    }
    if (i >= text.length) fail('閉じる " がありません');
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail('値が読めません(文字列は " で囲みます)');
    i += m[0].length;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('項目名は " で囲みます(前の行の末尾に余分なカンマがないかも確かめてください)');
        str(); ws();
        if (text[i] !== ':') fail('項目名の後に : がありません');
        i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail('カンマ , か閉じる } がありません');
      }
    } else if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail('カンマ , か閉じる ] がありません');
      }
    } else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else if (c === undefined) fail('途中で終わっています(閉じる } や ] が足りません)');
    else num();
  };
  try {
    value(); ws();
    if (i < text.length) fail('JSONの終わりの後に、まだ文字があります');
    return null;
  } catch (e) {
    const before = text.slice(0, e.at ?? i);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { line, column, message: e.message };
  }
}

function dates(p) {
  const table = el('table', null, { className: 'demo-table' });
  table.append(el('caption', '交付日ごとの有効期限(75歳の誕生日の前日より後にはなりません。生年月日を入れずに計算)'));
  const head = el('tr');
  head.append(el('th', '交付日', { scope: 'col' }), el('th', '有効期限', { scope: 'col' }));
  table.append(el('thead'), el('tbody'));
  table.tHead.append(head);
  for (const issued of SAMPLES) {
    let out;
    try {
      out = formatDate(eligibilityCertificateDates({ issued, asOf: issued, profile: p }).expires);
    } catch (e) {
      out = e.message;
    }
    const row = el('tr');
    row.append(el('th', formatDate(issued), { scope: 'row' }), el('td', out));
    table.tBodies[0].append(row);
  }
  $('profile-dates').replaceChildren(table);
}

function check() {
  const text = $('profile-text').value.trim();
  $('profile-dates').replaceChildren();
  if (!text) return show([el('p', 'プロフィールを入力するか、ひな形を選んでください。')]);
  const preview = $('preview');
  const bad = jsonError(text);
  if (bad) {
    preview.hidden = true;
    $('try-note').textContent = 'JSONとして読めないため、計算ツールでは試せません。';
    return show([el('p', `JSONとして読めません: ${bad.line}行目 ${bad.column}文字目。`, { className: 'demo-bad' }), el('p', bad.message)]);
  }
  const p = JSON.parse(text);
  const problems = profileProblems(p);
  if (problems.length) {
    // Never an answer by other rules: the widget is hidden until the profile reads.
    preview.hidden = true;
    const list = el('ul', null, { className: 'demo-problems' });
    for (const x of problems) {
      const li = el('li');
      li.append(el('code', x.field), ' ', x.message.replace(`${x.field}: `, ''));
      list.append(li);
    }
    $('try-note').textContent = '問題があるため、計算ツールはこのプロフィールを使いません。';
    return show([el('p', `問題が ${problems.length} 件あります。`, { className: 'demo-bad' }), list]);
  }
  show([el('p', '問題はありません。計算ツールで使えます。内容を保険者の案内と見比べてください。', { className: 'demo-good' }), summary(p)]);
  dates(p);
  $('try-note').textContent = `${profileText(p.name)} のプロフィールで動いています。`;
  preview.profile = p;
  preview.hidden = false;
}

async function load(id) {
  const r = await fetch(`profiles/${id}.json`);
  $('profile-text').value = JSON.stringify(await r.json(), null, 2);
  check();
}

started = init().then(() => {
  $('profile-text').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 300); });
  $('profile-start').addEventListener('change', (e) => { if (e.target.value) load(e.target.value); });
  $('profile-file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    $('profile-text').value = await file.text();
    check();
  });
  check();
});
export { started };
