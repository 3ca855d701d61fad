// The three answers. Each opens with the engine's headline (can I see a doctor
// with マイナ保険証 today, and the date that decides it) and the one thing to
// do next; then what the engine asks back, the visitor's answers with a way to
// change each, the dates, the notes and how each was worked out.
import { fillNodes, h, withPhones } from './dom.js';
import { API } from './engine.js';

/** The colour of the headline, from the engine's statuses (ok, warn, stop). */
function tone(view, r) {
  if (view === 'card') {
    if (r.card.status === 'expired') return 'stop';
    return { valid: 'ok', renewable: 'warn', grace: 'warn', expired: 'stop', unknown: 'warn' }[r.certificate.status];
  }
  if (view === 'eligibility') return r.status === 'valid' ? 'ok' : 'stop';
  return r.bring[0] === 'eligibility-certificate' || r.eligibilityCertificate.issue === 'depends' ? 'warn' : 'ok';
}

/** The whole answer of a view. `ctx` is the element. */
export function renderResult(ctx, view, result, input) {
  const w = ctx.w;
  const body = { card: cardBody, documents: documentsBody, eligibility: eligibilityBody }[view](ctx, result, input);
  return h('section', { class: 'mh-result', part: 'result', 'aria-labelledby': `${ctx.uid}-${view}-rh` },
    h('p', { class: 'mh-print-only mh-print-title', text: w.printTitle }),
    h('h3', { class: 'mh-result-title', id: `${ctx.uid}-${view}-rh`, tabindex: '-1', text: w.resultTitle[view] }),
    input.asOf ? h('p', { class: 'mh-asof-line' }, ctx.fill(w.asOfLine, { date: ctx.dateText(result.asOf) })) : null,
    h('div', { class: 'mh-answer-first' },
      h('p', { class: `mh-headline mh-tone-${tone(view, result)}`, part: 'headline', 'data-code': result.headline.code },
        result.headline.text),
      h('p', { class: 'mh-next', part: 'next', 'data-code': result.next.code },
        h('strong', { class: 'mh-next-label', text: w.nextLabel }), ' ', withPhones(result.next.text))),
    asked(ctx, view, result, input),
    body,
    answers(ctx, view, input),
    list(w.notesTitle, result.notes, (n) => h('li', { 'data-code': n.code }, withPhones(n.message)), 'mh-notes'),
    contacts(ctx, view),
    steps(ctx, result.steps),
    tools(ctx, view, result));
}

/** The questions the answer itself asks (「電子証明書を更新しましたか」). */
function asked(ctx, view, result, input) {
  const w = ctx.w;
  const keys = result.ask ?? [];
  if (!keys.length) return null;
  return h('div', { class: 'mh-asked' }, keys.map((key) => {
    const id = `${ctx.uid}-${view}-ask-${key}`;
    const q = w.asked[key];
    const values = key === 'certificateRenewed' ? ['yes', 'no', 'unknown'] : ['true', 'false', ''];
    const current = input[key] == null ? null : String(input[key]);
    return h('fieldset', { class: 'mh-field mh-choice mh-ask', 'data-key': key, id },
      h('legend', { class: 'mh-legend', text: q.label }),
      q.hint ? h('p', { class: 'mh-hint', text: q.hint }) : null,
      h('div', { class: 'mh-options mh-options-row' }, values.map((value, i) => h('div', { class: 'mh-option' },
        h('input', { type: 'radio', class: 'mh-radio', name: id, id: `${id}-${i}`, value, checked: current === value,
          onchange: () => ctx.answer(view, key, value === 'true' ? true : value === 'false' ? false : value || undefined) }),
        h('label', { for: `${id}-${i}`, text: q.options[i] })))));
  }));
}

/** "あなたの答え": every answer given, each with 変更. */
function answers(ctx, view, input) {
  const w = ctx.w;
  const rows = Object.entries(input).filter(([k, v]) => k !== 'lang' && v !== undefined && v !== '' && w.fields[k]);
  if (!rows.length) return null;
  return h('div', { class: 'mh-your-answers' },
    h('h4', { class: 'mh-subhead', text: w.yourAnswers }),
    h('dl', { class: 'mh-answer-list' }, rows.map(([key, value]) => h('div', { class: 'mh-answer', 'data-key': key },
      h('dt', { text: w.fields[key].label }),
      h('dd', {}, ctx.valueNode(key, value)),
      h('dd', { class: 'mh-change' }, h('button', { type: 'button', class: 'mh-link', onclick: () => ctx.change(view, key) },
        w.change, h('span', { class: 'mh-visually-hidden', text: `: ${w.fields[key].label}` })))))));
}

function list(title, items, item, cls) {
  if (!items?.length) return null;
  return h('div', { class: cls }, h('h4', { class: 'mh-subhead', text: title }), h('ul', { class: 'mh-list' }, items.map(item)));
}

