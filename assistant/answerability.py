"""Do the selected passages answer this question? An explainable check, run before an answer is given.

Two tests, each with its inputs in the trace:
(a) coverage of the question's salient terms and phrases, each weighted by its rarity in the corpus
    (IDF): "tunjangan jabatan", "perjalanan dinas", "2025", "IV/b" matter; "PNS", "berapa" do not;
(b) the expected answer type (a duration, a percentage, an amount of money, a date, a list ...) against
    what the passages contain.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from assistant.documents import AnswerStatus, Chunk, Passage
from assistant.language import is_english
from assistant.quantities import (
    ASKED_UNITS,
    ASKS_SHARE,
    FRACTION,
    SHARE,
    asked_quantities,
    asks_how_often,
    frequency_evidence,
    holds,
)
from assistant.text import question_phrases, says_a_phrase_of, stem, tokenize
from assistant.understand import AnswerType, story_and_question

# Weighted share of salient terms the passages must contain to answer (below: no_source) and to
# answer fully (below: partial). Calibrated on evals/datasets/dev*.jsonl (see evals/README.md).
# The decision score is the top dense similarity + Settings.coverage_weight × the weighted support:
# meaning and words must both point at the passages. Below Settings.min_confidence: no_source;
# support below FULL_SUPPORT: partial.
FULL_SUPPORT = 0.5
# weight of a number in the question ("2025", "IV/b", "37,5"): as rare as a rare word
NUMBER_WEIGHT = 5.0
# A salient term is one at least this rare (IDF); commoner words ("pegawai", "negeri") carry no weight.
SALIENT_IDF = 1.5
# Share of the question's content words the corpus knows at all, under which (with no civil-service
# word in the question) the question is out of the assistant's domain.
DOMAIN_VOCAB_SHARE = 0.5
PASSAGES_CHECKED = 3
# Weight of a word that only the background sentences of a question use (see _context_only).
CONTEXT_WEIGHT = 0.5
# An amount of money or a percentage counts as the answer only in a passage holding at least this
# share of the question's salient terms.
TYPE_SOURCE_SUPPORT = 0.4
# the support of the passages together is at most the best single passage's plus this: terms
# scattered over unrelated sources ("formasi CPNS 2024" from an SPBE plan's "2020 - 2024", "calon
# PNS" from another Pasal) do not add up to an answer
SCATTER_ALLOWANCE = 0.25

# Words that frame a question rather than name its topic (stemmed): their absence from a passage
# says nothing about whether it answers.
FRAME_WORDS = frozenset(
    [
        "boleh",
        "bisa",
        "belum",
        "sudah",
        "udah",
        "baru",
        "syarat",
        "erti",
        "maksud",
        "beda",
        "sama",
        "kondisi",
        "maksimal",
        "minimal",
        "total",
        "pakai",
        "bikin",
        "ganti",
        "tidak",
        # chat particles and fillers ("tuh", "pas" = when, "alias" = a.k.a., "kelar" = done)
        "tuh",
        "nih",
        "deh",
        "lho",
        "loh",
        "kan",
        "nah",
        "dah",
        "pas",
        "alias",
        "kelar",
        "tu",  # "cltn tu maks brp": "itu"
        "bentuk",  # "bentuknya apa aja": the shape of a list answer, not its topic
        "batas",  # "batas minimal/maksimal": like minimal/maksimal
        "tahu",
        "gimana",
        "kok",
        "sih",
        "dong",
        "nggak",
        "gak",
        "ga",
        "aja",
        "kak",
        "min",
        "pak",
        "bu",
        "ya",
        "yah",
        "kalau",
        "kalo",
        "terus",
        "supaya",
        "biar",
        "banget",
        "sekarang",
        "tolong",
        "mohon",
        "mau",
        "ingin",
        "perlu",
        "cara",
        "apa",
        "saja",
        "ada",
        "jadi",
        "masih",
        "lagi",
        "dulu",
        "kata",
        "emang",
        "memang",
        "benar",
        "betul",
        "iya",
        "gitu",
        "begitu",
        "gini",
        "gin",  # the stem of "gini"
        "segitu",  # "masih segitu?": that much
        "begini",
        "kayak",
        "seperti",
        "contoh",
        "misal",
        "jelas",
        "terang",
        "tanya",
        "jawab",
        "bantu",
        "info",
        "informasi",
        "aturan",
        "atur",
        "ketentuan",
        "tentu",
        "menurut",
        "dasar",
        "hukum",
        "berlaku",
        "laku",
        "isi",
        "bunyi",
        "atas",
        "bawah",
        "lama",
        "sering",
        "kali",
        "hal",
        "orang",
        "teman",
        "kawan",
        # the asker's situation, not the topic: "temen kantor", "gk ada kabar", "gmn nasibnya",
        # "ketahuan", "kabupaten sebelah", "tiba-tiba"
        "temen",
        "saudara",  # asking for a relative ("sodara sy PNS ...")
        # "I" in the regional languages of the askers ("ulun mau tanya", "ambo"), and the day the
        # story happened ("kemarin", "tadi"): the asker, not the topic
        "ulun",
        "ambo",
        "gue",
        "gua",
        "kulo",
        "kemarin",
        "tadi",
        "panjang",  # "kepanjangannya apa": the expansion of an acronym is asked
        "kantor",
        "kabar",
        "nasib",
        "ketahuan",
        "sebelah",
        "belah",  # the stem the tokenizer makes of "sebelah" (the words are matched as stems)
        "tiba",
        # how the asker frames it: "konsekuensinya apa", "atasan saya bilang", "penasaran aja",
        # "saya bingung", "mau nanya"
        "konsekuensi",
        "dampak",
        "bilang",
        "penasaran",
        "bingung",
        "nanya",
    ]
)
_DOMAIN_WORDS = re.compile(
    r"\b(?:asn|pns|cpns|pppk|p3k|honorer|pegawai|aparatur|kepegawaian|instansi|dinas|jabatan|"
    r"pangkat|golongan|cuti|gaji|tunjangan|tpp|pensiun|disiplin|kinerja|skp|mutasi|bkn|bkpsdm|bkd|"
    r"kemenpan|menpan|lan|kasn|pemerintah|birokrasi|atasan|kantor|sk|spbe|satker|opd|pejabat|"
    r"pelatihan|diklat|kompetensi|civil\s+servants?|government|employees?|regulasi|peraturan|nip|"
    # what an official is offered for a service: integrity, a civil-service matter in any words
    r"gratifikasi|suap|pungli|sogok|parsel|amplop|hadiah)"
    r"(?:nya|ku|mu)?\b",
    re.I,
)
# A request to compose a piece of writing ("buatkan pantun untuk acara di kantor", "bikinin caption
# hari ASN"): a task, not a question the regulations answer, whatever office words it uses.
_CREATIVE_WORK = re.compile(
    r"\b(?:buat|buatkan|buatin|bikin|bikinin|tulis|tuliskan|tulisin|karang|karangkan|susun|"
    r"susunkan|carikan|cariin|write|compose|generate)\s+(?:\w+\s+){0,3}?(?:pantun|puisi|syair|lagu|lirik|"
    r"cerpen|cerita|dongeng|lelucon|jokes?|lawakan|caption|kata-kata\s+mutiara|ucapan|quotes?|"
    r"poem|song|story|joke|"
    # a piece of code ("write me a Python function", "buatkan script"), not "kode etik"
    r"kode(?!\s+(?:etik|perilaku))|code(?!\s+of)|script|skrip|function|query\s+sql|sql\s+query|"
    r"makro|macro|rumus\s+excel|excel\s+formula)\b",
    re.I,
)
# A question that names a regulation or a place in one is a regulation question whatever its words.
_REGULATION_WORDS = re.compile(
    r"\b(?:pasal|ayat|uu|pp|perpres|permen\w*|undang|peraturan|perka|keppres|law|article)\b", re.I
)
_NUMBER = re.compile(r"\b(?:[ivx]{1,4}/[a-e]|\d{4}|\d+(?:[.,]\d+)?)\b", re.I)
# a year in a question, unless it dates a numbered document ("PP 17 tahun 2020", "UU 5/2014")
_YEAR = re.compile(
    r"(?<![\d/])(?<!\d\s)(?<!\d\stahun\s)(?<!\d\sthn\s)(?<!\d\sth\s)\b(?:19|20)\d\d\b", re.I
)
_REFERENCE_NUMBERS = re.compile(
    r"\b(?:pasal|psl|ayat|angka|huruf|nomor|no|tahun|thn|th|uu|pp|perpres|perlan|permen\w*|perka|se)"
    r"\.?\s*\(?\d+[a-z]?\)?(?:\s*(?:/|tahun|thn|th)\s*\d{4})?",
    re.I,
)


def _length_of_time(units: str, extra: str = "") -> re.Pattern[str]:
    """A length of time stated with its number ("3 (tiga) bulan", "dua belas hari", "sampai dengan
    usia"), in the given units, plus `extra` alternatives."""
    return re.compile(
        rf"\b\d+\s*(?:\([a-z\s]+\)\s*)?(?:{units})\b|\b(?:satu|dua|tiga|empat|"
        r"lima|enam|tujuh|delapan|sembilan|sepuluh|dua\s+belas|empat\s+belas)\s+(?:hari|bulan|tahun)\b|"
        rf"\bsampai\s+dengan\s+(?:usia|batas){extra}",
        re.I,
    )


_TYPE_EVIDENCE: dict[AnswerType, re.Pattern[str]] = {
    AnswerType.DURATION: _length_of_time("hari|bulan|tahun|minggu|jam|kali", r"|\bselama\b"),
    AnswerType.PERCENT: re.compile(r"\bpersen\b|%|\bper\s?seratus\b", re.I),
    # an amount in rupiah ("berapa kali gaji" is asked, and checked, by its unit: _asked_unit)
    # or as a multiple of the salary ("uang duka tewas ... sebesar 6 (enam) kali Gaji"); not "kali
    # penghasilan", which states what is paid during a period (MPP), not a sum
    AnswerType.MONEY: re.compile(
        r"\bRp\.?\s?\d|\brupiah\b|\b\d+(?:\.\d{3})+\b|"
        r"\b\d+\s*(?:\([a-z\s]+\)\s*)?kali\s+(?:gaji|upah)|"
        # "sebesar 60% (enam puluh persen) dikali 80 (delapan puluh) Gaji terakhir"
        r"\bdikali(?:kan)?\s+\d+\s*(?:\([a-z\s]+\)\s*)?(?:gaji|upah)|"
        # a share of the pay: "uang pemberhentian sementara sebesar 50% (lima puluh persen) dari
        # penghasilan"
        r"(?:%|persen\)?)\s*(?:\([a-z\s]+\)\s*)?dari\s+(?:gaji|penghasilan|upah)",
        re.I,
    ),
    AnswerType.COUNT: re.compile(
        r"\b\d+\s*\(|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan)\b|" + FRACTION, re.I
    ),
    AnswerType.TIME: re.compile(
        r"\b(?:paling\s+lambat|paling\s+cepat|sejak|setelah|sebelum|pada\s+(?:saat|tanggal|hari)|"
        r"mulai\s+berlaku|terhitung|tanggal|apabila|jika|sampai\s+dengan|\d{4})\b",
        re.I,
    ),
}


@dataclass
class TermStats:
    """Document frequency of each stemmed term over the searchable passages of one index."""

    df: Counter[str]
    n: int
    # years of the documents held: "UU ASN 2023" names a document, it does not ask about 2023
    doc_years: frozenset[str] = frozenset()

    @classmethod
    def build(cls, chunks: Iterable[Chunk]) -> TermStats:
        df: Counter[str] = Counter()
        n = 0
        years: set[str] = set()
        for c in chunks:
            years.update(re.findall(r"\b(?:19|20)\d\d\b", c.doc_short))
            if c.searchable:
                n += 1
                df.update(set(text_tokens(c.embed_text)))
        return cls(df, max(n, 1), frozenset(years))

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 0.5))

    def known(self, term: str) -> bool:
        return self.df.get(term, 0) > 0


