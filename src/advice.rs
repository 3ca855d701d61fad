//! 必要な書類: which documents a visitor needs at a clinic, whether a 資格確認書
//! comes to them and how (from `eligibility`), and what to do now.
//!
//! RULES.md, "What to bring to a clinic" and the society's page.

use chrono::NaiveDate;
use serde::Serialize;

use crate::answer::{Condition, IsoDate, Msg, Note, Said, Step, Value, Values};
use crate::certificate::CertificateStatus;
use crate::eligibility::{self, Delivery, Issue, Membership, Reason, ReturnTo, WhoFacts};
use crate::error::ApiError;
use crate::insurer::Issued;
use crate::profile::{Profile, Route};
use crate::rules::Rule;

/// The old 健康保険証 is unusable from this day (令和7年12月2日, society).
pub const OLD_CARD_UNUSABLE_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2025, 12, 2) {
    Some(d) => d,
    None => panic!("2025-12-02 exists"),
};

/// Rule **old-card-temporary**: the last day clinics could take an expired
/// 健康保険証 or the お知らせ alone (事務連絡, extended to 2026-07-31).
pub const OLD_CARD_TEMPORARY_UNTIL: NaiveDate = match NaiveDate::from_ymd_opt(2026, 7, 31) {
    Some(d) => d,
    None => panic!("2026-07-31 exists"),
};

/// マイナンバーカード (lost and card-lost lines): the national free dial.
pub const MYNUMBER_FREE_DIAL: &str = "0120-95-0178";

api_enum! {
    /// マイナンバーカードの状況.
    pub enum CardState {
        /// 作っていない
        None = "none",
        /// 持っている
        Have = "have",
        /// 返納した
        Returned = "returned",
        /// 紛失した
        Lost = "lost",
        /// 更新中
        Renewing = "renewing",
        /// カード本体の有効期限が切れた
        Expired = "expired",
    }
}

/// The visitor's situation (validated by `api`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Situation {
    pub membership: Membership,
    pub card: CardState,
    pub registered: bool,
    pub registration_cancelled: bool,
    /// From `cardDates` (`renewable` counts as valid here).
    pub certificate: CertificateStatus,
    pub number_on_file: bool,
    pub needs_helper: bool,
    pub eligibility_certificate_lost: bool,
    /// DV被害者などで、資格情報を閲覧できない設定をしている.
    pub protected_record: bool,
    /// 加入したばかり (入社・扶養に入った): asked only where the insurer's
    /// `newMembers` or `validityFor` makes it matter; `None` when not told.
    pub just_joined: Option<bool>,
    pub smartphone: bool,
    /// The day a 資格確認書 was issued, if the visitor has one.
    pub eligibility_certificate_issued: Option<NaiveDate>,
    pub as_of: NaiveDate,
}

api_enum! {
    /// 持ち物: a document to show at a clinic.
    pub enum Document {
        /// マイナンバーカード (マイナ保険証)
        MyNumberCard = "my-number-card",
        /// スマートフォンのマイナ保険証
        Smartphone = "smartphone",
        /// 資格確認書
        EligibilityCertificate = "eligibility-certificate",
        /// 資格情報のお知らせ
        EligibilityNotice = "eligibility-notice",
        /// マイナポータルの資格情報画面 (or its PDF)
        MynaportalScreen = "mynaportal-screen",
    }
}

/// The 資格確認書 part of the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct EligibilityAnswer {
    pub issue: Issue,
    pub reasons: Vec<Reason>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Delivery | null"))]
    pub delivery: Option<Delivery>,
}

/// The answer of `adviseDocuments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Advice {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub as_of: IsoDate,
    /// The one sentence that opens the answer.
    pub headline: Said,
    /// The one thing to do next.
    pub next: Said,
    pub eligibility_certificate: EligibilityAnswer,
    pub bring: Vec<Document>,
    pub if_reader_fails: Vec<Document>,
    pub actions: Vec<Said>,
    pub notes: Vec<Note>,
    pub steps: Vec<Step>,
}

