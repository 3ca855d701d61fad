// The types of myna-hoken-household.js ('myna-hoken/household'): the
// answer types come from the API module's types.
import type { Advice, CardDates, CardDatesInput, Lang, Membership } from './myna-hoken-api.js';

/** At most this many people in one call. */
export const MAX_PEOPLE: 10;
/** A label is cut to this many characters. */
export const MAX_LABEL: 20;

/** One person: the `cardDates` input (its `asOf` is the household's), and who they are. */
export type PersonInput = Omit<CardDatesInput, 'asOf' | 'profile'> & {
  /** The visitor's own short name for the person (「父」「長女」); never sent anywhere. */
  label?: string;
  /** How they belong to the insurer (default `insured`): their 資格確認書 answer depends on it. */
  membership?: Membership;
  /** Their card is registered as 健康保険証 (default true, as `cardDates` assumes); "unknown" covers both. */
  registered?: boolean | 'unknown';
};

/** A date of a person's answer that matters. */
export interface HouseholdDate {
  kind: 'certificate-renewal' | 'certificate-expiry' | 'grace-end' | 'card-renewal' | 'card-expiry' | 'late-stage';
  /** "YYYY-MM-DD", on or after `asOf`. */
  date: string;
}

/** Whether a person's マイナ保険証 works today (read off the engine's headline). */
export type Today = 'works' | 'limited' | 'stopped' | 'depends';

/** The error of one person (their other answers are not given). */
export interface PersonError {
  code: string;
  variant: string | null;
  field: string | null;
  message: string;
}

/** One person's answer. `index` is their place in the list given, from 1. */
export type PersonAnswer = {
  index: number;
  label: string;
  input: PersonInput;
} & ({
  card: CardDates;
  /** What they need at a clinic, for their own membership, card and registration; null from the 75th birthday (後期高齢者医療). */
  documents: Advice | null;
  /** 75 or over on `asOf`: 後期高齢者医療, not this insurer. */
  lateStage: boolean;
  today: Today;
  /** The first of `dates`, or null. */
  next: HouseholdDate | null;
  dates: HouseholdDate[];
  /** Something to do now (renew, or use something else). */
  actNow: boolean;
  error?: undefined;
} | { error: PersonError; card?: undefined });

/** Every person's answer (in the order given) and the overview's order. */
export interface HouseholdDates {
  asOf: string;
  people: PersonAnswer[];
  /** The `index`es: who must act now first (soonest next date first), then by next date; problems last. */
  order: number[];
}

/**
 * Every person's answer at once. Throws `invalid_input` for anything but a
 * non-empty array and `too_many_people` for more than 10; a person the engine
 * cannot answer gets an `error` and the others still answer.
 */
export function householdDates(people: PersonInput[], options?: { asOf?: string; lang?: Lang }): HouseholdDates;
/** The dates of a `cardDates` answer that matter, on or after its `asOf`, in order. */
export function upcoming(answer: CardDates): HouseholdDate[];
/** Whether the マイナ保険証 works today, from a `cardDates` answer's headline. */
export function today(answer: CardDates): Today;
