// <myna-hoken>: マイナ保険証・資格確認書の有効期限と持ち物を答える custom element.
import { h } from './dom.js';
import { API, language, shown, start } from './engine.js';
import { CARD_SOURCES, buildForm, readForm, showQuestions } from './forms.js';
import { markInvalid } from './fields.js';
import { renderResult } from './results.js';
import { FUNCTIONS, VIEWS, readFragment, writeFragment } from './state.js';
import { KIT } from './kit.js';

let counter = 0;

/**
 * The calculator. It renders into an open shadow root with its own stylesheet;
 * until the engine runs, its light-DOM children (the static fallback) show.
 * (tests/tools/manifest.mjs writes custom-elements.json from this comment and
 * checks it against the element, its CSS and the README.)
 *
 * @attr {'ja' | 'en' | 'ja-easy'} lang - the language: `ja` (default), `en` or `ja-easy` (やさしい日本語)
 * @attr {string} as-of - a "what if" day (any form parseDate reads); default today in Japan
 * @attr {View} view - the answer shown first: `card`, `documents` or `eligibility`
 * @attr {string} profile - the URL of the insurer's profile (JSON); default the API module's (profiles/kddi.json)
 * @prop {Profile | null} profile - the insurer's profile as an object (set it instead of the attribute)
 * @prop {MynaHokenResult | null} result - (read-only) the last answer shown: `{ view, input, result }`
 * @event {CustomEvent<MynaHokenResult>} myna-hoken-result - on every answer; bubbles and crosses the shadow root; `detail` is `{ view, input, result }`
 * @slot - the fallback shown until the engine runs (and if it cannot)
 * @csspart root - the widget's box
 * @csspart tabs - the three answers' tabs
 * @csspart tab - one of the tabs
 * @csspart form - a form
 * @csspart field - one question
 * @csspart input - a text box
 * @csspart button - the main button
 * @csspart result - an answer
 * @csspart headline - an answer's first sentence
 * @csspart next - the thing to do next
 * @csspart error-summary - the list of problems
 * @cssproperty --myna-hoken-accent - the accent colour (buttons, links) | #0a4fa8
 * @cssproperty --myna-hoken-font - the font family | the page's
 * @cssproperty --myna-hoken-radius - the corners' radius | 6px
 * @cssproperty --myna-hoken-space - the base spacing | 16px
 */
export class MynaHoken extends HTMLElement {
  static observedAttributes = ['lang', 'as-of', 'view', 'profile'];

  /** The stylesheet beside the bundle, set by myna-hoken.js. */
  static stylesheet = null;

  /** The picture of the card's face, set by myna-hoken.js. */
  static cardFace = null;

  constructor() {
    super();
    this.uid = `mh${++counter}`;
    this.view = 'card';
    this.values = { card: {}, documents: {}, eligibility: {} };
    this.results = {};
    this.editing = { card: true, documents: true, eligibility: true };
    this.built = {};
    this.onHash = () => this.readLink(true);
  }

  /** The last answer shown: `{ view, input, result }`, or null. */
  get result() { return this.last ?? null; }

  /** The insurer's profile the widget answers for (its own, or the API module's). */
  get profile() { return this.own ?? (this.root ? API.profile() : null); }

  set profile(p) {
    this.pending = Promise.resolve(p);
    if (this.root) this.useProfile();
  }