_STATS: dict[str, TermStats] = {}


def term_stats(generation: str, chunks: Iterable[Chunk]) -> TermStats:
    """Built once per index generation (a second of CPU), kept for the two newest generations."""
    if generation not in _STATS:
        if len(_STATS) >= 2:
            _STATS.pop(next(iter(_STATS)))
        _STATS[generation] = TermStats.build(chunks)
    return _STATS[generation]


@dataclass
class Term:
    term: str
    weight: float
    found: bool


@dataclass
class Answerability:
    status: AnswerStatus | None  # None: answer; PARTIAL; NO_SOURCE
    reason: str | None
    support: float
    terms: list[Term] = field(default_factory=list)
    phrases: list[Term] = field(default_factory=list)
    numbers: list[Term] = field(default_factory=list)
    answer_type: AnswerType = AnswerType.OPEN
    type_found: bool = True
    type_evidence: str = ""
    domain_share: float = 1.0
    domain_word: str = ""
    regulation_word: bool = False  # names a regulation or a Pasal
    creative_work: str = ""  # asks for a piece of writing ("buatkan pantun"), not a rule
    later_year: str = ""  # a year asked about after the newest regulation held, not in sources
    dense: float = 1.0
    unit_asked: bool = False
    often_asked: bool = False  # how often ("tiap berapa tahun sekali"), not how long
    min_score: float = 0.0
    support_weight: float = 0.0

    @property
    def score(self) -> float:
        return self.dense + self.support_weight * self.support

    @property
    def missing(self) -> list[str]:
        """What the sources lack, most telling first: numbers, then words by weight (a word of the
        question proper before one of its story), then pairs whose words each appear but not side
        by side ("cuti besar"), never a pair that only repeats a missing word."""
        numbers = [t.term for t in self.numbers if not t.found and t.weight]
        words = sorted((t for t in self.terms if not t.found and t.weight), key=lambda t: -t.weight)
        present = {t.term for t in self.terms if t.found}
        pairs = [
            t.term
            for t in self.phrases
            if not t.found and t.weight and set(t.term.split()) <= present
        ]
        found = list(dict.fromkeys([*numbers, *(t.term for t in words), *pairs]))
        return [f"tahun {self.later_year}", *found] if self.later_year else found

    def trace(self) -> dict[str, object]:
        return {
            "keputusan": self.status.value if self.status else "answered",
            "alasan": self.reason,
            "dukungan": round(self.support, 3),
            "kemiripan_dense": round(self.dense, 4),
            "skor": round(self.score, 4),
            "rumus": f"kemiripan dense + {self.support_weight} × dukungan",
            "ambang": {
                "no_source_di_bawah": self.min_score,
                "partial_dukungan_di_bawah": FULL_SUPPORT,
            },
            "istilah": [
                {"istilah": t.term, "bobot": round(t.weight, 2), "ada": t.found} for t in self.terms
            ],
            "frasa": [
                {"frasa": t.term, "bobot": round(t.weight, 2), "ada": t.found} for t in self.phrases
            ],
            "angka": [
                {"angka": t.term, "bobot": round(t.weight, 2), "ada": t.found} for t in self.numbers
            ],
            "satuan_ditanyakan": self.unit_asked,
            "frekuensi_ditanyakan": self.often_asked,
            "jenis_jawaban": self.answer_type.value,
            "jenis_jawaban_ada": self.type_found,
            "bukti_jenis_jawaban": self.type_evidence,
            "kosakata_korpus": round(self.domain_share, 2),
            "kata_ranah_asn": self.domain_word,
            "permintaan_karya_tulis": self.creative_work or None,
            "menyebut_peraturan": self.regulation_word,
            "tahun_setelah_korpus": self.later_year or None,
        }


