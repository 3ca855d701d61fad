// myna-hoken.js: the <myna-hoken> element (README "Embed in your site").
import type { Advice, CardDates, EligibilityDates, Profile } from './myna-hoken-api.js';

/** Which answer: 有効期限を調べる, 必要な書類を調べる, 資格確認書の有効期限. */
export type View = 'card' | 'documents' | 'eligibility';

/** An answer the widget showed (`result`, and the `myna-hoken-result` event's `detail`). */
export interface MynaHokenResult {
  view: View;
  /** The answers as the engine read them (dates as "YYYY-MM-DD"). */
  input: Record<string, string | boolean>;
  result: CardDates | Advice | EligibilityDates;
}

/** The calculator element. Attributes: `lang`, `as-of`, `view`, `profile` (a URL). */
export declare class MynaHoken extends HTMLElement {
  /** The insurer's profile it answers for (set an object instead of the `profile` attribute). */
  profile: Profile | null;
  /** The last answer shown, or null. */
  readonly result: MynaHokenResult | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'myna-hoken': MynaHoken;
  }
  interface HTMLElementEventMap {
    'myna-hoken-result': CustomEvent<MynaHokenResult>;
  }
}