  /** The profile asked for (attribute or property), fetched: null for the API module's. */
  loadProfile() {
    if (this.pending) return this.pending;
    const url = this.getAttribute('profile');
    if (!url) return Promise.resolve(null);
    return fetch(new URL(url, document.baseURI)).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json();
    });
  }

  /** Takes the profile asked for, once the engine runs; a profile it cannot read stops the widget. */
  useProfile() {
    return this.loadProfile().then((p) => {
      this.pending = null;
      if (p == null) return;
      const problems = API.profileProblems(p);
      if (problems.length) {
        const e = new Error(problems.map((x) => x.message).join('\n'));
        e.problems = problems;
        throw e;
      }
      this.own = p;
      if (this.root) { this.results = {}; this.rebuild(); }
    }).catch((e) => this.fail(e, true));
  }

  /** The language asked for (attribute, or the nearest `lang` around). */
  get language() {
    const own = (this.getAttribute('lang') ?? this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? 'ja').toLowerCase();
    return API.languageFor(own);
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const link = h('link', { rel: 'stylesheet', href: MynaHoken.stylesheet });
    const styled = new Promise((ok) => { link.onload = ok; link.onerror = ok; });
    this.slotEl = h('slot');
    root.replaceChildren(link, this.slotEl);
    window.addEventListener('hashchange', this.onHash);
    const v = this.getAttribute('view');
    if (VIEWS.includes(v)) this.view = v;
    Promise.all([start(), styled])
      .then(() => this.useProfile())
      .then(() => language(this.language))
      // Tasks of their own (total blocking time): the engine's start and the
      // profile are one, the link's answer made once to compile the engine's
      // code another (warm), building the widget a third.
      .then(() => new Promise((ok) => { setTimeout(ok, 0); }))
      .then(() => this.warm())
      .then(() => new Promise((ok) => { setTimeout(ok, 0); }))
      .then(() => { if (this.dataset.state !== 'fallback') this.ready(); })
      // Building the widget too: a fault there (the engine stopped by a trap)
      // leaves the fallback, not half a widget.
      .catch((e) => this.fail(e));
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    this.started = false;
  }

  attributeChangedCallback(name, old, now) {
    if (!this.root || old === now || this.quiet) return;
    if (name === 'profile') { this.pending = null; this.useProfile(); } else if (name === 'view' && VIEWS.includes(now)) this.show(now, false);
    else if (name === 'lang') language(this.language).then(() => this.rebuild());
    else if (name === 'as-of' && this.results[this.view]) this.compute(this.view, false);
  }

  /**
   * V8 compiles the engine's functions at their first call, so a link's
   * first answer costs far more than the next one. It is made once here, in
   * a task before the one that builds the widget, and thrown away: the
   * widget's own call (with its language and everything it adds to the
   * input) then takes a tenth of a millisecond. Blocking time until a link's
   * answer is laid out, 4x CPU, medians of 7 (tests/bench/browser.mjs):
   * 99 / 98 → 40 / 65 ms in two rounds.
   */
  warm() {
    if (this.dataset.state === 'fallback') return;
    const link = readFragment(location.hash, API.inputSchema());
    if (!link?.view || link.household) return;
    try { API[FUNCTIONS[link.view]](link.values); } catch { /* the widget's own call shows why */ }
  }

  ready() {
    // The profile is the widget's, not a question.
    const schema = API.inputSchema();
    for (const f of Object.keys(schema)) schema[f] = schema[f].filter((x) => x.type !== 'profile');
    this.schema = schema;
    this.eras = API.eras();
    this.slotEl.remove();
    // A link's view is the one shown, and its answer the first thing built
    // there: no form is built for it only to be replaced.
    const link = readFragment(location.hash, this.schema);
    if (link?.view) this.view = link.view;
    this.rebuild(link?.view);
    // Ready once the link's answer is laid out, in the link's language when
    // that had to be fetched first: after readLink's scroll check, which waits
    // for the frame so as not to force a layout inside this task.
    Promise.resolve(this.readLink(false)).then(() => requestAnimationFrame(() => {
      if (this.dataset.state !== 'fallback') this.dataset.state = 'ready';
    }));
  }

  /**
   * WebAssembly cannot run, or the insurer's profile cannot be read: the
   * fallback stays, with a line that says why (answers for another insurer
   * would be wrong, so none are given).
   */
  fail(error, profile = false) {
    if (this.dataset.state === 'fallback') return;
    const w = API.words('ja', null).ui;
    const bare = !this.querySelector(':scope > :not(script)');
    this.root?.remove();
    this.root = null;
    if (!this.slotEl.isConnected) this.shadowRoot.append(this.slotEl);
    // A fault inside the engine (a trap: the API module has stopped it) is not
    // the browser's doing: it says to load the page again.
    const text = error?.code === 'engine_stopped' ? error.message : profile ? (bare ? w.profileFailBare : w.profileFail) : (bare ? w.failBare : w.fail);
    this.shadowRoot.prepend(h('p', { class: 'mh-fail', role: 'status', text }));
    this.dataset.state = 'fallback';
    console.warn(error?.code === 'engine_stopped' ? 'myna-hoken: the engine stopped at a fault:' : profile ? 'myna-hoken: the insurer profile cannot be used:' : 'myna-hoken: the engine could not start:', error);
  }

  // ---- words ---------------------------------------------------------------

  /** The language shown (the one asked for, once its words are here). */
  get lang() { return shown(this.language); }

  get words() { return API.words(this.lang, this.own ?? undefined); }

  /** The element's own words (the catalog's `ui`). */
  get w() { return this.words.ui; }

  /** The API with this widget's language. */
  get api() {
    const lang = this.lang;
    return {
      parseDate: (t) => API.parseDate(t, lang),
      formatWareki: (d) => API.formatWareki(d, lang),
      describeDate: (d) => API.describeDate(d, lang),
    };
  }

  fill(template, values) { return API.fill(template, values, this.words, true); }

  /** "2024年9月18日(水) 令和6年9月18日", as a node. */
  dateNode(iso) {
    let d;
    try { d = this.api.describeDate(iso); } catch { return h('span', { text: iso }); }
    const f = this.words.format;
    return h('span', { class: 'mh-day' },
      h('time', { datetime: d.iso, class: 'mh-seireki', text: this.fill(f.dateShown, d) }), ' ',
      h('span', { class: 'mh-wareki', text: this.fill(f.dateShownOther, d) }));
  }

  dateText(iso) {
    try { return this.fill(this.words.format.dateShown, this.api.describeDate(iso)); } catch { return iso; }
  }

  /** "2024年6月〜7月" from the engine's "YYYY-MM" months. */
  months(from, to) {
    return `${API.formatMonth(from, this.words)}${this.w.rangeSeparator}${API.formatMonth(to, this.words)}`;
  }

  /** Whether an input key is a date in the engine's schema. */
  isDate(key) {
    return Object.values(this.schema).some((fields) => fields.some((f) => f.key === key && f.type === 'date'));
  }

  /** An answer as words: a date, はい/いいえ/わからない, or a choice's name (a membership as the insurer names it). */
  valueText(key, value) {
    const w = this.w;
    if (value === true) return w.yes;
    if (value === false) return w.no;
    if (value === 'unknown' && !w.choices[key]) return w.unknown;
    const own = key === 'membership' ? this.profileText(this.profile?.memberships?.[value]?.label) : null;
    if (own) return own;
    if (key === 'reason') return this.words.values.reasons?.[value] ?? String(value);
    if (this.isDate(key)) {
      try { return this.dateText(this.api.parseDate(String(value))); } catch { return String(value); }
    }
    return w.choices[key]?.[value] ?? this.words.values[key]?.[value] ?? String(value);
  }

  /** A text of the insurer's profile in the language shown. */
  profileText(text) { return API.profileText(text, this.lang); }

  /** A value of the answer as the API words it (reasons numbered as the insurer numbers them). */
  valueWords(name, value) { return API.valueWords(name, value, this.words); }

  /** An answer as shown under あなたの答え: dates with 和暦 and weekday, else words. */
  valueNode(key, value) {
    if (this.isDate(key)) {
      try { return this.dateNode(this.api.parseDate(String(value))); } catch { /* as typed */ }
    }
    return this.valueText(key, value);
  }

  /** A hint that may hold "{cardFace}": the drawing's link. */
  hintNode(text) { return h('span', { text }); }

  rulesAsOf() { return this.fill(this.w.rulesAsOf, { date: this.dateText(API.rulesChecked()) }); }

  announce(text) {
    if (!this.live) return;
    this.live.textContent = '';
    setTimeout(() => { this.live.textContent = text; }, 50);
  }

  /** Where the card's dates are: a drawing (no words in it) and its legend. */
  cardFace() {
    const w = this.w.cardFace;
    return h('details', { class: 'mh-card-face' },
      h('summary', { text: w.summary }),
      h('img', { src: MynaHoken.cardFace, alt: w.alt, width: 320, height: 202, loading: 'lazy' }),
      h('ol', { class: 'mh-face-legend' }, w.legend.map((t) => h('li', { text: t }))));
  }

  // ---- building --------------------------------------------------------------

  /** Builds the whole widget in the language shown, keeping the visitor's answers. */
  rebuild(skip = null) {
    const onMenu = this.shadowRoot.activeElement?.closest('.mh-lang');
    const hadErrors = this.errorBox && !this.errorBox.hidden;
    if (this.root) this.keepForms();
    const w = this.w;
    this.forms = {};
    this.panels = {};
    this.live = h('p', { class: 'mh-visually-hidden', 'aria-live': 'polite' });
    this.errorBox = h('div', { class: 'mh-error-summary', role: 'alert', tabindex: '-1', part: 'error-summary', hidden: true });
    const tabs = h('div', { class: 'mh-tabs', role: 'tablist', 'aria-label': w.viewsLabel, part: 'tabs',
      onkeydown: (e) => this.tabKey(e) },
    VIEWS.map((v) => h('button', {
      type: 'button', role: 'tab', class: 'mh-tab', part: 'tab', 'data-view': v, id: `${this.uid}-tab-${v}`,
      'aria-selected': String(v === this.view), 'aria-controls': `${this.uid}-${v}`, tabindex: v === this.view ? '0' : '-1',
      onclick: () => this.show(v, true),
    }, w.views[v])));
    const langs = h('label', { class: 'mh-lang' }, h('span', { class: 'mh-lang-label', text: w.languageLabel }),
      h('select', { class: 'mh-select', onchange: (e) => this.setAttribute('lang', e.target.value) },
        Object.entries(API.LANGUAGES).map(([code, name]) => h('option', { value: code, lang: API.languageTag(code), text: name, selected: code === this.lang }))));
    const root = h('div', { class: 'mh-root', part: 'root', lang: API.languageTag(this.lang), 'data-view': this.view },
      h('div', { class: 'mh-top' }, h('h2', { class: 'mh-title', text: w.title }), langs),
      tabs, this.errorBox,
      VIEWS.map((v) => {
        this.panels[v] = h('div', { class: 'mh-panel', role: 'tabpanel', id: `${this.uid}-${v}`, 'aria-labelledby': `${this.uid}-tab-${v}`, hidden: v !== this.view, 'data-view': v });
        return this.panels[v];
      }),
      this.live);
    this.root?.remove();
    this.root = root;
    this.shadowRoot.append(root);
    // The language shown, on the host (for the page's own styles and for tests).
    this.dataset.lang = this.lang;
    // Only the view shown is built now; the others when first opened (build).
    this.built = {};
    if (this.view !== skip) this.build(this.view);
    // Problems on screen are found again, in the new language.
    if (hadErrors && !this.forms[this.view]?.pages) this.submit(this.view);
    if (onMenu) langs.querySelector('select').focus();
  }

  /**
   * Builds a view's panel: its answer if it has one (asked again, so that its
   * words are in the language shown), else its form.
   */
  build(view) {
    if (view === 'card' && this.family) this.family.render();
    else if (this.results[view] && !this.editing[view]) {
      this.values[view] = { ...this.results[view].input };
      this.compute(view, false, null, true);
    } else this.renderPanel(view);
  }

  /** Keeps what the visitor typed before the forms are rebuilt. */
  keepForms() {
    for (const v of VIEWS) if (this.forms[v] && this.editing[v]) this.values[v] = { ...this.values[v], ...readForm(this.forms[v]), ...this.asOfValue(v) };
  }

  asOfValue(view) {
    const v = this.forms[view]?.asOfInput?.value.trim();
    return v ? { asOf: v } : {};
  }

  /** A panel: the form while answering, or the answer (with the answers given, each changeable). */
  renderPanel(view) {
    this.built[view] = true;
    const panel = this.panels[view];
    const w = this.w;
    const done = this.results[view];
    const head = h('h3', { class: 'mh-panel-title', id: `${this.uid}-${view}-h`, tabindex: '-1', text: w.views[view] });
    if (done && !this.editing[view]) {
      // The answer's own title says what it is: the view's name (the tab's) is not repeated above it.
      panel.replaceChildren(renderResult(this, view, done.result, done.input));
      return;
    }
    const form = buildForm(this, view, this.values[view], {
      onSubmit: () => this.submit(view),
      onBack: () => this.page(view, -1),
      onChange: () => this.refreshQuestions(view),
    });
    form.counter = (n, total) => this.fill(w.pageOf, { n, total });
    this.forms[view] = form;
    const asOf = h('details', { class: 'mh-asof', open: Boolean(this.values[view].asOf) },
      h('summary', { text: w.asOfSummary }),
      h('div', { class: 'mh-field mh-date', 'data-key': 'asOf' },
        h('label', { class: 'mh-label', for: `${this.uid}-${view}-asOf`, text: w.fields.asOf.label }),
        h('p', { class: 'mh-hint', id: `${this.uid}-${view}-asOf-hint`, text: w.fields.asOf.hint }),
        h('p', { class: 'mh-error', id: `${this.uid}-${view}-asOf-error`, hidden: true }),
        (form.asOfInput = h('input', { id: `${this.uid}-${view}-asOf`, class: 'mh-input', type: 'text', maxlength: 64,
          value: this.values[view].asOf ?? '', 'aria-describedby': `${this.uid}-${view}-asOf-hint ${this.uid}-${view}-asOf-error` }))));
    form.asOf = asOf;
    panel.replaceChildren(head, h('p', { class: 'mh-intro', text: w.intro[view] }), form.node, asOf);
    this.refreshQuestions(view);
  }

  /** Shows the questions the engine says apply to the answers so far. */
  refreshQuestions(view) {
    const form = this.forms[view];
    // The fallback took the form away (a field losing the focus as it goes
    // still says it changed): nothing to ask the engine.
    if (!form || this.dataset.state === 'fallback') return;
    const values = { ...this.values[view], ...readForm(form) };
    if (form.source) for (const k of CARD_SOURCES) if (k !== form.source.get() && !this.values[view][k]) delete values[k];
    const keys = API.questions(FUNCTIONS[view], this.withProfile(values)).map((q) => q.key);
    showQuestions(form, keys, values);
    form.submit.textContent = form.pages && !form.last ? this.w.next : this.w.submit;
  }

  // ---- navigating ------------------------------------------------------------

  show(view, focus, build = true) {
    if (build && !this.built[view]) this.build(view);
    this.view = view;
    this.root.dataset.view = view;
    for (const b of this.root.querySelectorAll('.mh-tab')) {
      const on = b.dataset.view === view;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    for (const v of VIEWS) this.panels[v].hidden = v !== view;
    this.clearErrors();
    this.dataset.view = view;
    if (view === 'card' && this.family) this.family.link();
    else if (this.results[view] && !this.editing[view]) writeFragment(this.results[view].input, this.lang);
    if (focus) this.root.querySelector(`#${this.uid}-tab-${view}`).focus();
  }

  /** Arrow keys move between the tabs (one Tab stop for the three). */
  tabKey(e) {
    const i = VIEWS.indexOf(this.view);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: VIEWS.length - 1 }[e.key];
    if (to == null) return;
    e.preventDefault();
    this.show(VIEWS[(to + VIEWS.length) % VIEWS.length], true);
  }

  /** 変更: back to the form, on that question. */
  change(view, key) {
    this.editing[view] = true;
    this.renderPanel(view);
    const form = this.forms[view];
    if (form.source && CARD_SOURCES.includes(key)) { form.source.set(key); this.refreshQuestions(view); }
    if (form.pages) {
      const at = form.pages.findIndex((p) => p.querySelector(`[data-key="${key}"]`));
      if (at >= 0) { form.page = at; this.refreshQuestions(view); }
    }
    if (key === 'asOf') form.asOf.open = true;
    const target = key === 'asOf' ? form.asOfInput : form.fields[key]?.field.focusable;
    target?.focus();
  }

  /** The advisor's 戻る / 次へ. */
  page(view, step) {
    const form = this.forms[view];
    const at = form.live.indexOf(form.page);
    form.page = form.live[Math.max(0, Math.min(form.live.length - 1, at + step))];
    this.clearErrors();
    this.refreshQuestions(view);
    form.pages[form.page].querySelector('input, select, button')?.focus();
  }

  submit(view) {
    const form = this.forms[view];
    if (form.pages && !form.last) {
      const missing = this.missing(view, form.pages[form.page]);
      if (missing.length) return this.showErrors(view, this.withTyped(view, form.pages[form.page], missing));
      this.clearErrors();
      return this.page(view, 1);
    }
    // Every required question left empty, at once (the engine would stop at the first).
    const missing = this.missing(view, form.node);
    if (missing.length) return this.showErrors(view, this.withTyped(view, form.node, missing));
    this.values[view] = { ...readForm(form), ...this.asOfValue(view) };
    this.compute(view, true);
  }

  /**
   * Required questions shown in `within` (a page, or the whole form) and left
   * unanswered; the engine says which are required. A date is asked to be
   * typed, a choice to be chosen, each naming its own question.
   */
  missing(view, within) {
    const form = this.forms[view];
    const values = readForm(form);
    return API.questions(FUNCTIONS[view], this.withProfile(values))
      .filter((q) => q.required && !(q.key in values) && form.fields[q.key]
        && !form.fields[q.key].field.box.hidden && within.querySelector(`[data-key="${q.key}"]`))
      .map((q) => {
        const label = this.w.fields[q.key].label;
        const typed = form.fields[q.key].spec.type === 'date';
        // The engine's own wording where it has one (the printed expiry of a 資格確認書).
        const template = this.words.errors[q.missing ? `missing_field.${q.missing}` : 'missing_field'];
        return { field: q.key, code: 'missing_field', message: typed ? this.fill(template, { field: label }) : this.fill(this.w.choose, { field: label }) };
      });
  }

  /**
   * The questions left empty and, in the same round, what the engine says of
   * what is typed (a day that does not exist): the engine stops at its first
   * problem, so its objection to a field shown in `within` joins the list, in
   * the order of the form, rather than waiting for the next 調べる.
   */
  withTyped(view, within, missing) {
    try {
      API[FUNCTIONS[view]](this.input(view, { ...readForm(this.forms[view]), ...this.asOfValue(view) }));
    } catch (e) {
      if (e.code !== 'missing_field' && e.field && within.querySelector(`[data-key="${e.field}"]`) && !missing.some((m) => m.field === e.field)) {
        const keys = [...within.querySelectorAll('[data-key]')].map((n) => n.dataset.key);
        return [...missing, e].sort((x, y) => keys.indexOf(x.field) - keys.indexOf(y.field));
      }
    }
    return missing;
  }

  /** A field the visitor has just put right: its message and its line in the summary go. */
  fixed(view, key) {
    const f = this.forms[view]?.fields[key]?.field ?? (key === 'asOf' ? { box: this.forms[view]?.asOf.querySelector('.mh-field') } : null);
    if (!f?.box?.classList.contains('mh-invalid')) return;
    f.box.classList.remove('mh-invalid');
    f.box.querySelector('.mh-error').hidden = true;
    for (const input of f.box.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    this.errorBox.querySelector(`li[data-field="${key}"]`)?.remove();
    if (!this.errorBox.querySelector('li')) this.clearErrors();
  }

  /** An answer to a question the result asks; answers again. */
  answer(view, key, value) {
    const values = { ...this.results[view].input };
    delete values.lang;
    if (value === undefined) delete values[key]; else values[key] = value;
    this.values[view] = values;
    this.compute(view, false, `${this.uid}-${view}-ask-${key}`);
  }

  /** Carries the certificate's status into the advisor. */
  toDocuments(r) {
    const v = this.values.documents;
    v.certificate = r.certificate.status;
    if (this.values.card.smartphone) v.smartphone = true;
    v.card ??= 'have';
    this.editing.documents = true;
    this.renderPanel('documents');
    this.show('documents', false);
    this.panels.documents.querySelector('.mh-panel-title').focus();
  }

  /**
   * 家族の一覧 (family.js, loaded when first asked for): a household's link,
   * or the person answered and the next. The Japanese words bundled with the
   * API lack the family view's, so the whole Japanese catalog comes too, in
   * every language (another language is loaded whole, and the view stays
   * open when the visitor switches to Japanese).
   */
  openFamily(hash = null) {
    Promise.all([import('./family.js'), API.loadLanguage('ja')])
      .then(([m]) => (hash ? m.open(this, hash, KIT) : m.start(this, KIT)),
      () => (hash ? this.renderPanel('card') : this.announce(this.w.family.failed)));
  }

  /** カレンダーに登録する: its code (ics.js) and its words come only when asked for (most visitors never do). */
  async ics(result, button) {
    let ics;
    try {
      [ics] = await Promise.all([import('./ics.js'), API.loadLanguage(this.lang)]);
    } catch {
      // Seen under the button (and read out: role status), not only announced.
      const tools = button.closest('.mh-tools');
      if (!tools.querySelector('.mh-ics-failed')) button.after(h('p', { class: 'mh-notice mh-ics-failed', role: 'status', text: this.w.ics.failed }));
      return;
    }
    ics.offer(this, result, button, h);
  }

  // ---- computing -------------------------------------------------------------

  /**
   * The engine's profile is the widget's own, if it has one: handed to the
   * engine once (and again only if another widget on the page took another),
   * not with every answer and question.
   */
  withProfile(values) {
    if (this.own) API.useProfile(this.own).catch(() => {});
    return values;
  }

  /** The engine's input: the answers given, the as-of day, the language (and the profile). */
  input(view, values = this.values[view]) {
    const input = { ...values, lang: this.lang };
    const asOf = String(input.asOf ?? '').trim() || this.getAttribute('as-of') || '';
    if (asOf) input.asOf = asOf; else delete input.asOf;
    return this.withProfile(input);
  }

  compute(view, focus, focusId, quiet = false) {
    const input = this.input(view);
    let result;
    try {
      result = FUNCTIONS[view] && API[FUNCTIONS[view]](input);
    } catch (e) {
      // The engine has stopped (a trap): nothing more to ask it on this page.
      if (e.code === 'engine_stopped') return this.fail(e);
      this.editing[view] = true;
      if (!this.forms[view] || !this.forms[view].node.isConnected) this.renderPanel(view);
      return this.showErrors(view, [{ field: e.field ?? null, code: e.code ?? 'internal', message: String(e.message) }]);
    }
    this.clearErrors();
    // The answers as the engine read them: dates in ISO form (for the link too).
    const shownInput = { ...input };
    delete shownInput.lang;
    delete shownInput.profile;
    const dates = new Set(this.schema[FUNCTIONS[view]].filter((f) => f.type === 'date').map((f) => f.key));
    for (const key of Object.keys(shownInput)) {
      if (dates.has(key)) try { shownInput[key] = API.parseDate(shownInput[key]); } catch { /* kept as typed */ }
    }
    this.results[view] = { input: shownInput, result };
    this.last = { view, input, result };
    this.editing[view] = false;
    this.renderPanel(view);
    this.dataset.result = view;
    if (view === this.view) writeFragment(shownInput, this.lang);
    if (quiet) return;
    this.announce(result.headline.text);
    this.dispatchEvent(new CustomEvent('myna-hoken-result', { bubbles: true, composed: true, detail: { view, input: shownInput, result } }));
    // The answer just tapped keeps the focus (a selector list would give the
    // first option in the document, whichever was chosen).
    const asked = focusId ? this.shadowRoot.getElementById(focusId) : null;
    const target = asked?.querySelector('input:checked') ?? asked?.querySelector('input');
    if (focus || target) (target ?? this.panels[view].querySelector('.mh-result-title')).focus();
  }

  // ---- errors ----------------------------------------------------------------

  showErrors(view, errors) {
    const w = this.w;
    this.clearErrors();
    const form = this.forms[view];
    const items = errors.map((e) => {
      let target = null;
      if (e.field === 'asOf') {
        form.asOf.open = true;
        const box = form.asOf.querySelector('.mh-field');
        target = markInvalid({ box, focusable: form.asOfInput }, e.message, w.errorPrefix);
      } else if (e.field && form.fields[e.field]) {
        if (form.source && CARD_SOURCES.includes(e.field) && form.source.get() !== e.field) { form.source.set(e.field); }
        if (form.pages) {
          const at = form.pages.findIndex((p) => p.querySelector(`[data-key="${e.field}"]`));
          if (at >= 0) form.page = at;
        }
        this.refreshQuestions(view);
        target = markInvalid(form.fields[e.field].field, e.message, w.errorPrefix);
      }
      target ??= form.node.querySelector('input, select, button');
      return h('li', { 'data-field': e.field ?? '' }, h('a', { href: `#${target.id || ''}`, 'data-code': e.code,
        onclick: (ev) => { ev.preventDefault(); target.focus(); } }, e.message));
    });
    this.errorBox.replaceChildren(h('h3', { class: 'mh-error-title', text: w.errorTitle }), h('ul', { class: 'mh-error-list' }, items));
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

  // ---- links -----------------------------------------------------------------

  /** A link that holds answers (`#birthday=…&cardIssued=…`) opens on the answer
   *  (a promise of it when the link's language is fetched first). */
  readLink(focus) {
    if (!this.root) return;
    const link = readFragment(location.hash, this.schema);
    if (!link) {
      // Back from a shared link to the page without one: the answer the
      // link opened goes too, and the form shows again, empty.
      if (focus && this.linked && !location.hash.replace(/^#/, '')) {
        this.linked = false;
        this.family?.dispose();
        for (const v of VIEWS) { this.values[v] = {}; this.results[v] = null; this.editing[v] = true; }
        this.built = {};
        this.renderPanel(this.view);
      }
      return;
    }
    this.linked = true;
    const go = () => {
      if (!link.view) return;
      // A household's link: everyone at once (family.js, loaded for it).
      if (link.household) {
        this.show('card', false, false);
        this.openFamily(location.hash);
        return;
      }
      // One person's link ends a household shown before.
      this.family?.dispose();
      this.values[link.view] = link.values;
      this.editing[link.view] = true;
      // The link's answer is built by compute (or, if it has problems, the
      // form with them); a form shown before was for other answers.
      this.forms[link.view] = null;
      this.built[link.view] = true;
      this.show(link.view, false, false);
      this.compute(link.view, false);
      if (link.unknown.length) {
        this.panels[link.view].prepend(h('p', { class: 'mh-notice', role: 'status', text: this.fill(this.w.unknownKeys, { keys: link.unknown.join(', ') }) }));
      }
      const at = this.panels[link.view].querySelector('.mh-result-title, .mh-error-summary:not([hidden])') ?? this.errorBox;
      // The answer (its headline and next step) or the problems must be on
      // screen; the page is scrolled only when they are not already, since a
      // scroll right after the content changes reads (and counts) as a jump.
      // Measured in the next frame, with the layout the browser makes anyway:
      // measuring now would force one inside this task.
      requestAnimationFrame(() => {
        const shown = this.errorBox.hidden ? this.panels[link.view].querySelector('.mh-answer-first') ?? at : this.errorBox;
        const box = shown?.getBoundingClientRect();
        if (box && (box.top < 0 || box.bottom > window.innerHeight)) (this.errorBox.hidden ? at : this.errorBox).scrollIntoView({ block: 'start' });
        if (focus) at?.focus({ preventScroll: true });
      });
    };
    if (link.lang && link.lang !== this.language && API.LANGUAGES[link.lang]) {
      // The link's language first (language() resolves even when its words
      // cannot be fetched: the answer then comes in Japanese).
      return language(link.lang).then(() => {
        this.quiet = true;
        this.setAttribute('lang', link.lang);
        this.quiet = false;
        this.rebuild(link.view);
        go();
      });
    }
    go();
    return undefined;
  }
}
