//! Laws that hold for every date (proptest and exhaustive sweeps), and the
//! proof that no input makes the engine panic.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, Days, Months, NaiveDate};
use myna_hoken::advice::{self, CardState, Document, Situation};
use myna_hoken::api::{self, RawObject, RawValue};
use myna_hoken::card::{self, renewal_from, CardInput, CardStatus};
use myna_hoken::card_dates::{card_dates, CardQuery};
use myna_hoken::certificate::{
    grace_until, CertificateInput, CertificateStatus, NoGrace, GRACE_FROM,
};
use myna_hoken::date::{self, birthday_in_year, legal_age_on};
use myna_hoken::eligibility::{Issue, Membership, Reason};
use myna_hoken::parse::parse_date;
use myna_hoken::schema;
use myna_hoken::text;
use proptest::prelude::*;

mod common;

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(n)
}

/// Days from 1900-01-01 to 2100-12-31.
const DAYS_1900_2100: i64 = 73_413;

#[test]
fn every_day_1900_2100_round_trips_through_wareki() {
    for n in 0..=DAYS_1900_2100 {
        let d = day(n);
        let text = text::wareki(d).expect("every day since 1900 has an era");
        assert_eq!(parse_date(&text, None), Ok(d), "{text}");
        let iso = text::iso(d);
        assert_eq!(parse_date(&iso, None), Ok(d), "{iso}");
    }
}

#[test]
fn every_day_1900_2100_renewal_opens_the_day_after_three_months_before() {
    // chrono's checked_sub_months clamps to the month end, which is exactly
    // where RULES.md says "the 1st of the next month" once we add a day.
    for n in 0..=DAYS_1900_2100 {
        let e = day(n);
        let clamped = e.checked_sub_months(Months::new(3)).unwrap();
        assert_eq!(
            renewal_from(e),
            clamped.checked_add_days(Days::new(1)),
            "{e}"
        );
        let g = grace_until(e).unwrap();
        assert_eq!(g.month(), (e.month() + 2) % 12 + 1, "{e}");
        assert_eq!(g.checked_add_days(Days::new(1)).unwrap().day(), 1, "{e}");
    }
}

#[test]
fn every_day_eligibility_expiry_is_a_month_end_just_before_the_fifth_anniversary() {
    // KDDI's profile: months-to-month-end 60.
    let kddi = common::read_profile("kddi");
    for n in 0..=DAYS_1900_2100 {
        let issued = day(n);
        let e = kddi.expiry(issued).unwrap().unwrap();
        let anniversary_month_start =
            NaiveDate::from_ymd_opt(issued.year() + 5, issued.month(), 1).unwrap();
        assert_eq!(
            e.checked_add_days(Days::new(1)),
            Some(anniversary_month_start),
            "{issued}"
        );
    }
}

