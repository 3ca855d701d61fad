// <myna-hoken>: マイナ保険証・資格確認書の有効期限と持ち物を答える custom element.
//
// Light DOM, no framework, every class prefixed `mh-`. The page gathers the
// visitor's answers, calls the engine (Rust compiled to WebAssembly) and
// renders what it returns. No date arithmetic here: every date, weekday and
// 和暦 string comes from the engine. The DOM is built with createElement and
// textContent only (the demo page requires Trusted Types).
import init, * as API from './myna-hoken-api.js';
import ja from './myna-hoken-ja.js';

/** The widget's words, per language, loaded once for every widget on the page.
 *  The engine and its Japanese words come with the API module; English is fetched
 *  only when a widget asks for it. If it cannot be fetched, the widget stays in Japanese. */
const TEXT = { ja };
const loading = {};
const load = (lang) => (lang === 'en'
  ? (loading.en ??= Promise.all([
    API.loadLanguage('en'),
    import('./myna-hoken-en.js').then((m) => { TEXT.en = m.default; }),
  ]).catch(() => {}))
  : (loading.ja ??= init()));

const VIEWS = ['card', 'documents', 'eligibility'];

/** The fragment keys of each answer: exactly the engine's input keys. */
const KEYS = {
  card: ['birthday', 'cardIssued', 'cardExpires', 'cardRenewedInWindow', 'appliedBefore2022April',
    'certificateIssued', 'certificateRenewedInWindow', 'smartphone', 'asOf'],
  documents: ['membership', 'card', 'registered', 'registrationCancelled', 'certificate',
    'numberOnFile', 'needsHelper', 'eligibilityCertificateLost', 'smartphone', 'asOf'],
  eligibility: ['issued', 'birthday', 'membership', 'asOf'],
};
const DATE_KEYS = new Set(['birthday', 'cardIssued', 'cardExpires', 'certificateIssued', 'issued', 'asOf']);
const BOOL_KEYS = new Set(['cardRenewedInWindow', 'appliedBefore2022April', 'certificateRenewedInWindow',
  'smartphone', 'registered', 'registrationCancelled', 'numberOnFile', 'needsHelper',
  'eligibilityCertificateLost']);

/** The advisor's questions, one small group at a time. */
const GROUPS = [
  { id: 'membership', keys: ['membership'] },
  { id: 'card', keys: ['card'] },
  { id: 'registration', keys: ['registered', 'registrationCancelled', 'certificate', 'smartphone'],
    applies: (v) => !['none', 'returned'].includes(v.card) },
  { id: 'other', keys: ['numberOnFile', 'needsHelper', 'eligibilityCertificateLost'] },
];
const REQUIRED = { membership: true, card: true, registered: true, certificate: true };

const ERAS = [['令和', 30], ['平成', 31], ['昭和', 64], ['大正', 15], ['明治', 45]];
const MAX_TEXT = 64;
let counter = 0;

/** h('p', {class: 'mh-x'}, 'text', child): an element, without any HTML parsing. */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c);
  return el;
}

/** Fills "{name}" slots; values may be strings or nodes. Returns an array of nodes/strings. */
function fill(template, slots) {
  return template.split(/(\{\w+\})/).filter(Boolean)
    .map((part) => (/^\{\w+\}$/.test(part) ? slots[part.slice(1, -1)] ?? '' : part));
}

/** The error the engine threw, or one of ours, as {field, code, message}. */
const asError = (e, field) => ({
  field: e?.field ?? field ?? null,
  code: e?.code ?? 'internal',
  message: String(e?.message ?? e),
});

export class MynaHoken extends HTMLElement {
  static observedAttributes = ['lang', 'as-of', 'view'];

  constructor() {
    super();
    this.uid = `mh${++counter}`;
    this.values = { card: {}, documents: {}, eligibility: {} };
    this.results = {};
    this.view = 'card';
    this.step = 0;
    this.visited = new Set();
    this.askApplied = false;
    this.onHash = () => this.readFragment(true);
  }

  /** The last answer shown: {view, input, result}, or null. */
  get result() { return this.last ?? null; }

  get language() {
    const own = this.getAttribute('lang') ?? this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return own?.toLowerCase().startsWith('en') ? 'en' : 'ja';
  }

  /** The language shown: English once its engine and words are here, else Japanese. */
  get shown() { return this.language === 'en' && API.hasLanguage('en') && TEXT.en ? 'en' : 'ja'; }

  get t() { return TEXT[this.shown]; }

  /** The API's functions, with the dates' words in the language shown. */
  get api() {
    const lang = this.shown;
    return {
      ...API,
      parseDate: (text) => API.parseDate(text, lang),
      formatWareki: (date) => API.formatWareki(date, lang),
      describeDate: (date) => API.describeDate(date, lang),
    };
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    window.addEventListener('hashchange', this.onHash);
    const v = this.getAttribute('view');
    if (VIEWS.includes(v)) this.view = v;
    // If the engine cannot start, the English words may still come (load('en') never rejects).
    load('ja').then(() => load(this.language)).then(() => this.start(),
      (e) => (this.language === 'en' ? load('en') : Promise.resolve()).then(() => this.fail(e)));
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    this.started = false;
  }

  attributeChangedCallback(name, old, now) {
    if (!this.root || old === now) return;
    if (name === 'view' && VIEWS.includes(now)) this.show(now, false);
    else if (name === 'lang') {
      const lang = this.language;
      if (this.shown === lang) this.relabel();
      else load(lang).then(() => { if (this.language === lang) this.relabel(); });
    }
    else if (name === 'as-of' && this.results[this.view]) this.compute(false);
  }

  start() {
    for (const el of this.querySelectorAll(':scope > .mh-fallback')) el.hidden = true;
    this.rebuild(false);
    this.readFragment(false);
  }