def _content_tokens(question: str) -> list[str]:
    return tokenize(_REFERENCE_NUMBERS.sub(" ", question))


def _numbers(question: str) -> list[str]:
    text = _REFERENCE_NUMBERS.sub(" ", question)
    return [m.group(0).lower() for m in _NUMBER.finditer(text)]


@functools.lru_cache(maxsize=16384)
def text_tokens(text: str) -> tuple[str, ...]:
    """``tokenize`` of a passage's text, kept: ranking reads the same candidates question after
    question, and building the term statistics reads every passage once at load."""
    return tuple(tokenize(text))


def _passage_tokens(passages: list[Passage]) -> tuple[set[str], set[tuple[str, str]], str]:
    terms: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    texts = []
    for p in passages:
        toks = text_tokens(p.chunk.embed_text)
        terms.update(toks)
        pairs.update(zip(toks, toks[1:], strict=False))
        # a pair split by one word still counts ("tunjangan dan jabatan" is not, "cuti di luar
        # tanggungan" -> (cuti, luar), (luar, tanggung) already adjacent after stop-words)
        pairs.update(zip(toks, toks[2:], strict=False))
        texts.append(p.chunk.text)
    return terms, pairs, "\n".join(texts)


_UNIT_ASKED = re.compile(
    r"\b(?:berapa|brp)\s+(hari|bulan|tahun|minggu|jam|menit|kali)\b|\b(tanggal|jam|pukul)\s+(?:berapa|brp)\b",
    re.I,
)
_WHICH_MONTH = re.compile(r"\b(?:bulan|bln)\s+(?:apa|apaan)\b|\bwhich\s+month\b", re.I)
_UNIT_CHOICE = re.compile(r"\s*(?:/|atau|ato|or)\s*(?:hari|bulan|tahun|minggu|jam)\b", re.I)
_MONTHS = (
    r"(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)"
)