fn date_in(from: i64, to: i64) -> impl Strategy<Value = NaiveDate> {
    (from..=to).prop_map(day)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_certificate_never_outlives_the_card(
        birth in date_in(0, DAYS_1900_2100),
        offset in 0i64..30_000,
        card_in_window: bool,
        cert_offset in proptest::option::of(0i64..5000),
        cert_in_window: bool,
        applied: Option<bool>,
        smartphone: bool,
        as_of_offset in 0i64..8000,
    ) {
        let first = birth.max(card::FIRST_CARD_DAY);
        let created = first + chrono::Duration::days(offset % 30_000);
        prop_assume!(created.year() <= 2150);
        let q = CardQuery {
            card: CardInput {
                birthday: birth,
                issued: Some(created),
                printed: None,
                renewed_in_window: card_in_window,
                applied_before_2022_april: applied.filter(|_| created >= card::AGE_18_FROM),
            },
            certificate: CertificateInput {
                expires: None,
                // Renewed on its own some day between the card and the day asked about.
                issued: cert_offset.map(|o| created + chrono::Duration::days(o.min(as_of_offset))),
                renewed_in_window: cert_in_window && cert_offset.is_some(),
            },
            renewed: None,
            smartphone,
            stay: None,
            as_of: created + chrono::Duration::days(as_of_offset),
            as_of_given: true,
            profile: None,
        };
        match card_dates(&q) {
            Ok(r) => {
                let card_expires = r.card.expires.expect("a card made on a day has an expiry");
                let cert_expires = r.certificate.expires.expect("not renewed: its date is known");
                prop_assert!(cert_expires <= card_expires);
                // The card expires on a birthday, 5 to 11 birthdays after it was made.
                prop_assert_eq!(birthday_in_year(birth, card_expires.0.year()), Some(card_expires.0));
                let years = card_expires.0.year() - created.year();
                prop_assert!((4..=12).contains(&years), "{} years", years);
                // Renewal opens less than 3 months before expiry, never after it.
                prop_assert!(r.card.renewal_from.unwrap() <= card_expires);
                prop_assert!(r.certificate.renewal_from.unwrap().0 > cert_expires.0 - chrono::Duration::days(93));
                // Grace follows the expiry; none on a phone, none for an expiry
                // before 2024-12-02, none when the card itself expires that day
                // (insurance-grace).
                match (r.insurance.grace_until, r.insurance.no_grace) {
                    (Some(g), None) => prop_assert!(g > cert_expires && !smartphone),
                    (None, Some(NoGrace::Smartphone)) => prop_assert!(smartphone),
                    (None, Some(NoGrace::BeforeMeasure)) => prop_assert!(!smartphone && cert_expires.0 < GRACE_FROM),
                    (None, Some(NoGrace::CardExpires)) => prop_assert!(!smartphone && cert_expires == card_expires),
                    other => prop_assert!(false, "grace {:?}", other),
                }
                prop_assert!(!r.steps.is_empty());
            }
            // The only refusal for a consistent query: a certificate renewed after the card expired.
            Err(e) => prop_assert!(
                e.code() == "inconsistent_input" && e.field.as_deref() == Some("certificateIssued"),
                "{:?}", e
            ),
        }
    }

    #[test]
    fn the_printed_expiry_gives_the_same_dates_as_the_issue_date(
        birth in date_in(0, DAYS_1900_2100),
        offset in 0i64..30_000,
    ) {
        let created = birth.max(card::FIRST_CARD_DAY) + chrono::Duration::days(offset);
        prop_assume!(created.year() <= 2150);
        let as_of = created;
        let base = CardQuery {
            card: CardInput { birthday: birth, issued: Some(created), applied_before_2022_april: Some(false).filter(|_| created >= card::AGE_18_FROM), ..CardInput::default() },
            as_of,
            ..CardQuery::default()
        };
        let from_issue = card_dates(&base).unwrap();
        let face = CardQuery {
            card: CardInput { birthday: birth, printed: from_issue.card.expires.map(|d| d.0), ..CardInput::default() },
            as_of,
            ..CardQuery::default()
        };
        let from_face = card_dates(&face).unwrap();
        prop_assert_eq!(from_face.card.expires, from_issue.card.expires);
        prop_assert_eq!(from_face.certificate.expires, from_issue.certificate.expires);
        // certificate-face: the certificate's own expiry alone gives the same
        // certificate dates, and leaves the card unknown.
        let handwritten = CardQuery {
            card: CardInput { birthday: birth, ..CardInput::default() },
            certificate: CertificateInput { expires: from_issue.certificate.expires.map(|d| d.0), ..CertificateInput::default() },
            as_of,
            ..CardQuery::default()
        };
        let from_hand = card_dates(&handwritten).unwrap();
        prop_assert_eq!(&from_hand.certificate.expires, &from_issue.certificate.expires);
        prop_assert_eq!(&from_hand.certificate.renewal_from, &from_issue.certificate.renewal_from);
        prop_assert_eq!(&from_hand.certificate.status, &from_issue.certificate.status);
        // The grace is the same, except that the card's own expiry is not
        // known from the handwritten date: a card that expires with its
        // certificate has none (insurance-grace), which only its date tells.
        if from_issue.insurance.no_grace == Some(NoGrace::CardExpires) {
            prop_assert_eq!(&from_hand.insurance.usable_until, &from_issue.insurance.usable_until);
        } else {
            prop_assert_eq!(&from_hand.insurance, &from_issue.insurance);
        }
        prop_assert_eq!(from_hand.card.status, CardStatus::Unknown);
        prop_assert_eq!(from_hand.card.expires, None);
    }

    #[test]
    fn legal_age_never_decreases_and_grows_one_year_a_year(
        birth in date_in(0, DAYS_1900_2100),
        a in 0i64..40_000,
        b in 0i64..40_000,
    ) {
        let (x, y) = (birth + chrono::Duration::days(a.min(b)), birth + chrono::Duration::days(a.max(b)));
        let (ax, ay) = (legal_age_on(birth, x).unwrap(), legal_age_on(birth, y).unwrap());
        prop_assert!(ax <= ay);
        // The legal age is the age of the next day's calendar count.
        let next = x + chrono::Duration::days(1);
        let calendar_next = next.years_since(birth).unwrap_or(0);
        prop_assert_eq!(ax, calendar_next);
    }

    #[test]
    fn no_text_makes_parse_date_panic(s in "\\PC{0,60}") {
        let _ = parse_date(&s, None);
    }

    #[test]
    fn no_date_like_text_makes_parse_date_panic(
        era in "(令和|平成|昭和|大正|明治|R|H|S|T|M|Ｒ|)",
        y in "[0-9０-９元]{0,7}", m in "[0-9０-９]{0,3}", d in "[0-9０-９]{0,3}",
        sep in "[年月日/.\\-．／ ]{0,3}",
    ) {
        let s = format!("{era}{y}{sep}{m}{sep}{d}");
        if let Ok(date) = parse_date(&s, None) {
            prop_assert!(date >= date::MIN_DATE && date <= date::MAX_DATE);
        }
    }

    #[test]
    fn no_input_object_makes_the_api_panic(
        entries in proptest::collection::vec((key(), value()), 0..12),
        today in date_in(0, 110_000),
    ) {
        let _ = api::card_dates(RawObject(entries.clone()), today);
        let _ = api::eligibility_certificate_dates(RawObject(entries.clone()), today);
        let _ = api::advise_documents(RawObject(entries.clone()), today);
        for (_, v) in &entries {
            let _ = api::parse_date_text(v);
            let _ = api::format_wareki_text(v);
            let _ = api::describe_date(v);
        }
    }
}

