"""Input checks before answering: prompt injection, language, personal data masking."""

from __future__ import annotations

import re

_INJECTION_PATTERNS = [
    r"\b(abaikan|lupakan|acuhkan|hiraukan|tinggalkan)\b.{0,40}\b(instruksi|perintah|aturan|arahan|prompt|sistem|batasan|sumber)",
    r"\bignore\b.{0,40}\b(instructions?|rules?|prompts?|previous|above|system|sources?)",
    r"\b(disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules?|prompt|guidelines|sources?)",
    r"\b(system|developer)\s*prompt\b|\bprompt\s+sistem\b|\binstruksi\s+sistem(mu)?\b",
    r"\b(tampilkan|bocorkan|tunjukkan|ungkapkan|reveal|print|show)\b.{0,30}\b(prompt|instruksi|instructions)\b",
    r"\b(kamu|anda)\s+(sekarang|kini)\s+(adalah|menjadi|bukan)\b|\byou\s+are\s+now\b|\bact\s+as\b|\bberpura-?pura\b|\bpretend\b",
    r"\bjailbreak\b|\bdan\s+mode\b|\bdeveloper\s+mode\b|\bmode\s+(bebas|tanpa\s+batas)\b",
    r"\b(karang|mengarang|buat(kan)?|ciptakan|invent|make\s+up|fabricate)\b.{0,30}\b(pasal|sitasi|kutipan|citation|article|regulation|peraturan)\b.{0,20}\b(palsu|fiktif|baru|fake|fictional)?",
    r"\btanpa\s+(menyebut|mencantumkan|menggunakan)\s+sumber\b|\bwithout\s+(citing|sources|citations)\b",
    r"\bjawab\s+(saja\s+)?(bebas|sesukamu|tanpa\s+aturan)\b",
    r"<\s*/?\s*(system|instruction|im_start|im_end)\s*>|\[\s*(system|INST)\s*\]",
    r"\bsystem\s+override\b|\bmode\s+(admin|developer|pengembang|debug)\b",
    r"\b(matikan|nonaktifkan|hapus|lewati|disable|turn\s+off|skip)\b.{0,30}\b(pemeriksaan|filter|sitasi|aturan|citation|checks?|guard)",
    r"\b(anggap|bayangkan|andaikan)\s+(kamu|dirimu|anda)\b|\brole-?play\b",
    r"\b(ubah|ganti|hapus|edit|modify|change|delete)\b.{0,40}\b(database|basis\s+data|isi\s+pasal|indeks|korpus)\b",
    r"\b(buat(kan)?|terbitkan|cetak(kan)?|palsukan|forge)\b.{0,30}\b(sk|surat\s+keputusan|surat\s+tugas|ijazah|sertifikat)\b.{0,40}\b(atas\s+nama|palsu|saya|fake)\b",
    r"\bkarang\s+(saja|aja|sendiri)\b|\bngarang\b",
    r"\b(kamu|anda|dirimu)\s+(sekarang\s+|kini\s+)?(berperan|bertindak|berlaku)\s+sebagai\b|\bpura-?pura\b|\bpura2\b",
    r"\b(jawab|jelaskan|tulis)\w*\s+(saja\s+|aja\s+)?tanpa\s+(kutipan|sitasi|sumber|pasal|rujukan|referensi)\b",
    r"\bjangan\s+(cek|periksa|pakai|gunakan|sebut|kutip|cantumkan|lihat)\w*\s+(pasal|sumber|sitasi|aturan|kutipan|korpus)",
    r"\bpokoknya\s+(jawab|bilang|katakan|tulis)\b",
    r"\b(tulis|buat|susun)\w*\s+ulang\b.{0,40}\b(pasal|ayat|huruf)\b.{0,60}\b(hapus|hilangkan|buang|ganti|ubah)\b",
]
_INJECTION_RE = re.compile("|".join(f"(?:{p})" for p in _INJECTION_PATTERNS), re.I | re.S)

_EN_WORDS = {
    "what",
    "how",
    "is",
    "are",
    "the",
    "of",
    "for",
    "can",
    "does",
    "do",
    "which",
    "who",
    "when",
    "a",
    "civil",
    "servant",
    "servants",
    "according",
    "law",
    "must",
    "may",
    "allowed",
    "rights",
    "to",
    "in",
    "many",
    "much",
    "long",
    "government",
    "employee",
    "employees",
    "regulation",
    "under",
    "be",
    "their",
}
_ID_WORDS = {
    "apa",
    "yang",
    "dan",
    "di",
    "untuk",
    "dengan",
    "bagaimana",
    "berapa",
    "apakah",
    "pns",
    "asn",
    "boleh",
    "tidak",
    "menurut",
    "adalah",
    "dalam",
    "bagi",
    "siapa",
    "kapan",
    "ini",
    "itu",
    "ke",
    "dari",
    "hak",
}


def is_injection(text: str) -> bool:
    """True when the text tries to change the assistant's rules."""
    return bool(_INJECTION_RE.search(text))


def is_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    idn = sum(w in _ID_WORDS for w in words)
    return en >= 2 and en > idn


_PII_PATTERNS = [
    (
        "NIP",
        re.compile(r"(?<!\d)\d{8}\s?\d{6}\s?\d\s?\d{3}(?!\d)"),
    ),  # 18 digits, often spaced 8-6-1-3
    ("NIK", re.compile(r"(?<!\d)\d{16}(?!\d)")),
    ("EMAIL", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")),
    ("TELEPON", re.compile(r"(?<![\w])(?:\+62|62|0)8\d{1,3}[-\s]?\d{3,4}[-\s]?\d{3,5}(?!\d)")),
]


def mask_pii(text: str) -> tuple[str, list[str]]:
    """Replace NIP, NIK, e-mail and phone numbers with placeholders; returns (masked, kinds found)."""
    found: list[str] = []
    for kind, pattern in _PII_PATTERNS:
        text, n = pattern.subn(f"[{kind}]", text)
        if n:
            found.append(kind)
    return text, found