fn expired(c: CertificateStatus) -> bool {
    c == CertificateStatus::Expired
}

/// Whether the visitor has a working マイナ保険証 (card in hand, registered,
/// certificate valid or in grace, My Number on file with the society).
pub fn has_working_card(s: &Situation) -> bool {
    s.card == CardState::Have
        && s.registered
        && !s.registration_cancelled
        && !expired(s.certificate)
        && s.number_on_file
}

/// The facts rule **eligibility-certificate-who** decides on.
pub fn who_facts(s: &Situation) -> WhoFacts {
    WhoFacts {
        no_card: s.card == CardState::None,
        holds_card: matches!(
            s.card,
            CardState::Have | CardState::Lost | CardState::Renewing
        ),
        returned: s.card == CardState::Returned,
        lost: s.card == CardState::Lost,
        renewing: s.card == CardState::Renewing,
        card_expired: s.card == CardState::Expired,
        protected_record: s.protected_record,
        registered: s.registered,
        registration_cancelled: s.registration_cancelled,
        certificate_expired: expired(s.certificate),
        number_on_file: s.number_on_file,
        needs_helper: s.needs_helper,
        eligibility_certificate_lost: s.eligibility_certificate_lost,
        working: has_working_card(s),
    }
}

/// What the visitor answered 「わからない」 to. `Situation` then holds the
/// likelier answer (registered, My Number on file, certificate valid).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unknowns {
    pub registered: bool,
    pub number_on_file: bool,
    pub certificate: bool,
}

/// `adviseDocuments` when some answers are 「わからない」: the advice for every
/// way they could be, put together so that it holds in each (bring what any
/// of them needs; a 資格確認書 that comes in one case and not the other
/// `depends`), with a note that says how to find out.
///
/// # Errors
/// `inconsistent_input` for answers that cannot all be true.
pub fn advise_unsure(s: &Situation, u: Unknowns, profile: &Profile) -> Result<Advice, ApiError> {
    let holds_card = matches!(
        s.card,
        CardState::Have | CardState::Lost | CardState::Renewing
    );
    // Each case with the answers it assumes (the likelier one first).
    let mut cases: Vec<(Situation, Vec<Condition>)> = vec![(s.clone(), Vec::new())];
    let split = |cases: &mut Vec<(Situation, Vec<Condition>)>,
                 key: &'static str,
                 (likely, other): (&'static str, &'static str),
                 flip: &dyn Fn(&mut Situation)| {
        let more: Vec<(Situation, Vec<Condition>)> = cases
            .iter_mut()
            .map(|(c, when)| {
                let mut c = c.clone();
                flip(&mut c);
                let mut flipped = when.clone();
                flipped.push(Condition { key, value: other });
                when.push(Condition { key, value: likely });
                (c, flipped)
            })
            .collect();
        cases.extend(more);
    };
    if u.registered && holds_card && !s.registration_cancelled {
        split(&mut cases, "registered", ("true", "false"), &|c| {
            c.registered = false
        });
    }
    if u.number_on_file {
        split(&mut cases, "numberOnFile", ("true", "false"), &|c| {
            c.number_on_file = false
        });
    }
    if u.certificate && s.card == CardState::Have {
        split(&mut cases, "certificate", ("valid", "expired"), &|c| {
            c.certificate = CertificateStatus::Expired
        });
    }
    let mut answers = Vec::with_capacity(cases.len());
    for (c, _) in &cases {
        answers.push(advise(c, profile)?);
    }
    // 計算の根拠 says which answer each step assumes, where the cases differ.
    let steps = conditioned_steps(&answers, &cases);
    let mut merged = answers.remove(0);
    if !answers.is_empty() {
        for other in answers {
            merge(&mut merged, other, profile);
        }
        // What to do first is to find out: the answer differs between the cases.
        merged.next = Said::bare(Msg::NextFindOut);
    }
    merged.steps = steps;
    for (unsure, msg) in [
        (u.registered && holds_card, Msg::RegistrationUnknown),
        (u.number_on_file, Msg::NumberOnFileUnknown),
        (
            u.certificate && s.card == CardState::Have,
            Msg::CertificateStatusUnknown,
        ),
    ] {
        if unsure {
            merged.notes.insert(0, Note::bare(msg));
        }
    }
    Ok(merged)
}