/// Keys: mostly real ones (so deep paths are reached), some unknown.
fn key() -> impl Strategy<Value = String> {
    let known: Vec<&'static str> = schema::FUNCTIONS
        .iter()
        .flat_map(|(_, spec)| schema::keys(spec))
        .collect();
    prop_oneof![
        8 => proptest::sample::select(known).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ]
}

/// Values: real dates of any year, extreme dates, enum words, booleans, junk.
fn value() -> impl Strategy<Value = RawValue> {
    prop_oneof![
        4 => (1i32..=2300, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| RawValue::Text(format!("{y:04}-{m:02}-{d:02}"))),
        1 => proptest::sample::select(vec!["1900-01-01", "2200-12-31", "2016-01-01", "2022-03-31", "2022-04-01", "2024-12-02", "+262143-12-31", "-0001-01-01"]).prop_map(|s| RawValue::Text(s.into())),
        2 => proptest::sample::select(vec!["insured", "dependent", "voluntary-insured", "voluntary-dependent", "none", "have", "returned", "lost", "renewing", "valid", "grace", "expired", "ja", "en"]).prop_map(|s| RawValue::Text(s.into())),
        2 => any::<bool>().prop_map(RawValue::Bool),
        1 => any::<f64>().prop_map(RawValue::Number),
        1 => "\\PC{0,30}".prop_map(RawValue::Text),
        1 => Just(RawValue::Null),
        1 => Just(RawValue::Other),
    ]
}

#[test]
fn advice_laws_hold_for_every_situation() {
    // KDDI's profile lists every reason: without a working card, something is issued.
    let kddi = common::read_profile("kddi");
    let cards = [
        CardState::None,
        CardState::Have,
        CardState::Returned,
        CardState::Lost,
        CardState::Renewing,
        CardState::Expired,
    ];
    let certs = [
        CertificateStatus::Valid,
        CertificateStatus::Renewable,
        CertificateStatus::Grace,
        CertificateStatus::Expired,
    ];
    let members = [
        Membership::Insured,
        Membership::Dependent,
        Membership::VoluntaryInsured,
        Membership::VoluntaryDependent,
    ];
    let mut checked = 0;
    for membership in members {
        for card in cards {
            for bits in 0u32..128 {
                for certificate in certs {
                    let flag = |i: u32| bits & (1 << i) != 0;
                    let s = Situation {
                        membership,
                        card,
                        certificate,
                        registered: flag(0),
                        registration_cancelled: flag(1),
                        number_on_file: flag(2),
                        needs_helper: flag(3),
                        eligibility_certificate_lost: flag(4),
                        smartphone: flag(5),
                        protected_record: flag(6),
                        just_joined: None,
                        eligibility_certificate_issued: None,
                        as_of: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
                    };
                    let Ok(a) = advice::advise(&s, &kddi) else {
                        continue;
                    };
                    checked += 1;
                    let e = &a.eligibility_certificate;
                    // Reasons in the society's order, no duplicates.
                    assert!(e.reasons.windows(2).all(|w| w[0] < w[1]), "{s:?}");
                    // issue follows from the reasons.
                    let auto = e
                        .reasons
                        .iter()
                        .any(|r| kddi.issue_for(*r) == Some(Issue::Automatic));
                    assert_eq!(e.issue == Issue::Automatic, auto, "{s:?}");
                    assert_eq!(e.issue == Issue::None, e.reasons.is_empty(), "{s:?}");
                    assert_eq!(e.delivery.is_none(), e.issue == Issue::None, "{s:?}");
                    // The notice alone is never enough; the old card is never listed.
                    assert!(!a.bring.contains(&Document::EligibilityNotice), "{s:?}");
                    let working = advice::has_working_card(&s);
                    if working {
                        assert!(
                            matches!(
                                a.bring.first(),
                                Some(Document::MyNumberCard | Document::Smartphone)
                            ),
                            "{s:?}"
                        );
                        assert!(a.if_reader_fails.contains(&Document::MyNumberCard));
                    } else {
                        assert_eq!(a.bring, vec![Document::EligibilityCertificate], "{s:?}");
                        assert!(a.if_reader_fails.is_empty());
                        assert_ne!(
                            e.issue,
                            Issue::None,
                            "no working card must give a 資格確認書: {s:?}"
                        );
                    }
                    // A certificate in grace never counts as expired (③), unless
                    // the card itself expired with it (no grace then: insurance-grace).
                    if certificate == CertificateStatus::Grace && card != CardState::Expired {
                        assert!(!e.reasons.contains(&Reason::CertificateExpired));
                    }
                }
            }
        }
    }
    assert!(checked > 2700, "only {checked} situations were consistent");
}
