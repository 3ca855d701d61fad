// Written from the engine's profile contract (src/profile.rs) by tests/contract.rs. Do not edit.

/** A text of a profile: one string, or one per language (`ja` required). */
export type ProfileText = string | ({ ja: string } & Record<string, string>);

/** How a 資格確認書's expiry follows from its issue date, by `kind`. */
export type ProfileValidity = ({ kind: "months-to-month-end" } & {
  /** Months from issue: the expiry is the last month end before that day (60: 2024-12-02 → 2029-11-30) */
  months: number;
}) | ({ kind: "fixed" } & {
  /** The expiry for each issuing period (oldest first, no overlap) */
  periods: {
    /** First issue day of this period */
    issuedFrom: string;
    /** Last issue day of this period */
    issuedTo: string;
    /** The expiry of those issued in this period */
    expires: string;
  }[];
}) | ({ kind: "year-end" } & {
  /** Until the last 31 December within this many years of issue (5: 2025-06-01 → 2029-12-31) */
  years: number;
}) | ({ kind: "printed" } & {});

/** An insurer's profile (README "Use it for your society"; JSON Schema: profiles/profile.schema.json). */
export interface Profile {
  /** The JSON Schema of this contract, for editors: "./profile.schema.json" */
  "$schema"?: string | null;
  /** A short id of the insurer (the file's name) */
  id: ProfileText;
  /** The insurer's full name ({society} on screen) */
  name: ProfileText;
  /** The insurer's short name (shown with sources) */
  shortName: ProfileText;
  /** The day the sources were checked */
  checked: string;
  /** Where the profile's values come from */
  sources: ({
    /** The source's title */
    title: ProfileText;
    /** The source's address */
    url: string;
    /** The paths of the values it supports (for maintainers) */
    covers?: string[] | null;
  })[];
  /** Contacts (each number once, saying what it is for) */
  contacts: ({
    /** The contact's name */
    label: ProfileText;
    /** Phone number (null when not published) */
    phone: ProfileText | null;
    /** Hours (or null) */
    hours: ProfileText | null;
    /** A page's address (or null) */
    url: string | null;
    /** Postal address (where forms go) */
    address?: ProfileText | null;
    /** What it is for: card-lost, card-use, eligibility-certificate, registration-cancel, general */
    for?: ("card-lost" | "card-use" | "eligibility-certificate" | "registration-cancel" | "general")[] | null;
  })[];
  /** Delivery and return per membership (leave out those the insurer has not; at least one) */
  memberships: {
    /** Insured members */
    insured?: {
      /** How a 資格確認書 reaches the member: employer (through the employer), home (by post) */
      delivery: "employer" | "home";
      /** Where it goes back when membership ends: employer (through the employer), society (to the insurer directly) */
      returnTo: "employer" | "society";
      /** The insurer's own name for this membership (「組合員」…); without it, the widget's words */
      label?: ProfileText | null;
    } | null;
    /** Dependents */
    dependent?: {
      /** How a 資格確認書 reaches the member: employer (through the employer), home (by post) */
      delivery: "employer" | "home";
      /** Where it goes back when membership ends: employer (through the employer), society (to the insurer directly) */
      returnTo: "employer" | "society";
      /** The insurer's own name for this membership (「組合員」…); without it, the widget's words */
      label?: ProfileText | null;
    } | null;
    /** Voluntarily continued members */
    "voluntary-insured"?: {
      /** How a 資格確認書 reaches the member: employer (through the employer), home (by post) */
      delivery: "employer" | "home";
      /** Where it goes back when membership ends: employer (through the employer), society (to the insurer directly) */
      returnTo: "employer" | "society";
      /** The insurer's own name for this membership (「組合員」…); without it, the widget's words */
      label?: ProfileText | null;
    } | null;
    /** Their dependents */
    "voluntary-dependent"?: {
      /** How a 資格確認書 reaches the member: employer (through the employer), home (by post) */
      delivery: "employer" | "home";
      /** Where it goes back when membership ends: employer (through the employer), society (to the insurer directly) */
      returnTo: "employer" | "society";
      /** The insurer's own name for this membership (「組合員」…); without it, the widget's words */
      label?: ProfileText | null;
    } | null;
  };
  /** The eligibility certificate (資格確認書) */
  eligibilityCertificate: {
    /** What it looks like (or null) */
    form: ProfileText | null;
    /** How its expiry follows from the issue date */
    validity: ProfileValidity;
    /** Validities for some cases (the first that applies; else validity) */
    validityFor?: ({
      /** For one issued to a new member (true), or not */
      newMember?: boolean | null;
      /** For one issued for these reasons */
      reasons?: ("no-card" | "not-registered" | "certificate-expired" | "card-returned" | "registration-cancelled" | "number-not-on-file" | "card-lost" | "card-renewing" | "needs-helper" | "eligibility-certificate-lost" | "card-expired" | "protected-record")[] | null;
      /** Its validity then */
      validity: ProfileValidity;
    })[] | null;
    /** The reasons it is issued for, in the insurer's order (① first) */
    reasons: ({
      /** The reason */
      reason: "no-card" | "not-registered" | "certificate-expired" | "card-returned" | "registration-cancelled" | "number-not-on-file" | "card-lost" | "card-renewing" | "needs-helper" | "eligibility-certificate-lost" | "card-expired" | "protected-record";
      /** automatic, on-application, or automatic-first-time (automatic the first time, renewed on application) */
      issue: "automatic" | "on-application" | "automatic-first-time";
    })[];
    /** automatic: a new member (joining) to whom a reason applies gets one without applying (メルテック健保); without it, as reasons say */
    newMembers?: "automatic" | null;
    /** A new one at expiry: automatic or on-application */
    renewalAtExpiry: "automatic" | "on-application";
    /** When it comes after an unrenewed certificate */
    afterCertificateExpiry: {
      /** After the end of which month following the expiry month it comes */
      monthsAfterExpiryMonth: number;
    };
  };
  /** The eligibility notice (資格情報のお知らせ) */
  eligibilityNotice: {
    /** Who got the eligibility notice: registered or all */
    sentTo: "registered" | "all";
  };
  /** Notes for maintainers (never shown) */
  notes?: string | null;
}