/** 問い合わせ先: the insurer's contacts (profile), each with what it is for, phones callable; and who to ask when a 資格確認書 has not come. */
function contacts(ctx, view) {
  const w = ctx.w;
  const list = ctx.profile?.contacts ?? [];
  if (!list.length) return null;
  const t = (v) => ctx.profileText(v);
  return h('div', { class: 'mh-contacts' },
    h('h4', { class: 'mh-subhead', text: w.contactsTitle }),
    h('ul', { class: 'mh-list' }, list.map((c) => h('li', {},
      h('span', { class: 'mh-contact-label', text: t(c.label) }),
      c.phone ? [' ', h('a', { class: 'mh-tel', href: `tel:${c.phone.replace(/[^\d+]/g, '')}`, text: c.phone })] : null,
      c.for?.length ? h('span', { class: 'mh-contact-for', text: ctx.fill(w.forTitle, { purposes: c.for.map((p) => w.purposes[p] ?? p).join(ctx.words.format.list) }) }) : null,
      c.hours ? h('span', { class: 'mh-contact-hours', text: t(c.hours) }) : null,
      c.address ? h('span', { class: 'mh-contact-address', text: t(c.address) }) : null,
      c.url ? [' ', h('a', { href: c.url, text: c.url, rel: 'noopener' })] : null))),
    view === 'documents' || view === 'eligibility' ? h('p', { class: 'mh-missing', text: w.eligibilityMissing }) : null);
}

/** 計算の根拠: each step with its sources as links, the day the rules were checked, the insurer's sources, and the rule ids for staff. */
function steps(ctx, items) {
  const w = ctx.w;
  const p = ctx.profile;
  const sources = (s) => {
    const links = API.stepSources(s, ctx.lang, p).map((x) => (x.url ? h('a', { href: x.url, rel: 'noopener', text: x.title }) : x.title));
    const joined = links.flatMap((l, i) => (i ? [ctx.words.format.list, l] : [l]));
    return h('span', { class: 'mh-source' }, fillNodes(w.source, { source: joined }));
  };
  // Built when first opened: most visitors never open it, and the answer is
  // on screen sooner without it (its nodes cost style and layout).
  const body = () => [
    h('ol', { class: 'mh-list' }, items.map((s) => h('li', { 'data-rule': s.rule, 'data-code': s.code },
      h('span', { text: s.text }), ' ', sources(s)))),
    h('p', { class: 'mh-rules-as-of', text: ctx.rulesAsOf() }),
    p ? h('div', { class: 'mh-profile-sources' },
      h('p', { text: ctx.fill(w.profileChecked, { date: ctx.dateText(p.checked) }) }),
      h('ul', { class: 'mh-list' }, p.sources.map((s) => h('li', {}, h('a', { href: s.url, rel: 'noopener', text: ctx.profileText(s.title) }))))) : null,
    // The rule ids, for the staff who answer the phone (RULES.md), out of the visitor's way.
    h('details', { class: 'mh-rule-ids' }, h('summary', { text: w.ruleIds }),
      h('ol', { class: 'mh-list' }, items.map((s) => h('li', {}, h('code', { text: s.rule })))))];
  // (On the summary's click, before the browser opens it; on `toggle` when a script opens it.)
  const fill = (d) => { if (!d.dataset.built) { d.dataset.built = '1'; d.append(...body().filter(Boolean)); } };
  return h('details', { class: 'mh-steps mh-noprint', ontoggle: (e) => { if (e.currentTarget.open) fill(e.currentTarget); } },
    h('summary', { text: w.stepsTitle, onclick: (e) => fill(e.currentTarget.parentElement) }));
}

/** What the insurer's 資格確認書 looks like, when its profile says. */
function formLine(ctx) {
  const form = ctx.profileText(ctx.profile?.eligibilityCertificate?.form);
  return form ? h('p', { class: 'mh-form-line', text: ctx.fill(ctx.w.form, { form }) }) : null;
}

function tools(ctx, view, result) {
  const w = ctx.w;
  return h('div', { class: 'mh-actions mh-tools mh-noprint' },
    view === 'card' ? h('button', { type: 'button', class: 'mh-secondary mh-ics', text: w.icsButton, 'aria-expanded': 'false', onclick: (e) => ctx.ics(result, e.currentTarget) }) : null,
    h('button', { type: 'button', class: 'mh-secondary', text: w.print, onclick: () => window.print() }),
    view === 'card' ? h('button', { type: 'button', class: 'mh-secondary mh-to-documents', text: w.toDocuments, onclick: () => ctx.toDocuments(result) }) : null,
    // 家族の分も調べる (family.js, loaded when asked for); not inside a family's own answers.
    view === 'card' && !ctx.family ? h('button', { type: 'button', class: 'mh-secondary mh-family-add', text: w.family.add,
      onclick: () => ctx.openFamily() }) : null);
}

/** A row of dates: a term and a date (or a words when there is none). */
const row = (ctx, label, value, field) => h('div', { class: 'mh-row' },
  h('dt', { text: label }), h('dd', { 'data-field': field }, value));

