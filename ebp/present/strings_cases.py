"""Strings of the cases page, in Indonesian (ID) and English (EN); the same keys in both."""

ID: dict[str, str] = {
    "page.cases": "Kasus saya",
    "cases.header": "Kasus saya: terapkan, evaluasi, supervisi",
    "cases.privacy": (
        "Kasus tidak ditulis ke disk kecuali Anda menekan **Simpan**. Sebelum disimpan, nama, NIK/KK, nomor telepon, "
        "e-mail, alamat dan tanggal lahir diganti tanda seperti [NAMA-1] di komputer ini. Yang disimpan: pertanyaan "
        "COPES, teks kasus yang sudah disamarkan, bukti yang dipilih dengan temuan kuncinya, catatan, keputusan, "
        "ukuran hasil dan catatan tindak lanjut, dalam file {path} (terpisah dari indeks; bisa dienkripsi dengan "
        "kata sandi)."
    ),
    "cases.none": "Belum ada kasus tersimpan. Simpan kasus dari halaman pencarian (Simpan sebagai kasus).",
    "cases.pick": "Kasus",
    "cases.locked_label": "🔒 kasus terenkripsi {id} ({date})",
    "cases.wrong_pass": "Kata sandi salah: kasus ini tidak bisa dibuka dengannya.",
    "cases.passphrase": "Kata sandi kasus (opsional)",
    "cases.unlock": "Kata sandi",
    "cases.col_kind": "Jenis",
    "cases.col_text": "Teks asli (tidak disimpan)",
    "cases.col_mark": "Diganti dengan",
    "cases.choose": "Pilih",
    "cases.passphrase_help": (
        "Kosongkan untuk menyimpan tanpa enkripsi. Kata sandi tidak disimpan; jika lupa, kasus tidak bisa dibuka."
    ),
    "cases.open": "Buka",
    "cases.locked": "Kasus ini terenkripsi. Masukkan kata sandinya lalu tekan Buka.",
    "cases.question": "Pertanyaan praktik (COPES)",
    "cases.case_text": "Kasus (disamarkan)",
    "cases.evidence": "Bukti yang dipilih",
    "cases.no_evidence": "Belum ada bukti yang dipilih.",
    "cases.findings": "Temuan yang penting",
    "cases.notes": "Catatan",
    "cases.decision": "Keputusan bersama klien",
    "cases.measures": "Ukuran hasil yang direncanakan",
    "cases.save_changes": "Simpan perubahan",
    "cases.saved": "Kasus “{name}” disimpan (disamarkan).",
    "cases.follow_ups": "Catatan tindak lanjut",
    "cases.no_follow_ups": "Belum ada catatan tindak lanjut.",
    "cases.fu_date": "Tanggal",
    "cases.fu_measure": "Ukuran",
    "cases.fu_result": "Hasil yang teramati",
    "cases.fu_add": "Tambah tindak lanjut",
    "cases.fu_added": "Tindak lanjut {date} ditambahkan.",
    "cases.export": "Ekspor",
    "cases.record": "Catatan supervisi",
    "cases.file": "File kasus (untuk dipindahkan)",
    "cases.import": "Impor file kasus",
    "cases.imported": "Kasus “{name}” diimpor.",
    "cases.teaching": "Jadikan studi kasus ajar",
    "cases.teaching_help": (
        "Menulis kasus yang sudah disamarkan ke {folder} sebagai studi kasus (case_study); "
        "masuk indeks pada pengindeksan berikutnya."
    ),
    "cases.teaching_done": "Studi kasus ajar ditulis: {path}. Indeks ulang agar bisa dicari.",
    "cases.delete": "Hapus kasus",
    "cases.delete_confirm": "Ya, hapus kasus ini dari disk",
    "cases.deleted": "Kasus “{name}” dihapus dan file dipadatkan.",
    "cases.save_as": "Simpan sebagai kasus",
    "cases.save_intro": (
        "Pratinjau: inilah yang akan disimpan. Periksa bagian yang disamarkan; tidak ada yang "
        "ditulis sebelum Anda menekan Simpan."
    ),
    "cases.name": "Nama kasus",
    "cases.name_default": "Kasus {date}",
    "cases.masked_list": "Yang disamarkan ({n})",
    "cases.nothing_masked": "Tidak ada identitas yang ditemukan. Periksa teksnya sendiri.",
    "cases.keep": "Bukan identitas: jangan samarkan",
    "cases.also": "Samarkan juga (pisahkan dengan koma)",
    "cases.preview": "Teks yang akan disimpan",
    "cases.choose_evidence": "Bukti yang disimpan bersama kasus",
    "cases.save": "Simpan kasus",
    "cases.need_case": "Tulis kasusnya dulu.",
    "cases.saved_go": "Kasus “{name}” disimpan. Buka di halaman Kasus saya.",
    "cases.exists": "Sudah ada kasus bernama “{name}”; pilih nama lain.",
    "kind.name": "nama",
    "kind.nik": "NIK",
    "kind.kk": "nomor KK",
    "kind.id_number": "nomor identitas",
    "kind.phone": "telepon",
    "kind.email": "e-mail",
    "kind.address": "alamat",
    "kind.dob": "tanggal lahir",
    "record.title": "Catatan supervisi: {name}",
    "record.intro": "Kasus disamarkan di komputer praktisi sebelum disimpan. Untuk supervisi dan pelatihan.",
    "record.level": "Tingkat bukti {rank}: {label}",
    "record.outcome_log": "Log hasil",
    "record.teaching_title": "Kasus ajar: {name}",
    "record.teaching_note": "Studi kasus ajar dari kasus praktik yang disamarkan (bukan penelitian).",
}

