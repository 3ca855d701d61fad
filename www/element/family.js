// 家族の一覧 in the widget: after an answer, 「家族の分も調べる」 adds another
// person (a label, their membership and registration, and the card form as
// today); the card view then shows one overview, a row per person in the
// order they need to act, each opening that person's full answer and what
// they need at a clinic. Loaded only when a visitor asks for a family, or
// opens a household's link. The element keeps `ctx.family` (this object).
//
// The element's own modules are handed over (`kit`, from kit.js) rather than
// imported: imported, a bundler would move them into a chunk of their own that
// the element's file then loads on every visit.
import { MAX_LABEL, MAX_PEOPLE, householdDates } from '../household.js';
import { readHousehold, writeHousehold } from './family-link.js';

let h, withPhones, API, choiceField, buildForm, readForm, renderResult, typed;

/** Takes the element's modules (kit.js). */
function take(kit) {
  ({ h, withPhones, choiceField, buildForm, readForm, renderResult, typed } = kit);
  API = kit.API();
}

/** The tone of a row's first line (the element's colours). */
const TONE = { works: 'ok', limited: 'warn', depends: 'warn', stopped: 'stop' };

/**
 * The element, speaking for one person: `over` replaces some of its
 * properties and methods (their ids, their form, what 変更 does). The
 * element's own methods run with the person's properties; its native ones
 * (getAttribute, shadowRoot…) and getters with the element itself. What a
 * method writes stays with the person.
 */
function speaking(ctx, over) {
  const own = Object.getPrototypeOf(ctx);
  return new Proxy(ctx, {
    get(t, key) {
      if (Object.hasOwn(over, key)) return over[key];
      const v = Reflect.get(ctx, key);
      return typeof v === 'function' && !Object.hasOwn(own, key) ? v.bind(ctx) : v;
    },
    set(t, key, value) { over[key] = value; return true; },
  });
}

/** The household of a widget: the people's answers as given (`people`), the day asked about. */
class Family {
  constructor(ctx, people, asOf) {
    this.ctx = ctx;
    this.people = people;
    this.asOf = asOf ?? '';
    this.skipped = [];
    this.editing = null;
    // Printed: the overview first, then each person's full answer (made only when printing).
    this.beforePrint = () => this.printCopies(true);
    this.afterPrint = () => this.printCopies(false);
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
  }

  get w() { return this.ctx.w.family; }

  /** 「父」, or 「2人目」 for a person without a label. */
  name(i) { return this.people[i]?.label || this.ctx.fill(this.w.person, { n: i + 1 }); }

  /** Every person's answer in the language shown. */
  answers() {
    return householdDates(API, this.people, { asOf: this.asOf || this.ctx.getAttribute('as-of') || '', lang: this.ctx.lang });
  }

  /** The panel: the form while a person is added or corrected, else the overview. */
  render(focus = null) {
    if (this.editing) return this.form(this.editing.index, this.editing.key, this.editing.errors);
    const ctx = this.ctx;
    const w = this.w;
    const all = this.answers();
    this.last = all;
    const section = h('section', { class: 'mh-result mh-family', part: 'result', 'aria-labelledby': `${ctx.uid}-family-h` },
      h('p', { class: 'mh-print-only mh-print-title', text: ctx.w.printTitle }),
      h('h3', { class: 'mh-result-title', id: `${ctx.uid}-family-h`, tabindex: '-1', text: w.title }),
      this.asOf ? h('p', { class: 'mh-asof-line' }, ctx.fill(ctx.w.asOfLine, { date: ctx.dateText(all.asOf) })) : null,
      this.skipped.length ? h('p', { class: 'mh-notice', role: 'status', text: ctx.fill(w.skipped, { keys: this.skipped.join(', ') }) }) : null,
      h('p', { class: 'mh-intro', text: w.intro }),
      h('ol', { class: 'mh-family-list' }, all.order.map((n) => this.row(all.people[n - 1]))),
      this.tools(all));
    ctx.built.card = true;
    ctx.panels.card.replaceChildren(section);
    ctx.dataset.result = 'family';
    this.link();
    if (focus) (ctx.shadowRoot.getElementById(focus) ?? section.querySelector('.mh-result-title')).focus();
    return all;
  }