def _asked_unit(question: str, kind: AnswerType) -> re.Pattern[str] | None:
    """A narrower evidence pattern when the question names its unit ("berapa jam", "tanggal berapa");
    none when it names a choice of units ("brp hari/bulan", "berapa hari atau bulan"). How often
    something happens ("KGB tiap berapa tahun sekali") is answered by "setiap 2 (dua) tahun" or
    "1 (satu) kali dalam 2 (dua) tahun", not by how long something lasts ("selama 1 (satu) tahun")."""
    often = frequency_evidence(question)
    if often:
        return often
    if _WHICH_MONTH.search(question):  # "dibuka bulan apa": a month of the calendar
        return re.compile(rf"\b{_MONTHS}\b", re.I)
    m = _UNIT_ASKED.search(question)
    if not m or _UNIT_CHOICE.match(question, m.end()):
        return None
    unit = (m.group(1) or m.group(2)).lower()
    if unit == "tanggal":
        return re.compile(rf"\b\d{{1,2}}\s+{_MONTHS}\b|\btanggal\s+\d", re.I)
    if unit in ("jam", "pukul") and m.group(2):
        return re.compile(r"\bpukul\b|\b\d{1,2}[.:]\d{2}\b", re.I)
    if kind in (AnswerType.DURATION, AnswerType.COUNT) or unit == "kali":  # "berapa kali gaji"
        return re.compile(rf"\b\d+\s*(?:\([a-z\s]+\)\s*)?{unit}\b", re.I)
    return None


