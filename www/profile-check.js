// profile.html: a society's web staff check an insurer profile before using it.
// Every problem the engine finds is listed with its path and how to fix it
// (the engine's own check, the one the widget makes); a profile without
// problems gives a table of 資格確認書 dates and runs in the widget below.
// Nothing leaves the browser: the JSON is read here, never sent.
import init, { eligibilityCertificateDates, formatDate, profileProblems, profileText } from './myna-hoken-api.js';
import './myna-hoken.js';

const $ = (id) => document.getElementById(id);
const el = (tag, text, props = {}) => Object.assign(document.createElement(tag), props, text == null ? {} : { textContent: text });

/** Issue dates that show a rule's edges: the first day, month ends, 29 February, year ends. */
const SAMPLES = ['2024-12-02', '2025-01-31', '2025-02-28', '2025-06-15', '2025-11-30', '2025-12-01', '2025-12-31', '2026-01-01', '2028-02-29'];

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

/** What the profile says, in a few lines, for a person to compare with the insurer's page. */
function summary(p) {
  const c = p.eligibilityCertificate;
  const dl = el('dl', null, { className: 'demo-summary' });
  const add = (term, value) => dl.append(el('dt', term), el('dd', value));
  add('名前', `${profileText(p.name)}(${profileText(p.shortName)})`);
  add('確かめた日', formatDate(p.checked));
  add('有効期限', KIND[c.validity.kind](c.validity));
  add('資格確認書の見た目', profileText(c.form) ?? '(書かれていない)');
  for (const [m, r] of Object.entries(p.memberships)) {
    add(`届け方・返却先: ${m}`, `${r.delivery === 'employer' ? '会社経由' : '自宅へ郵送'} / ${r.returnTo === 'employer' ? '会社経由で返却' : '保険者へ直接返却'}`);
  }
  add('交付の理由', c.reasons.map((r, i) => `${String.fromCodePoint(0x2460 + i)}${r.reason}(${r.issue === 'automatic' ? '自動' : '申請'})`).join('、'));
  add('有効期限が来たとき', c.renewalAtExpiry === 'automatic' ? '申請なしで新しいものを交付' : '申請があれば交付');
  add('電子証明書が切れたあと', `有効期限の月の${c.afterCertificateExpiry.monthsAfterExpiryMonth}か月後の末日を過ぎると交付`);
  return dl;
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
  let p;
  try {
    p = JSON.parse(text);
  } catch (e) {
    return show([el('p', 'JSONとして読めません。括弧・引用符・カンマをご確認ください。', { className: 'demo-bad' }), el('p', e.message)]);
  }
  const problems = profileProblems(p);
  if (problems.length) {
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
  $('preview').profile = p;
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