  /** One person's row: whether it works today, the next date, what to do, and the whole answer. */
  row(a) {
    const ctx = this.ctx;
    const w = this.w;
    const i = a.index - 1;
    const name = this.name(i);
    const id = `${ctx.uid}-p${a.index}`;
    // How they belong to the insurer, in the third person (not the form's 「会社に勤めている」);
    // nothing from the 75th birthday, when they belong to 後期高齢者医療 instead.
    const m = a.input.membership;
    const membership = m && !a.lateStage ? ctx.profileText(ctx.profile?.memberships?.[m]?.label) ?? ctx.words.values.membership?.[m] ?? null : null;
    const head = h('h4', { class: 'mh-family-name', id: `${id}-h`, tabindex: '-1' }, name,
      membership ? h('span', { class: 'mh-family-membership', text: membership }) : null);
    const actions = h('div', { class: 'mh-actions mh-noprint' },
      h('button', { type: 'button', class: 'mh-secondary', text: ctx.fill(w.edit, { name }), onclick: () => this.edit(i, null, a.error ? [a.error] : null) }),
      h('button', { type: 'button', class: 'mh-link mh-family-remove', text: ctx.fill(w.remove, { name }), 'aria-expanded': 'false',
        onclick: (e) => this.confirmRemove(i, e.currentTarget) }));
    if (a.error) {
      return h('li', { class: 'mh-family-row mh-family-problem', 'data-index': String(a.index), 'data-code': a.error.code, 'aria-labelledby': `${id}-h` },
        head,
        h('p', { class: 'mh-headline mh-tone-stop' }, h('strong', { text: w.problem }), ' ', a.error.message),
        actions);
    }
    const r = a.card;
    // What the date is first, then the date (in both calendars).
    const next = a.next
      ? h('p', { class: 'mh-family-next', 'data-kind': a.next.kind },
        h('strong', { text: w.nextDate }), ' ', h('span', { class: 'mh-family-kind', text: w.kinds[a.next.kind] }), ' ', ctx.dateNode(a.next.date))
      : h('p', { class: 'mh-family-next mh-muted', text: w.noDates });
    const more = h('details', { class: 'mh-family-more mh-noprint', ontoggle: (e) => this.more(e.currentTarget, a) },
      h('summary', { text: ctx.fill(w.more, { name }) }));
    return h('li', { class: 'mh-family-row', 'data-index': String(a.index), 'data-today': a.today, 'aria-labelledby': `${id}-h` },
      head,
      a.actNow ? h('p', { class: 'mh-family-now', text: w.actNow }) : null,
      h('p', { class: `mh-headline mh-tone-${TONE[a.today]}`, 'data-code': r.headline.code }, r.headline.text),
      a.lateStage ? h('p', { class: 'mh-notice mh-family-late', text: ctx.fill(w.lateStage, { name }) }) : null,
      next,
      h('p', { class: 'mh-next', 'data-code': r.next.code }, h('strong', { class: 'mh-next-label', text: ctx.w.nextLabel }), ' ', withPhones(r.next.text)),
      more,
      actions);
  }

  /** The person's whole answer, built when their row is first opened. */
  more(details, a) {
    if (!details.open || details.dataset.built) return;
    details.dataset.built = '1';
    details.append(...this.whole(a, `${this.ctx.uid}-p${a.index}`));
  }

  /** A person's card answer and their documents answer, as the views show them. */
  whole(a, uid) {
    const i = a.index - 1;
    const p = this.person(i, uid);
    const input = { ...a.input };
    delete input.label;
    const parts = [renderResult(p, 'card', a.card, input)];
    if (a.documents) {
      parts.push(h('h4', { class: 'mh-subhead mh-family-documents', id: `${uid}-docs`, tabindex: '-1', text: this.ctx.fill(this.w.documentsTitle, { name: this.name(i) }) }),
        renderResult(p, 'documents', a.documents, {}));
    }
    return parts;
  }

