//! 語彙: the values every layer shares — memberships, the reasons for a
//! 資格確認書, how it is issued, how it reaches a member and goes back. At the
//! bottom of the engine: it imports nothing of the crate, so the profile (an
//! insurer's facts), the rules and the answers can all use it without a circle.

api_enum! {
    /// 加入区分: the visitor's membership of the society.
    pub enum Membership {
        /// 被保険者 (in employment).
        Insured = "insured",
        /// 被扶養者 (their family).
        Dependent = "dependent",
        /// 任意継続被保険者.
        VoluntaryInsured = "voluntary-insured",
        /// 任意継続被保険者の被扶養者.
        VoluntaryDependent = "voluntary-dependent",
    }
}

impl Membership {
    /// 任意継続: the society deals with the member directly, by post.
    pub fn is_voluntary(self) -> bool {
        matches!(
            self,
            Membership::VoluntaryInsured | Membership::VoluntaryDependent
        )
    }
}

api_enum! {
    /// Where a 資格確認書 goes back to (the insurer's profile says, per membership).
    pub enum ReturnTo {
        /// Through the employer.
        Employer = "employer",
        /// To the insurer directly.
        Society = "society",
        /// Membership not given, and the insurer's memberships differ: the step names which do which.
        Unknown = "unknown",
    }
}

api_enum! {
    /// 交付対象の理由 ①-⑩, in the society's order.
    pub enum Reason {
        /// ① マイナンバーカードを作っていない
        NoCard = "no-card",
        /// ② 健康保険証として利用登録をしていない
        NotRegistered = "not-registered",
        /// ③ 電子証明書の有効期限が切れている(猶予期間も終了)
        CertificateExpired = "certificate-expired",
        /// ④ マイナンバーカードを返納した
        CardReturned = "card-returned",
        /// ⑤ 利用登録を解除した
        RegistrationCancelled = "registration-cancelled",
        /// ⑥ 当組合にマイナンバーが登録されていない
        NumberNotOnFile = "number-not-on-file",
        /// ⑦ マイナンバーカードを紛失した
        CardLost = "card-lost",
        /// ⑧ マイナンバーカードを更新中
        CardRenewing = "card-renewing",
        /// ⑨ 受診に介助者のサポートが必要
        NeedsHelper = "needs-helper",
        /// ⑩ 資格確認書を滅失・き損し、マイナ保険証を使えない
        EligibilityCertificateLost = "eligibility-certificate-lost",
        /// マイナンバーカード本体の有効期限が切れた (日本郵政共済 ②).
        CardExpired = "card-expired",
        /// DV被害者などで、資格情報を閲覧できない設定をしている (日本郵政共済 ④).
        ProtectedRecord = "protected-record",
    }
}

api_enum! {
    /// 交付: `automatic` | `on-application` | `none`.
    pub enum Issue {
        Automatic = "automatic",
        OnApplication = "on-application",
        None = "none",
        /// Some answers were 「わからない」 and the answer differs between them.
        Depends = "depends",
    }
}

api_enum! {
    /// 届け方: `employer` (所属会社経由) | `home` (自宅へ郵送).
    pub enum Delivery {
        Employer = "employer",
        Home = "home",
    }
}
