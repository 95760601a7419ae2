use super::Msg::{self, *};

pub(super) fn text(m: Msg) -> &'static str {
    match m {
        AppName => "Bimtek",
        AppTagline => "Technical guidance for graduating PKH families",
        NavSessions => "Sessions",
        NavNewSession => "New session",
        NavLogin => "Log in",
        NavLogout => "Log out",
        OtherLanguage => "Bahasa Indonesia",
        SkipToContent => "Skip to content",

        SessionsTitle => "Bimtek schedule",
        SessionsEmpty => "No sessions scheduled yet.",
        SessionCreated => "Session saved.",
        ModeInPerson => "In person",
        ModeOnline => "Online",
        ModeHybrid => "Hybrid",
        TrackPembibitan => "Seeding (Pembibitan)",
        TrackMentoring => "Mentoring",
        TrackInkubasi => "Incubation (Inkubasi)",
        RoomSeats => "Room seats",
        OnlineSeats => "Online seats",
        Cancelled => "Cancelled",
        Until => "until",
        SendTestInvitation => "Send a test invitation to my email",
        TestInvitationQueued => "The test invitation is on its way to your email.",
        TestInvitationAlreadyQueued => "This test invitation was already sent.",

        NewSessionTitle => "New session",
        NewSessionIntro => "Fill in the session. Times are in the session's time zone.",
        FieldTitle => "Session title",
        FieldDescription => "Description (optional)",
        FieldProgramme => "Programme",
        FieldMode => "Format",
        FieldRegion => "Region",
        FieldZone => "Time zone",
        FieldStartsAt => "Starts",
        FieldEndsAt => "Ends",
        FieldRoomCapacity => "Room capacity (seats in the room)",
        FieldOnlineCapacity => "Online capacity",
        FieldVenue => "Venue",
        FieldMeetingUrl => "Meeting link",
        HintTimes => "Local time in the chosen time zone.",
        HintCapacity => "Enter 0 when the format does not use these seats.",
        HintMeetingUrl => "Zoom, Google Meet, Jitsi or any other. Only registered people see it.",
        ChooseOne => "— choose —",
        SaveSession => "Save session",
        Saving => "Saving…",
        FormHasErrors => "Some fields need fixing. See the message under each field.",
        ZoneWib => "WIB (Western Indonesia Time)",
        ZoneWita => "WITA (Central Indonesia Time)",
        ZoneWit => "WIT (Eastern Indonesia Time)",

        LoginTitle => "Log in",
        LoginIntro => "Log in with your email and password.",
        FieldEmail => "Email",
        FieldPassword => "Password",
        LoginButton => "Log in",
        LoggedInAs => "Logged in as",
        DemoAccounts => "Demo accounts (see the run command's output)",

        ErrUnauthenticated => "Please log in first.",
        ErrForbidden => "You are not allowed to do this.",
        ErrNotFound => "Not found.",
        ErrInternal => "Something went wrong on the server. Please try again shortly.",
        ErrBadRequest => "The request could not be read. Reload the page and try again.",
        ErrRateLimited => "Too many login attempts. Try again in {n} seconds.",
        NotFoundPage => "Page not found.",

        MailTestInvitationSubject => "[Test] Bimtek invitation: {title}",
        MailGreeting => "Dear {name},",
        MailInvitationIntro => "You are invited to the following technical guidance session.",
        MailWhen => "When",
        MailWhere => "Where",
        MailOnline => "Online",
        MailLinkAfterRegistration => {
            "The meeting link is sent once your registration is confirmed."
        }
        MailDetails => "Details and registration",
        MailTestNote => "This is a test email you asked Bimtek to send.",
        MailFooter => "Bimtek — Ministry of Social Affairs of the Republic of Indonesia",
        MailLoginLinkSubject => "Your Bimtek login link",
        MailLoginLinkIntro => "Use the link below to log in to Bimtek without a password.",
        MailLoginLinkButton => "Log in to Bimtek",
        MailLinkValid => "This link works for {n} minutes and only once.",
        MailLinkIgnore => "If you did not ask for it, ignore this email.",
        LoginLinkTitle => "Log in without a password",
        LoginLinkIntro => "We send a login link to your email.",
        SendLoginLink => "Send login link",
        LoginLinkSent => {
            "If that email is registered, a login link is on its way. Check your inbox; the link works for 15 minutes."
        }
        ConfirmLoginTitle => "Confirm login",
        ConfirmLoginIntro => "Press the button below to log in to Bimtek.",
        MailResetSubject => "Set a new Bimtek password",
        MailResetIntro => {
            "We received a request to change your password. Use the link below to set a new one."
        }
        MailResetButton => "Set a new password",
        ForgotPassword => "Forgot your password?",
        ResetRequestTitle => "Forgot password",
        ResetRequestIntro => "We send a link to set a new password to your email.",
        SendResetLink => "Send link",
        ResetLinkSent => {
            "If that email is registered, a link to set a new password is on its way. It works for 60 minutes."
        }
        NewPasswordTitle => "Set a new password",
        FieldNewPassword => "New password",
        FieldPasswordConfirm => "Repeat the new password",
        HintPassword => "At least 10 characters.",
        SavePassword => "Save password",
        NavAudit => "Audit log",
        AuditTitle => "Audit log",
        AuditWhen => "When",
        AuditWho => "By",
        AuditWhat => "Action",
        AuditBefore => "Before",
        AuditAfter => "After",
        AuditEmpty => "No entries yet.",
        Older => "Older",
        Newer => "Newer",
        ErrLinkGone => {
            "This login link no longer works: it was used or it expired. Ask for a new one on the login page."
        }
        NavPeople => "People",
        NavMyParticipants => "My participants",
        NavMentoring => "Mentoring",
        NavMySessions => "My sessions",
        PeopleTitle => "People and roles",
        PeopleSearch => "Search name or email",
        SearchButton => "Search",
        PeopleEmpty => "Nobody matches.",
        ColName => "Name",
        ColRoles => "Roles",
        ColPhone => "Mobile number",
        ColNik => "NIK",
        ColRegistered => "Registered",
        NoEmail => "no email",
        PersonContact => "Personal details",
        PersonRegisteredBy => "Registered by",
        PersonLoginWays => "How they log in",
        WayPassword => "password",
        WayCode => "personal code",
        WayEmailLink => "email link",
        WayNone => "none yet",
        ScopeAll => "all",
        RemoveRole => "Remove",
        AddRole => "Add role",
        FieldRole => "Role",
        AllProgrammes => "All programmes",
        AllRegions => "All regions",
        RolesUpdated => "Roles updated and recorded in the audit log.",
        RoleAdmin => "Admin",
        RoleOrganiser => "Organiser",
        RoleMentor => "Mentor",
        RoleCoordinator => "Coordinator",
        RoleParticipant => "Participant (KPM)",
        BackToPeople => "Back to people",
        CoordTitle => "Participants I registered",
        CoordRegisterTitle => "Register a participant without email",
        CoordRegisterIntro => {
            "The participant gets a personal code to log in and check in. Their invitations come to your email for you to pass on."
        }
        FieldFullName => "Full name",
        FieldPhone => "Mobile number",
        HintPhone => "For example 0812 3456 7890",
        FieldNik => "NIK (optional)",
        HintNik => "16 digits, as on the ID card",
        RegisterAndIssue => "Register and create code",
        CoordEmpty => "You have not registered anyone yet.",
        NewCode => "New code",
        HintNewCode => "The old code stops working at once.",
        CardTitle => "Personal code card",
        CardIntro => {
            "Print this card or show it to the participant. The code is shown only this once."
        }
        CardHowTo => {
            "Scan the QR code with the phone camera, or open Bimtek, choose “Log in with a personal code” and type this code."
        }
        CardKeepPrivate => "Keep this code like a PIN: do not share it.",
        Print => "Print",
        CardGone => {
            "A code is shown only once, when it is made. If it is lost, make a new one from the participant list."
        }
        BackToParticipants => "Back to my participants",
        CodeLoginTitle => "Log in with a personal code",
        CodeLoginIntro => {
            "For participants without email: the code is on the card from your coordinator."
        }
        FieldCode => "Personal code",
        HintCode => "For example ABCDE-FGHJK",
        CodeConfirmIntro => "Press the button below to log in with the code from your card.",
        MentorHomeTitle => "Sessions I mentor",
        MentorHomeEmpty => "No upcoming sessions are assigned to you.",
        MyHomeTitle => "My sessions",
        MyHomeEmpty => "You are not registered for any session yet.",
        SeeSessions => "See the sessions on offer",
        SeatRoom => "Room seat",
        SeatOnline => "Online seat",
        StatusConfirmed => "Confirmed",
        StatusInvited => "Invited",
        StatusWaitlisted => "Waitlist",
        CodeLoginButton => "Log in with code",
        MailOnBehalf => {
            "This email is for {name}, a participant you registered. Please pass it on to them."
        }
        MailRegConfirmedSubject => "Registration confirmed: {title}",
        MailRegConfirmedIntro => "Your registration for the session below is confirmed ({seat}).",
        MailRegWaitlistedSubject => "Waitlist: {title}",
        MailRegWaitlistedIntro => {
            "The {seat} seats are full. You are on the waitlist, number {n}. We will email you as soon as a seat frees up."
        }
        MailPromotedSubject => "A seat is yours: {title}",
        MailPromotedIntro => {
            "Someone cancelled, so you now have a seat ({seat}). Your registration is confirmed."
        }
        MailJoinButton => "Join the online meeting",
        MailJoinNote => {
            "This link is yours alone, do not share it: it records your online attendance. It works from 30 minutes before the session starts."
        }
        MailInvitationSubject => "Bimtek invitation: {title}",
        MailRegisterButton => "View and register",
        MailInvitationHowTo => {
            "To register, open the link above, log in with this email address (choose \"send me a login link\"), then press Register."
        }
        AllSessions => "← All sessions",
        Speakers => "Speakers",
        SeatsLeft => "{free} of {cap} seats left",
        SeatsFull => "Full · {n} on the waitlist",
        RegisterTitle => "Registration",
        ChooseSeat => "Choose your seat",
        RegisterButton => "Register",
        RegisterLoginFirst => "Log in to register.",
        RegNotYet => "Registration opens {when}.",
        RegDone => "Registration saved.",
        YouAreConfirmed => "You are registered: {seat}.",
        YouAreWaitlisted => {
            "You are on the waitlist ({seat}), number {n}. You will get an email as soon as a seat frees up."
        }
        YouAreInvited => "You are invited to this session. Choose your seat and register.",
        CancelRegistration => "Cancel my registration",
        RegCancelledNotice => "Your registration was cancelled.",
        MeetingLink => "Meeting link",
        JoinMeeting => "Join the meeting",
        JoinNote => {
            "This button records your online attendance, then opens the meeting. It works from 30 minutes before the session."
        }
        JoinTooEarlyTitle => "The meeting is not open yet",
        JoinTooEarly => "The join link works from {when}. Keep it and open it again then.",
        JoinGone => {
            "This join link is no longer valid: the session ended or was cancelled, or your registration changed."
        }
        RosterTitle => "Roster",
        InviteCsv => "Invite from CSV",
        ColRegion => "Region",
        ColSeat => "Seat",
        ColStatus => "Status",
        ColQueue => "Queue",
        ColJoined => "Joined online",
        ColCheckedIn => "Checked in",
        ExportCsv => "Download CSV",
        ExportXlsx => "Download Excel (XLSX)",
        RosterEmpty => "Nobody yet.",
        StatusCancelled => "Cancelled",
        InviteTitle => "Invite participants from a CSV",
        InviteIntro => {
            "Paste CSV text or choose a file. The first row names the columns: name, email or phone, role (participant, coordinator, mentor), region. Excel files with semicolons work too."
        }
        FieldCsvText => "CSV text",
        FieldCsvFile => "or choose a .csv file",
        InvitePreviewButton => "Check first",
        InviteConfirmButton => "Send invitations",
        InvitePreviewTitle => "Preview: nothing saved yet",
        InviteSummary => {
            "{new} new people · {invite} to invite · {already} already invited · {errors} rows with problems"
        }
        InviteOutcomeNew => "New person, invited",
        InviteOutcomeInvite => "Invited",
        InviteOutcomeAlready => "Already invited",
        InviteOutcomeDuplicate => "Same as line {n}",
        InviteDone => {
            "Done: {created} new people, {invited} invitations sent, {already} already invited, {skipped} rows skipped."
        }
        InviteNothing => "No row can be invited.",
        ColLine => "Line",
        ColContact => "Contact",
        ColResult => "Result",
        DownloadIcs => "Add to calendar (.ics)",
        SessionNotFound => "Session not found.",
        MailChangedSubject => "Schedule change: {title}",
        MailChangedIntro => {
            "A session you are registered for has changed. Here are the latest time and place."
        }
        MailCancelledSubject => "Cancelled: {title}",
        MailCancelledIntro => "We are sorry: the organisers have cancelled this session.",
        CancelReason => "Reason",
        MailJoinLinkStillValid => {
            "Your personal join link still works and takes you to the new meeting link."
        }
        IcsAlarmDay => "Tomorrow: {title}",
        IcsAlarmHour => "In 1 hour: {title}",
        DuplicateSessionTitle => "Duplicate session",
        EditSessionTitle => "Edit session",
        BackToSession => "← Back to the session",
        RepeatOnce => "Once",
        RepeatWeekly => "Every week",
        RepeatBiweekly => "Every two weeks",
        RepeatDates => "On chosen dates",
        RepeatTitle => "Repetition",
        FieldRepeat => "Repeat",
        FieldRepeatCount => "Number of sessions",
        HintRepeatCount => "Including the first session, e.g. 4.",
        FieldRepeatDates => "Other dates",
        HintRepeatDates => {
            "For \"on chosen dates\": one date per line, e.g. 2026-12-08 or 8/12/2026; same time as the first session; at most {max}."
        }
        EditScopeTitle => "This session is part of a series",
        EditScopeOne => "Change this session only",
        EditScopeSeries => {
            "Change this and the later sessions of the series ({n} sessions); each date moves by the same amount"
        }
        SaveChanges => "Save changes",
        FieldSpeakers => "Speakers",
        HintSpeakers => {
            "One speaker per line: Name; organisation. Example: Sari Wulandari; Social-entrepreneurship practitioner"
        }
        RegistrationRulesTitle => "Registration",
        FieldRegistrationOpens => "Registration opens",
        FieldRegistrationCloses => "Registration closes",
        HintRegistrationWindow => {
            "May be left empty: registration stays open until the session ends. Times in the session's zone."
        }
        FieldEligibleRoles => "Who may register",
        HintEligibleRoles => "None ticked: every role may register.",
        FieldEligibleRegion => "Only people from",
        ProgrammesTitle => "Programmes",
        ProgrammeSaved => "Programme saved.",
        NewProgramme => "New programme",
        EditProgramme => "Edit programme",
        SessionsPlanned => "Sessions scheduled",
        Edit => "Edit",
        MetricKpmTrained => "KPM trained",
        MetricSessionsHeld => "Sessions held",
        MetricAttendanceRate => "Attendance rate",
        MetricFollowUps => "Follow-ups done",
        MetricBusinessesProgressing => "Businesses progressing",
        HintPercent => "In percent, 0–100.",
        HintTargetCount => "A number; leave empty if not targeted.",
        FieldProgrammeName => "Programme name",
        FieldTrack => "Track",
        FieldStartsOn => "Starts",
        FieldEndsOn => "Ends",
        FieldProgrammeRegions => "Programme regions",
        FieldTargets => "Targets",
        HintTargets => {
            "Every programme needs a target so its success can be measured. Fill in at least one."
        }
        SaveProgramme => "Save programme",
        NavProgrammes => "Programmes",
        FilterTitle => "Filter sessions",
        AllModes => "All formats",
        FilterFrom => "From date",
        FilterZone => "Show times in",
        ZoneOfSession => "Session's zone",
        FilterApply => "Apply",
        FilterReset => "Clear filters",
        LocalTimeThere => "{time} local time",
        SessionUpdated => "Changes saved. Registrants are told if the time, place or link changed.",
        SessionCancelledNotice => "Session cancelled. Everyone registered is told by email.",
        MentorsSaved => "Mentors saved.",
        Duplicate => "Duplicate",
        SeriesTitle => "Series of {n} sessions",
        CancelSession => "Cancel session",
        CancelSessionExplain => {
            "Everyone registered gets a cancellation email. This cannot be undone."
        }
        CancelThisOnly => "Cancel this session only",
        CancelSeries => "Cancel this and the later sessions of the series ({n} sessions)",
        CancelSessionConfirm => "Yes, cancel the session",
        AddToCalendar => "Add to calendar (.ics)",
        AssignedMentors => "Assigned mentors",
        NoMentorsYet => "No mentors assigned yet.",
        Remove => "Remove",
        AssignMentor => "Assign a mentor",
        Assign => "Assign",
        ReminderIn1Week => "in 1 week",
        ReminderIn3Days => "in 3 days",
        ReminderIn1Day => "tomorrow",
        ReminderIn3Hours => "in 3 hours",
        ReminderIn1Hour => "in 1 hour",
        ReminderIn15Minutes => "in 15 minutes",
        RemindersTitle => "Email reminders",
        HintReminders => {
            "Sent to every confirmed participant, with times in their own zone. None ticked: no reminders."
        }
        ReminderBefore1Week => "1 week before",
        ReminderBefore3Days => "3 days before",
        ReminderBefore1Day => "1 day before",
        ReminderBefore3Hours => "3 hours before",
        ReminderBefore1Hour => "1 hour before",
        ReminderBefore15Minutes => "15 minutes before",
        MarkPresent => "Present",
        MarkLate => "Late",
        MarkExcused => "Excused",
        MarkAbsent => "Absent",
        RollCallTitle => "Roll call",
        RollCallIntro => "Tap each participant's status; it is saved at once, with who changed it.",
        RollCallCounts => "{attended} present · {marked} marked · {total} participants",
        MarkAllPresent => "Mark all present",
        MarkAllHint => "Only participants without a mark; marks already given stay.",
        MarkedAll => "{n} participants marked present.",
        MarkSaved => "Saved.",
        RollCallNotOpen => "Roll call opens 30 minutes before the session starts.",
        RollCallEmpty => "No confirmed participants yet.",
        EvidenceQr => "QR {time}",
        EvidenceOnline => "Online {time}",
        EvidenceNone => "No attendance evidence yet",
        NoteLabel => "Note",
        SaveNote => "Save note",
        CheckinScreenLink => "Check-in screen (QR)",
        CheckinScreenTitle => "Participant check-in",
        CheckinScreenHint => {
            "Scan the QR code with your phone's camera, or open {url} and type this code:"
        }
        CheckinCodeChanges => "The code changes every minute; this page reloads itself.",
        CheckinCount => "{n} participants checked in",
        CheckinNotYet => "Check-in opens at {time}.",
        CheckinClosedNotice => "Check-in is closed: the session has ended or was cancelled.",
        CheckinTitle => "Check in",
        CheckinIntro => "Press the button to record that you are at this session.",
        CheckinTypeIntro => "Type the 6-digit code shown on the session screen.",
        CheckinButton => "I'm here",
        FieldCheckinCode => "Code from the screen",
        CheckinDone => "Checked in at {time}. Enjoy the session!",
        CheckinAlready => "You already checked in at {time}.",
        CheckinWalkIn => "You were registered as a walk-in.",
        FieldAllowWalkIns => "Let people who did not register (walk-ins) join through check-in",
        MentorTodayTitle => "Today",
        MentorNothingToday => "No sessions today.",
        MentorLater => "Later sessions",
        SectorFood => "Food and drink",
        SectorCraft => "Crafts",
        SectorFashion => "Fashion",
        SectorFarming => "Farming",
        SectorTrade => "Trade (stall, shop)",
        SectorServices => "Services",
        SectorOther => "Other",
        ContactVisit => "Visit",
        ContactCall => "Call",
        CaseloadTitle => "My participants",
        CaseloadIntro => "Overdue next actions come first.",
        CaseloadEmpty => {
            "No participants yet. Participants of the sessions you mentor appear here."
        }
        CaseloadLink => "My participants",
        LastContact => "Last contact: {date}",
        NeverContacted => "Not contacted yet",
        NextActionDueOn => "{action} · due {date}",
        Overdue => "Overdue",
        NoBusinessRecorded => "No business recorded",
        FollowUpTitle => "Business follow-up",
        BusinessTitle => "Business",
        FieldBusinessName => "Business name",
        FieldSector => "Sector",
        FieldStage => "Stage",
        SaveBusiness => "Save business",
        BusinessSaved => "Business saved.",
        BusinessFirst => "Record the business first, then visits or calls.",
        RecordFollowUp => "Record a visit or call",
        FieldContactKind => "Kind of contact",
        FieldContactedOn => "Date",
        FieldFollowUpSession => "After the session (optional)",
        NoSession => "— not about a session —",
        FieldDiscussed => "What was discussed",
        FieldMonthlyRevenue => "Monthly revenue (Rp)",
        HintMonthlyRevenue => "For example 1.500.000. Leave empty if not asked.",
        FieldPackagingImproved => "Packaging improved?",
        FieldSellingOnline => "Selling online?",
        Yes => "Yes",
        No => "No",
        NotAsked => "Not asked",
        FieldNextAction => "Next action",
        FieldNextActionDue => "Due",
        HintNextAction => "Fill in both, or leave both empty.",
        SaveFollowUp => "Save follow-up",
        FollowUpSaved => "Follow-up saved.",
        FollowUpHistory => "History",
        FollowUpNone => "No visits or calls yet.",
        NextActionOpen => "Next action",
        MarkDone => "Mark done",
        NextActionDoneNotice => "Action marked done.",
        DoneOn => "done {date}",
        RevenueIs => "Revenue {amount}/month",
        PackagingBetter => "packaging improved",
        SellsOnline => "selling online",
        CallPhone => "Call {phone}",
        FollowUpLink => "Follow up",
        MailReminderSubject => "Reminder: {title} starts {in}",
        MailReminderIntro => "This is a reminder of the bimtek you registered for ({seat} seat).",
        MailPreferences => "Choose which emails you receive",
        EmailPrefsTitle => "Email preferences",
        EmailPrefsIntro => {
            "For {name}. Registration confirmations, schedule changes, cancellations and login links are always sent."
        }
        EmailPrefsReminders => "Reminders before the sessions I registered for",
        EmailPrefsInvitations => "Invitations to new sessions",
        EmailPrefsSave => "Save my choices",
        EmailPrefsSaved => "Your choices are saved.",
        DeliveryTitle => "Email delivery",
        DeliveryQueued => "Queued",
        DeliverySent => "Sent",
        DeliveryFailed => "Failed",
        DeliveryRetry => "Send the failed ones again",
        DeliveryRetried => "{n} emails are queued again.",
        DeliveryEmpty => "No email for this session yet.",
        DeliveryKind => "Kind",
        DeliveryRecipient => "Recipient",
        DeliveryStatus => "Status",
        DeliveryWhen => "Time",
        DeliveryAttempts => "{n} attempts",
        DeliveryReplyNotSeen => "sent, server reply not seen",
        DeliveryShowing => "Showing the latest {n} emails (failed ones first).",
        EmailLogLink => "Email log",
        KindInvitation => "Invitation",
        KindConfirmed => "Registration confirmed",
        KindWaitlisted => "Waitlisted",
        KindPromoted => "Seat from the waitlist",
        KindReminder => "Reminder",
        KindChanged => "Schedule change",
        KindCancelled => "Cancellation",
        KindTest => "Test invitation",
        NavDashboard => "Dashboard",
        ReportTitle => "Attendance report",
        ReportIntro => {
            "Counted over confirmed registrants. Attended: marked present or late by a mentor, or not marked but checked in by QR or joined online through the personal link."
        }
        ReportNotStarted => {
            "The roll call has not opened yet (30 minutes before the start), so nobody is counted absent."
        }
        ReportEmpty => "No confirmed registrants yet.",
        AttendanceRate => "Attendance rate",
        ColAttended => "Attended",
        ColExpected => "Confirmed",
        ColRate => "Rate",
        ColRole => "Role",
        ColOutcome => "Attendance",
        ColNote => "Note",
        ColSession => "Session",
        ColDate => "Date",
        ColCertificate => "Certificate number",
        ByRole => "By role",
        BySeat => "By seat",
        ByRegion => "By participant's region",
        RoleKpm => "KPM",
        RoleCoordinatorReport => "PKH/TKSK coordinator",
        RoleOther => "Other",
        RegionUnknown => "Region not given",
        OutcomeCheckedIn => "QR check-in",
        OutcomeJoinedOnline => "Joined online",
        OutcomeUnknown => "Not recorded",
        CertificatesLink => "Attendance certificates",
        CertificateTitle => "Certificate of Attendance",
        CertificateGiven => "is presented to",
        CertificateFor => "for attending the technical guidance session",
        CertificateIssuer => "Ministry of Social Affairs of the Republic of Indonesia",
        CertificateNumber => "Number",
        CertificateIssuedOn => "Issued {date}",
        CertificatePrint => "Print",
        CertificatesNone => "Nobody has attended yet, so there are no certificates.",
        CertificatesHint => {
            "One page per person who attended ({n}). Press Print (or Ctrl+P) and choose A4 landscape, or save as PDF."
        }
        MyCertificate => "My certificate",
        MyCertificateNone => {
            "The certificate is available once your attendance at this session is recorded."
        }
        DashboardTitle => "Programme dashboard",
        DashboardIntro => {
            "Each programme's targets and what has been achieved so far, by track. Open a programme for the figures by region."
        }
        DashboardEmpty => "No programmes yet.",
        TargetsVsAchieved => "Targets and achievements",
        ColTarget => "Target",
        ColAchieved => "Achieved",
        NoTarget => "no target",
        TargetReached => "reached",
        ColSessionsHeld => "Sessions held",
        SessionsUpcomingCount => "{n} upcoming sessions",
        HeldSessionsTitle => "Sessions held",
        NoSessionsHeld => "No session has taken place yet.",
        ShowingNewest => "Showing the newest {n} sessions; the download has them all.",
        RegionsTitle => "By region (province where the session took place)",
        AttendanceBreakdownTitle => "Attendance by role and seat",
        DefinitionsTitle => "How it is counted",
        DefinitionsText => {
            "Sessions held: roll call opened (30 minutes before the start) and not cancelled. Attendance rate: attended over confirmed in sessions held. KPM trained: distinct KPM who attended at least once. Follow-ups: visits and calls linked to one of this programme's sessions. Businesses progressing: businesses whose latest follow-up reports packaging improved or selling online, or monthly revenue above the first revenue recorded."
        }
        OpenDashboard => "Dashboard",
        ChartTargetsLabel => "Chart of achievement against target",
        ChartRegionsLabel => "Chart of attendance rate by region",
        DownloadReport => "Download the report",
        MyCertificatesTitle => "My attendance certificates",
    }
}