  /** The element, speaking for one person: their ids, and 変更 / answers that change their row. */
  person(i, uid) {
    const family = this;
    const w = this.ctx.w;
    return speaking(this.ctx, {
      uid,
      // 「あなたの答え」 is 「母について入力したこと」 here.
      w: { ...w, yourAnswers: this.ctx.fill(w.family.entered, { name: this.name(i) }) },
      change: (view, key) => family.edit(i, key),
      answer: (view, key, value) => {
        const p = { ...family.people[i] };
        if (value === undefined) delete p[key]; else p[key] = value;
        family.people[i] = p;
        family.render();
        const row = family.ctx.panels.card.querySelector(`li[data-index="${i + 1}"] details`);
        if (row) { row.open = true; family.more(row, family.last.people[i]); }
        const asked = family.ctx.shadowRoot.getElementById(`${uid}-card-ask-${key}`);
        (asked?.querySelector('input:checked') ?? asked?.querySelector('input'))?.focus();
      },
      ics: () => family.calendar([family.last.people[i]]),
      toDocuments: () => family.ctx.shadowRoot.getElementById(`${uid}-docs`)?.focus(),
    });
  }

  /** 家族の分も調べる, everyone's calendar, print. */
  tools(all) {
    const ctx = this.ctx;
    const w = this.w;
    const full = this.people.length >= MAX_PEOPLE;
    return h('div', { class: 'mh-actions mh-tools mh-noprint' },
      h('button', { type: 'button', class: 'mh-primary mh-family-add', text: w.add, disabled: full, 'aria-describedby': full ? `${ctx.uid}-family-max` : null,
        onclick: () => this.edit(this.people.length) }),
      full ? h('p', { class: 'mh-hint', id: `${ctx.uid}-family-max`, text: ctx.fill(w.errors.too_many_people, { max: MAX_PEOPLE }) }) : null,
      h('button', { type: 'button', class: 'mh-secondary mh-family-ics', text: w.icsAll, onclick: () => this.calendar(all.people) }),
      h('button', { type: 'button', class: 'mh-secondary', text: ctx.w.print, onclick: () => window.print() }));
  }

  /** One calendar file with every person's future events, each named for its person. */
  async calendar(list) {
    const ctx = this.ctx;
    let ics;
    try { ics = await import('./ics.js'); } catch { ctx.announce(ctx.w.ics.failed); return; }
    const people = list.filter((a) => a.card).map((a) => ({ result: a.card, birthday: a.input.birthday, label: this.name(a.index - 1) }));
    ics.download(ics.calendar(people, ctx.w.ics), ctx.shadowRoot);
  }

  /** Each person's whole answer after the overview, for the printout only. */
  printCopies(on) {
    const panel = this.ctx.panels.card;
    panel.querySelector('.mh-family-print')?.remove();
    if (!on || !this.last || this.editing || !panel.querySelector('.mh-family')) return;
    const copies = this.last.order.map((n) => this.last.people[n - 1]).map((a) => h('section', { class: 'mh-family-print-person' },
      h('h3', { class: 'mh-result-title', text: this.ctx.fill(this.w.printPerson, { name: this.name(a.index - 1) }) }),
      a.error ? h('p', { text: a.error.message }) : this.whole(a, `${this.ctx.uid}-print-p${a.index}`)));
    panel.append(h('div', { class: 'mh-print-only mh-family-print' }, copies));
  }

  /** Opens the form for person `i` (a new one when `i` is the count), on `key` if given, with `errors` shown. */
  edit(i, key = null, errors = null) {
    if (i >= MAX_PEOPLE) return;
    this.editing = { index: i, key, errors };
    this.form(i, key, errors);
  }

