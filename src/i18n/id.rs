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
    }
}