/// Every case's steps, once each in the order first met; a step that not
/// every case has carries the answers all the cases that have it assume.
fn conditioned_steps(answers: &[Advice], cases: &[(Situation, Vec<Condition>)]) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    for a in answers {
        for step in &a.steps {
            if out.iter().any(|s| same_step(s, step)) {
                continue;
            }
            let holders: Vec<&Vec<Condition>> = answers
                .iter()
                .zip(cases)
                .filter(|(a, _)| a.steps.iter().any(|s| same_step(s, step)))
                .map(|(_, (_, when))| when)
                .collect();
            let mut step = step.clone();
            if holders.len() < answers.len() {
                step.when = holders
                    .first()
                    .map(|first| {
                        first
                            .iter()
                            .filter(|c| holders.iter().all(|h| h.contains(c)))
                            .copied()
                            .collect()
                    })
                    .unwrap_or_default();
            }
            out.push(step);
        }
    }
    out
}

fn same_step(a: &Step, b: &Step) -> bool {
    a.rule == b.rule && a.code == b.code && a.values == b.values
}

/// Adds what `other` needs to `into`, keeping `into`'s order.
fn merge(into: &mut Advice, other: Advice, profile: &Profile) {
    fn union<T: PartialEq>(into: &mut Vec<T>, other: Vec<T>) {
        for x in other {
            if !into.contains(&x) {
                into.push(x);
            }
        }
    }
    /// Adds each new item before the first that `rank`s after it (a list of
    /// a few items: no sort machinery in the wasm).
    fn union_ranked<T: PartialEq>(into: &mut Vec<T>, other: Vec<T>, rank: impl Fn(&T) -> usize) {
        for x in other {
            if !into.contains(&x) {
                let at = into
                    .iter()
                    .position(|y| rank(y) > rank(&x))
                    .unwrap_or(into.len());
                into.insert(at, x);
            }
        }
    }
    let e = &mut into.eligibility_certificate;
    if e.issue != other.eligibility_certificate.issue {
        e.issue = Issue::Depends;
    }
    // The insurer's order (its ① first).
    union_ranked(&mut e.reasons, other.eligibility_certificate.reasons, |r| {
        profile.number_of(*r).unwrap_or(usize::MAX)
    });
    e.delivery = e.delivery.or(other.eligibility_certificate.delivery);
    if into.headline != other.headline {
        into.headline = Said::bare(Msg::HeadlineBringBoth);
    }
    union(&mut into.bring, other.bring);
    union(&mut into.if_reader_fails, other.if_reader_fails);
    // Only what is to be done either way: an action of one case alone (wait
    // for a 資格確認書, register the card…) would be told as a fact to a
    // visitor for whom it may be wrong; the notes say how to find out, and
    // the answer once known lists it.
    into.actions.retain(|a| other.actions.contains(a));
    // One ask_the_society note, for every unlisted reason of either case.
    let unlisted = |notes: &[Note]| -> Vec<&'static str> {
        notes
            .iter()
            .filter(|n| n.code.0 == Msg::AskTheSociety)
            .filter_map(|n| match n.values.get("reasons") {
                Some(Value::Codes(list)) => Some(list.clone()),
                _ => None,
            })
            .flatten()
            .collect()
    };
    let mut reasons = unlisted(&into.notes);
    let more = unlisted(&other.notes);
    if !more.is_empty() {
        union_ranked(&mut reasons, more, |r| {
            Reason::from_api(r).map_or(usize::MAX, |r| r as usize)
        });
        into.notes.retain(|n| n.code.0 != Msg::AskTheSociety);
        into.notes.insert(
            0,
            Note::new(Msg::AskTheSociety, Values::new().codes("reasons", reasons)),
        );
    }
    union(
        &mut into.notes,
        other
            .notes
            .into_iter()
            .filter(|n| n.code.0 != Msg::AskTheSociety)
            .collect(),
    );
}

