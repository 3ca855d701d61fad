// myna-hoken-api.js: the JS API that FAQ pages and the <myna-hoken> element import.
//
//   import init, { cardDates, loadLanguage } from './myna-hoken-api.js';
//   await init();                       // the engine, the Japanese words, the insurer profile
//   await loadLanguage('en');           // only for English (or 'ja-easy')
//   cardDates({ birthday: '1985-09-18', cardIssued: '2020-05-20', lang: 'en' });
//
// The insurer's facts (資格確認書 validity, routes, reasons) come from a JSON
// profile: `init({ profile })` takes one (an object or its URL); by default
// it is profiles/kddi.json beside this module. A call may also carry its own
// `profile`. `{society}` in every text is the profile's `name`.
//
// The engine (Rust compiled to WebAssembly, pkg/) answers in codes and values.
// This module adds the words: every step gets its `text`, every note its
// `message`, every action, headline and next step its `text`, and every error
// its `message`, from the catalog of the input's `lang` (words/*.json). No
// policy and no date arithmetic here: dates inside texts are written from the
// engine's own description of each date.
import initEngine, * as wasm from './pkg/myna_hoken.js';
import ja from './words/ja.json' with { type: 'json' };
import languages from './words/languages.json' with { type: 'json' };
import sourceList from './sources.json' with { type: 'json' };

const names = Object.fromEntries(Object.entries(languages).map(([code, l]) => [code, l.name]));
/** The languages there are catalogs for, with their own names: `{ ja: '日本語', … }` (from words/languages.json, the one list). */
export const LANGUAGES = names;

/** The BCP 47 tag a language's text is marked with (`lang` attributes): `ja-easy` is Japanese. */
export const languageTag = (lang) => languages[lang]?.tag ?? 'ja';

/** The catalog language for a page's `lang` ("en-GB" → `en`, "ja-JP" → `ja`): its own code, else the first whose tag is its primary subtag, else `ja`. */
export function languageFor(tag) {
  const t = String(tag ?? '').toLowerCase();
  if (Object.hasOwn(languages, t)) return t;
  const primary = t.split('-')[0];
  return Object.keys(languages).find((code) => languages[code].tag === primary) ?? 'ja';
}

const catalogs = { ja };
const loading = {};
let started = null;
/** The insurer profile calls use when they carry none. */
let current = null;

/** An Error with a stable `code`, like the engine's, worded in Japanese (or with the message given). */
function apiError(code, field, values, message) {
  const e = new Error(code);
  Object.assign(e, { name: 'MynaHokenError', code, variant: null, field, values });
  word(e, ja);
  if (message) e.message = message;
  return e;
}

/** Whether the engine has trapped (see `run`). */
let stopped = false;

/**
 * Calls the engine's function `f`. A trap is a fault inside the engine (never
 * an answer to an input), after which its memory can no longer be trusted: it
 * becomes the coded error `engine_stopped` (its `cause` the
 * WebAssembly.RuntimeError), and every later call into the engine is
 * `engine_stopped` too until the page is loaded again, so no answer ever comes
 * from a damaged engine.
 */
function run(f, ...args) {
  if (stopped) throw apiError('engine_stopped', null, {});
  try {
    return f(...args);
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    stopped = true;
    throw Object.assign(apiError('engine_stopped', null, {}), { cause: e });
  }
}

/**
 * Loads the engine and the insurer profile (once). `options.wasm` may give
 * the .wasm URL or bytes (default `pkg/myna_hoken_bg.wasm` beside this
 * module); `options.profile` an insurer profile or its URL (default
 * `profiles/kddi.json` beside this module).
 * @returns {Promise<void>}
 * @throws (rejects) a coded error `invalid_profile` with every problem in `problems`
 */
