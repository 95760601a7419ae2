//! Words of the UI and of emails, Bahasa Indonesia first, English second.
//!
//! One exhaustive `match` per language: a key without a translation does not compile. It lives in
//! the core crate (no Leptos) so that emails, rendered by the server, use the same catalogue.

mod en;
mod id;
mod problems;

use serde::{Deserialize, Serialize};

pub use problems::problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Accepts `id`, `en` and region variants such as `en-US`; anything else is Indonesian.
    pub fn parse(s: &str) -> Lang {
        let s = s.trim().to_ascii_lowercase();
        if s == "en" || s.starts_with("en-") {
            Lang::En
        } else {
            Lang::Id
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    pub fn t(self, m: Msg) -> &'static str {
        match self {
            Lang::Id => id::text(m),
            Lang::En => en::text(m),
        }
    }
}

/// Message keys. Add a key here and the compiler asks for both translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppName,
    AppTagline,
    NavSessions,
    NavNewSession,
    NavLogin,
    NavLogout,
    /// The name of the *other* language, on the switch link.
    OtherLanguage,
    SkipToContent,

    SessionsTitle,
    SessionsEmpty,
    SessionCreated,
    ModeInPerson,
    ModeOnline,
    ModeHybrid,
    TrackPembibitan,
    TrackMentoring,
    TrackInkubasi,
    RoomSeats,
    OnlineSeats,
    Cancelled,
    Until,
    SendTestInvitation,
    TestInvitationQueued,
    TestInvitationAlreadyQueued,

    NewSessionTitle,
    NewSessionIntro,
    FieldTitle,
    FieldDescription,
    FieldProgramme,
    FieldMode,
    FieldRegion,
    FieldZone,
    FieldStartsAt,
    FieldEndsAt,
    FieldRoomCapacity,
    FieldOnlineCapacity,
    FieldVenue,
    FieldMeetingUrl,
    HintTimes,
    HintCapacity,
    HintMeetingUrl,
    ChooseOne,
    SaveSession,
    Saving,
    FormHasErrors,
    ZoneWib,
    ZoneWita,
    ZoneWit,

    LoginTitle,
    LoginIntro,
    FieldEmail,
    FieldPassword,
    LoginButton,
    LoggedInAs,
    DemoAccounts,

    ErrUnauthenticated,
    ErrForbidden,
    ErrNotFound,
    ErrInternal,
    ErrBadRequest,
    /// `{n}`: seconds to wait.
    ErrRateLimited,
    NotFoundPage,

    MailTestInvitationSubject,
    MailGreeting,
    MailInvitationIntro,
    MailWhen,
    MailWhere,
    MailOnline,
    MailLinkAfterRegistration,
    MailDetails,
    MailTestNote,
    MailFooter,
    MailLoginLinkSubject,
    MailLoginLinkIntro,
    MailLoginLinkButton,
    /// `{n}`: minutes.
    MailLinkValid,
    MailLinkIgnore,
    LoginLinkTitle,
    LoginLinkIntro,
    SendLoginLink,
    LoginLinkSent,
    ConfirmLoginTitle,
    ConfirmLoginIntro,
    ErrLinkGone,
    MailResetSubject,
    MailResetIntro,
    MailResetButton,
    ForgotPassword,
    ResetRequestTitle,
    ResetRequestIntro,
    SendResetLink,
    ResetLinkSent,
    NewPasswordTitle,
    FieldNewPassword,
    FieldPasswordConfirm,
    HintPassword,
    SavePassword,
    NavAudit,
    AuditTitle,
    AuditWhen,
    AuditWho,
    AuditWhat,
    AuditBefore,
    AuditAfter,
    AuditEmpty,
    Older,
    Newer,
    NavPeople,
    NavMyParticipants,
    NavMentoring,
    NavMySessions,
    PeopleTitle,
    PeopleSearch,
    SearchButton,
    PeopleEmpty,
    ColName,
    ColRoles,
    ColPhone,
    ColNik,
    ColRegistered,
    NoEmail,
    PersonContact,
    PersonRegisteredBy,
    PersonLoginWays,
    WayPassword,
    WayCode,
    WayEmailLink,
    WayNone,
    ScopeAll,
    RemoveRole,
    AddRole,
    FieldRole,
    AllProgrammes,
    AllRegions,
    RolesUpdated,
    RoleAdmin,
    RoleOrganiser,
    RoleMentor,
    RoleCoordinator,
    RoleParticipant,
    BackToPeople,
    CoordTitle,
    CoordRegisterTitle,
    CoordRegisterIntro,
    FieldFullName,
    FieldPhone,
    HintPhone,
    FieldNik,
    HintNik,
    RegisterAndIssue,
    CoordEmpty,
    NewCode,
    HintNewCode,
    CardTitle,
    CardIntro,
    CardHowTo,
    CardKeepPrivate,
    Print,
    CardGone,
    BackToParticipants,
    CodeLoginTitle,
    CodeLoginIntro,
    FieldCode,
    HintCode,
    CodeConfirmIntro,
    MentorHomeTitle,
    MentorHomeEmpty,
    MyHomeTitle,
    MyHomeEmpty,
    SeeSessions,
    SeatRoom,
    SeatOnline,
    StatusConfirmed,
    StatusInvited,
    StatusWaitlisted,
    CodeLoginButton,
    MailOnBehalf,
    MailRegConfirmedSubject,
    MailRegConfirmedIntro,
    MailRegWaitlistedSubject,
    MailRegWaitlistedIntro,
    MailPromotedSubject,
    MailPromotedIntro,
    MailJoinButton,
    MailJoinNote,
    MailInvitationSubject,
    MailRegisterButton,
    MailInvitationHowTo,
    AllSessions,
    Speakers,
    SeatsLeft,
    SeatsFull,
    RegisterTitle,
    ChooseSeat,
    RegisterButton,
    RegisterLoginFirst,
    RegNotYet,
    RegDone,
    YouAreConfirmed,
    YouAreWaitlisted,
    YouAreInvited,
    CancelRegistration,
    RegCancelledNotice,
    MeetingLink,
    JoinMeeting,
    JoinNote,
    JoinTooEarlyTitle,
    JoinTooEarly,
    JoinGone,
    RosterTitle,
    InviteCsv,
    ColRegion,
    ColSeat,
    ColStatus,
    ColQueue,
    ColJoined,
    ColCheckedIn,
    ExportCsv,
    ExportXlsx,
    RosterEmpty,
    StatusCancelled,
    InviteTitle,
    InviteIntro,
    FieldCsvText,
    FieldCsvFile,
    InvitePreviewButton,
    InviteConfirmButton,
    InvitePreviewTitle,
    InviteSummary,
    InviteOutcomeNew,
    InviteOutcomeInvite,
    InviteOutcomeAlready,
    InviteOutcomeDuplicate,
    InviteDone,
    InviteNothing,
    ColLine,
    ColContact,
    ColResult,
    DownloadIcs,
    SessionNotFound,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_parse_leniently_with_indonesian_default() {
        assert_eq!(Lang::parse("en-GB"), Lang::En);
        assert_eq!(Lang::parse("EN"), Lang::En);
        assert_eq!(Lang::parse("id"), Lang::Id);
        assert_eq!(Lang::parse("fr"), Lang::Id);
        assert_eq!(Lang::Id.other(), Lang::En);
    }

    #[test]
    fn both_languages_say_different_things() {
        assert_eq!(Lang::Id.t(Msg::NavSessions), "Sesi");
        assert_eq!(Lang::En.t(Msg::NavSessions), "Sessions");
        assert_eq!(Lang::Id.t(Msg::OtherLanguage), "English");
    }
}