function cardBody(ctx, r) {
  const w = ctx.w;
  const c = w.card;
  const date = (iso) => (iso ? ctx.dateNode(iso) : h('span', { class: 'mh-muted', text: c.unknownDate }));
  const known = r.certificate.status !== 'unknown';
  // 「はい」 to the renewal: the new certificate's date is on the card, not here.
  const renewed = !r.certificate.expires;
  const grace = r.insurance.graceUntil ? date(r.insurance.graceUntil)
    : r.insurance.noGrace ? h('span', { text: c.noGrace[r.insurance.noGrace] }) : null;
  const flag = (text) => h('span', { class: 'mh-flag', text });
  return h('div', { class: 'mh-card-result' },
    h('div', { class: 'mh-dates' },
      h('h4', { class: 'mh-subhead', text: c.certificateTitle }),
      h('dl', { class: 'mh-rows' },
        row(ctx, c.expires, renewed ? h('span', { class: 'mh-muted', text: c.renewedDate })
          : [date(r.certificate.expires), r.certificate.cappedByCard ? flag(c.capped) : null], 'certificate.expires'),
        renewed ? null : row(ctx, c.renewalFrom, date(r.certificate.renewalFrom), 'certificate.renewalFrom'),
        r.certificate.noticeFrom ? row(ctx, c.notice, ctx.months(r.certificate.noticeFrom, r.certificate.noticeTo), 'certificate.notice') : null,
        known ? row(ctx, c.status, ctx.valueText('certificateStatus', r.certificate.status), 'certificate.status') : null),
      renewed ? null : [
        h('h4', { class: 'mh-subhead', text: c.insuranceTitle }),
        h('dl', { class: 'mh-rows' },
          row(ctx, c.usableUntil, date(r.insurance.usableUntil), 'insurance.usableUntil'),
          grace ? row(ctx, c.graceUntil, grace, 'insurance.graceUntil') : null)],
      h('h4', { class: 'mh-subhead', text: c.cardTitle }),
      r.card.expires
        ? h('dl', { class: 'mh-rows' },
          row(ctx, c.expires, [date(r.card.expires), r.card.latestPossible ? flag(c.latestPossible) : null,
            r.card.stayBased ? flag(c.stayBased) : null], 'card.expires'),
          row(ctx, c.renewalFrom, date(r.card.renewalFrom), 'card.renewalFrom'),
          row(ctx, c.status, ctx.valueText('cardStatus', r.card.status), 'card.status'))
        : h('p', { class: 'mh-muted', 'data-field': 'card.expires', text: c.cardUnknown })));
}

function documentsBody(ctx, r) {
  const w = ctx.w;
  const d = w.documents;
  const e = r.eligibilityCertificate;
  const item = (code) => h('li', { 'data-item': code, text: ctx.valueText('document', code) });
  return h('div', { class: 'mh-documents-result' },
    h('h4', { class: 'mh-subhead', text: d.bringTitle }),
    h('ul', { class: 'mh-list mh-bring' }, r.bring.map(item)),
    r.ifReaderFails.length ? h('div', {},
      h('h4', { class: 'mh-subhead', text: d.ifReaderFailsTitle }),
      h('p', { text: d.ifReaderFailsIntro }),
      h('ul', { class: 'mh-list mh-if-fails' }, r.ifReaderFails.map(item))) : null,
    h('h4', { class: 'mh-subhead', text: d.certificateTitle }),
    h('p', { class: 'mh-issue', 'data-issue': e.issue, text: ctx.valueText('issue', e.issue) }),
    e.reasons.length ? h('ul', { class: 'mh-list mh-reasons' }, e.reasons.map((code) => h('li', { 'data-reason': code, text: ctx.valueWords('reasons', code) }))) : null,
    e.issue !== 'none' || r.bring.includes('eligibility-certificate') ? formLine(ctx) : null,
    list(d.actionsTitle, r.actions, (a) => h('li', { 'data-action': a.code }, withPhones(a.text)), 'mh-actions-list'));
}

function eligibilityBody(ctx, r) {
  const w = ctx.w;
  const e = w.eligibility;
  const back = r.steps.filter((s) => s.rule === 'eligibility-certificate-return');
  return h('div', { class: 'mh-eligibility-result' },
    h('dl', { class: 'mh-rows' },
      row(ctx, e.issued, ctx.dateNode(r.issued), 'issued'),
      row(ctx, e.expires, ctx.dateNode(r.expires), 'expires'),
      row(ctx, e.status, ctx.valueText('eligibilityStatus', r.status), 'status')),
    formLine(ctx),
    back.length ? h('div', { class: 'mh-return', 'data-to': r.return.to },
      h('h4', { class: 'mh-subhead', text: e.returnTitle }),
      h('ul', { class: 'mh-list' }, back.map((s) => h('li', { text: s.text })))) : null);
}