  /** The form for one person: a label, their membership and registration, then the card's questions. */
  form(i, key, errors) {
    const ctx = this.ctx;
    const w = this.w;
    const values = { ...(this.people[i] ?? {}) };
    const isNew = i >= this.people.length;
    const uid = `${ctx.uid}-f${i + 1}`;
    const name = isNew ? ctx.fill(w.person, { n: i + 1 }) : this.name(i);
    const p = speaking(ctx, { uid, forms: {}, values: { card: values } });
    const form = buildForm(p, 'card', values, {
      onSubmit: () => this.save(i, p),
      onBack: () => {},
      onChange: () => p.refreshQuestions('card'),
    });
    p.forms.card = form;
    // The person's own answers, before the card's.
    const label = h('input', { id: `${uid}-label`, class: 'mh-input', type: 'text', maxlength: MAX_LABEL, autocomplete: 'off',
      value: values.label ?? '', 'aria-describedby': `${uid}-label-hint` });
    const labelBox = h('div', { class: 'mh-field', 'data-key': 'label' },
      h('label', { class: 'mh-label', for: `${uid}-label`, text: w.labelField }),
      h('p', { class: 'mh-hint', id: `${uid}-label-hint`, text: w.labelHint }), label);
    const memberships = ctx.schema.adviseDocuments.find((f) => f.key === 'membership').choices
      .filter((c) => !ctx.profile?.memberships || ctx.profile.memberships[c]);
    const membership = choiceField(`${uid}-membership`, { key: 'membership', label: ctx.w.fields.membership.label,
      options: memberships.map((c) => [c, ctx.valueText('membership', c)]) });
    // Someone added after the first is most often a family member (被扶養者).
    membership.set(values.membership ?? (i > 0 && memberships.includes('dependent') ? 'dependent' : memberships[0]));
    const registered = choiceField(`${uid}-registered`, { key: 'registered', label: ctx.w.fields.registered.label,
      hint: ctx.w.fields.registered.hint ? h('span', { text: ctx.w.fields.registered.hint }) : null,
      options: [['true', ctx.w.yes], ['false', ctx.w.no], ['unknown', ctx.w.unknown]] });
    registered.set(values.registered === undefined ? 'true' : String(values.registered));
    form.node.prepend(labelBox, membership.box, registered.box);
    form.own = { label, membership, registered };
    const cancel = this.people.length ? h('button', { type: 'button', class: 'mh-secondary', text: w.cancel, onclick: () => this.close() }) : null;
    if (cancel) form.submit.before(cancel);
    ctx.built.card = true;
    ctx.panels.card.replaceChildren(
      h('h3', { class: 'mh-panel-title', id: `${uid}-h`, tabindex: '-1', text: ctx.fill(isNew ? w.addTitle : w.editTitle, { name }) }),
      form.node);
    p.refreshQuestions('card');
    // The day asked about is the household's, not a question of this form: its problem is named, not placed.
    if (errors?.length) p.showErrors('card', errors.map((e) => (e.field === 'asOf' ? { ...e, field: null } : e)));
    else {
      const target = key === 'label' ? label : key === 'membership' ? membership.focusable : key === 'registered' ? registered.focusable
        : key ? form.fields[key]?.field.focusable : null;
      (target ?? ctx.shadowRoot.getElementById(`${uid}-h`)).focus();
    }
  }

