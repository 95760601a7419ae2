use super::Msg::{self, *};

pub(super) fn text(m: Msg) -> &'static str {
    match m {
        AppName => "Bimtek",
        AppTagline => "Bimbingan teknis KPM PKH Graduasi",
        NavSessions => "Sesi",
        NavNewSession => "Buat sesi",
        NavLogin => "Masuk",
        NavLogout => "Keluar",
        OtherLanguage => "English",
        SkipToContent => "Langsung ke isi",

        SessionsTitle => "Jadwal bimtek",
        SessionsEmpty => "Belum ada sesi terjadwal.",
        SessionCreated => "Sesi tersimpan.",
        ModeInPerson => "Tatap muka (luring)",
        ModeOnline => "Daring",
        ModeHybrid => "Hibrida",
        TrackPembibitan => "Pembibitan",
        TrackMentoring => "Mentoring",
        TrackInkubasi => "Inkubasi",
        RoomSeats => "Kuota luring",
        OnlineSeats => "Kuota daring",
        Cancelled => "Dibatalkan",
        Until => "sampai",
        SendTestInvitation => "Kirim undangan uji ke email saya",
        TestInvitationQueued => "Undangan uji sedang dikirim ke email Anda.",
        TestInvitationAlreadyQueued => "Undangan uji ini sudah dikirim.",

        NewSessionTitle => "Buat sesi baru",
        NewSessionIntro => "Isi data sesi. Waktu diisi menurut zona waktu sesi.",
        FieldTitle => "Judul sesi",
        FieldDescription => "Deskripsi (boleh kosong)",
        FieldProgramme => "Program",
        FieldMode => "Bentuk sesi",
        FieldRegion => "Wilayah",
        FieldZone => "Zona waktu",
        FieldStartsAt => "Mulai",
        FieldEndsAt => "Selesai",
        FieldRoomCapacity => "Kuota luring (kursi di ruangan)",
        FieldOnlineCapacity => "Kuota daring",
        FieldVenue => "Tempat",
        FieldMeetingUrl => "Tautan rapat",
        HintTimes => "Jam setempat menurut zona waktu yang dipilih.",
        HintCapacity => "Isi 0 bila bentuk sesi tidak memakai kuota ini.",
        HintMeetingUrl => {
            "Zoom, Google Meet, Jitsi, atau lainnya. Hanya peserta terdaftar yang dapat melihatnya."
        }
        ChooseOne => "— pilih —",
        SaveSession => "Simpan sesi",
        Saving => "Menyimpan…",
        FormHasErrors => "Ada isian yang perlu diperbaiki. Lihat pesan di bawah setiap kolom.",
        ZoneWib => "WIB (Waktu Indonesia Barat)",
        ZoneWita => "WITA (Waktu Indonesia Tengah)",
        ZoneWit => "WIT (Waktu Indonesia Timur)",

        LoginTitle => "Masuk",
        LoginIntro => "Masuk dengan email dan kata sandi Anda.",
        FieldEmail => "Email",
        FieldPassword => "Kata sandi",
        LoginButton => "Masuk",
        LoggedInAs => "Masuk sebagai",
        DemoAccounts => "Akun demo (lihat keluaran perintah jalankan)",

        ErrUnauthenticated => "Silakan masuk terlebih dahulu.",
        ErrForbidden => "Anda tidak berwenang melakukan tindakan ini.",
        ErrNotFound => "Data tidak ditemukan.",
        ErrInternal => "Terjadi gangguan di server. Silakan coba lagi sebentar lagi.",
        ErrBadRequest => "Permintaan tidak dapat dibaca. Muat ulang halaman lalu coba lagi.",
        ErrRateLimited => "Terlalu banyak percobaan masuk. Coba lagi dalam {n} detik.",
        NotFoundPage => "Halaman tidak ditemukan.",

        MailTestInvitationSubject => "[Uji] Undangan bimtek: {title}",
        MailGreeting => "Yth. {name},",
        MailInvitationIntro => "Anda diundang mengikuti bimbingan teknis berikut.",
        MailWhen => "Waktu",
        MailWhere => "Tempat",
        MailOnline => "Daring",
        MailLinkAfterRegistration => "Tautan rapat dikirim setelah pendaftaran Anda dikonfirmasi.",
        MailDetails => "Rincian dan pendaftaran",
        MailTestNote => "Ini adalah email uji yang Anda minta sendiri dari Bimtek.",
        MailFooter => "Bimtek — Kementerian Sosial Republik Indonesia",
        MailLoginLinkSubject => "Tautan masuk Bimtek",
        MailLoginLinkIntro => "Tekan tautan berikut untuk masuk ke Bimtek tanpa kata sandi.",
        MailLoginLinkButton => "Masuk ke Bimtek",
        MailLinkValid => "Tautan ini berlaku {n} menit dan hanya dapat dipakai sekali.",
        MailLinkIgnore => "Bila Anda tidak memintanya, abaikan email ini.",
        LoginLinkTitle => "Masuk tanpa kata sandi",
        LoginLinkIntro => "Kami kirimkan tautan masuk ke email Anda.",
        SendLoginLink => "Kirim tautan masuk",
        LoginLinkSent => {
            "Bila email itu terdaftar, tautan masuk sudah dikirim. Periksa kotak masuk Anda; tautan berlaku 15 menit."
        }
        ConfirmLoginTitle => "Konfirmasi masuk",
        ConfirmLoginIntro => "Tekan tombol di bawah untuk masuk ke Bimtek.",
        MailResetSubject => "Buat kata sandi baru Bimtek",
        MailResetIntro => {
            "Kami menerima permintaan mengganti kata sandi Anda. Tekan tautan berikut untuk membuat kata sandi baru."
        }
        MailResetButton => "Buat kata sandi baru",
        ForgotPassword => "Lupa kata sandi?",
        ResetRequestTitle => "Lupa kata sandi",
        ResetRequestIntro => "Kami kirimkan tautan untuk membuat kata sandi baru ke email Anda.",
        SendResetLink => "Kirim tautan",
        ResetLinkSent => {
            "Bila email itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim. Tautan berlaku 60 menit."
        }
        NewPasswordTitle => "Buat kata sandi baru",
        FieldNewPassword => "Kata sandi baru",
        FieldPasswordConfirm => "Ulangi kata sandi baru",
        HintPassword => "Paling sedikit 10 karakter.",
        SavePassword => "Simpan kata sandi",
        NavAudit => "Log audit",
        AuditTitle => "Log audit",
        AuditWhen => "Waktu",
        AuditWho => "Oleh",
        AuditWhat => "Tindakan",
        AuditBefore => "Sebelum",
        AuditAfter => "Sesudah",
        AuditEmpty => "Belum ada catatan.",
        Older => "Lebih lama",
        Newer => "Lebih baru",
        ErrLinkGone => {
            "Tautan masuk ini tidak berlaku lagi: sudah dipakai atau kedaluwarsa. Minta tautan baru di halaman masuk."
        }
        NavPeople => "Orang",
        NavMyParticipants => "Peserta saya",
        NavMentoring => "Pendampingan",
        NavMySessions => "Sesi saya",
        PeopleTitle => "Orang dan peran",
        PeopleSearch => "Cari nama atau email",
        SearchButton => "Cari",
        PeopleEmpty => "Tidak ada orang yang cocok.",
        ColName => "Nama",
        ColRoles => "Peran",
        ColPhone => "Nomor HP",
        ColNik => "NIK",
        ColRegistered => "Didaftarkan",
        NoEmail => "tanpa email",
        PersonContact => "Data diri",
        PersonRegisteredBy => "Didaftarkan oleh",
        PersonLoginWays => "Cara masuk",
        WayPassword => "kata sandi",
        WayCode => "kode pribadi",
        WayEmailLink => "tautan email",
        WayNone => "belum ada",
        ScopeAll => "semua",
        RemoveRole => "Cabut",
        AddRole => "Tambah peran",
        FieldRole => "Peran",
        AllProgrammes => "Semua program",
        AllRegions => "Semua wilayah",
        RolesUpdated => "Peran diperbarui dan dicatat di log audit.",
        RoleAdmin => "Admin",
        RoleOrganiser => "Penyelenggara",
        RoleMentor => "Pendamping",
        RoleCoordinator => "Koordinator",
        RoleParticipant => "Peserta (KPM)",
        BackToPeople => "Kembali ke daftar orang",
        CoordTitle => "Peserta yang saya daftarkan",
        CoordRegisterTitle => "Daftarkan peserta tanpa email",
        CoordRegisterIntro => {
            "Peserta mendapat kode pribadi untuk masuk dan presensi. Undangan untuk mereka dikirim ke email Anda untuk diteruskan."
        }
        FieldFullName => "Nama lengkap",
        FieldPhone => "Nomor HP",
        HintPhone => "Contoh: 0812 3456 7890",
        FieldNik => "NIK (tidak wajib)",
        HintNik => "16 angka sesuai KTP",
        RegisterAndIssue => "Daftarkan dan buat kode",
        CoordEmpty => "Belum ada peserta yang Anda daftarkan.",
        NewCode => "Buat kode baru",
        HintNewCode => "Kode lama langsung tidak berlaku.",
        CardTitle => "Kartu kode pribadi",
        CardIntro => {
            "Cetak atau tunjukkan kartu ini kepada peserta. Kode hanya ditampilkan sekali ini."
        }
        CardHowTo => {
            "Pindai kode QR dengan kamera HP, atau buka Bimtek, pilih “Masuk dengan kode pribadi” dan ketik kode ini."
        }
        CardKeepPrivate => "Simpan kode ini seperti PIN: jangan dibagikan.",
        Print => "Cetak",
        CardGone => {
            "Kode hanya ditampilkan sekali, saat dibuat. Bila hilang, buat kode baru dari daftar peserta."
        }
        BackToParticipants => "Kembali ke daftar peserta",
        CodeLoginTitle => "Masuk dengan kode pribadi",
        CodeLoginIntro => "Untuk peserta tanpa email: kodenya ada di kartu dari koordinator Anda.",
        FieldCode => "Kode pribadi",
        HintCode => "Contoh: ABCDE-FGHJK",
        CodeConfirmIntro => "Tekan tombol di bawah untuk masuk dengan kode dari kartu Anda.",
        MentorHomeTitle => "Sesi yang saya dampingi",
        MentorHomeEmpty => "Belum ada sesi mendatang yang Anda dampingi.",
        MyHomeTitle => "Sesi saya",
        MyHomeEmpty => "Anda belum terdaftar di sesi mana pun.",
        SeeSessions => "Lihat sesi yang tersedia",
        SeatRoom => "Kursi di ruangan",
        SeatOnline => "Kursi daring",
        StatusConfirmed => "Terdaftar",
        StatusInvited => "Diundang",
        StatusWaitlisted => "Daftar tunggu",
        CodeLoginButton => "Masuk dengan kode",
        MailOnBehalf => {
            "Email ini untuk {name}, peserta yang Anda daftarkan. Mohon sampaikan isinya kepada beliau."
        }
        MailRegConfirmedSubject => "Pendaftaran diterima: {title}",
        MailRegConfirmedIntro => "Pendaftaran Anda untuk sesi berikut diterima ({seat}).",
        MailRegWaitlistedSubject => "Daftar tunggu: {title}",
        MailRegWaitlistedIntro => {
            "Kuota {seat} sudah penuh. Anda masuk daftar tunggu, urutan ke-{n}. Kami kabari lewat email begitu ada kursi kosong."
        }
        MailPromotedSubject => "Ada kursi untuk Anda: {title}",
        MailPromotedIntro => {
            "Ada peserta yang membatalkan, jadi Anda sekarang mendapat {seat}. Pendaftaran Anda diterima."
        }
        MailJoinButton => "Gabung ke pertemuan daring",
        MailJoinNote => {
            "Tautan ini khusus untuk Anda, jangan dibagikan: kehadiran daring Anda tercatat lewat tautan ini. Tautan bisa dipakai mulai 30 menit sebelum sesi dimulai."
        }
        MailInvitationSubject => "Undangan bimtek: {title}",
        MailRegisterButton => "Lihat dan daftar",
        MailInvitationHowTo => {
            "Untuk mendaftar, buka tautan di atas, masuk dengan alamat email ini (pilih \"kirim tautan masuk\"), lalu tekan Daftar."
        }
        AllSessions => "← Semua sesi",
        Speakers => "Narasumber",
        SeatsLeft => "{free} dari {cap} kursi tersisa",
        SeatsFull => "Penuh · {n} di daftar tunggu",
        RegisterTitle => "Pendaftaran",
        ChooseSeat => "Pilih tempat Anda",
        RegisterButton => "Daftar",
        RegisterLoginFirst => "Masuk dulu untuk mendaftar.",
        RegNotYet => "Pendaftaran dibuka {when}.",
        RegDone => "Pendaftaran tersimpan.",
        YouAreConfirmed => "Anda terdaftar: {seat}.",
        YouAreWaitlisted => {
            "Anda di daftar tunggu ({seat}), urutan ke-{n}. Anda akan mendapat email begitu ada kursi kosong."
        }
        YouAreInvited => "Anda diundang ke sesi ini. Silakan pilih tempat dan daftar.",
        CancelRegistration => "Batalkan pendaftaran saya",
        RegCancelledNotice => "Pendaftaran Anda dibatalkan.",
        MeetingLink => "Tautan rapat",
        JoinMeeting => "Gabung ke pertemuan",
        JoinNote => {
            "Tombol ini mencatat kehadiran daring Anda lalu membuka pertemuan. Bisa dipakai mulai 30 menit sebelum sesi."
        }
        JoinTooEarlyTitle => "Pertemuan belum dibuka",
        JoinTooEarly => {
            "Tautan gabung bisa dipakai mulai {when}. Simpan tautan ini dan buka lagi nanti."
        }
        JoinGone => {
            "Tautan gabung ini tidak berlaku lagi: sesi sudah selesai atau dibatalkan, atau pendaftaran Anda berubah."
        }
        RosterTitle => "Daftar peserta",
        InviteCsv => "Undang dari CSV",
        ColRegion => "Wilayah",
        ColSeat => "Kursi",
        ColStatus => "Status",
        ColQueue => "Antrean",
        ColJoined => "Gabung daring",
        ColCheckedIn => "Check-in",
        ExportCsv => "Unduh CSV",
        ExportXlsx => "Unduh Excel (XLSX)",
        RosterEmpty => "Belum ada peserta.",
        StatusCancelled => "Batal",
        InviteTitle => "Undang peserta dari CSV",
        InviteIntro => {
            "Tempel isi CSV atau pilih file. Baris pertama berisi judul kolom: nama, email atau no HP, peran (peserta, koordinator, pendamping), wilayah. File Excel dengan titik koma juga bisa."
        }
        FieldCsvText => "Isi CSV",
        FieldCsvFile => "atau pilih file .csv",
        InvitePreviewButton => "Periksa dulu",
        InviteConfirmButton => "Kirim undangan",
        InvitePreviewTitle => "Pratinjau: belum ada yang disimpan",
        InviteSummary => {
            "{new} orang baru · {invite} akan diundang · {already} sudah diundang · {errors} baris bermasalah"
        }
        InviteOutcomeNew => "Orang baru, diundang",
        InviteOutcomeInvite => "Diundang",
        InviteOutcomeAlready => "Sudah diundang",
        InviteOutcomeDuplicate => "Sama dengan baris {n}",
        InviteDone => {
            "Selesai: {created} orang baru, {invited} undangan dikirim, {already} sudah diundang sebelumnya, {skipped} baris dilewati."
        }
        InviteNothing => "Tidak ada baris yang bisa diundang.",
        ColLine => "Baris",
        ColContact => "Kontak",
        ColResult => "Hasil",
        DownloadIcs => "Simpan ke kalender (.ics)",
        SessionNotFound => "Sesi tidak ditemukan.",
        MailChangedSubject => "Perubahan jadwal: {title}",
        MailChangedIntro => {
            "Ada perubahan pada sesi yang Anda ikuti. Berikut jadwal dan tempat terbaru."
        }
        MailCancelledSubject => "Dibatalkan: {title}",
        MailCancelledIntro => "Mohon maaf, sesi berikut dibatalkan oleh penyelenggara.",
        CancelReason => "Alasan",
        MailJoinLinkStillValid => {
            "Tautan gabung pribadi Anda tetap berlaku dan membawa Anda ke tautan rapat yang baru."
        }
        IcsAlarmDay => "Besok: {title}",
        IcsAlarmHour => "1 jam lagi: {title}",
        DuplicateSessionTitle => "Duplikat sesi",
        EditSessionTitle => "Ubah sesi",
        BackToSession => "← Kembali ke sesi",
        RepeatOnce => "Sekali saja",
        RepeatWeekly => "Setiap minggu",
        RepeatBiweekly => "Setiap dua minggu",
        RepeatDates => "Pada tanggal tertentu",
        RepeatTitle => "Pengulangan",
        FieldRepeat => "Ulangi",
        FieldRepeatCount => "Jumlah sesi",
        HintRepeatCount => "Termasuk sesi pertama, misalnya 4.",
        FieldRepeatDates => "Tanggal lain",
        HintRepeatDates => {
            "Untuk \"pada tanggal tertentu\": satu tanggal per baris, misalnya 2026-12-08 atau 8/12/2026; jam sama dengan sesi pertama; paling banyak {max}."
        }
        EditScopeTitle => "Sesi ini bagian dari rangkaian",
        EditScopeOne => "Ubah sesi ini saja",
        EditScopeSeries => {
            "Ubah sesi ini dan sesi berikutnya dalam rangkaian ({n} sesi); tanggal masing-masing bergeser sama"
        }
        SaveChanges => "Simpan perubahan",
        FieldSpeakers => "Narasumber",
        HintSpeakers => {
            "Satu narasumber per baris: Nama; lembaga. Contoh: Ibu Sari Wulandari; Praktisi kewirausahaan sosial"
        }
        RegistrationRulesTitle => "Pendaftaran",
        FieldRegistrationOpens => "Pendaftaran dibuka",
        FieldRegistrationCloses => "Pendaftaran ditutup",
        HintRegistrationWindow => {
            "Boleh dikosongkan: pendaftaran terbuka sampai sesi selesai. Jam menurut zona sesi."
        }
        FieldEligibleRoles => "Yang boleh mendaftar",
        HintEligibleRoles => "Tidak dicentang: semua peran boleh mendaftar.",
        FieldEligibleRegion => "Hanya peserta dari",
        ProgrammesTitle => "Program",
        ProgrammeSaved => "Program tersimpan.",
        NewProgramme => "Buat program",
        EditProgramme => "Ubah program",
        SessionsPlanned => "Sesi terjadwal",
        Edit => "Ubah",
        MetricKpmTrained => "KPM terlatih",
        MetricSessionsHeld => "Sesi terlaksana",
        MetricAttendanceRate => "Tingkat kehadiran",
        MetricFollowUps => "Tindak lanjut selesai",
        MetricBusinessesProgressing => "Usaha berkembang",
        HintPercent => "Dalam persen, 0–100.",
        HintTargetCount => "Jumlah; kosongkan jika tidak ditargetkan.",
        FieldProgrammeName => "Nama program",
        FieldTrack => "Jalur",
        FieldStartsOn => "Mulai",
        FieldEndsOn => "Selesai",
        FieldProgrammeRegions => "Wilayah program",
        FieldTargets => "Target",
        HintTargets => {
            "Setiap program wajib punya target agar keberhasilannya bisa diukur. Isi minimal satu."
        }
        SaveProgramme => "Simpan program",
        NavProgrammes => "Program",
        FilterTitle => "Saring sesi",
        AllModes => "Semua bentuk",
        FilterFrom => "Mulai tanggal",
        FilterZone => "Tampilkan jam dalam",
        ZoneOfSession => "Zona sesi",
        FilterApply => "Terapkan",
        FilterReset => "Hapus saringan",
        LocalTimeThere => "{time} waktu setempat",
        SessionUpdated => {
            "Perubahan tersimpan. Peserta terdaftar diberi tahu jika jadwal, tempat atau tautan berubah."
        }
        SessionCancelledNotice => {
            "Sesi dibatalkan. Semua peserta terdaftar diberi tahu lewat email."
        }
        MentorsSaved => "Daftar pendamping tersimpan.",
        Duplicate => "Duplikat",
        SeriesTitle => "Rangkaian {n} sesi",
        CancelSession => "Batalkan sesi",
        CancelSessionExplain => {
            "Semua peserta terdaftar akan menerima email pembatalan. Tindakan ini tidak bisa dibatalkan."
        }
        CancelThisOnly => "Batalkan sesi ini saja",
        CancelSeries => "Batalkan sesi ini dan sesi berikutnya dalam rangkaian ({n} sesi)",
        CancelSessionConfirm => "Ya, batalkan sesi",
        AddToCalendar => "Tambahkan ke kalender (.ics)",
        AssignedMentors => "Pendamping yang ditugaskan",
        NoMentorsYet => "Belum ada pendamping yang ditugaskan.",
        Remove => "Hapus",
        AssignMentor => "Tugaskan pendamping",
        Assign => "Tugaskan",
        ReminderIn1Week => "1 minggu lagi",
        ReminderIn3Days => "3 hari lagi",
        ReminderIn1Day => "besok",
        ReminderIn3Hours => "3 jam lagi",
        ReminderIn1Hour => "1 jam lagi",
        ReminderIn15Minutes => "15 menit lagi",
        RemindersTitle => "Pengingat email",
        HintReminders => {
            "Dikirim ke setiap peserta terkonfirmasi, dengan waktu di zona mereka. Tidak dicentang: tanpa pengingat."
        }
        ReminderBefore1Week => "1 minggu sebelumnya",
        ReminderBefore3Days => "3 hari sebelumnya",
        ReminderBefore1Day => "1 hari sebelumnya",
        ReminderBefore3Hours => "3 jam sebelumnya",
        ReminderBefore1Hour => "1 jam sebelumnya",
        ReminderBefore15Minutes => "15 menit sebelumnya",
        MarkPresent => "Hadir",
        MarkLate => "Terlambat",
        MarkExcused => "Izin",
        MarkAbsent => "Tidak hadir",
        RollCallTitle => "Absensi",
        RollCallIntro => {
            "Ketuk status setiap peserta; tersimpan langsung dan tercatat siapa yang mengubah."
        }
        RollCallCounts => "{attended} hadir · {marked} ditandai · {total} peserta",
        MarkAllPresent => "Tandai semua hadir",
        MarkAllHint => "Hanya peserta yang belum ditandai; tanda yang sudah ada tidak diubah.",
        MarkedAll => "{n} peserta ditandai hadir.",
        MarkSaved => "Tersimpan.",
        RollCallNotOpen => "Absensi dibuka 30 menit sebelum sesi mulai.",
        RollCallEmpty => "Belum ada peserta terkonfirmasi.",
        EvidenceQr => "QR {time}",
        EvidenceOnline => "Daring {time}",
        EvidenceNone => "Belum ada bukti kehadiran",
        NoteLabel => "Catatan",
        SaveNote => "Simpan catatan",
        CheckinScreenLink => "Layar check-in (QR)",
        CheckinScreenTitle => "Check-in peserta",
        CheckinScreenHint => {
            "Pindai kode QR dengan kamera ponsel, atau buka {url} dan ketik kode ini:"
        }
        CheckinCodeChanges => "Kode berganti setiap menit; halaman ini memuat ulang sendiri.",
        CheckinCount => "{n} peserta sudah check-in",
        CheckinNotYet => "Check-in dibuka pukul {time}.",
        CheckinClosedNotice => "Check-in ditutup: sesi sudah selesai atau dibatalkan.",
        CheckinTitle => "Check-in",
        CheckinIntro => "Tekan tombol untuk mencatat kehadiran Anda di sesi ini.",
        CheckinTypeIntro => "Ketik kode 6 angka yang tampil di layar sesi.",
        CheckinButton => "Saya hadir",
        FieldCheckinCode => "Kode dari layar",
        CheckinDone => "Check-in berhasil pukul {time}. Selamat mengikuti!",
        CheckinAlready => "Anda sudah check-in pukul {time}.",
        CheckinWalkIn => "Anda dicatat sebagai peserta langsung (walk-in).",
        FieldAllowWalkIns => "Izinkan peserta yang belum terdaftar (walk-in) ikut lewat check-in",
        MentorTodayTitle => "Hari ini",
        MentorNothingToday => "Tidak ada sesi hari ini.",
        MentorLater => "Sesi berikutnya",
        SectorFood => "Makanan-minuman",
        SectorCraft => "Kerajinan",
        SectorFashion => "Fesyen",
        SectorFarming => "Pertanian dan peternakan",
        SectorTrade => "Perdagangan (warung, toko)",
        SectorServices => "Jasa",
        SectorOther => "Lainnya",
        ContactVisit => "Kunjungan",
        ContactCall => "Telepon",
        CaseloadTitle => "Peserta dampingan",
        CaseloadIntro => "Tindak lanjut yang lewat jatuh tempo tampil paling atas.",
        CaseloadEmpty => "Belum ada peserta. Peserta sesi yang Anda dampingi akan tampil di sini.",
        CaseloadLink => "Peserta dampingan",
        LastContact => "Kontak terakhir: {date}",
        NeverContacted => "Belum pernah dihubungi",
        NextActionDueOn => "{action} · jatuh tempo {date}",
        Overdue => "Lewat jatuh tempo",
        NoBusinessRecorded => "Usaha belum dicatat",
        FollowUpTitle => "Tindak lanjut usaha",
        BusinessTitle => "Usaha",
        FieldBusinessName => "Nama usaha",
        FieldSector => "Bidang usaha",
        FieldStage => "Tahap usaha",
        SaveBusiness => "Simpan usaha",
        BusinessSaved => "Data usaha tersimpan.",
        BusinessFirst => "Catat usahanya dulu, lalu kunjungan atau telepon.",
        RecordFollowUp => "Catat kunjungan atau telepon",
        FieldContactKind => "Jenis kontak",
        FieldContactedOn => "Tanggal",
        FieldFollowUpSession => "Setelah sesi (opsional)",
        NoSession => "— tidak terkait sesi —",
        FieldDiscussed => "Yang dibahas",
        FieldMonthlyRevenue => "Omzet per bulan (Rp)",
        HintMonthlyRevenue => "Contoh: 1.500.000. Kosongkan bila tidak ditanyakan.",
        FieldPackagingImproved => "Kemasan membaik?",
        FieldSellingOnline => "Sudah berjualan daring?",
        Yes => "Ya",
        No => "Tidak",
        NotAsked => "Tidak ditanyakan",
        FieldNextAction => "Tindakan berikutnya",
        FieldNextActionDue => "Jatuh tempo",
        HintNextAction => "Isi keduanya, atau kosongkan keduanya.",
        SaveFollowUp => "Simpan tindak lanjut",
        FollowUpSaved => "Tindak lanjut tersimpan.",
        FollowUpHistory => "Riwayat",
        FollowUpNone => "Belum ada kunjungan atau telepon.",
        NextActionOpen => "Tindakan berikutnya",
        MarkDone => "Tandai selesai",
        NextActionDoneNotice => "Tindakan ditandai selesai.",
        DoneOn => "selesai {date}",
        RevenueIs => "Omzet {amount}/bulan",
        PackagingBetter => "kemasan membaik",
        SellsOnline => "berjualan daring",
        CallPhone => "Telepon {phone}",
        FollowUpLink => "Tindak lanjut",
        MailReminderSubject => "Pengingat: {title} dimulai {in}",
        MailReminderIntro => "Ini pengingat untuk bimtek yang Anda ikuti (kursi {seat}).",
        MailPreferences => "Atur email yang Anda terima",
        EmailPrefsTitle => "Pengaturan email",
        EmailPrefsIntro => {
            "Untuk {name}. Konfirmasi pendaftaran, perubahan jadwal, pembatalan dan tautan masuk selalu dikirim."
        }
        EmailPrefsReminders => "Pengingat sebelum sesi yang saya ikuti",
        EmailPrefsInvitations => "Undangan ke sesi baru",
        EmailPrefsSave => "Simpan pilihan",
        EmailPrefsSaved => "Pilihan Anda tersimpan.",
        DeliveryTitle => "Pengiriman email",
        DeliveryQueued => "Dalam antrean",
        DeliverySent => "Terkirim",
        DeliveryFailed => "Gagal",
        DeliveryRetry => "Kirim ulang yang gagal",
        DeliveryRetried => "{n} email dimasukkan lagi ke antrean.",
        DeliveryEmpty => "Belum ada email untuk sesi ini.",
        DeliveryKind => "Jenis",
        DeliveryRecipient => "Penerima",
        DeliveryStatus => "Status",
        DeliveryWhen => "Waktu",
        DeliveryAttempts => "{n} percobaan",
        DeliveryReplyNotSeen => "terkirim, balasan server tidak terlihat",
        DeliveryShowing => "Menampilkan {n} email terbaru (yang gagal lebih dulu).",
        EmailLogLink => "Log email",
        KindInvitation => "Undangan",
        KindConfirmed => "Pendaftaran dikonfirmasi",
        KindWaitlisted => "Daftar tunggu",
        KindPromoted => "Dapat kursi dari daftar tunggu",
        KindReminder => "Pengingat",
        KindChanged => "Perubahan jadwal",
        KindCancelled => "Pembatalan",
        KindTest => "Undangan uji",
        NavDashboard => "Dasbor",
        ReportTitle => "Laporan kehadiran",
        ReportIntro => {
            "Dihitung dari peserta terkonfirmasi. Hadir: ditandai hadir atau terlambat oleh pendamping, atau belum ditandai tetapi check-in QR atau bergabung daring lewat tautan pribadi."
        }
        ReportNotStarted => {
            "Absensi sesi ini belum dibuka (30 menit sebelum mulai), jadi belum ada yang dihitung tidak hadir."
        }
        ReportEmpty => "Belum ada peserta terkonfirmasi.",
        AttendanceRate => "Tingkat kehadiran",
        ColAttended => "Hadir",
        ColExpected => "Terkonfirmasi",
        ColRate => "Persentase",
        ColRole => "Peran",
        ColOutcome => "Kehadiran",
        ColNote => "Catatan",
        ColSession => "Sesi",
        ColDate => "Tanggal",
        ColCertificate => "Nomor sertifikat",
        ByRole => "Menurut peran",
        BySeat => "Menurut jenis kursi",
        ByRegion => "Menurut wilayah asal peserta",
        RoleKpm => "KPM",
        RoleCoordinatorReport => "Koordinator PKH/TKSK",
        RoleOther => "Lainnya",
        RegionUnknown => "Wilayah belum diisi",
        OutcomeCheckedIn => "Check-in QR",
        OutcomeJoinedOnline => "Bergabung daring",
        OutcomeUnknown => "Belum dicatat",
        CertificatesLink => "Sertifikat kehadiran",
        CertificateTitle => "Sertifikat Kehadiran",
        CertificateGiven => "diberikan kepada",
        CertificateFor => "atas kehadirannya dalam bimbingan teknis",
        CertificateIssuer => "Kementerian Sosial Republik Indonesia",
        CertificateNumber => "Nomor",
        CertificateIssuedOn => "Diterbitkan {date}",
        CertificatePrint => "Cetak",
        CertificatesNone => "Belum ada peserta yang hadir, jadi belum ada sertifikat.",
        CertificatesHint => {
            "Satu halaman per peserta yang hadir ({n}). Tekan Cetak (atau Ctrl+P), pilih kertas A4 mendatar, atau simpan sebagai PDF."
        }
        MyCertificate => "Sertifikat saya",
        MyCertificateNone => "Sertifikat tersedia setelah kehadiran Anda di sesi ini tercatat.",
        DashboardTitle => "Dasbor program",
        DashboardIntro => {
            "Target setiap program dan capaiannya sampai sekarang, menurut jalur. Buka program untuk rincian per wilayah."
        }
        DashboardEmpty => "Belum ada program.",
        TargetsVsAchieved => "Target dan capaian",
        ColTarget => "Target",
        ColAchieved => "Capaian",
        NoTarget => "tanpa target",
        TargetReached => "tercapai",
        ColSessionsHeld => "Sesi terlaksana",
        SessionsUpcomingCount => "{n} sesi mendatang",
        HeldSessionsTitle => "Sesi yang sudah berlangsung",
        NoSessionsHeld => "Belum ada sesi yang berlangsung.",
        ShowingNewest => "Menampilkan {n} sesi terbaru; unduhan memuat semuanya.",
        RegionsTitle => "Menurut wilayah (provinsi tempat sesi)",
        AttendanceBreakdownTitle => "Kehadiran menurut peran dan jenis kursi",
        DefinitionsTitle => "Cara menghitung",
        DefinitionsText => {
            "Sesi terlaksana: absensinya sudah dibuka (30 menit sebelum mulai) dan tidak dibatalkan. Tingkat kehadiran: peserta hadir dibagi peserta terkonfirmasi di sesi terlaksana. KPM dilatih: KPM berbeda yang hadir minimal sekali. Tindak lanjut: kunjungan dan telepon yang terkait sesi program ini. Usaha berkembang: usaha yang tindak lanjut terakhirnya mencatat kemasan membaik atau sudah jualan daring, atau omzet di atas omzet pertama yang tercatat."
        }
        OpenDashboard => "Dasbor",
        ChartTargetsLabel => "Grafik capaian terhadap target",
        ChartRegionsLabel => "Grafik tingkat kehadiran menurut wilayah",
        DownloadReport => "Unduh laporan",
        MyCertificatesTitle => "Sertifikat kehadiran saya",
    }
}