export default function init(options = {}) {
  const wasm = options.wasm ?? new URL('./pkg/myna_hoken_bg.wasm', import.meta.url);
  started ??= Promise.all([
    (isFile(wasm) ? readLocal(wasm) : Promise.resolve(wasm)).then((w) => initEngine({ module_or_path: w })),
    fetchProfile(options.profile ?? new URL('./profiles/kddi.json', import.meta.url)),
  ]).then(([, profile]) => { adopt(profile); })
    .catch((e) => { started = null; throw e; });
  return started;
}

/** A URL of a file on this computer: Node (or Deno, Bun) rendering answers at build time. */
const isFile = (u) => (u instanceof URL ? u.protocol === 'file:' : typeof u === 'string' && u.startsWith('file:'));

/** The bytes of a file: URL, read from disk (Node's `fetch` cannot read one). The
 *  module name is put together at run time so that bundlers (ours folds constants)
 *  leave it alone: browsers never get here. */
async function readLocal(url) {
  const fs = ['node:fs', 'promises'].join('/');
  const { readFile } = await import(/* @vite-ignore */ fs);
  return readFile(url instanceof URL ? url : new URL(url));
}

/** JSON at a URL: fetched, or read from disk for a file: URL. */
function getJson(url, failed) {
  if (isFile(url)) return readLocal(url).then((b) => JSON.parse(new TextDecoder().decode(b)), (e) => { throw failed(e.code ?? e.message); });
  return fetch(url).then((r) => {
    if (!r.ok) throw failed(`HTTP ${r.status}`);
    return r.json();
  });
}

/** A profile given as an object, or fetched from its URL. */
function fetchProfile(p) {
  if (typeof p !== 'string' && !(p instanceof URL)) return Promise.resolve(p);
  return getJson(p, (why) => apiError('invalid_profile', 'profile', {}, `${p}: ${why}`));
}

/**
 * Makes a profile the engine's own for calls that carry none (it is read
 * once, not at every call); a coded error listing every problem if the
 * engine cannot read it (the profile before stays).
 */
function adopt(profile) {
  const problems = worded(run(wasm.setProfile, profile), 'ja');
  if (problems.length) {
    const e = apiError('invalid_profile', problems[0].field, problems[0].values, problems.map((p) => p.message).join('\n'));
    e.problems = problems;
    throw e;
  }
  current = Object.freeze(structuredClone(profile));
  return current;
}

/** The engine's problems, worded in a language. */
function worded(problems, lang) {
  const w = words(lang ?? 'ja', null);
  return problems.map((p) => {
    const e = Object.assign(new Error(p.code), p);
    word(e, w);
    return { code: p.code, variant: p.variant, field: p.field, values: p.values, message: e.message };
  });
}

/**
 * Every problem of an insurer profile, worded in `lang`: `[{ code, variant,
 * field, values, message }]` with the path in `field`
 * (`profile.eligibilityCertificate.validity.months`); empty when it reads.
 */
export function profileProblems(profile, lang) {
  ready();
  return worded(run(wasm.profileProblems, profile), lang);
}

/** The object `useProfile` was last given, and what it became. */
let adoptedFrom = null;

/**
 * Makes another profile the one calls use when they carry none (an object or
 * its URL): the engine reads and checks it once, not at every call. An object
 * is taken at once (the promise is already settled); giving the same object
 * again does nothing. Resolves to it; rejects with `invalid_profile` and its
 * `problems`.
 */