# A list: items "a." / "1." after a lead-in, or the words that open one.
_LIST_EVIDENCE = re.compile(
    r"(?:^|\n)\s*(?:[a-z]|\d{1,2})\s*[.)]\s+\S|\bterdiri\s+atas\b|\bmeliputi\b|\bsebagai\s+berikut\b",
    re.I,
)


# A length of time stated with its number (the gate's DURATION evidence also takes "N kali" and a
# bare "selama").
_DURATION_STATED = _length_of_time("hari|bulan|tahun|minggu|jam")


def holds_answer_type(kind: AnswerType, text: str, question: str = "") -> bool:
    """Whether a passage holds an answer of the kind asked: a number with the asked unit, a
    percentage, an amount of money, a date, a list (for ranking; the gate uses _type_evidence)."""
    if kind == AnswerType.LIST:
        return bool(_LIST_EVIDENCE.search(text))
    if kind == AnswerType.DURATION and not _asked_unit(question, kind):
        return bool(_DURATION_STATED.search(text))  # "Selama menggunakan hak cuti ..." is none
    if kind not in _TYPE_EVIDENCE or kind == AnswerType.TIME:  # dates: too many ways to say one
        return True
    if kind == AnswerType.COUNT and ASKS_SHARE.search(question):  # "dibagi brp": "sepertiga"
        return bool(SHARE.search(text))
    return _type_evidence(kind, text, question)[0]


# what is paid during a period as a multiple of the pay ("uang masa persiapan pensiun setiap bulan
# sebesar 1 (satu) kali penghasilan PNS terakhir"): the amount asked only in a sentence that names
# what the question names (its three-word phrase), not for another payment ("rumus uang pensiun")
_RELATIVE_PAY = re.compile(r"\b\d+\s*(?:\([a-z\s]+\)\s*)?kali\s+penghasilan\b", re.I)


def _type_evidence(kind: AnswerType, text: str, question: str = "") -> tuple[bool, str]:
    asked = _asked_unit(question, kind)
    pattern = asked or _TYPE_EVIDENCE.get(kind)
    if pattern is None:
        return True, ""
    m = pattern.search(text)
    if not m and kind == AnswerType.MONEY and asked is None:
        phrases = question_phrases(question)
        for sentence in _sentences(text):
            pay = _RELATIVE_PAY.search(sentence)
            if pay and says_a_phrase_of(phrases, sentence):
                return True, pay.group(0)
    return bool(m), m.group(0) if m else ""


_NASAL = (
    ("ny", "s"),
    ("ny", "c"),
    ("ng", "k"),
    ("ng", ""),
    ("m", "p"),
    ("n", "t"),
    ("m", ""),
    ("n", ""),
)


def colloquial_variants(word: str) -> list[str]:
    """Standard forms a chat word may stand for: 'ngisi' -> isi, 'motong' -> potong, 'nolak' ->
    tolak, 'dapet' -> dapat, 'taun' -> tahun, 'dampingin' -> damping (Jakarta-style -in, nasal
    prefixes, e for a, dropped h)."""
    out: list[str] = []
    base = word[:-2] if word.endswith("in") and len(word) > 5 else word
    stems = [base] + ([base[3:]] if base.startswith("nge") else [])
    for stem_ in stems:
        out.append(stem_)
        for prefix, sound in _NASAL:
            if stem_.startswith(prefix) and len(stem_) > len(prefix) + 2:
                out.append(sound + stem_[len(prefix) :])
    out += [w[:-2] + "a" + w[-1] for w in list(out) if len(w) > 3 and w[-2] == "e"]
    out += [w[:1] + "ah" + w[2:] for w in list(out) if len(w) == 4 and w[1] == "a"]
    return [w for w in dict.fromkeys(out) if w != word]