EN: dict[str, str] = {
    "page.cases": "My cases",
    "cases.header": "My cases: apply, evaluate, supervise",
    "cases.privacy": (
        "A case is not written to disk unless you press **Save**. Before it is saved, names, NIK/KK numbers, phone "
        "numbers, e-mail, addresses and dates of birth are replaced by marks such as [NAME-1] on this computer. What "
        "is saved: the COPES question, the masked case text, the evidence chosen with its key findings, notes, the "
        "decision, outcome measures and the follow-up log, in the file {path} (apart from the index; it can be "
        "encrypted with a passphrase)."
    ),
    "cases.none": "No saved cases yet. Save a case from the search page (Save as a case).",
    "cases.pick": "Case",
    "cases.locked_label": "🔒 encrypted case {id} ({date})",
    "cases.wrong_pass": "Wrong passphrase: this case cannot be opened with it.",
    "cases.passphrase": "Case passphrase (optional)",
    "cases.unlock": "Passphrase",
    "cases.col_kind": "Kind",
    "cases.col_text": "Original text (not saved)",
    "cases.col_mark": "Replaced by",
    "cases.choose": "Choose",
    "cases.passphrase_help": (
        "Leave empty to save without encryption. The passphrase is not stored; if you forget "
        "it, the case cannot be opened."
    ),
    "cases.open": "Open",
    "cases.locked": "This case is encrypted. Enter its passphrase and press Open.",
    "cases.question": "Practice question (COPES)",
    "cases.case_text": "Case (masked)",
    "cases.evidence": "Evidence chosen",
    "cases.no_evidence": "No evidence chosen yet.",
    "cases.findings": "Findings that mattered",
    "cases.notes": "Notes",
    "cases.decision": "Decision taken with the client",
    "cases.measures": "Planned outcome measures",
    "cases.save_changes": "Save changes",
    "cases.saved": "Case “{name}” saved (masked).",
    "cases.follow_ups": "Follow-up log",
    "cases.no_follow_ups": "No follow-up entries yet.",
    "cases.fu_date": "Date",
    "cases.fu_measure": "Measure",
    "cases.fu_result": "Result observed",
    "cases.fu_add": "Add follow-up",
    "cases.fu_added": "Follow-up of {date} added.",
    "cases.export": "Export",
    "cases.record": "Supervision record",
    "cases.file": "Case file (to move it)",
    "cases.import": "Import a case file",
    "cases.imported": "Case “{name}” imported.",
    "cases.teaching": "Make it a teaching case study",
    "cases.teaching_help": (
        "Writes the masked case into {folder} as a case study (case_study); it enters the index at the next indexing."
    ),
    "cases.teaching_done": "Teaching case study written: {path}. Index again to find it in searches.",
    "cases.delete": "Delete case",
    "cases.delete_confirm": "Yes, delete this case from disk",
    "cases.deleted": "Case “{name}” deleted and the file compacted.",
    "cases.save_as": "Save as a case",
    "cases.save_intro": (
        "Preview: this is what will be saved. Check what was masked; nothing is written before you press Save."
    ),
    "cases.name": "Case name",
    "cases.name_default": "Case {date}",
    "cases.masked_list": "Masked ({n})",
    "cases.nothing_masked": "No identifiers found. Check the text yourself.",
    "cases.keep": "Not an identifier: do not mask",
    "cases.also": "Also mask (separate with commas)",
    "cases.preview": "Text to be saved",
    "cases.choose_evidence": "Evidence saved with the case",
    "cases.save": "Save case",
    "cases.need_case": "Write the case first.",
    "cases.saved_go": "Case “{name}” saved. Open it on the My cases page.",
    "cases.exists": "A case named “{name}” already exists; choose another name.",
    "kind.name": "name",
    "kind.nik": "NIK",
    "kind.kk": "KK number",
    "kind.id_number": "ID number",
    "kind.phone": "phone",
    "kind.email": "e-mail",
    "kind.address": "address",
    "kind.dob": "date of birth",
    "record.title": "Supervision record: {name}",
    "record.intro": (
        "The case was masked on the practitioner's computer before it was saved. For supervision and training."
    ),
    "record.level": "Level of evidence {rank}: {label}",
    "record.outcome_log": "Outcome log",
    "record.teaching_title": "Teaching case: {name}",
    "record.teaching_note": "Teaching case study from a masked practice case (not research).",
}