export function useProfile(profile) {
  ready();
  if (profile && typeof profile === 'object' && !(profile instanceof URL)) {
    if (profile === adoptedFrom) return Promise.resolve(current);
    try {
      const taken = adopt(profile);
      adoptedFrom = profile;
      return Promise.resolve(taken);
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return fetchProfile(profile).then((p) => { const taken = adopt(p); adoptedFrom = null; return taken; });
}

/** The insurer profile calls use when they carry none (frozen). */
export function profile() {
  ready();
  return current;
}

/** Whether a catalog lacks parts: the Japanese one bundled into this module
 *  leaves out what only a click reads (its `meta.later` names them). */
const partial = (w) => Boolean(w?.meta?.later);

/**
 * Loads every word of a language from `words/<lang>.json` beside this
 * module, and resolves to the catalog. Japanese is always here for answers
 * and forms; the bundled module leaves out the words only the element's
 * family view and calendar file read, which this fetches.
 * @param {string} lang
 */
export function loadLanguage(lang) {
  if (!Object.hasOwn(names, lang)) return Promise.reject(apiError('invalid_value', 'lang', { allowed: Object.keys(names).join(' | ') }));
  if (catalogs[lang] && !partial(catalogs[lang])) return Promise.resolve(catalogs[lang]);
  loading[lang] ??= getJson(new URL(`./words/${lang}.json`, import.meta.url), (why) => new Error(`words/${lang}.json: ${why}`))
    .then((words) => { catalogs[lang] = words; return words; })
    .finally(() => { delete loading[lang]; });
  return loading[lang];
}

/**
 * A step's sources as a visitor reads them: `[{ title, url }]` (`url` null
 * where there is no page). The national ones come from sources.json; `profile`
 * is the insurer's own pages (its profile's `sources`); an article (「26条」)
 * follows its title.
 */
export function stepSources(step, lang = 'ja', forProfile = current) {
  const out = [];
  for (const { key, detail } of step?.sources ?? []) {
    if (key === 'profile') {
      for (const s of forProfile?.sources ?? []) out.push({ title: profileText(s.title, lang), url: s.url });
      continue;
    }
    const s = sourceList[key];
    const title = s ? (s.title[lang] ?? s.title.ja) : key;
    out.push({ title: detail ? `${title} ${detail}` : title, url: s?.url ?? null });
  }
  return out;
}

/** Whether a language's words are here. */
export const hasLanguage = (lang) => Boolean(catalogs[lang]);

/**
 * A text of a profile in a language: profiles write a text once, or per
 * language (`{ ja: '…', en: '…' }`); a language without its own falls back
 * to Japanese. Null for none.
 */
export function profileText(text, lang = 'ja') {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') return (typeof text[lang] === 'string' ? text[lang] : null) ?? (typeof text.ja === 'string' ? text.ja : null);
  return null;
}

/** Each catalog's resolved copies, by the name of the insurer they speak of. */
const resolved = new WeakMap();
/** The profile each resolved catalog speaks of (for the reasons' numbers). */
const profileOf = new WeakMap();

/**
 * The catalog of a loaded language, speaking of an insurer: `{society}` is
 * the profile's `name` everywhere, or the catalog's generic `format.society`
 * without one (the element's labels are in its `ui` part).
 * @param {string} [lang] default `ja`
 * @param {object} [forProfile] default the current profile
 * @throws a coded error (`invalid_value`, `language_not_loaded`) for a language that is not here
 */
export function words(lang = 'ja', forProfile = current) {
  lang ??= 'ja';
  if (typeof lang !== 'string' || !Object.hasOwn(names, lang)) {
    throw apiError('invalid_value', 'lang', { allowed: Object.keys(names).join(' | ') });
  }
  const w = catalogs[lang];
  if (!w) throw apiError('language_not_loaded', 'lang', { lang });
  // Without a profile, the insurer is named generically ("ご加入の健康保険").
  const name = profileText(forProfile?.name, lang) ?? w.format.society;
  if (!name) return w;
  // Kept per catalog: a catalog made whole (loadLanguage) gets copies of its own.
  let byName = resolved.get(w);
  if (!byName) resolved.set(w, (byName = new Map()));
  let r = byName.get(name);
  if (!r) {
    r = JSON.parse(JSON.stringify(w).replaceAll('{society}', JSON.stringify(name).slice(1, -1)));
    if (byName.size > 20) byName.clear();
    byName.set(name, r);
  }
  profileOf.set(r, forProfile);
  return r;
}

// ---- filling the words -------------------------------------------------------

const described = new Map();

/** The engine's description of a date, as an object. */
function description(date) {
  const [iso, seireki, wareki, warekiYear, era, eraYear, english, weekday] = run(wasm.describeDate, date);
  return { iso, seireki, wareki, warekiYear, era, eraYear, english, weekday };
}

/** The same, kept: the same dates come back at every render. */
function describe(iso) {
  let d = described.get(iso);
  if (!d) {
    d = description(iso);
    if (described.size > 500) described.clear();
    described.set(iso, d);
  }
  return d;
}

/** A date as the catalog writes it inside a sentence ("2024年9月18日(令和6年)"). */
export function formatDate(iso, w = ja) {
  const d = describe(iso);
  return fill(w.format.date, { ...d, weekday: w.format.weekdays[d.weekday] }, w, true);
}

/** A "YYYY-MM" month as the catalog writes it ("2024年6月", "June 2024"). */
export function formatMonth(ym, w = ja) {
  const [year, month] = ym.split('-').map(Number);
  return fill(w.format.month, { year, month, monthName: w.format.monthNames[month - 1] }, w, true);
}

/** Values named otherwise than the catalog table that words them. */
const TABLES = { throughEmployer: 'membership', toSociety: 'membership' };

/** A reason as the insurer numbers it: "①マイナンバーカードを…" (its place in the profile's list). */
function numbered(code, text, w) {
  const list = profileOf.get(w)?.eligibilityCertificate?.reasons ?? [];
  const n = list.findIndex((r) => r.reason === code) + 1;
  if (!n || !w.format.numbered) return text;
  return fill(w.format.numbered, { n, mark: n <= 20 ? String.fromCodePoint(0x245f + n) : `(${n})`, text }, w, true);
}

/** One value as words: dates, months, enum codes the catalog names, lists of codes. */
function show(name, value, w) {
  if (Array.isArray(value)) {
    return value.map((v) => `${w.format.listOpen}${show(name, v, w)}${w.format.listClose}`).join(w.format.list);
  }
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, w);
    if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(value, w);
    const text = w.values?.[TABLES[name] ?? name]?.[value] ?? value;
    return name === 'reasons' ? numbered(value, text, w) : text;
  }
  return String(value);
}

