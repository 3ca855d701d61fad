// 家族の一覧: every person's answer, the dates that matter and the order in
// which people need to act. The rules stay in the engine: each person gets
// the same `cardDates` answer as alone, and a `adviseDocuments` answer for
// their own membership, card and registration; this module only picks the
// dates out of those answers and orders the people. Used by the element's
// family view (element/family.js) and by pages (myna-hoken-household.js).

/** At most this many people in one household. */
export const MAX_PEOPLE = 10;
/** A label is the visitor's own short name for a person (「父」「長女」). */
export const MAX_LABEL = 20;
/** The keys of a person beside the `cardDates` input. */
export const PERSON_KEYS = ['label', 'membership', 'registered'];

/**
 * The dates of a `cardDates` answer that matter, on or after its `asOf`, in
 * date order: `{ kind, date }`. Where the certificate ends with the card (a
 * child's card, or a certificate capped by the card), renewing means a new
 * card (renewal-window: the new card comes with new certificates), so those
 * dates are the card's, once.
 */
export function upcoming(r) {
  const withCard = Boolean(r.card.expires && r.card.expires === r.certificate.expires);
  return [
    ['certificate-renewal', withCard ? null : r.certificate.renewalFrom],
    ['certificate-expiry', withCard ? null : r.certificate.expires],
    ['grace-end', r.insurance.graceUntil],
    ['card-renewal', r.card.expires ? r.card.renewalFrom : null],
    ['card-expiry', r.card.expires],
    ['late-stage', r.lateStageFrom],
  ].filter(([, date]) => date && date >= r.asOf)
    .map(([kind, date]) => ({ kind, date }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Whether the マイナ保険証 works today, from the engine's headline:
 * `works`, `limited` (in the grace, or the card only), `stopped`, or
 * `depends` (on whether the certificate was renewed).
 */
export function today(r) {
  const key = r.headline.variant ? `${r.headline.code}.${r.headline.variant}` : r.headline.code;
  if (key === 'works.grace' || key === 'stopped.smartphone') return 'limited';
  if (key === 'renewal_unknown.past') return 'depends';
  if (key === 'stopped' || key === 'card_expired') return 'stopped';
  return 'works';
}

/**
 * Whether a person has something to do now: renew (the window is open, or
 * the certificate has expired, grace or not, and the visitor has not said it
 * was renewed), or use something else.
 */
function actNow(r, state) {
  return state !== 'works' || ['renewable', 'grace', 'expired'].includes(r.certificate.status)
    || ['renewable', 'expired'].includes(r.card.status);
}

/** A coded error like the engine's (MynaHokenError), worded in `lang`. */
function fail(api, code, values, lang) {
  const w = api.words(api.hasLanguage(lang) ? lang : 'ja');
  const e = new Error(api.fill(w.errors?.[code] ?? w.ui?.family?.errors?.[code] ?? code, values ?? {}, w));
  return Object.assign(e, { name: 'MynaHokenError', code, variant: null, field: null, values: values ?? null });
}

/** An error of the engine as data ({ code, variant, field, message }). */
const asError = (e) => ({ code: e.code ?? 'internal', variant: e.variant ?? null, field: e.field ?? null, message: String(e.message) });

/**
 * One person: `{ label?, membership?, registered?, …cardDates keys }`.
 * Returns `{ label, input, card, documents, lateStage, today, next, dates,
 * actNow }`, or `{ label, input, error }` when the engine cannot answer.
 */
function person(api, p, shared) {
  if (!p || typeof p !== 'object' || Array.isArray(p)) {
    return { label: '', input: {}, error: asError(fail(api, 'invalid_input', null, shared.lang)) };
  }
  const label = typeof p.label === 'string' ? p.label.trim().slice(0, MAX_LABEL) : '';
  const { label: _label, membership = 'insured', registered, ...card } = p;
  const input = { ...p, label };
  if (!label) delete input.label;
  let r;
  let lateStage = false;
  try {
    r = api.cardDates({ ...card, ...shared });
    // From the 75th birthday the person belongs to 後期高齢者医療: this
    // insurer's 資格確認書, its notices and its advice no longer apply
    // (eligibility-certificate-validity), so the card is answered without them.
    lateStage = Boolean(r.lateStageFrom && r.lateStageFrom <= r.asOf);
    if (lateStage) r = api.cardDates({ ...card, ...shared, profile: null });
  } catch (e) {
    return { label, input, error: asError(e) };
  }
  const state = today(r);
  let documents = null;
  if (!lateStage) {
    try {
      documents = api.adviseDocuments({
        membership,
        card: r.card.status === 'expired' ? 'expired' : 'have',
        // The card's answer is for a card used as マイナ保険証: registered unless told otherwise.
        registered: registered === undefined ? true : registered === 'true' ? true : registered === 'false' ? false : registered,
        certificate: r.certificate.status,
        ...(card.smartphone ? { smartphone: true } : {}),
        ...shared,
      });
    } catch (e) {
      return { label, input, error: asError(e) };
    }
  }
  const dates = upcoming(r);
  return { label, input, card: r, documents, lateStage, today: state, next: dates[0] ?? null, dates, actNow: actNow(r, state) };
}

/**
 * Every person's answer and the overview's order: those who must act now
 * first (stopped, then limited, then the rest), then by their next date; people without a next date after them, and
 * people whose answer has a problem last; the order given breaks ties.
 * `options`: `{ asOf?, lang? }`, the same for everyone.
 */
export function householdDates(api, people, options = {}) {
  if (!Array.isArray(people) || !people.length) throw fail(api, 'invalid_input', null, options.lang);
  if (people.length > MAX_PEOPLE) throw fail(api, 'too_many_people', { max: MAX_PEOPLE }, options.lang);
  const shared = {};
  if (options.asOf != null && options.asOf !== '') shared.asOf = options.asOf;
  if (options.lang) shared.lang = options.lang;
  const answers = people.map((p, i) => ({ index: i + 1, ...person(api, p, shared) }));
  // The day every answer is for; when nobody could be answered and the day
  // itself is what is wrong, their errors say so, and today stands in.
  let asOf = answers.find((a) => a.card)?.card.asOf;
  if (!asOf) try { asOf = shared.asOf ? api.parseDate(String(shared.asOf)) : api.todayInTokyo(); } catch { asOf = api.todayInTokyo(); }
  // Among those who must act now, whose マイナ保険証 has stopped first, then
  // those in the grace (or waiting on a renewal not yet told), then the rest.
  const RANK = { stopped: 0, limited: 1, depends: 1, works: 2 };
  const key = (a) => {
    if (a.error) return '3';
    if (a.actNow) return `0${RANK[a.today]}`;
    return a.next ? `1${a.next.date}` : '2';
  };
  const order = [...answers].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    const na = a.next?.date ?? '';
    const nb = b.next?.date ?? '';
    if (na !== nb) return na < nb ? -1 : 1;
    return a.index - b.index;
  }).map((a) => a.index);
  return { asOf, people: answers, order };
}