# English words that ask, not name a topic (the corpus holds a few English words, so "many" would
# otherwise weigh as a rare term); the function words ("can", "what", "that") never get here: the
# tokenizer drops them (english_terms.FUNCTION_WORDS), and "must" reads as "wajib"
_ENGLISH_FRAME = frozenset({"much", "many", "once", "over"})


def _term(token: str, p_terms: set[str], stats: TermStats, english: bool) -> Term:
    if english and token in _ENGLISH_FRAME:
        return Term(token, 0.0, token in p_terms)
    if token in p_terms or stats.known(token):
        return Term(token, stats.idf(token), token in p_terms)
    for variant in () if english else colloquial_variants(token):  # Indonesian chat spellings
        stemmed = stem(variant)
        if stemmed in p_terms or stats.known(stemmed):
            return Term(f"{token}→{stemmed}", stats.idf(stemmed), stemmed in p_terms)
    # an English word the corpus does not know is a word to translate, not a missing topic
    return Term(token, 0.0 if english else stats.idf(token), False)


def _defined_word(question: str, defined: frozenset[str]) -> re.Match[str] | None:
    """The first word of the question that the regulations define as an abbreviation ("JKK")."""
    for m in re.finditer(r"[A-Za-z]{2,10}", question):
        if m.group(0).lower() in defined:
            return m
    return None


def check(
    question: str,
    kind: AnswerType,
    passages: list[Passage],
    stats: TermStats,
    *,
    dense: float,
    min_score: float,
    support_weight: float,
    siblings: list[Passage] | None = None,
    defined: frozenset[str] = frozenset(),
) -> Answerability:
    """Weighted support of the question by the passages, and the decision it leads to.
    `siblings` (the other ayat of their Pasal) may hold the answer's number or list; they are
    looked at for the answer type only (the composer quotes them when they do). `defined`: the
    abbreviations the regulations define ("JKK", "SPBE"), words of the civil service."""
    top = passages[:PASSAGES_CHECKED]
    p_terms, p_pairs, text = _passage_tokens(top)
    terms = _question_terms(question, p_terms, stats)
    salient, phrases = _salient_and_phrases(terms, p_pairs)
    digits = re.sub(r"\s+", " ", text.lower())
    held = _held_values(question, [*top, *(siblings or [])])
    told = _story_numbers(question)  # "dulu dikasih 14 hari. sekarang berapa?": the old value
    numbers = [
        Term(n, NUMBER_WEIGHT * (CONTEXT_WEIGHT if n in told else 1.0), n in digits or n in held)
        for n in _numbers(question)
        if n not in stats.doc_years
    ]
    known = [t for t in terms if t.weight and stats.known(t.term.split("→")[-1])]
    domain = _DOMAIN_WORDS.search(question) or _defined_word(question, defined)
    result = Answerability(
        None,
        None,
        _support(salient, phrases, numbers),
        terms=terms,
        phrases=phrases,
        numbers=numbers,
        answer_type=kind,
        domain_share=len(known) / len(terms) if terms else 1.0,
        domain_word=domain.group(0) if domain else "",
        regulation_word=bool(_REGULATION_WORDS.search(question)),
        creative_work=work.group(0) if (work := _CREATIVE_WORK.search(question)) else "",
        dense=dense,
        min_score=min_score,
        support_weight=support_weight,
    )
    # the answer must come from a passage about the question: a percentage in a provision on
    # another topic ("potongan Tapera brp persen" -> a disciplinary 25 % cut) does not answer it
    # (amounts and percentages: a duration is often stated in a sibling provision's words), nor
    # does a year that only an unrelated source mentions ("formasi CPNS 2025" and an SPBE target)
    support = support_meter(question, stats)

    def of(p: Passage) -> float:  # ranking has usually measured it already
        return p.support if p.support is not None else support(p)

    top_support = [of(p) for p in top]
    on_topic = [
        p.chunk.text for p, s in zip(top, top_support, strict=True) if s >= TYPE_SOURCE_SUPPORT
    ]
    result.later_year = _later_year(question, stats, " ".join(on_topic).lower())
    result.support = min(result.support, max(top_support, default=0.0) + SCATTER_ALLOWANCE)
    unit = _asked_unit(question, kind)
    if kind in (AnswerType.MONEY, AnswerType.PERCENT):
        about = on_topic + [p.chunk.text for p in siblings or [] if of(p) >= TYPE_SOURCE_SUPPORT]
    else:
        about = [p.chunk.text for p in [*top, *(siblings or [])]]
        if unit is not None:
            # "ikatan dinas ... berapa tahun": a length stated in a sentence about something else
            # ("menduduki jabatan 5 (lima) tahun") is not the length asked
            topic = {t.term for t in terms if t.found and t.weight} - _UNIT_TERMS
            if topic:
                about = [x for text in about for x in _sentences(text) if topic & set(tokenize(x))]
    result.type_found, result.type_evidence = _type_evidence(kind, "\n".join(about), question)
    result.unit_asked = unit is not None
    result.often_asked = asks_how_often(question)
    _decide(result, salient, stats)
    return result