/** One value of an answer as words: `valueWords('reasons', 'no-card', words('ja'))` → "①マイナンバーカードを作っていない". */
export const valueWords = (name, value, w = words()) => show(name, value, w);

/**
 * Fills "{name}" placeholders from `values` (a placeholder without a value is
 * left as it is, so a test can find it). `raw` puts values in as they are.
 */
export function fill(template, values, w = ja, raw = false) {
  return String(template).replace(/\{(\w+)\}/g, (all, name) => {
    const v = values?.[name];
    if (v == null) return all;
    return raw ? String(v) : show(name, v, w);
  });
}

const keyOf = (item) => (item.variant ? `${item.code}.${item.variant}` : item.code);

/** The catalog entry of a coded item, looked up in the given sections in order. */
function entry(w, item, sections) {
  const key = keyOf(item);
  for (const s of sections) {
    const t = w[s]?.[key];
    if (t != null) return t;
  }
  return key;
}

function said(w, item, sections, field = 'text') {
  if (item && typeof item === 'object' && 'code' in item) item[field] = fill(entry(w, item, sections), item.values, w);
  return item;
}

/** Puts the words into an engine answer (in place) or an engine error. */
function word(x, w) {
  if (x instanceof Error) {
    if (typeof x.code !== 'string') return x;
    // The field's words; an input key is never shown (a profile's path is: it is
    // the web team's own file).
    const label = x.field ? w.fields?.[x.field] ?? (x.field.startsWith('profile') ? x.field : '') : '';
    x.message = fill(entry(w, x, ['errors']).replace(/^\{field\}: /, label ? '{field}: ' : ''), { ...x.values, field: label }, w);
    return x;
  }
  for (const s of x.steps ?? []) {
    said(w, s, ['steps']);
    // A step that holds only for some answers of 「わからない」 says which.
    if (s.when?.length) {
      const conditions = s.when.map((c) => w.conditions?.[c.key]?.[c.value] ?? '').filter(Boolean).join(w.format.list);
      if (conditions) s.text = fill(w.format.when, { conditions, text: s.text }, w, true);
    }
  }
  for (const n of x.notes ?? []) said(w, n, ['notes'], 'message');
  for (const a of x.actions ?? []) said(w, a, ['actions']);
  said(w, x.headline, ['headlines']);
  said(w, x.next, ['next', 'actions']);
  return x;
}