  /** WebAssembly cannot run: keep (or write) the static summary and the contact points. */
  fail(error) {
    const t = TEXT[this.language] ?? TEXT.ja;
    this.replaceChildren(...this.childNodes.length && this.querySelector(':scope > .mh-fallback')
      ? [...this.childNodes] : [fallbackSummary(t)]);
    this.prepend(h('p', { class: 'mh-fail', role: 'status', text: t.fail }));
    this.dataset.state = 'fallback';
    console.warn('myna-hoken: the engine could not start:', error);
  }

  /** Builds the whole widget in the current language, keeping the visitor's answers. */
  rebuild(focus) {
    if (this.root) this.readForm();
    const t = this.t;
    this.root?.remove();
    this.panels = {};
    this.root = h('div', { class: 'mh-root', lang: this.shown, 'data-view': this.view });
    const tabs = h('div', { class: 'mh-views', role: 'group', 'aria-label': t.viewsLabel },
      VIEWS.map((v) => h('button', {
        type: 'button', class: 'mh-view-button', 'data-view': v, 'aria-pressed': String(v === this.view),
        'aria-controls': `${this.uid}-${v}`, onclick: () => this.show(v, true),
      }, t.views[v])));
    this.errorBox = h('div', { class: 'mh-error-summary', role: 'alert', tabindex: '-1', hidden: true });
    this.root.append(
      h('div', { class: 'mh-top' },
        h('h2', { class: 'mh-title', text: t.title }),
        h('button', { type: 'button', class: 'mh-lang', lang: t.otherLang, onclick: () => this.switchLanguage() },
          t.otherLangName)),
      tabs, this.errorBox, this.asOfBox(), ...VIEWS.map((v) => this.buildPanel(v)));
    this.append(this.root);
    this.dataset.state = 'ready';
    for (const v of VIEWS) this.fillForm(v);
    this.showStep();
    if (this.results.card || this.results.documents || this.results.eligibility) {
      const view = this.view;
      for (const v of VIEWS) if (this.results[v]) { this.view = v; this.compute(false, true); }
      this.view = view;
    }
    this.show(this.view, focus);
  }

  /** Rebuilds in the new language; errors on screen are asked again so they change language too. */
  relabel() {
    const hadErrors = this.errorBox && !this.errorBox.hidden;
    const hadFocus = document.activeElement?.classList.contains('mh-lang');
    this.rebuild(false);
    if (hadErrors && (this.view !== 'documents' || this.step < 0)) this.compute(false);
    if (hadFocus) this.querySelector('.mh-lang')?.focus();
  }

  switchLanguage() {
    this.setAttribute('lang', this.language === 'en' ? 'ja' : 'en');
  }

  asOfBox() {
    const t = this.t;
    this.asOfDetails = h('details', { class: 'mh-asof' },
      h('summary', { text: t.asOfSummary }),
      this.dateField('shared', 'asOf', t.fields.asOf));
    if (this.values.card.asOf || this.values.documents.asOf || this.values.eligibility.asOf) this.asOfDetails.open = true;
    return this.asOfDetails;
  }