/// `adviseDocuments`.
///
/// # Errors
/// `inconsistent_input` for answers that cannot all be true; `invalid_value`
/// on `membership` for one the insurer does not have.
pub fn advise(s: &Situation, profile: &Profile) -> Result<Advice, ApiError> {
    check_consistent(s)?;
    let route = profile.route(s.membership)?;
    let working = has_working_card(s);
    // smartphone-no-grace: a phone stops on the certificate expiry itself.
    let phone_works = working
        && s.smartphone
        && matches!(
            s.certificate,
            CertificateStatus::Valid | CertificateStatus::Renewable
        );
    let applying = eligibility::reasons(&who_facts(s));
    let (reasons, unlisted) = eligibility::listed(&applying, profile);
    let issue = eligibility::issue(&reasons, profile);
    // eligibility-certificate-who: a new member to whom a listed reason
    // applies gets one without applying where the insurer says so (newMembers).
    let joined_automatic =
        s.just_joined == Some(true) && profile.new_members_automatic && issue != Issue::None;
    let issue = if joined_automatic {
        Issue::Automatic
    } else {
        issue
    };
    let delivery = (issue != Issue::None).then_some(route.delivery);

    let mut steps = who_steps(s, &reasons, issue, joined_automatic, route, profile);
    let (bring, if_reader_fails) = documents(s, working, phone_works);
    steps.push(Step::new(
        Rule::WhatToBring,
        if phone_works {
            Msg::BringPhone
        } else if working {
            Msg::BringCard
        } else {
            Msg::BringEligibilityCertificate
        },
        Values::new(),
    ));
    let actions = actions(s, issue, route);
    let mut notes = notes(s, working, phone_works);
    // eligibilityNotice.sentTo: who has the お知らせ to show with the card.
    if working {
        notes.push(Note::bare(if profile.notice_to_all {
            Msg::NoticeSentToAll
        } else {
            Msg::NoticeSentToRegistered
        }));
    }
    if !unlisted.is_empty() {
        notes.insert(
            0,
            Note::new(
                Msg::AskTheSociety,
                Values::new().codes("reasons", unlisted.iter().map(|r| r.as_str()).collect()),
            ),
        );
    }
    if issue != Issue::None {
        // Renewed automatically only if every listed reason that applies is
        // renewed so (automatic-first-time ones are not).
        let automatic = reasons
            .iter()
            .all(|r| profile.renewed_automatically_for(Some(*r)) == Some(true));
        notes.push(Note::bare(if automatic {
            Msg::RenewedAutomatically
        } else {
            Msg::RenewalOnApplication
        }));
    }
    let headline = Said::bare(if phone_works {
        Msg::HeadlinePhoneWorks
    } else if working {
        Msg::HeadlineCardWorks
    } else if issue == Issue::Automatic {
        Msg::HeadlineUseEligibilityAutomatic
    } else if issue == Issue::OnApplication {
        Msg::HeadlineUseEligibilityOnApplication
    } else {
        Msg::HeadlineAskTheSociety
    });
    // old-card-temporary: from 2025-12-02 to 2026-07-31 clinics could still
    // take an expired 健康保険証, or the お知らせ alone (事務連絡).
    if (OLD_CARD_UNUSABLE_FROM..=OLD_CARD_TEMPORARY_UNTIL).contains(&s.as_of) {
        notes.push(Note::bare(Msg::OldCardTemporary));
    }
    let next = actions
        .iter()
        .find(|a| {
            !matches!(
                a.code.0,
                Msg::DisposeOldCard | Msg::DisposeOldCardFromAugust
            )
        })
        .cloned()
        // Nothing to do but go: with the card if it works, else ask the insurer
        // (a reason it does not list applies).
        .unwrap_or_else(|| {
            Said::bare(if working {
                Msg::NextCarryCard
            } else {
                Msg::NextAskTheSociety
            })
        });
    Ok(Advice {
        as_of: IsoDate(s.as_of),
        headline,
        next,
        eligibility_certificate: EligibilityAnswer {
            issue,
            reasons,
            delivery,
        },
        bring,
        if_reader_fails,
        actions,
        notes,
        steps,
    })
}