_UNIT_TERMS = frozenset(u for units in ASKED_UNITS.values() for u in units if u.isalpha())
_SENTENCE_OR_AYAT = re.compile(r"(?<=[.;:])\s+|\n+")


def _sentences(text: str) -> list[str]:
    return [x for x in _SENTENCE_OR_AYAT.split(text) if x.strip()]


def _held_values(question: str, passages: list[Passage]) -> set[str]:
    """The numbers of the values the question states of its case ("bolos 26 hari kerja") that a
    passage's condition holds ("selama 21 (dua puluh satu) sampai dengan 24 ... hari"): the
    provision covers that case, though it never writes the number."""
    out: set[str] = set()
    for q in asked_quantities(question):
        if any(holds(p.chunk.text, q) for p in passages):
            number = f"{q.value:g}"
            out.update({number, number.replace(".", ",")})
    return out


def _context_only(question: str) -> set[str]:
    """Words only in the statements around a question told with its background ("sy baru lulus
    CPNS, penempatan di pulau terluar. emang ASN wajib ditempatkan di mana aja?"): the story, not
    what it asks. Every sentence ending in "?" is asked; with no such sentence nothing is story."""
    told = _told_story(question)
    if told is None:
        return set()
    story, asked_text = told
    return set(_content_tokens(story)) - set(_content_tokens(asked_text))


def _story_numbers(question: str) -> set[str]:
    """Numbers only the background sentences state (see ``_context_only``)."""
    told = _told_story(question)
    if told is None:
        return set()
    story, asked_text = told
    return set(_numbers(story)) - set(_numbers(asked_text))


def _told_story(question: str) -> tuple[str, str] | None:
    """(story, asked part) of a question told with its background, when the asked part names
    enough of its own (two content words or more) to be read without the story."""
    story, asked_text = story_and_question(question)
    if not story or len(set(_content_tokens(asked_text))) < 2:
        return None
    return story, asked_text


def _question_terms(question: str, p_terms: set[str], stats: TermStats) -> list[Term]:
    """The question's content words with their rarity weights and whether the passages hold them;
    words of the background sentences (``_context_only``) weigh CONTEXT_WEIGHT of that (for the
    gate; ranking, ``support_meter``, keeps them: they still say which provision is meant)."""
    english = is_english(question)
    # chat shorthand the spelling step could not read ("brgkt": four consonants or more, no vowel,
    # unknown to the corpus, unlike "pppk") names nothing a passage could hold
    tokens = [
        t
        for t in _question_tokens(question)
        if not (_UNREAD_SHORTHAND.fullmatch(t) and not stats.known(t))
    ]
    told = _context_only(question)
    terms = [_term(t, p_terms, stats, english) for t in tokens]
    return [
        Term(term.term, term.weight * CONTEXT_WEIGHT, term.found) if tok in told else term
        for tok, term in zip(tokens, terms, strict=True)
    ]


def _question_tokens(question: str) -> list[str]:
    """The question's content words, once each, framing words left out."""
    return [t for t in dict.fromkeys(_content_tokens(question)) if t not in FRAME_WORDS]


_UNREAD_SHORTHAND = re.compile(r"[b-df-hj-np-tv-z]{4,}")


def _salient_and_phrases(
    terms: list[Term], p_pairs: set[tuple[str, str]]
) -> tuple[list[Term], list[Term]]:
    """The rare terms (SALIENT_IDF) and their adjacent pairs, each marked found or not."""
    salient = [t for t in terms if t.weight >= SALIENT_IDF]
    phrases = [
        Term(f"{a.term} {b.term}", min(a.weight, b.weight), (a.term, b.term) in p_pairs)
        for a, b in zip(salient, salient[1:], strict=False)
        if "→" not in a.term + b.term
    ]
    return salient, phrases


SupportMeter = Callable[..., float]  # (passage, context=None) -> support


