"""What the assistant says when it does not answer: one plain Indonesian message per reason, each with
the next step. The reasons are stable, machine-readable codes (README: "Reasons")."""

from __future__ import annotations

REASONS: dict[str, str] = {
    "personal_record": "permintaan data kepegawaian pribadi; asisten tidak punya akses ke data Anda",
    "injection": "permintaan mengubah atau mengabaikan aturan asisten",
    "out_of_domain": "pertanyaan di luar urusan kepegawaian/ASN",
    "not_in_corpus": "topiknya tidak diatur dalam dokumen yang ada di korpus",
    "unknown_document": "dokumen yang disebut tidak ada di korpus",
    "document_missing": "dokumen tercantum di manifest tetapi teksnya belum ada",
    "pasal_not_found": "Pasal/ayat yang disebut tidak ada atau tidak terbaca",
    "weak_sources": "sumber yang ditemukan hanya sebagian cocok dengan pertanyaan",
    "answer_type_mismatch": "sumber tidak memuat jenis jawaban yang ditanyakan (mis. angka/nominal)",
    "unsupported_claim": "sebagian jawaban LLM tidak didukung sumber dan dihapus",
    "llm_no_answer": "LLM menyatakan sumber tidak memuat jawabannya",
}

NEXT_STEP_ADD_DOCUMENT = (
    "Jika Anda memiliki peraturan yang mengaturnya, simpan PDF-nya di folder korpus lalu jalankan "
    "`asisten index`."
)


def personal_record(where: str) -> str:
    return (
        "Maaf, Asisten ASN tidak memiliki akses ke data kepegawaian pribadi (sisa cuti, gaji/TPP, status "
        "usulan, nilai SKP, data SIASN/MyASN), sehingga permintaan ini tidak dapat dicek di sini dan "
        f"tidak ada data Anda yang disimpan untuk itu. Silakan tanyakan ke {where}."
    )


def out_of_domain(corpus: str) -> str:
    return (
        "Maaf, pertanyaan ini di luar urusan kepegawaian ASN, jadi tidak dijawab. Asisten ASN hanya "
        f"menjawab pertanyaan tentang regulasi ASN dari korpusnya: {corpus}."
    )


def not_in_corpus(missing: list[str], corpus: str) -> str:
    what = f" (tidak ada sumber yang memuat: {', '.join(missing[:4])})" if missing else ""
    return (
        f"Maaf, dokumen di korpus Asisten ASN tidak mengatur hal ini{what}, sehingga tidak dapat "
        f"dijawab berdasarkan sumber. Korpus saat ini memuat: {corpus}. {NEXT_STEP_ADD_DOCUMENT}"
    )


def weak_sources(missing: list[str], corpus: str) -> str:
    what = f" Yang tidak ditemukan: {', '.join(missing[:4])}." if missing else ""
    return (
        "Maaf, sumber yang ditemukan hanya menyinggung sebagian kata dalam pertanyaan dan tidak "
        f"menjawabnya.{what} Korpus saat ini memuat: {corpus}. {NEXT_STEP_ADD_DOCUMENT}"
    )


def answer_type_mismatch(kind: str, delegation: str = "") -> str:
    detail = f" {delegation}" if delegation else ""
    return (
        f"Maaf, sumber di korpus membahas topik ini tetapi tidak memuat {kind} yang ditanyakan, jadi "
        f"angkanya tidak dapat disebutkan dari sumber.{detail} {NEXT_STEP_ADD_DOCUMENT}"
    )


def unknown_document(names: str, corpus: str, mention: str = "") -> str:
    where = (
        f" Dokumen ini disebut dalam {mention}, tetapi teksnya tidak ada di korpus."
        if mention
        else ""
    )
    return (
        f"Maaf, {names} tidak ada di korpus Asisten ASN, jadi isinya tidak dapat dijawab atau dikutip."
        f"{where} Korpus saat ini memuat: {corpus}. Jika Anda memiliki dokumennya, simpan PDF-nya di "
        "folder korpus (dan tambahkan entrinya di corpus/manifest.toml) lalu jalankan `asisten index`."
    )


def partial_note(missing: list[str], kind_missing: str = "") -> str:
    parts = []
    if missing:
        parts.append(f"sumber tidak menyebut {', '.join(missing[:4])}")
    if kind_missing:
        parts.append(f"sumber tidak memuat {kind_missing} yang ditanyakan")
    return "Jawaban ini hanya sebagian: " + "; ".join(parts) + "." if parts else ""


ANSWER_TYPE_NAMES = {
    "durasi": "lama waktu",
    "persen": "persentase",
    "nominal": "besaran/nominal uang",
    "jumlah": "jumlah",
    "waktu": "waktu/tanggal",
}
# how often something happens ("KGB tiap berapa tahun sekali")
FREQUENCY_NAME = (
    "frekuensi atau jumlah per periode (setiap berapa lama, berapa per minggu atau per hari)"
)