/// eligibility-certificate-who (and -validity, -return when one is issued).
fn who_steps(
    s: &Situation,
    reasons: &[Reason],
    issue: Issue,
    joined_automatic: bool,
    route: Route,
    profile: &Profile,
) -> Vec<Step> {
    let listed = || Values::new().codes("reasons", reasons.iter().map(|r| r.as_str()).collect());
    let who = |msg, values| Step::new(Rule::EligibilityCertificateWho, msg, values);
    let mut steps = vec![match issue {
        Issue::Automatic if joined_automatic => who(Msg::WhoAutomaticNewMember, listed()),
        Issue::Automatic => who(Msg::WhoAutomatic, listed()),
        Issue::OnApplication => who(Msg::WhoOnApplication, listed()),
        // (`depends` only comes from putting answers together, never from one.)
        Issue::None | Issue::Depends => who(Msg::WhoNone, Values::new()),
    }];
    if issue == Issue::None {
        return steps;
    }
    steps.push(who(
        match (route.delivery, s.membership) {
            (Delivery::Employer, Membership::Dependent) => Msg::DeliveryEmployerFamily,
            (Delivery::Employer, _) => Msg::DeliveryEmployer,
            (Delivery::Home, _) => Msg::DeliveryHome,
        },
        Values::new(),
    ));
    // Its expiry, where the insurer's rule gives one whatever it was issued for.
    let known = s.eligibility_certificate_issued.and_then(|d| {
        // What it was issued for, as far as the answers tell: a new member,
        // and the reason when only one applies.
        let how = Issued {
            new_member: s.just_joined,
            reason: match reasons {
                [only] => Some(*only),
                _ => None,
            },
        };
        let (validity, unsure) = profile.validity_of(how);
        (!unsure)
            .then(|| crate::insurer::expiry_by(validity, d).ok().flatten())
            .flatten()
    });
    if let Some(expires) = known {
        steps.push(Step::new(
            Rule::EligibilityCertificateValidity,
            Msg::EligibilityExpiryKnown,
            Values::new().date("expires", expires),
        ));
    }
    steps.push(eligibility::return_step(
        route.return_to,
        Some(s.membership),
        profile,
    ));
    steps
}

/// What to bring, and what to show if the reader or the online check fails
/// (RULES.md "What to bring to a clinic").
fn documents(s: &Situation, working: bool, phone_works: bool) -> (Vec<Document>, Vec<Document>) {
    if !working {
        return (vec![Document::EligibilityCertificate], Vec::new());
    }
    let mut bring = Vec::new();
    if phone_works {
        bring.push(Document::Smartphone);
    }
    bring.push(Document::MyNumberCard);
    if s.needs_helper {
        bring.push(Document::EligibilityCertificate);
    }
    let fails = if phone_works {
        vec![
            Document::MynaportalScreen,
            Document::MyNumberCard,
            Document::EligibilityNotice,
        ]
    } else {
        vec![
            Document::MyNumberCard,
            Document::EligibilityNotice,
            Document::MynaportalScreen,
        ]
    };
    (bring, fails)
}