// ---- the functions -----------------------------------------------------------

function ready() {
  if (!started) throw apiError('not_initialized', null, {});
}

/** Splits `lang` off an input object without touching anything else (the engine checks the rest). */
function split(input) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [input, undefined];
  let entries;
  try { entries = Object.entries(input); } catch { return [input, undefined]; }
  const at = entries.findIndex(([k]) => k === 'lang');
  if (at < 0) return [input, undefined];
  const lang = entries[at][1];
  entries.splice(at, 1);
  return [Object.fromEntries(entries), lang];
}

/** The profile a call speaks of: its own (even `null`), or the current one (the engine has it). */
function profileUsedBy(input) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return current;
  try { return Object.hasOwn(input, 'profile') ? input.profile : current; } catch { return current; }
}

function call(fn, input) {
  ready();
  const [rest, lang] = split(input);
  // The current profile, unless the call carries its own (or `profile: null`).
  const w = words(lang ?? 'ja', profileUsedBy(rest));
  let answer;
  try {
    answer = run(fn, rest);
  } catch (e) {
    throw word(e, w);
  }
  return word(answer, w);
}

/** 有効期限を調べる: the card, its electronic certificate and the マイナ保険証's last day. */
export const cardDates = (input) => call(wasm.cardDates, input);
/** 資格確認書の有効期限: its expiry and the rule for giving it back. */
export const eligibilityCertificateDates = (input) => call(wasm.eligibilityCertificateDates, input);
/** 必要な書類を調べる: what to bring, whether a 資格確認書 comes, what to do now. */
export const adviseDocuments = (input) => call(wasm.adviseDocuments, input);

function withLang(lang, fn) {
  ready();
  const w = words(lang ?? 'ja');
  try {
    return fn(w);
  } catch (e) {
    throw word(e, w);
  }
}

/** "YYYY-MM-DD" from 西暦, 和暦 (令和7年12月2日, R7.12.2), full-width digits…; errors in `lang`. */
export const parseDate = (text, lang) => withLang(lang, () => run(wasm.parseDate, text));
/** "令和7年12月2日". */
export const formatWareki = (date, lang) => withLang(lang, () => run(wasm.formatWareki, date));
/** `{ iso, seireki, wareki, weekday, english, warekiYear, era, eraYear }`, the weekday in `lang`. */
export const describeDate = (date, lang) => withLang(lang, (w) => {
  const d = description(date);
  return { ...d, weekday: w.format.weekdays[d.weekday] };
});
/** Today's date in Japan, whatever the browser's time zone. */
export const todayInTokyo = () => { ready(); return run(wasm.todayInTokyo); };
/** The questions of `fn` ('cardDates', …) that apply now, given the answers so far: `[{ key, required }]`. */
export const questions = (fn, input) => { ready(); return run(wasm.questions, fn, split(input)[0]); };

/** The eras the date pickers offer, newest first: `[{ kanji, romaji, years }]`. */
export const eras = () => { ready(); return run(wasm.eras); };

/** The day the rules (RULES.md) were last checked against their sources, "YYYY-MM-DD". */
export const rulesChecked = () => { ready(); return run(wasm.rulesChecked); };

let schema;
/** Every function's input keys, their types and when they are required. */
export const inputSchema = () => { ready(); schema ??= JSON.parse(run(wasm.inputSchema)); return structuredClone(schema); };
