// The functions of myna-hoken-api.js. build.sh puts these after the answer and
// input types, which are generated from the engine's Rust types (tsify) and
// copied from pkg/myna_hoken.d.ts, into www/dist/myna-hoken-api.d.ts; `Lang`
// is written from words/languages.json.

/** What every function throws: an `Error` with a stable code and the field at fault. */
export interface MynaHokenError extends Error {
  name: 'MynaHokenError';
  code: string;
  variant: string | null;
  field: string | null;
  values: Values | null;
  /** With `code` `engine_stopped` (a trap inside the engine, which then stops for the page): the WebAssembly.RuntimeError. */
  cause?: unknown;
}

/** A date in every form the page shows (`describeDate`). */
export interface DateDescription {
  iso: string;
  seireki: string;
  wareki: string;
  warekiYear: string;
  era: string;
  eraYear: number;
  english: string;
  /** The day of the week in the language asked for ("水", "Wed"). */
  weekday: string;
}

/** One question that applies now (`questions`). */
export interface Question {
  key: string;
  required: boolean;
  /** When left empty: the variant of `missing_field` that words it, where the engine has one. */
  missing?: string;
}

/** One input key of the schema (`inputSchema`). */
export interface SchemaField {
  key: string;
  type: 'date' | 'boolean' | 'answer' | 'choice';
  choices?: string[];
  required: boolean | { oneOf: string[] } | { unlessKey: string; in: string[] };
}

// `Profile` and `ProfileText` are written from the engine's profile contract (www/profile.d.ts).

/** One problem of a profile (`profileProblems`): `field` is its path, `profile.…`. */
export interface ProfileProblem {
  code: 'invalid_profile';
  variant: string;
  field: string;
  values: Values | null;
  message: string;
}

/** The words of one language (words/<lang>.json). */
export type Words = Record<string, unknown>;

/**
 * Loads the engine and the insurer profile (once); by default
 * `pkg/myna_hoken_bg.wasm` and `profiles/kddi.json` beside the module.
 * Rejects with `invalid_profile` (and `problems`) for a profile the engine cannot read.
 */
export default function init(options?: {
  wasm?: string | URL | BufferSource | WebAssembly.Module;
  profile?: Profile | string | URL;
}): Promise<void>;
/** Makes another profile the one calls use when they carry none. */
export function useProfile(profile: Profile | string | URL): Promise<Profile>;
/** The profile calls use when they carry none. */
export function profile(): Profile;
/** A profile text in a language (falling back to Japanese); null for none. */
export function profileText(text: ProfileText | null | undefined, lang?: Lang): string | null;
/** Every problem of a profile, worded in `lang`; empty when the engine reads it. */
export function profileProblems(profile: unknown, lang?: Lang): ProfileProblem[];
/** Loads every word of a language (Japanese is always there for answers; the words only the element's family view and calendar file read come on this call). */
export function loadLanguage(lang: Lang): Promise<Words>;
/** Whether a language's words are loaded. */
export function hasLanguage(lang: Lang): boolean;
/** A loaded language's catalog, `{society}` filled with the profile's name (default: the current profile). */
export function words(lang?: Lang, profile?: Profile): Words;
/** The languages there are catalogs for, with their own names. */
export const LANGUAGES: Record<Lang, string>;
/** A step's sources as a visitor reads them (`profile`: the insurer's own pages). */
export function stepSources(step: Step, lang?: Lang, profile?: Profile): { title: string; url: string | null }[];
/** The BCP 47 tag a language's text is marked with (`ja-easy` → `ja`). */
export function languageTag(lang: Lang): string;
/** The catalog language for a page's `lang` attribute ("en-GB" → `en`). */
export function languageFor(tag: string): Lang;

/** 有効期限を調べる: the card, its electronic certificate and the マイナ保険証's last day. */
export function cardDates(input: CardDatesInput): CardDates;
/** 資格確認書の有効期限: its expiry and the rule for giving it back. */
export function eligibilityCertificateDates(input: EligibilityCertificateDatesInput): EligibilityDates;
/** 必要な書類を調べる: what to bring, whether a 資格確認書 comes, what to do now. */
export function adviseDocuments(input: AdviseDocumentsInput): Advice;

/** "YYYY-MM-DD" from 西暦 or 和暦; errors in `lang` (default Japanese). */
export function parseDate(text: string, lang?: Lang): string;
/** "令和7年12月2日". */
export function formatWareki(date: string, lang?: Lang): string;
/** A date in every form the page shows, the weekday in `lang`. */
export function describeDate(date: string, lang?: Lang): DateDescription;
/** Today's date in Japan ("YYYY-MM-DD"), whatever the browser's time zone. */
export function todayInTokyo(): string;
/** The questions of a function that apply now, given the answers so far. */
export function questions(fn: 'cardDates' | 'adviseDocuments' | 'eligibilityCertificateDates', input: object): Question[];
/** Every function's input keys, their types and when they are required. */
export function inputSchema(): Record<'cardDates' | 'adviseDocuments' | 'eligibilityCertificateDates', SchemaField[]>;
/** The eras the date pickers offer, newest first. */
export function eras(): { kanji: string; romaji: string; years: number }[];
/** The day the rules (RULES.md) were last checked, "YYYY-MM-DD". */
export function rulesChecked(): string;
/** One value of an answer as words (reasons numbered as the insurer numbers them). */
export function valueWords(name: string, value: unknown, words?: Words): string;
/** Fills "{name}" placeholders of a catalog text. */
export function fill(template: string, values: Record<string, unknown>, words?: Words, raw?: boolean): string;
/** A date as the catalog writes it inside a sentence. */
export function formatDate(iso: string, words?: Words): string;
/** A "YYYY-MM" month as the catalog writes it. */
export function formatMonth(ym: string, words?: Words): string;