  /** 調べる: the person's answers checked as the card view checks them, then the overview. */
  save(i, p) {
    const form = p.forms.card;
    const missing = p.missing('card', form.node);
    if (missing.length) { this.editing.errors = null; return p.showErrors('card', missing); }
    const own = form.own;
    const values = { ...readForm(form) };
    const label = own.label.value.trim().slice(0, MAX_LABEL);
    if (label) values.label = label;
    values.membership = own.membership.get();
    const reg = own.registered.get();
    if (reg && reg !== 'true') values.registered = reg === 'false' ? false : reg;
    const one = householdDates(API, [values], { asOf: this.asOf || this.ctx.getAttribute('as-of') || '', lang: this.ctx.lang }).people[0];
    if (one.error) return p.showErrors('card', [one.error]);
    // The dates as the engine read them (for the link too).
    for (const k of Object.keys(values)) if (p.isDate(k)) try { values[k] = API.parseDate(String(values[k])); } catch { /* as typed */ }
    this.people[i] = values;
    this.editing = null;
    this.ctx.clearErrors();
    this.render(`${this.ctx.uid}-p${i + 1}-h`);
    this.ctx.announce(this.ctx.fill(this.w.added, { name: this.name(i) }));
    return undefined;
  }

  /** Back to the overview without saving. */
  close() {
    this.editing = null;
    this.ctx.clearErrors();
    this.render(`${this.ctx.uid}-family-h`);
  }

  /** 一覧から外す asks first, under the button: what was entered for them is gone. */
  confirmRemove(i, button) {
    const ctx = this.ctx;
    const w = this.w;
    const row = button.closest('li');
    let box = row.querySelector('.mh-family-confirm');
    if (box) { box.querySelector('button').focus(); return; }
    const id = `${ctx.uid}-p${i + 1}-remove`;
    const cancel = () => { box.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); };
    box = h('div', { class: 'mh-family-confirm mh-noprint', role: 'group', 'aria-labelledby': id },
      h('p', { id, text: ctx.fill(w.removeQuestion, { name: this.name(i) }) }),
      h('div', { class: 'mh-actions' },
        h('button', { type: 'button', class: 'mh-primary', text: w.removeYes, onclick: () => this.remove(i) }),
        h('button', { type: 'button', class: 'mh-secondary', text: w.removeNo, onclick: cancel })));
    button.closest('.mh-actions').after(box);
    button.setAttribute('aria-expanded', 'true');
    box.querySelector('button').focus();
  }

  /** Takes a person off the list; with nobody left, the card's empty form. */
  remove(i) {
    const name = this.name(i);
    this.people.splice(i, 1);
    this.ctx.announce(this.ctx.fill(this.w.removed, { name }));
    if (this.people.length) return this.render(`${this.ctx.uid}-family-h`);
    return this.leave();
  }

  /** Stops listening for printing (another household, or none, takes over). */
  dispose() {
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    if (this.ctx.family === this) this.ctx.family = null;
  }

  /** No household any more: the card view as it was before, empty. */
  leave() {
    const ctx = this.ctx;
    this.dispose();
    ctx.values.card = {};
    ctx.results.card = null;
    ctx.editing.card = true;
    ctx.renderPanel('card');
    history.replaceState(history.state, '', location.pathname + location.search);
    ctx.panels.card.querySelector('.mh-panel-title')?.focus();
  }

  /** The household's link (when the card view is the one shown). */
  link() {
    if (this.ctx.view === 'card') writeHousehold(this.people, this.ctx.lang, this.asOf);
  }
}

/** 家族の分も調べる after one answer: that person first, then the form for the next. */
export function start(ctx, kit) {
  take(kit);
  const input = { ...ctx.results.card.input };
  const asOf = input.asOf ?? '';
  delete input.asOf;
  ctx.family = new Family(ctx, [input], asOf);
  ctx.family.edit(1);
}

/** A household's link: everyone's answers at once (what could not be read is named). */
export function open(ctx, hash, kit) {
  take(kit);
  const link = readHousehold(hash, ctx.schema, typed);
  ctx.family?.dispose();
  const family = new Family(ctx, link.people.slice(0, MAX_PEOPLE), link.asOf);
  family.skipped = link.skipped;
  // A day that is no date is skipped like any key that cannot be read (today stands in).
  if (family.asOf) try { API.parseDate(family.asOf); } catch { family.skipped.push('asOf'); family.asOf = ''; }
  ctx.family = family;
  if (!family.people.length) return family.edit(0);
  return family.render();
}
