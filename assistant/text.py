"""Indonesian text normalisation and tokenisation for the keyword index."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from assistant.english_terms import FUNCTION_WORDS as _ENGLISH_FUNCTION_WORDS
from assistant.english_terms import WORDS as _ENGLISH

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Domain words kept even though generic stop-word lists drop them (they carry legal meaning).
_KEEP = {
    "tidak",
    "wajib",
    "dilarang",
    "boleh",
    "dapat",
    "harus",
    "paling",
    "sedikit",
    "lama",
    "setiap",
    "belum",
    "bukan",
    "hak",
    "atas",
    "beri",
    "diberi",
    "memberi",
    "masuk",
    "kerja",
    "hari",
    "bulan",
    "tahun",
    "bawah",
    "kali",
    "baru",
    "besar",
    "kecil",
    "sama",
    "lain",
    "pertama",
    "kedua",
    "akhir",
    "awal",
    "sendiri",
    "khusus",
    "jam",
    "waktu",
    "umum",
    "tinggi",
    "rendah",
    "penuh",
    # predicates and kinds the regulations name with common words: "predikat Sangat Baik / Kurang",
    # "hukuman disiplin sedang", "cuti karena alasan penting", "cuti di luar tanggungan negara",
    # "pemberhentian sementara"
    "baik",
    "sangat",
    "kurang",
    "luar",
    "sementara",
    "sedang",
    "penting",
    # "cuti bersama", "hidup bersama" (PP 10/1983's prohibited cohabitation), "Keputusan Bersama"
    "bersama",
    # "santunan sekaligus", "uang ... sekaligus" (PP 70/2015): a kind of payment, asked by name
    "sekaligus",
}
_EXTRA_STOP = {
    # greetings and courtesies a chat message wraps a question in: never the topic
    "alhamdulillah",
    "insyaallah",
    "assalamualaikum",
    "wassalam",
    "waalaikumsalam",
    "bismillah",
    "makasih",
    "terimakasih",
    "thanks",
    "thx",
    "maaf",
    "halo",
    "permisi",
    "apa",
    "apakah",
    "bagaimana",
    "gimana",
    "berapa",
    "siapa",
    "kapan",
    "mana",
    "dimana",
    "kah",
    "sih",
    "dong",
    "ya",
    "yg",
    "gak",
    "ga",
    "nggak",
    "enggak",
    "kalau",
    "kalo",
    "tolong",
    "jelaskan",
    "sebutkan",
    "menurut",
    "aturan",
    "peraturan",
    "ketentuan",
    "diatur",
    "mengatur",
    "pasal",
    "ayat",
    "huruf",
    "angka",
    "tentang",
    "nomor",
    "tahun",
    "the",
    "what",
    "is",
    "are",
    "of",
    "a",
    "an",
    "in",
    "to",
    "for",
    "how",
    "does",
    "do",
}
# Colloquial spellings and abbreviations users type.
_SYNONYMS = {
    "pns": "pns",
    "asn": "asn",
    "p3k": "pppk",
    "pppk": "pppk",
    "cpns": "calon pns",
    "thl": "honorer non-asn",
    "gaji": "gaji",
    "cuti": "cuti",
    "pensiun": "pensiun",
    "skp": "skp",
    "jp": "jam pelajaran",
    "bangkom": "pengembangan kompetensi",
    "diklat": "pelatihan",
    "pecat": "berhenti",
    "dipecat": "berhenti",
    "parsel": "hadiah",
    "protes": "keberatan",
    "komplain": "keberatan",
    "bingkisan": "hadiah",
    "kado": "hadiah",
    "resign": "berhenti permintaan sendiri",
    "naik": "naik",
    "jabfung": "jabatan fungsional",
    "jpt": "jabatan pimpinan tinggi",
    "ppk": "pejabat pembina kepegawaian",
    "bkn": "badan kepegawaian negara",
    "lan": "lembaga administrasi negara",
    "kasn": "komisi aparatur sipil negara",
    "pemilu": "pemilihan umum",
    # colloquial Indonesian -> the words the regulations use
    "ngasih": "beri",
    "kasih": "beri",
    "dikasih": "diberi",
    "ngasi": "beri",
    "bolos": "tidak masuk kerja",
    "mangkir": "tidak masuk kerja",
    "absen": "tidak masuk kerja",
    "telat": "terlambat",
    "hamil": "melahirkan",
    "lahiran": "melahirkan",
    # the regulations say "kawin"/"perkawinan"; "menikah" would stem to "meni" (Sastrawi strips
    # "-kah" as a particle)
    "nikah": "kawin",
    "menikah": "kawin",
    "nikahnya": "kawin",
    "pernikahan": "perkawinan",
    "nikahin": "kawin",
    "nikahan": "perkawinan",
    "kawinan": "perkawinan",
    "dinikahi": "dikawini",
    # the stemmer keeps "memberitahukannya" whole (no root "beritahu"): the regulations' word for
    # reporting in writing ("wajib memberitahukannya secara tertulis kepada Pejabat") reads as the
    # one questions use ("wajib lapor")
    "memberitahukan": "lapor",
    "memberitahukannya": "lapor",
    "diberitahukan": "lapor",
    "pemberitahuan": "lapor",
    "memberitahu": "lapor",
    "nyalon": "calon",
    "umur": "usia",  # the regulations say "usia" (batas usia, usia pensiun)
    "umurnya": "usia",
    "medsos": "media sosial",
    "duit": "uang",
    "sampingan": "bekerja",
    "nyogok": "suap",
    "sogok": "suap",
    "nyuap": "suap",
    "bos": "atasan",
    "boss": "atasan",
    "dipindah": "mutasi",
    "mundur": "berhenti permintaan sendiri",
    "honor": "honorer non-asn",
    "honorer": "honorer non-asn",  # UU 20/2023 calls them "pegawai non-ASN"
    "rekrut": "angkat",
    "merekrut": "mengangkat",
    "direkrut": "diangkat",
    "nip": "nomor induk pegawai",
    "distop": "dihentikan",
    "jatah": "hak",  # "jatah cuti" is the regulations' "hak atas cuti"
    "jatahnya": "hak",
    "dicopot": "diberhentikan",
    "copot": "berhenti",
    "kontrak": "perjanjian kerja",  # a PPPK's contract
    "kontraknya": "perjanjian kerja",
    "ngajuin": "ajukan",
    "diajuin": "diajukan",
    "semena-mena": "sewenang-wenang",
    "mantan": "bekas",  # "mantan suami/istri": the regulations' "bekas suami/isteri"
    # "motong jatah cuti": the regulations' "mengurangi hak cuti" (or a "pemotongan" of pay)
    "motong": "potong kurang",
    "ktp": "kartu tanda penduduk",
    # government acronyms that the regulations spell out
    "bumn": "badan usaha milik negara",
    "bumd": "badan usaha milik daerah",
    "blud": "badan layanan umum daerah",
    "tni": "tentara nasional indonesia",
    "polri": "kepolisian negara republik indonesia",
    "pemda": "pemerintah daerah",
    "dprd": "dewan perwakilan rakyat daerah",
    "dpr": "dewan perwakilan rakyat",
    "opd": "perangkat daerah",
    "tukin": "tunjangan kinerja",
    "plt": "pelaksana tugas",
    "plh": "pelaksana harian",
    "phk": "pemutusan hubungan perjanjian kerja",
    "stop": "henti",
}


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    words = set(StopWordRemoverFactory().get_stop_words()) | _EXTRA_STOP | _ENGLISH_FUNCTION_WORDS
    return frozenset(words - _KEEP)


# Words Sastrawi over-stems ("merit" -> "rit") or that are abbreviations: kept as they are.
_NO_STEM = {
    "bersama",  # "cuti bersama" is not "sama" ("sama kayak PNS")
    "merit",
    "meritokrasi",
    "pppk",
    "pns",
    "asn",
    "cpns",
    "skp",
    "spbe",
    "jpt",
    "kasn",
    "bkn",
    "lan",
    "ppk",
    "menteri",
    "kinerja",
    "berakhlak",
    "digital",
    "data",
    "pemilu",
    "honorer",
}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if word in _NO_STEM:
        return word
    if len(word) <= 3 or word.isdigit() or any(ch.isdigit() for ch in word):
        return word
    stemmed = _stemmer().stem(word) or word
    return colloquial_root(stemmed) if stemmed == word else stemmed


# Spoken Jakarta verb forms: a nasal prefix on the root, sometimes "-in" for "-kan/-i" ("ngangkat",
# "ngecek", "nanya", "nyari", "motong", "ngerjain"). Each rule: prefix, what it replaced.
_COLLOQUIAL_PREFIXES = (
    ("nge", ""),
    ("ng", ""),
    ("ng", "k"),
    ("ny", "c"),
    ("ny", "s"),
    ("n", "t"),
    ("m", "p"),
)
STEM_RULES = "colloquial-prefix-1"  # part of the tokenizer fingerprint


def _dictionary():  # noqa: ANN202 - Sastrawi's root-word dictionary
    return _stemmer().delegatedStemmer.dictionary


def colloquial_root(word: str) -> str:
    """The root of a spoken verb form when the dictionary knows it and not the word itself:
    "ngangkat" -> "angkat", "ngecek" -> "cek", "nanya" -> "tanya", "ngerjain" -> "kerja"."""
    roots = _dictionary()
    if roots.contains(word):
        return word
    bodies = [word, word[:-2]] if word.endswith("in") and len(word) > 6 else [word]
    for body in bodies:
        for prefix, initial in _COLLOQUIAL_PREFIXES:
            if body.startswith(prefix) and len(body) - len(prefix) + len(initial) >= 3:
                root = initial + body[len(prefix) :]
                if roots.contains(root):
                    return root
    return word


# Legal terms whose words, read one by one, would match unrelated text: "cuti di luar tanggungan
# negara" is not "cuti ... di luar negeri". Each becomes one token (its common acronym).
_COMPOUNDS = ((re.compile(r"\b(?:di\s*)?luar\s+tanggungan\s+negara\b"), "cltn"),)


def normalise(text: str) -> str:
    text = text.lower().replace("/", " ")
    text = re.sub(r"\s+", " ", text)
    for phrase, token in _COMPOUNDS:
        text = phrase.sub(token, text)
    return text


@lru_cache(maxsize=1)
def tokenizer_version() -> str:
    """A fingerprint of what ``tokenize`` does with words (the synonym and English tables, the
    stop-words, the words kept unstemmed). The keyword index stores the one it was built with: an
    index built with another one holds other tokens, and must be rebuilt (``asisten index``)."""
    tables = [
        sorted(_SYNONYMS.items()),
        sorted(_ENGLISH.items()),
        sorted(stopwords()),
        sorted(_NO_STEM),
        [phrase.pattern for phrase, _ in _COMPOUNDS],
        STEM_RULES,
    ]
    payload = json.dumps(tables, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()[:12]


def stale_tokenizer(info: dict[str, object]) -> str | None:
    """Why an index's keyword tokens may not match today's questions (in Indonesian), or None.
    Indexes from before the fingerprint was recorded are not judged."""
    built = info.get("tokenizer")
    if not built or built == tokenizer_version():
        return None
    return (
        f"Indeks kata kunci dibuat dengan tokenizer {built}, kode sekarang memakai "
        f"{tokenizer_version()} (daftar singkatan atau sinonim berubah): sebagian kata pertanyaan "
        "tidak akan cocok. Jalankan `asisten index` untuk membangun ulang indeks."
    )


def tokenize(text: str) -> list[str]:
    """Lower-case, expand colloquial abbreviations, drop stop-words, stem with Sastrawi."""
    out: list[str] = []
    stops = stopwords()
    for raw in _TOKEN_RE.findall(normalise(text)):
        for word in _SYNONYMS.get(raw, _ENGLISH.get(raw, raw)).split():
            for part in word.split("-") if "-" in word and not word[0].isdigit() else [word]:
                if part in stops or len(part) < 2:
                    continue
                out.append(stem(part))
    return out


_DEF_SPLIT = re.compile(
    r"\s+(?:yang\s+selanjutnya\s+(?:disingkat|disebut)(?:\s+dengan)?\s+(\S+)|adalah)\b", re.I
)


def definition_term(text: str) -> tuple[str, str | None]:
    """'3. Pegawai Negeri Sipil yang selanjutnya disingkat PNS adalah ...' -> ('Pegawai Negeri Sipil', 'PNS')."""
    body = re.sub(r"^\s*\d+\s*\.\s*", "", text)
    m = _DEF_SPLIT.search(body)
    if not m:
        return "", None
    abbrev = m.group(1).strip(",.;") if m.group(1) else None
    return body[: m.start()].strip(), abbrev


def defined_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Lower-case abbreviation -> long form, from definitions "X yang selanjutnya disingkat Y";
    when texts define one abbreviation differently, the most frequent long form."""
    seen: dict[str, Counter[str]] = {}
    for text in texts:
        for line in text.split("\n"):
            if "disingkat" not in line:
                continue
            term, abbrev = definition_term(line)
            if not abbrev or not term or len(term) > 80:
                continue
            if not re.fullmatch(r"[A-Za-z]{2,10}", abbrev) or sum(c.isupper() for c in abbrev) < 2:
                continue  # "disingkat dengan", OCR's "g", "Undang-Undang"
            term = re.sub(r"^.*?\b(?=[A-Z])", "", term) if not term[:1].isupper() else term
            seen.setdefault(abbrev.lower(), Counter())[re.sub(r"\s+", " ", term)] += 1
    found = {a: forms.most_common(1)[0][0] for a, forms in seen.items()}

    def written_out(long: str, own: str) -> str:
        """A long form that uses another abbreviation, written out too: "Komisi ASN" -> "Komisi
        Aparatur Sipil Negara"."""
        return re.sub(
            r"\b[A-Za-z]{2,10}\b",
            lambda m: (
                m.group(0)
                if m.group(0).lower() == own
                else found.get(m.group(0).lower(), m.group(0))
            ),
            long,
        )

    return {a: written_out(long, a) for a, long in found.items()}


_WORD_RE = re.compile(r"[a-z0-9]+")


def question_phrases(question: str, size: int = 3) -> set[str]:
    """The question's runs of `size` words (as written) with at least two content words."""
    words = _WORD_RE.findall(question.lower())
    content = set(tokenize(question))
    runs = [words[i : i + size] for i in range(len(words) - size + 1)]
    return {
        " ".join(run) for run in runs if sum(bool(set(tokenize(w)) & content) for w in run) >= 2
    }


def says_a_phrase_of(phrases: set[str], text: str) -> bool:
    """Whether a text holds one of the phrases word for word (case and punctuation aside)."""
    return phrases_said(phrases, text) > 0


def phrases_said(phrases: set[str], text: str) -> int:
    """How many of the phrases a text holds word for word (case and punctuation aside)."""
    flat = f" {' '.join(_WORD_RE.findall(text.lower()))} "
    return sum(f" {p} " in flat for p in phrases)