  buildPanel(view) {
    const t = this.t;
    const form = h('form', { class: 'mh-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.submit(); } });
    const f = t.fields;
    if (view === 'card') {
      form.append(
        this.dateField(view, 'birthday', f.birthday),
        h('fieldset', { class: 'mh-group' },
          h('legend', { class: 'mh-legend', text: t.cardGroup }),
          h('p', { class: 'mh-hint', text: t.cardGroupHint }),
          this.dateField(view, 'cardExpires', f.cardExpires),
          this.dateField(view, 'cardIssued', f.cardIssued),
          this.checkField(view, 'cardRenewedInWindow', f.cardRenewedInWindow)),
        this.choiceField(view, 'appliedBefore2022April', f.appliedBefore2022April, [['true', f.yes], ['false', f.no]], true),
        h('fieldset', { class: 'mh-group' },
          h('legend', { class: 'mh-legend', text: t.certificateGroup }),
          this.dateField(view, 'certificateIssued', f.certificateIssued),
          this.checkField(view, 'certificateRenewedInWindow', f.certificateRenewedInWindow)),
        this.checkField(view, 'smartphone', f.smartphone),
        h('div', { class: 'mh-actions' }, h('button', { type: 'submit', class: 'mh-primary', text: t.submit })));
    } else if (view === 'documents') {
      const d = t.documents;
      const groups = {
        membership: [this.choiceField(view, 'membership', d.membership, Object.entries(d.memberships))],
        card: [this.choiceField(view, 'card', d.card, Object.entries(d.cards))],
        registration: [
          this.choiceField(view, 'registered', d.registered, [['true', f.yes], ['false', f.no]]),
          this.checkField(view, 'registrationCancelled', d.registrationCancelled),
          this.choiceField(view, 'certificate', d.certificate, Object.entries(d.certificates)),
          this.checkField(view, 'smartphone', f.smartphone)],
        other: [
          this.checkField(view, 'numberNotOnFile', d.numberNotOnFile),
          this.checkField(view, 'needsHelper', d.needsHelper),
          this.checkField(view, 'eligibilityCertificateLost', d.eligibilityCertificateLost)],
      };
      this.groupEls = {};
      GROUPS.forEach((g, i) => {
        const el = h('fieldset', { class: 'mh-step', 'data-group': g.id, hidden: true },
          h('legend', { class: 'mh-legend mh-step-legend' },
            h('span', { class: 'mh-step-count', text: fill(d.stepOf, { n: i + 1, total: GROUPS.length }).join('') }),
            ' ', d.groups[g.id]),
          groups[g.id],
          h('div', { class: 'mh-actions' },
            i > 0 ? h('button', { type: 'button', class: 'mh-secondary', text: d.back, onclick: () => this.back() }) : null,
            h('button', { type: 'submit', class: 'mh-primary', text: d.next })));
        this.groupEls[g.id] = el;
        form.append(el);
      });
      this.summaryBox = h('div', { class: 'mh-answers', hidden: true });
      form.append(this.summaryBox);
    } else {
      form.append(
        this.dateField(view, 'issued', f.issued),
        this.dateField(view, 'birthday', f.birthdayOptional),
        this.choiceField(view, 'membership', t.documents.membership,
          [...Object.entries(t.documents.memberships), ['', t.documents.membershipUnknown]]),
        h('div', { class: 'mh-actions' }, h('button', { type: 'submit', class: 'mh-primary', text: t.submit })));
    }
    const result = h('section', { class: 'mh-result', 'aria-labelledby': `${this.uid}-${view}-rh`, hidden: true });
    const panel = h('div', { class: 'mh-panel', id: `${this.uid}-${view}`, 'data-view': view, hidden: view !== this.view },
      h('h3', { class: 'mh-panel-title', id: `${this.uid}-${view}-h`, tabindex: '-1', text: t.views[view] }),
      h('p', { class: 'mh-intro', text: t.intro[view] }),
      form, result);
    this.panels[view] = { panel, form, result };
    return panel;
  }

  fid(view, key) { return `${this.uid}-${view}-${key}`; }

  /** A date: typed (西暦・和暦・全角) or picked as 元号/年/月/日, echoed in both calendars. */
  dateField(view, key, label) {
    const t = this.t;
    const id = this.fid(view, key);
    const input = h('input', {
      id, type: 'text', class: 'mh-input', name: key, maxlength: MAX_TEXT, spellcheck: 'false',
      autocomplete: key === 'birthday' ? 'bday' : 'off', 'aria-describedby': `${id}-hint ${id}-error ${id}-echo`,
      oninput: () => this.echo(view, key),
    });
    const selects = [
      ['era', t.era, [['', '—'], ...ERAS.map(([e]) => [e, t.eraNames[e]])]],
      ['year', t.year, []],
      ['month', t.month, [['', '—'], ...Array.from({ length: 12 }, (_, i) => [String(i + 1), String(i + 1)])]],
      ['day', t.day, [['', '—'], ...Array.from({ length: 31 }, (_, i) => [String(i + 1), String(i + 1)])]],
    ].map(([part, name, options]) => h('label', { class: `mh-pick mh-pick-${part}` },
      h('span', { class: 'mh-pick-label', text: name }),
      h('select', { class: 'mh-select', 'data-part': part, onchange: (e) => this.picked(view, key, e.target) },
        options.map(([value, text]) => h('option', { value, text })))));
    const box = h('div', { class: 'mh-field mh-date', 'data-key': key, 'data-view': view },
      h('label', { class: 'mh-label', for: id, text: label.label }),
      h('p', { class: 'mh-hint', id: `${id}-hint`, text: label.hint ?? t.dateHint }),
      h('p', { class: 'mh-error', id: `${id}-error`, hidden: true }),
      input,
      h('fieldset', { class: 'mh-picker' },
        h('legend', { class: 'mh-picker-legend', text: fill(t.pickLegend, { label: label.label }).join('') }),
        h('div', { class: 'mh-picks' }, selects)),
      h('p', { class: 'mh-echo', id: `${id}-echo`, 'aria-live': 'polite' }));
    this.fillYears(box, '');
    return box;
  }

  fillYears(box, era) {
    const select = box.querySelector('[data-part="year"]');
    const max = ERAS.find(([e]) => e === era)?.[1] ?? 0;
    select.replaceChildren(h('option', { value: '', text: '—' }),
      ...Array.from({ length: max }, (_, i) => h('option', { value: String(i + 1), text: i ? String(i + 1) : this.t.firstYear })));
  }

  /** The visitor picked a part: once all four are set, write the 和暦 into the text box. */
  picked(view, key, select) {
    const box = select.closest('.mh-date');
    const part = (p) => box.querySelector(`[data-part="${p}"]`);
    if (select.dataset.part === 'era') {
      const year = part('year').value;
      this.fillYears(box, select.value);
      part('year').value = year;
    }
    const [era, year, month, day] = ['era', 'year', 'month', 'day'].map((p) => part(p).value);
    if (era && year && month && day) {
      box.querySelector('input').value = `${era}${year}年${month}月${day}日`;
      this.echo(view, key, true);
    }
  }

  /** Shows how the engine read the date, in both calendars, before computing. */
  echo(view, key, fromPicker = false) {
    const box = this.fieldBox(view, key);
    if (!box) return;
    const text = box.querySelector('input').value.trim();
    const out = box.querySelector('.mh-echo');
    let iso = null;
    if (text) try { iso = this.api.parseDate(text); } catch { iso = null; }
    if (iso === out.dataset.iso) return;
    out.dataset.iso = iso ?? '';
    out.replaceChildren(...(iso ? [this.t.echo, this.dateOut(iso)] : []));
    if (iso && !fromPicker) {
      let wareki = '';
      try { wareki = this.api.formatWareki(iso); } catch { /* no 和暦 for this day: leave the pickers */ }
      const m = /^(令和|平成|昭和|大正|明治)(元|\d+)年(\d+)月(\d+)日$/.exec(wareki);
      if (m) {
        const part = (p) => box.querySelector(`[data-part="${p}"]`);
        part('era').value = m[1];
        this.fillYears(box, m[1]);
        part('year').value = m[2] === '元' ? '1' : m[2];
        part('month').value = m[3];
        part('day').value = m[4];
      }
    }
  }

  checkField(view, key, label) {
    const id = this.fid(view, key);
    return h('div', { class: 'mh-field mh-check', 'data-key': key, 'data-view': view },
      h('p', { class: 'mh-error', id: `${id}-error`, hidden: true }),
      h('input', { type: 'checkbox', id, name: key, class: 'mh-checkbox', 'aria-describedby': `${id}-error${label.hint ? ` ${id}-hint` : ''}` }),
      h('label', { for: id, class: 'mh-check-label', text: label.label }),
      label.hint ? h('p', { class: 'mh-hint', id: `${id}-hint`, text: label.hint }) : null);
  }

  choiceField(view, key, label, options, conditional = false) {
    const id = this.fid(view, key);
    return h('fieldset', {
      class: 'mh-field mh-choice', 'data-key': key, 'data-view': view, id,
      'aria-describedby': `${label.hint ? `${id}-hint ` : ''}${id}-error`,
      hidden: conditional && !this.askApplied,
    },
    h('legend', { class: 'mh-legend', text: label.label }),
    label.hint ? h('p', { class: 'mh-hint', id: `${id}-hint`, text: label.hint }) : null,
    h('p', { class: 'mh-error', id: `${id}-error`, hidden: true }),
    h('div', { class: 'mh-options' }, options.map(([value, text], i) => h('div', { class: 'mh-option' },
      h('input', { type: 'radio', class: 'mh-radio', name: `${id}`, id: `${id}-${i}`, value }),
      h('label', { for: `${id}-${i}`, text })))));
  }

  fieldBox(view, key) {
    const scope = key === 'asOf' ? this.asOfDetails : this.panels?.[view]?.form;
    return scope?.querySelector(`[data-key="${key}"]`) ?? null;
  }

  /** DOM → this.values (raw texts, radio values, booleans). */
  readForm() {
    for (const view of VIEWS) {
      const values = this.values[view];
      for (const box of this.panels[view].form.querySelectorAll('.mh-field')) {
        const key = box.dataset.key;
        if (box.classList.contains('mh-date')) values[key] = box.querySelector('input').value;
        else if (box.classList.contains('mh-check')) values[key] = box.querySelector('input').checked;
        else {
          const checked = box.querySelector('input:checked');
          if (checked) values[key] = checked.value;
          else if (!(key in values) || [...box.querySelectorAll('input')].some((r) => r.value === values[key])) delete values[key];
        }
      }
      values.asOf = this.asOfDetails.querySelector('input').value;
    }
  }

  /** this.values → DOM. */
  fillForm(view) {
    const values = this.values[view];
    for (const box of this.panels[view].form.querySelectorAll('.mh-field')) {
      const key = box.dataset.key;
      const value = values[key];
      if (box.classList.contains('mh-date')) {
        box.querySelector('input').value = value ?? '';
        this.echo(view, key);
      } else if (box.classList.contains('mh-check')) box.querySelector('input').checked = value === true;
      else for (const r of box.querySelectorAll('input')) r.checked = value != null && r.value === value;
    }
    if (view === this.view) {
      this.asOfDetails.querySelector('input').value = values.asOf ?? '';
      this.echo('shared', 'asOf');
    }
  }

  show(view, focus) {
    this.view = view;
    this.root.dataset.view = view;
    for (const b of this.root.querySelectorAll('.mh-view-button')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    for (const v of VIEWS) {
      this.panels[v].panel.hidden = v !== view;
      this.panels[v].result.classList.toggle('mh-print-ready', v === view && !this.panels[v].result.hidden);
    }
    this.clearErrors();
    if (this.results[view]) this.writeFragment(view, this.results[view].input);
    if (focus) this.panels[view].panel.querySelector('.mh-panel-title').focus();
  }

  // ---- the advisor's steps -------------------------------------------------

  applicableGroups() {
    return GROUPS.filter((g) => !g.applies || g.applies(this.values.documents));
  }

  showStep() {
    if (!this.groupEls) return;
    const groups = this.applicableGroups();
    const current = this.step >= 0 ? groups[Math.min(this.step, groups.length - 1)] : null;
    for (const g of GROUPS) this.groupEls[g.id].hidden = g !== current;
    if (current) {
      this.groupEls[current.id].querySelector('.mh-step-count').textContent =
        fill(this.t.documents.stepOf, { n: groups.indexOf(current) + 1, total: groups.length }).join('');
    }
    this.summaryBox.hidden = current != null;
    if (!current) this.renderSummary();
  }

  missing(group) {
    return group.keys.filter((k) => REQUIRED[k] && this.values.documents[k] == null);
  }

  submit() {
    this.readForm();
    if (this.view !== 'documents') return this.compute(true);
    const groups = this.applicableGroups();
    const group = groups[this.step];
    if (!group) return this.compute(true);
    const missing = this.missing(group);
    if (missing.length) {
      return this.showErrors(missing.map((field) => ({ field, code: 'missing_field', message: this.t.documents.required[field] })));
    }
    this.clearErrors();
    this.visited.add(group.id);
    const next = groups.findIndex((g) => !this.visited.has(g.id) || this.missing(g).length);
    if (next >= 0) {
      this.step = next;
      this.showStep();
      this.groupEls[groups[next].id].querySelector('input')?.focus();
    } else {
      this.step = -1;
      this.showStep();
      this.compute(true);
    }
  }

  back() {
    this.readForm();
    this.clearErrors();
    this.step = Math.max(0, this.step - 1);
    this.showStep();
    this.groupEls[this.applicableGroups()[this.step].id].querySelector('input')?.focus();
  }

  /** Opens one group again from the summary ("変更"). */
  change(groupId) {
    const groups = this.applicableGroups();
    this.step = Math.max(0, groups.findIndex((g) => g.id === groupId));
    this.showStep();
    this.groupEls[groupId].querySelector('input')?.focus();
  }

  renderSummary() {
    const t = this.t;
    const d = t.documents;
    const v = this.values.documents;
    const answer = (key) => {
      if (key === 'numberNotOnFile' || key === 'needsHelper' || key === 'eligibilityCertificateLost' ||
        key === 'registrationCancelled' || key === 'smartphone') return v[key] ? t.fields.yes : t.fields.no;
      if (key === 'registered') return v[key] === 'true' ? t.fields.yes : v[key] === 'false' ? t.fields.no : '—';
      const table = { membership: d.memberships, card: d.cards, certificate: d.certificates }[key];
      return table?.[v[key]] ?? String(v[key] ?? '—');
    };
    const rows = this.applicableGroups().map((g) => {
      const keys = g.id === 'other' ? ['numberNotOnFile', 'needsHelper', 'eligibilityCertificateLost'] : g.keys;
      return h('div', { class: 'mh-answer' },
        h('dt', { text: d.groups[g.id] }),
        h('dd', {}, h('ul', { class: 'mh-plain' }, keys.map((k) => h('li', {}, `${d.short[k]}: `, answer(k))))),
        h('dd', { class: 'mh-change' }, h('button', {
          type: 'button', class: 'mh-link', onclick: () => this.change(g.id),
        }, d.change, h('span', { class: 'mh-visually-hidden', text: `: ${d.groups[g.id]}` }))));
    });
    this.summaryBox.replaceChildren(
      h('h4', { class: 'mh-subhead', text: d.answers }),
      h('dl', { class: 'mh-answer-list' }, rows),
      h('div', { class: 'mh-actions' }, h('button', { type: 'submit', class: 'mh-primary', text: d.see })));
  }

  // ---- computing -----------------------------------------------------------

  /** The engine's input from the form. Dates go as typed: the engine reads 西暦, 和暦 and
   *  full-width digits, and names the field at fault in the visitor's language. */
  gather(view) {
    const v = this.values[view];
    const input = { lang: this.shown };
    const asOf = String(v.asOf ?? '').trim() || this.getAttribute('as-of') || '';
    for (const key of KEYS[view]) {
      let value = key === 'asOf' ? asOf : v[key];
      if (view === 'documents' && key === 'numberOnFile') value = v.numberNotOnFile === true ? false : typeof v.numberNotOnFile === 'string' ? v.numberNotOnFile : true;
      if (key === 'appliedBefore2022April' && !this.askApplied) continue;
      if (value == null || value === '' || (value === false && !['registered', 'numberOnFile', 'appliedBefore2022April'].includes(key))) continue;
      if (DATE_KEYS.has(key)) value = String(value).trim();
      else if (BOOL_KEYS.has(key) && typeof value === 'string') value = value === 'true' ? true : value === 'false' ? false : value;
      input[key] = value;
    }
    if (view === 'documents' && ['none', 'returned'].includes(input.card)) {
      delete input.registered;
      delete input.registrationCancelled;
      delete input.certificate;
    }
    if (view === 'documents' && input.numberOnFile === true) delete input.numberOnFile;
    return input;
  }

  compute(focus, quiet = false) {
    const view = this.view;
    if (!quiet) this.readForm();
    const input = this.gather(view);
    const api = this.api;
    const call = { card: api.cardDates, documents: api.adviseDocuments, eligibility: api.eligibilityCertificateDates }[view];
    let result;
    try { result = call(input); } catch (e) { return this.showErrors([asError(e)]); }
    if (view === 'card') {
      const ask = result.notes.some((n) => n.code === 'ask_applied_before_2022_april');
      if (ask !== this.askApplied && !('appliedBefore2022April' in input)) {
        this.askApplied = ask;
        this.fieldBox('card', 'appliedBefore2022April').hidden = !ask;
      }
    }
    this.clearErrors();
    this.results[view] = { input, result };
    this.last = { view, input, result };
    this.render(view, result, input);
    this.writeFragment(view, input);
    this.dispatchEvent(new CustomEvent('myna-hoken-result', { bubbles: true, composed: true, detail: { view, input, result } }));
    if (focus) this.panels[view].result.querySelector('.mh-result-title').focus();
  }

  showErrors(errors) {
    const t = this.t;
    this.clearErrors();
    const items = errors.map((e) => {
      const box = e.field ? this.fieldBox(this.view, e.field === 'numberOnFile' ? 'numberNotOnFile' : e.field) : null;
      if (box) {
        if (this.view === 'documents') {
          const gi = this.applicableGroups().findIndex((g) => g.keys.includes(e.field) || (g.id === 'other' && e.field === 'numberOnFile'));
          if (gi >= 0 && this.step !== gi) { this.step = gi; this.showStep(); }
        }
        if (e.field === 'asOf') this.asOfDetails.open = true;
        const msg = box.querySelector('.mh-error');
        msg.hidden = false;
        msg.replaceChildren(h('span', { class: 'mh-visually-hidden', text: t.errorPrefix }), e.message);
        box.classList.add('mh-invalid');
        for (const input of box.querySelectorAll('input')) input.setAttribute('aria-invalid', 'true');
      }
      const target = box?.querySelector('input') ?? this.panels[this.view].form.querySelector('input, button');
      return h('li', {}, h('a', {
        href: `#${target?.id ?? ''}`, 'data-code': e.code,
        onclick: (ev) => { ev.preventDefault(); target?.focus(); },
      }, e.message));
    });
    this.panels[this.view].result.hidden = true;
    this.errorBox.replaceChildren(h('h3', { class: 'mh-error-title', text: t.errorTitle }), h('ul', { class: 'mh-error-list' }, items));
    this.errorBox.hidden = false;
    this.errorBox.focus();
  }

  clearErrors() {
    if (!this.errorBox) return;
    this.errorBox.hidden = true;
    this.errorBox.replaceChildren();
    for (const box of this.root.querySelectorAll('.mh-invalid')) {
      box.classList.remove('mh-invalid');
      box.querySelector('.mh-error').hidden = true;
      for (const input of box.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    }
  }

  // ---- the URL fragment ----------------------------------------------------

  writeFragment(view, input) {
    const params = new URLSearchParams();
    for (const key of KEYS[view]) {
      if (!(key in input) || input[key] === '') continue;
      let value = String(input[key]);
      if (DATE_KEYS.has(key)) try { value = this.api.parseDate(value); } catch { /* keep as typed */ }
      params.set(key, value);
    }
    if (this.shown === 'en') params.set('lang', 'en');
    const hash = `#${params}`;
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  }

  /** Reads answers from the fragment (`#birthday=1985-09-18&cardIssued=2020-05-20`). */
  readFragment(focus, langTried = false) {
    if (!this.root) return;
    const raw = location.hash.slice(1);
    if (!raw.includes('=')) return;
    let params;
    try { params = new URLSearchParams(raw); } catch { return; }
    const keys = [...params.keys()];
    const has = (list) => keys.some((k) => list.includes(k));
    const view = has(['issued']) ? 'eligibility'
      : has(['membership', 'card', 'registered', 'registrationCancelled', 'certificate', 'numberOnFile', 'needsHelper', 'eligibilityCertificateLost']) ? 'documents'
        : has(['birthday', 'cardIssued', 'cardExpires', 'certificateIssued']) ? 'card' : null;
    if (!view) return;
    const values = {};
    const unknown = [];
    for (const [key, value] of params) {
      const v = value.slice(0, MAX_TEXT);
      if (key === 'lang') continue;
      if (!KEYS[view].includes(key)) { unknown.push(key.slice(0, 40)); continue; }
      if (view === 'documents' && key === 'numberOnFile') values.numberNotOnFile = v === 'false' ? true : v === 'true' ? false : v;
      else if (BOOL_KEYS.has(key) && !['registered', 'appliedBefore2022April'].includes(key)) values[key] = v === 'true' ? true : v === 'false' ? false : v;
      else values[key] = v;
    }
    const lang = params.get('lang');
    if (lang && lang !== this.language && ['ja', 'en'].includes(lang)) {
      if (lang === 'en' && !API.hasLanguage('en') && !langTried) return void load(lang).then(() => this.readFragment(focus, true));
      this.setAttribute('lang', lang);
    }
    this.values[view] = values;
    if ('appliedBefore2022April' in values) this.askApplied = true;
    if (view === 'documents') { this.visited = new Set(GROUPS.map((g) => g.id)); this.step = -1; }
    this.show(view, false);
    this.fillForm(view);
    for (const el of this.root.querySelectorAll('[data-key="appliedBefore2022April"]')) el.hidden = !this.askApplied;
    this.showStep();
    this.compute(focus, true);
    if (unknown.length && this.errorBox.hidden) {
      this.showErrors([{ field: null, code: 'unknown_field', message: fill(this.t.unknownKeys, { keys: unknown.join(', ') }).join('') }]);
    }
  }

  // ---- results -------------------------------------------------------------

  /** "2024年9月18日(水) 令和6年9月18日" from the engine, as a node. */
  dateOut(iso) {
    let d;
    try { d = this.api.describeDate(iso); } catch { return h('span', { text: iso }); }
    const en = this.shown === 'en';
    return h('span', { class: 'mh-day' },
      h('time', { datetime: d.iso, class: 'mh-seireki', text: en ? `${d.weekday} ${d.english}` : `${d.seireki}(${d.weekday})` }),
      ' ', h('span', { class: 'mh-wareki', text: en ? `(${d.wareki})` : d.wareki }));
  }

  dateText(iso) {
    try {
      const d = this.api.describeDate(iso);
      return this.shown === 'en' ? `${d.weekday} ${d.english}` : `${d.seireki}(${d.weekday})`;
    } catch { return iso; }
  }

  /** "2024年6月〜7月" from the engine's "YYYY-MM" months (text only, no arithmetic). */
  months(from, to) {
    const t = this.t;
    const [y1, m1] = String(from).split('-');
    const [y2, m2] = String(to).split('-');
    const name = (m) => t.monthNames?.[Number(m) - 1] ?? String(Number(m));
    return fill(y1 === y2 ? t.monthRange : t.monthRangeYears, { y1, y2, from: name(m1), to: name(m2) }).join('');
  }

  render(view, result, input) {
    const t = this.t;
    const box = this.panels[view].result;
    const head = h('h3', { class: 'mh-result-title', id: `${this.uid}-${view}-rh`, tabindex: '-1', text: t.resultTitle[view] });
    const asOf = h('p', { class: 'mh-asof-line' }, fill(t.asOfLine, { date: this.dateOut(result.asOf) }));
    const body = view === 'card' ? this.renderCard(result, input)
      : view === 'documents' ? this.renderDocuments(result) : this.renderEligibility(result, input);
    box.replaceChildren(...[
      h('p', { class: 'mh-print-only mh-print-title', text: t.printTitle }),
      head, asOf, body,
      this.list(t.notesTitle, result.notes, (n) => h('li', { 'data-code': n.code, text: n.message }), 'mh-notes'),
      this.steps(result.steps),
      this.tools(view, result)].filter(Boolean));
    box.hidden = false;
    box.classList.toggle('mh-print-ready', view === this.view);
  }

  list(title, items, item, cls) {
    if (!items?.length) return null;
    return h('div', { class: cls }, h('h4', { class: 'mh-subhead', text: title }), h('ul', { class: 'mh-list' }, items.map(item)));
  }

  steps(steps) {
    if (!steps?.length) return null;
    const t = this.t;
    return h('details', { class: 'mh-steps mh-noprint' },
      h('summary', { text: t.stepsTitle }),
      h('ol', { class: 'mh-list' }, steps.map((s) => h('li', { 'data-rule': s.rule },
        h('span', { text: s.text }), ' ',
        h('span', { class: 'mh-source' }, fill(t.source, { rule: s.rule, source: s.source }))))));
  }

  tools(view, result) {
    const t = this.t;
    const buttons = [h('button', { type: 'button', class: 'mh-secondary', text: t.print, onclick: () => window.print() })];
    if (view === 'card') {
      buttons.unshift(h('button', { type: 'button', class: 'mh-secondary', text: t.icsButton, onclick: () => this.downloadIcs(result) }));
      buttons.push(h('button', { type: 'button', class: 'mh-secondary', text: t.toDocuments, onclick: () => this.toDocuments(result) }));
    }
    return h('div', { class: 'mh-actions mh-tools mh-noprint' }, buttons);
  }

  renderCard(r, input) {
    const t = this.t;
    const c = t.card;
    const cert = r.certificate;
    const status = cert.status;
    const live = h('div', { class: 'mh-live', 'aria-live': 'polite' },
      h('p', { class: `mh-status mh-status-${status}`, 'data-status': status },
        c.headline, ' ', h('strong', { text: c.status[status] ?? status }), this.daysLeft(r.insurance.daysLeft)),
      h('p', { class: 'mh-next' }, h('span', { class: 'mh-next-label', text: c.nextTitle }), ' ', this.nextAction(r, input)));
    // The timeline: issued → renewal opens → expiry → grace ends, with "today" placed by the engine's status.
    const issued = input.certificateIssued ?? input.cardIssued;
    const events = [
      issued ? ['issued', issued] : null,
      ['renewal', cert.renewalFrom],
      ['expiry', cert.expires],
      r.insurance.graceUntil ? ['grace', r.insurance.graceUntil] : ['nograce', null],
    ].filter(Boolean);
    const todayAfter = { valid: 'issued', renewable: 'renewal', grace: 'expiry', expired: r.insurance.graceUntil ? 'grace' : 'expiry' }[status];
    const items = [];
    const todayLabel = input.asOf ? c.events.asOf : c.events.today;
    if (status === 'valid' && !issued) items.push(this.todayItem(r.asOf, todayLabel));
    for (const [kind, date] of events) {
      items.push(h('li', { class: `mh-event mh-event-${kind}`, 'data-event': kind },
        h('span', { class: 'mh-event-label', text: c.events[kind] }), ' ', date ? this.dateOut(date) : h('span', { text: c.noGrace })));
      if (kind === todayAfter) items.push(this.todayItem(r.asOf, todayLabel));
    }
    const row = (label, value, name) => h('tr', {}, h('th', { scope: 'row', text: label }), h('td', { 'data-field': name }, value));
    const table = (caption, rows) => h('table', { class: 'mh-table' }, h('caption', { text: caption }), h('tbody', {}, rows));
    return h('div', { class: 'mh-card-result' },
      live,
      h('h4', { class: 'mh-subhead', text: c.timelineTitle }),
      h('ol', { class: 'mh-timeline' }, items),
      table(c.certificateTitle, [
        row(c.expires, [this.dateOut(cert.expires), cert.cappedByCard ? h('span', { class: 'mh-flag', text: c.capped }) : null], 'certificate.expires'),
        row(c.renewalFrom, this.dateOut(cert.renewalFrom), 'certificate.renewalFrom'),
        row(c.notice, this.months(cert.noticeFrom, cert.noticeTo), 'certificate.notice'),
        row(c.statusLabel, c.certificateStatus[status] ?? status, 'certificate.status')]),
      table(c.cardTitle, [
        row(c.expires, this.dateOut(r.card.expires), 'card.expires'),
        row(c.renewalFrom, this.dateOut(r.card.renewalFrom), 'card.renewalFrom'),
        row(c.notice, this.months(r.card.noticeFrom, r.card.noticeTo), 'card.notice'),
        row(c.statusLabel, c.cardStatus[r.card.status] ?? r.card.status, 'card.status')]),
      table(c.insuranceTitle, [
        row(c.usableUntil, this.dateOut(r.insurance.usableUntil), 'insurance.usableUntil'),
        row(c.graceUntil, r.insurance.graceUntil ? this.dateOut(r.insurance.graceUntil) : c.noGrace, 'insurance.graceUntil')]));
  }

  /** "(あと 252 日)" from the engine's count; nothing when it is unknown. */
  daysLeft(days) {
    if (typeof days !== 'number') return null;
    const c = this.t.card;
    const text = days >= 0 ? fill(c.daysLeft, { n: String(days) }) : fill(c.daysPast, { n: String(-days) });
    return h('span', { class: 'mh-days', 'data-days-left': String(days) }, ' ', ...text);
  }

  todayItem(asOf, label) {
    return h('li', { class: 'mh-event mh-event-today', 'data-event': 'today', 'aria-current': 'date' },
      h('span', { class: 'mh-event-label', text: label }), ' ', this.dateOut(asOf));
  }

  /** The one thing to do next, chosen by the engine's statuses. */
  nextAction(r, input) {
    const n = this.t.card.next;
    const slots = {
      from: this.dateText(r.certificate.renewalFrom), expires: this.dateText(r.certificate.expires),
      grace: r.insurance.graceUntil ? this.dateText(r.insurance.graceUntil) : '',
      cardFrom: this.dateText(r.card.renewalFrom), cardExpires: this.dateText(r.card.expires),
    };
    let key;
    if (r.card.status === 'expired') key = 'cardExpired';
    else if (r.certificate.status === 'unknown') key = 'unknown';
    else if (r.card.status === 'renewable' && r.certificate.cappedByCard) key = 'cardRenewable';
    else key = { valid: 'valid', renewable: 'renewable', grace: 'grace', expired: input.smartphone ? 'expiredPhone' : 'expired' }[r.certificate.status] ?? 'unknown';
    return fill(n[key], slots).join('');
  }

  renderDocuments(r) {
    const t = this.t;
    const d = t.documents;
    const e = r.eligibilityCertificate;
    const item = (code) => h('li', { 'data-item': code, text: d.items[code] ?? code });
    return h('div', { class: 'mh-documents-result' },
      h('div', { class: 'mh-live', 'aria-live': 'polite' },
        h('h4', { class: 'mh-subhead', text: d.bringTitle }),
        h('ul', { class: 'mh-list mh-bring' }, r.bring.map(item))),
      h('h4', { class: 'mh-subhead', text: d.ifReaderFailsTitle }),
      r.ifReaderFails.length
        ? h('div', {}, h('p', { text: d.ifReaderFailsIntro }), h('ul', { class: 'mh-list mh-if-fails' }, r.ifReaderFails.map(item)))
        : h('p', { class: 'mh-if-fails', text: d.ifReaderFailsNone }),
      h('h4', { class: 'mh-subhead', text: d.certificateTitle }),
      h('p', { class: 'mh-issue', 'data-issue': e.issue, text: d.issue[e.issue] ?? e.issue }),
      e.reasons.length ? h('ul', { class: 'mh-list mh-reasons' }, e.reasons.map((code) => h('li', { 'data-reason': code, text: d.reasons[code] ?? code }))) : null,
      e.delivery ? h('p', { class: 'mh-delivery', 'data-delivery': e.delivery, text: d.delivery[e.delivery] ?? e.delivery }) : null,
      this.list(d.actionsTitle, r.actions, (a) => h('li', { 'data-action': a.code }, this.withPhone(a.text)), 'mh-actions-list'));
  }

  /** Makes the phone numbers in a text callable (tel: links), still without HTML strings. */
  withPhone(text) {
    return String(text).split(/(0120-\d{2,3}-\d{3,4})/).map((part, i) =>
      (i % 2 ? h('a', { href: `tel:${part.replaceAll('-', '')}`, class: 'mh-tel', text: part }) : part));
  }

  renderEligibility(r, input) {
    const e = this.t.eligibility;
    const ret = r.return ?? {};
    const duties = [
      ret.ifLeavingBeforeExpiry ? e.returnLeaving[ret.to] ?? e.returnLeaving.unknown : null,
      ret.afterExpiry === false ? e.returnAfterExpiry : null,
      ret.renewedAutomatically && !r.notes?.some((n) => n.code === 'renewed_automatically') ? e.renewedAutomatically : null,
    ].filter(Boolean);
    return h('div', { class: 'mh-eligibility-result' },
      h('div', { class: 'mh-live', 'aria-live': 'polite' },
        h('p', { class: `mh-status mh-status-${r.status}`, 'data-status': r.status }, e.headline, ' ',
          h('strong', {}, this.dateOut(r.expires)), ' ', h('span', { text: `(${e.status[r.status] ?? r.status})` }))),
      h('table', { class: 'mh-table' }, h('caption', { text: e.tableTitle }), h('tbody', {},
        h('tr', {}, h('th', { scope: 'row', text: e.issued }), h('td', { 'data-field': 'issued' }, this.dateOut(r.issued ?? this.api.parseDate(input.issued)))),
        h('tr', {}, h('th', { scope: 'row', text: e.expires }), h('td', { 'data-field': 'expires' }, this.dateOut(r.expires))))),
      duties.length ? h('div', { class: 'mh-return', 'data-to': ret.to },
        h('h4', { class: 'mh-subhead', text: e.returnTitle }), h('ul', { class: 'mh-list' }, duties.map((d) => h('li', { text: d })))) : null);
  }

  /** Carries the certificate's status into the advisor. */
  toDocuments(r) {
    const status = { valid: 'valid', renewable: 'valid', grace: 'grace', expired: 'expired' }[r.certificate.status];
    this.show('documents', false);
    const v = this.values.documents;
    if (status) v.certificate = status;
    v.smartphone = !!this.values.card.smartphone;
    if (!v.card) v.card = 'have';
    this.fillForm('documents');
    this.step = 0;
    this.visited.clear();
    this.showStep();
    this.panels.documents.panel.querySelector('.mh-panel-title').focus();
  }

  // ---- calendar file -------------------------------------------------------

  /** An .ics file (all-day events, DURATION:P1D so no date arithmetic here). */
  downloadIcs(r) {
    const t = this.t.ics;
    const events = [
      ['certificate-renewal', r.certificate.renewalFrom, t.certificateRenewal],
      ['certificate-expiry', r.certificate.expires, t.certificateExpiry],
      r.insurance.graceUntil ? ['grace-end', r.insurance.graceUntil, t.graceEnd] : null,
      r.card.expires !== r.certificate.expires ? ['card-renewal', r.card.renewalFrom, t.cardRenewal] : null,
      r.card.expires !== r.certificate.expires ? ['card-expiry', r.card.expires, t.cardExpiry] : null,
    ].filter(Boolean);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//myna-hoken//widget//JA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
    for (const [id, date, summary] of events) {
      const day = date.replaceAll('-', '');
      lines.push('BEGIN:VEVENT', `UID:${id}-${day}@myna-hoken`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${day}`,
        'DURATION:P1D', `SUMMARY:${icsText(summary)}`, `DESCRIPTION:${icsText(t.description)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
    }
    lines.push('END:VCALENDAR');
    const blob = new Blob([lines.map(fold).join('\r\n') + '\r\n'], { type: 'text/calendar;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: 'myna-hoken.ics', hidden: true });
    this.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

const icsText = (s) => String(s).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** Folds an iCalendar line at 75 octets (RFC 5545 3.1), never inside a character. */
function fold(line) {
  const enc = new TextEncoder();
  const out = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) { out.push(cur); cur = ''; size = 0; }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** The rules in short and the society's contact points, for when WebAssembly cannot run. */
export function fallbackSummary(t) {
  const f = t.fallback;
  return h('div', { class: 'mh-fallback' },
    h('h2', { class: 'mh-title', text: f.title }),
    h('ul', { class: 'mh-list' }, f.rules.map((r) => h('li', { text: r }))),
    h('h3', { class: 'mh-subhead', text: f.contactTitle }),
    h('ul', { class: 'mh-list' }, f.contacts.map((c) => h('li', {}, ...c.split(/(0120-95-0178)/).map((p, i) =>
      (i % 2 ? h('a', { href: 'tel:0120950178', class: 'mh-tel', text: p }) : p))))));
}

if (!customElements.get('myna-hoken')) customElements.define('myna-hoken', MynaHoken);
