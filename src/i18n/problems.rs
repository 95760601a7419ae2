//! Field problems in words.

use super::Lang;
use crate::domain::Problem;

pub fn problem(lang: Lang, p: &Problem) -> String {
    use Problem::*;
    match (lang, p) {
        (Lang::Id, Required) => "Wajib diisi.".into(),
        (Lang::En, Required) => "Required.".into(),
        (Lang::Id, TooShort { min }) => format!("Terlalu pendek: minimal {min} karakter."),
        (Lang::En, TooShort { min }) => format!("Too short: at least {min} characters."),
        (Lang::Id, TooLong { max }) => format!("Terlalu panjang: maksimal {max} karakter."),
        (Lang::En, TooLong { max }) => format!("Too long: at most {max} characters."),
        (Lang::Id, NotANumber) => "Isi dengan angka, misalnya 50.".into(),
        (Lang::En, NotANumber) => "Enter a number, for example 50.".into(),
        (Lang::Id, OutOfRange { min, max }) => format!("Isi angka antara {min} dan {max}."),
        (Lang::En, OutOfRange { min, max }) => format!("Enter a number from {min} to {max}."),
        (Lang::Id, UnknownChoice) => "Pilih salah satu pilihan yang tersedia.".into(),
        (Lang::En, UnknownChoice) => "Choose one of the options.".into(),
        (Lang::Id, InvalidDateTime) => "Tanggal dan jam tidak valid.".into(),
        (Lang::En, InvalidDateTime) => "Not a valid date and time.".into(),
        (Lang::Id, EndNotAfterStart) => "Waktu selesai harus setelah waktu mulai.".into(),
        (Lang::En, EndNotAfterStart) => "The end must be after the start.".into(),
        (Lang::Id, TooLongDuration { max_days }) => {
            format!("Sesi paling lama {max_days} hari.")
        }
        (Lang::En, TooLongDuration { max_days }) => {
            format!("A session lasts at most {max_days} days.")
        }
        (Lang::Id, InThePast) => "Waktu mulai sudah lewat.".into(),
        (Lang::En, InThePast) => "The start is in the past.".into(),
        (Lang::Id, InvalidUrl) => {
            "Tautan harus lengkap, diawali https://, misalnya https://meet.jit.si/bimtek".into()
        }
        (Lang::En, InvalidUrl) => {
            "Enter a full link starting with https://, e.g. https://meet.jit.si/bimtek".into()
        }
        (Lang::Id, NotForMode) => "Bentuk sesi ini tidak memakai kuota ini; isi 0.".into(),
        (Lang::En, NotForMode) => "This format does not use these seats; enter 0.".into(),
        (Lang::Id, NeedsSeats) => "Bentuk sesi ini memerlukan kuota lebih dari 0.".into(),
        (Lang::En, NeedsSeats) => "This format needs more than 0 seats here.".into(),
        (Lang::Id, InvalidEmail) => "Alamat email tidak valid, misalnya nama@contoh.id".into(),
        (Lang::En, InvalidEmail) => "Not a valid email address, e.g. name@example.id".into(),
        (Lang::Id, WrongCredentials) => "Email atau kata sandi salah.".into(),
        (Lang::En, WrongCredentials) => "Wrong email or password.".into(),
        (Lang::Id, Mismatch) => "Tidak sama dengan kata sandi baru di atas.".into(),
        (Lang::En, Mismatch) => "Does not match the new password above.".into(),
        (Lang::Id, NotFound) => "Tidak ditemukan; mungkin sudah dihapus.".into(),
        (Lang::En, NotFound) => "Not found; it may have been removed.".into(),
        (Lang::Id, InvalidPhone) => "Nomor HP tidak valid, misalnya 0812 3456 7890.".into(),
        (Lang::En, InvalidPhone) => "Not a valid mobile number, e.g. 0812 3456 7890.".into(),
        (Lang::Id, InvalidNik) => "NIK terdiri dari 16 angka, sesuai KTP.".into(),
        (Lang::En, InvalidNik) => "A NIK has 16 digits, as on the ID card.".into(),
        (Lang::Id, AlreadyRegistered) => "Sudah terdaftar atas nama orang lain.".into(),
        (Lang::En, AlreadyRegistered) => "Already registered for someone else.".into(),
        (Lang::Id, WrongCode) => {
            "Kode tidak dikenal. Periksa lagi, atau minta kode baru ke koordinator Anda.".into()
        }
        (Lang::En, WrongCode) => {
            "Unknown code. Check it again, or ask your coordinator for a new one.".into()
        }
        (Lang::Id, TooMany { max }) => format!("Terlalu banyak: paling banyak {max}."),
        (Lang::En, TooMany { max }) => format!("Too many: at most {max}."),
        (Lang::Id, ClosesAfterEnd) => "Pendaftaran harus ditutup sebelum sesi selesai.".into(),
        (Lang::En, ClosesAfterEnd) => "Registration must close before the session ends.".into(),
        (Lang::Id, SeriesTooLong) => "Satu rangkaian paling lama satu tahun.".into(),
        (Lang::En, SeriesTooLong) => "A series spans at most one year.".into(),
        (Lang::Id, BadDate { value }) => {
            format!("\"{value}\" bukan tanggal; tulis seperti 2026-12-08 atau 8/12/2026.")
        }
        (Lang::En, BadDate { value }) => {
            format!("\"{value}\" is not a date; write it like 2026-12-08 or 8/12/2026.")
        }
        (Lang::Id, DateNotAfterFirst { value }) => {
            format!("{value} harus setelah tanggal sesi pertama.")
        }
        (Lang::En, DateNotAfterFirst { value }) => {
            format!("{value} must be after the first session's date.")
        }
        (Lang::Id, BelowConfirmed { confirmed }) => {
            format!("Sudah ada {confirmed} peserta terkonfirmasi; kuota tidak boleh lebih kecil.")
        }
        (Lang::En, BelowConfirmed { confirmed }) => {
            format!("{confirmed} people are already confirmed; the quota cannot be smaller.")
        }
        (Lang::Id, NoTargets) => {
            "Isi minimal satu target agar keberhasilan program bisa diukur.".into()
        }
        (Lang::En, NoTargets) => {
            "Set at least one target so the programme's success can be measured.".into()
        }
        (Lang::Id, OutsideProgramme) => {
            "Ada sesi program ini di luar periode atau wilayah tersebut.".into()
        }
        (Lang::En, OutsideProgramme) => {
            "Some of this programme's sessions fall outside that period or those regions.".into()
        }
        (Lang::Id, SessionClosed) => {
            "Sesi ini sudah selesai atau dibatalkan; tidak bisa diubah.".into()
        }
        (Lang::En, SessionClosed) => {
            "This session has ended or was cancelled; it cannot be changed.".into()
        }
        (Lang::Id, AlreadyGranted) => "Orang ini sudah memiliki peran tersebut.".into(),
        (Lang::En, AlreadyGranted) => "This person already has that role.".into(),
        (Lang::Id, LastAdmin) => "Tidak bisa: harus tetap ada setidaknya satu admin.".into(),
        (Lang::En, LastAdmin) => "Not possible: at least one admin must remain.".into(),
        (Lang::Id, RegistrationClosed) => "Pendaftaran sudah ditutup.".into(),
        (Lang::En, RegistrationClosed) => "Registration is closed.".into(),
        (Lang::Id, RegistrationNotOpen) => "Pendaftaran belum dibuka.".into(),
        (Lang::En, RegistrationNotOpen) => "Registration is not open yet.".into(),
        (Lang::Id, SessionCancelled) => "Sesi ini dibatalkan.".into(),
        (Lang::En, SessionCancelled) => "This session was cancelled.".into(),
        (Lang::Id, CheckinTooEarly { minutes }) => {
            format!("Check-in dibuka {minutes} menit sebelum sesi mulai.")
        }
        (Lang::En, CheckinTooEarly { minutes }) => {
            format!("Check-in opens {minutes} minutes before the session starts.")
        }
        (Lang::Id, CheckinCodeWrong) => "Kode tidak dikenali. Periksa lagi kode di layar.".into(),
        (Lang::En, CheckinCodeWrong) => {
            "Code not recognised. Check the code on the screen again.".into()
        }
        (Lang::Id, CheckinCodeExpired) => {
            "Kode ini sudah kedaluwarsa. Pindai kode yang sedang tampil di layar.".into()
        }
        (Lang::En, CheckinCodeExpired) => {
            "This code has expired. Scan the code on the screen now.".into()
        }
        (Lang::Id, NotRegisteredHere) => {
            "Anda belum terdaftar di sesi ini. Hubungi penyelenggara.".into()
        }
        (Lang::En, NotRegisteredHere) => {
            "You are not registered for this session. Ask the organiser.".into()
        }
        (Lang::Id, InvalidDate) => "Tanggal tidak valid (contoh: 2026-12-08).".into(),
        (Lang::En, InvalidDate) => "Not a valid date (for example 2026-12-08).".into(),
        (Lang::Id, InTheFuture) => "Tanggal ini belum terjadi.".into(),
        (Lang::En, InTheFuture) => "This date has not come yet.".into(),
        (Lang::Id, TooLarge) => "Angkanya terlalu besar; periksa lagi.".into(),
        (Lang::En, TooLarge) => "That number is too large; check it again.".into(),
        (Lang::Id, BeforeContact) => "Jatuh tempo tidak boleh sebelum tanggal kontak.".into(),
        (Lang::En, BeforeContact) => "The due date cannot be before the contact.".into(),
        (Lang::Id, NoBusinessYet) => "Catat usaha peserta dulu.".into(),
        (Lang::En, NoBusinessYet) => "Record the participant's business first.".into(),
        (Lang::Id, SessionEnded) => "Sesi ini sudah selesai.".into(),
        (Lang::En, SessionEnded) => "This session has ended.".into(),
        (Lang::Id, NotEligible) => {
            "Sesi ini khusus untuk peserta tertentu. Tanyakan ke koordinator Anda.".into()
        }
        (Lang::En, NotEligible) => {
            "This session is for certain participants only. Ask your coordinator.".into()
        }
        (Lang::Id, CsvEmpty) => {
            "File kosong: perlu baris judul kolom dan minimal satu orang.".into()
        }
        (Lang::En, CsvEmpty) => {
            "The file is empty: it needs a header row and at least one person.".into()
        }
        (Lang::Id, CsvMissingColumns) => {
            "Baris pertama harus berisi judul kolom: nama, dan email atau no HP.".into()
        }
        (Lang::En, CsvMissingColumns) => {
            "The first row must name the columns: name, and email or phone.".into()
        }
        (Lang::Id, CsvTooManyRows { max }) => {
            format!("Terlalu banyak baris: maksimal {max} per file. Bagi menjadi beberapa file.")
        }
        (Lang::En, CsvTooManyRows { max }) => {
            format!("Too many rows: at most {max} per file. Split it into several files.")
        }
        (Lang::Id, CsvUnreadable { line }) => {
            format!("File tidak terbaca di baris {line}; periksa tanda kutip.")
        }
        (Lang::En, CsvUnreadable { line }) => {
            format!("The file cannot be read at line {line}; check the quotes.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_carry_their_numbers_in_both_languages() {
        let p = Problem::TooLong { max: 150 };
        assert_eq!(
            problem(Lang::Id, &p),
            "Terlalu panjang: maksimal 150 karakter."
        );
        assert_eq!(problem(Lang::En, &p), "Too long: at most 150 characters.");
    }
}