def support_meter(question: str, stats: TermStats) -> SupportMeter:
    """The weighted share of the question's salient terms (and adjacent pairs) one passage holds:
    the measure of ``check`` applied to a single candidate, so that ranking prefers the passage
    that names what the question names ("lulusan S3": the Pasal that lists "Doktor (S3)"). The
    question is read once; the meter then scores each candidate. `context`: the provisions a
    passage builds on ("Penghargaan sebagaimana dimaksud dalam Pasal 82 dapat berupa:" is about
    what Pasal 82 says it is about)."""
    english = is_english(question)
    tokens = _question_tokens(question)

    def support(passage: Passage, context: list[Passage] | None = None) -> float:
        p_terms, p_pairs, _ = _passage_tokens([passage, *(context or [])])
        terms = [_term(t, p_terms, stats, english) for t in tokens]
        return _support(*_salient_and_phrases(terms, p_pairs), [])

    return support


def _later_year(question: str, stats: TermStats, source_text: str) -> str:
    """A year the question asks about that is later than every regulation held and that the
    sources do not mention ("THR ASN tahun 2025"), or ""."""
    newest = max((int(y) for y in stats.doc_years), default=0)
    for m in _YEAR.finditer(question):
        year = m.group(0)
        if int(year) > newest and year not in source_text:
            return year
    return ""


def _support(salient: list[Term], phrases: list[Term], numbers: list[Term]) -> float:
    """Weighted share found: salient terms, adjacent salient pairs (half weight) and numbers."""
    groups = [(t, 1.0) for t in salient] + [(t, 0.5) for t in phrases] + [(t, 1.0) for t in numbers]
    weight = sum(t.weight * f for t, f in groups)
    found = sum(t.weight * f for t, f in groups if t.found)
    return found / weight if weight else 1.0


def _decide(result: Answerability, salient: list[Term], stats: TermStats) -> None:
    if result.creative_work and not result.regulation_word:
        result.status, result.reason = AnswerStatus.NO_SOURCE, "out_of_domain"
        return
    if not result.domain_word and result.domain_share < DOMAIN_VOCAB_SHARE:
        result.status, result.reason = AnswerStatus.NO_SOURCE, "out_of_domain"
        return
    _weigh_support(result, salient, stats)
    if result.status is not None and not result.domain_word and not result.regulation_word:
        # no word of the civil service and only a weak match: the overlap is a coincidence
        # ("PR matematika anak", "jadwal pencairan PKH"), not a partial answer
        result.status, result.reason = AnswerStatus.NO_SOURCE, "out_of_domain"


def _weigh_support(result: Answerability, salient: list[Term], stats: TermStats) -> None:
    """The decision from the answer type, the score and the support (status None: answer)."""
    hard_type = (
        result.answer_type in (AnswerType.MONEY, AnswerType.PERCENT, AnswerType.COUNT)
        or result.unit_asked
    )
    if not result.type_found and hard_type:
        result.status, result.reason = AnswerStatus.NO_SOURCE, "answer_type_mismatch"
        return
    if result.score < result.min_score:
        unknown = [t for t in salient if not t.found and not stats.known(t.term)]
        result.status = AnswerStatus.NO_SOURCE
        result.reason = "not_in_corpus" if unknown else "weak_sources"
        return
    if not result.type_found:
        result.status, result.reason = AnswerStatus.PARTIAL, "answer_type_mismatch"
    elif result.support < FULL_SUPPORT:
        result.status, result.reason = AnswerStatus.PARTIAL, "weak_sources"
    if result.status == AnswerStatus.PARTIAL and result.later_year:
        # "THR 2025 cairnya kapan", "cuti bersama 2025": a year after every regulation held is
        # settled by that year's decrees, which the corpus does not have; a partial answer from
        # the standing rules would only look like one
        result.status, result.reason = AnswerStatus.NO_SOURCE, "not_in_corpus"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[(\"])")
_CLAIM_NUMBER = re.compile(r"(?<![\[\w/])\d+(?:[.,]\d+)*(?![\]\w/])")


def drop_unsupported_numbers(text: str, source_text: str) -> tuple[str, list[str]]:
    """Remove sentences of an LLM answer that state a number the cited sources do not contain
    (citation markers [n] and Pasal/ayat numbers are not claims)."""
    sources = re.sub(r"\s+", " ", source_text.lower())
    kept: list[str] = []
    removed: list[str] = []
    for paragraph in text.split("\n"):
        sentences = _SENTENCE_END.split(paragraph)
        keep_here = []
        for sentence in sentences:
            claims = _CLAIM_NUMBER.findall(_REFERENCE_NUMBERS.sub(" ", sentence))
            if any(n not in sources for n in claims):
                removed.append(sentence.strip())
            else:
                keep_here.append(sentence)
        kept.append(" ".join(keep_here))
    return "\n".join(kept).strip(), removed