/// What to do now, most urgent first (applying and giving the My Number go
/// where the insurer's route for the membership says).
fn actions(s: &Situation, issue: Issue, route: Route) -> Vec<Said> {
    let to_society = route.return_to == ReturnTo::Society;
    // A family member goes through the insured member's employer, not their own
    // (eligibility-certificate-who, 施行規則47条・51条: via the 事業主 of the 被保険者).
    let family = s.membership == Membership::Dependent;
    let mut actions = Vec::new();
    if s.card == CardState::Lost {
        // society: 「フリーダイヤルにて24時間365日体制で、カードの一時利用停止」.
        let phone = Values::new().text("phone", MYNUMBER_FREE_DIAL.to_string());
        actions.push(Said::new(Msg::ReportLostCard, phone));
    }
    let mut act = |msg| actions.push(Said::bare(msg));
    if s.card == CardState::Have {
        match s.certificate {
            CertificateStatus::Grace => act(Msg::RenewCertificateGrace),
            CertificateStatus::Expired => act(Msg::RenewCertificateExpired),
            _ => {}
        }
    }
    match issue {
        Issue::OnApplication => act(match (to_society, family) {
            (true, _) => Msg::ApplyEligibilityCertificateSociety,
            (false, true) => Msg::ApplyEligibilityCertificateFamily,
            (false, false) => Msg::ApplyEligibilityCertificateEmployer,
        }),
        Issue::Automatic => act(match (route.delivery, family) {
            (Delivery::Home, _) => Msg::WaitEligibilityCertificateHome,
            (Delivery::Employer, true) => Msg::WaitEligibilityCertificateFamily,
            (Delivery::Employer, false) => Msg::WaitEligibilityCertificateEmployer,
        }),
        Issue::None | Issue::Depends => {}
    }
    if !s.number_on_file {
        act(match (to_society, family) {
            (true, _) => Msg::SubmitMyNumberSociety,
            (false, true) => Msg::SubmitMyNumberFamily,
            (false, false) => Msg::SubmitMyNumberEmployer,
        });
    }
    if s.card == CardState::Have
        && !s.registered
        && !s.registration_cancelled
        && !expired(s.certificate)
    {
        act(Msg::RegisterCard);
    }
    if s.card == CardState::Renewing {
        act(Msg::CollectNewCard);
    }
    if s.card == CardState::None {
        act(Msg::GetCard);
    }
    if s.card == CardState::Expired {
        act(Msg::ApplyNewCard);
    }
    // old-card-temporary: while clinics may still take it (to 2026-07-31),
    // it is thrown away only from August.
    if s.as_of > OLD_CARD_TEMPORARY_UNTIL {
        act(Msg::DisposeOldCard);
    } else if s.as_of >= OLD_CARD_UNUSABLE_FROM {
        act(Msg::DisposeOldCardFromAugust);
    }
    actions
}

fn notes(s: &Situation, working: bool, phone_works: bool) -> Vec<Note> {
    let mut notes = Vec::new();
    let mut note = |msg| notes.push(Note::bare(msg));
    if working && s.smartphone && !phone_works {
        note(Msg::SmartphoneStopped);
    }
    note(Msg::NoticeAloneNotEnough);
    if s.smartphone && s.card == CardState::Renewing {
        note(Msg::SmartphoneSetupAgain);
    }
    if working {
        note(Msg::NoLimitCertificateNeeded);
        note(Msg::JobChangeNoRegistration);
    }
    if s.registration_cancelled {
        note(Msg::CancellationTakesTime);
    }
    if s.as_of < OLD_CARD_UNUSABLE_FROM {
        note(Msg::OldCardUntil);
    }
    notes
}

fn check_consistent(s: &Situation) -> Result<(), ApiError> {
    if matches!(s.card, CardState::None | CardState::Returned) && s.registered {
        return Err(ApiError::new(Msg::NoCardButRegistered, Some("registered")));
    }
    if s.registered && s.registration_cancelled {
        return Err(ApiError::new(
            Msg::RegisteredAndCancelled,
            Some("registrationCancelled"),
        ));
    }
    Ok(())
}
