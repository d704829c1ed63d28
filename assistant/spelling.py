"""Typo-tolerant questions: chat shorthand expanded, misspelt words corrected to the index vocabulary.

People type on phones: "larangn bagi pns apa aj", "apa itu penilain kinreja pns". Before searching,
each question word that the index does not know is replaced by the nearest frequent word of the
indexed texts (a weighted edit distance where keyboard-neighbour and sound-alike slips, dropped
vowels, doubled letters and swapped neighbours cost less), and chat shorthand ("yg", "aj", "gmn") is
written out. Known words, numbers, NIP-like digit strings, acronyms typed in capitals and regulation
abbreviations are never touched; English questions are left alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA

from assistant.english_terms import WORDS as ENGLISH_WORDS
from assistant.english_terms import indonesian_terms
from assistant.quantities import QUANTITY_WORDS
from assistant.text import _SYNONYMS, stem, stopwords

# Chat shorthand -> the words it stands for ("" = a form of address, dropped). Colloquial words that
# assistant/text.py already maps for the keyword index ("ngasih", "telat", "p3k", ...) are not repeated.
ABBREVIATIONS = {
    "yg": "yang",
    "dgn": "dengan",
    "dg": "dengan",
    "aj": "saja",
    "ap": "apa",
    "aja": "saja",
    "ajah": "saja",
    "gmn": "bagaimana",
    "gmna": "bagaimana",
    "bgmn": "bagaimana",
    "gimana": "bagaimana",
    "tdk": "tidak",
    "gk": "tidak",
    "ga": "tidak",
    "gak": "tidak",
    "ngga": "tidak",
    "nggak": "tidak",
    "enggak": "tidak",
    "brp": "berapa",
    "brapa": "berapa",
    "bs": "bisa",
    "bsa": "bisa",
    "sy": "saya",
    "sya": "saya",
    "utk": "untuk",
    "untk": "untuk",
    "krn": "karena",
    "krna": "karena",
    "karna": "karena",
    "tsb": "tersebut",
    "dlm": "dalam",
    "dr": "dari",
    "kpd": "kepada",
    "pd": "pada",
    "sdh": "sudah",
    "udh": "sudah",
    "udah": "sudah",
    "blm": "belum",
    "blh": "boleh",
    "bleh": "boleh",
    "br": "baru",
    "ambl": "ambil",
    "blum": "belum",
    "lg": "lagi",
    "jg": "juga",
    "tp": "tapi",
    "tpi": "tapi",
    "klo": "kalau",
    "kalo": "kalau",
    "kl": "kalau",
    "hrs": "harus",
    "msh": "masih",
    "bbrp": "beberapa",
    "sbg": "sebagai",
    "spt": "seperti",
    "thn": "tahun",
    # chat spellings that are also (rare) dictionary words, so never corrected as typos
    # ("taun" is a Sastrawi root; "taunan" passes as its derived form)
    "taun": "tahun",
    "taunan": "tahunan",
    "kemaren": "kemarin",
    "sodara": "saudara",
    "blom": "belum",
    "belom": "belum",
    "dlu": "dulu",
    "masi": "masih",
    "pdhl": "padahal",
    "bwt": "buat",
    "ampe": "sampai",
    "bln": "bulan",
    "hr": "hari",
    "tgl": "tanggal",
    "jd": "jadi",
    "jdi": "jadi",
    "ato": "atau",
    "atw": "atau",
    "dpt": "dapat",
    "dapet": "dapat",
    "org": "orang",
    "knp": "kenapa",
    "kmn": "ke mana",
    "dmn": "di mana",
    "mksd": "maksud",
    "ttg": "tentang",
    "lgsg": "langsung",
    "lsg": "langsung",
    "pgn": "ingin",
    "pgw": "pegawai",
    "pengen": "ingin",
    "emg": "memang",
    "sm": "sama",
    "sj": "saja",
    "krj": "kerja",
    "trs": "terus",
    "sblm": "sebelum",
    "stlh": "setelah",
    "scr": "secara",
    "kpn": "kapan",
    "skrg": "sekarang",
    "skrng": "sekarang",
    "skg": "sekarang",
    "nnti": "nanti",
    "ntar": "nanti",
    "spy": "supaya",
    "kyk": "seperti",
    "kayak": "seperti",
    "sampe": "sampai",
    "pake": "pakai",
    "tau": "tahu",
    "brarti": "berarti",
    "bener": "benar",
    "hri": "hari",
    "bgt": "banget",
    "bngt": "banget",
    "dimna": "di mana",
    "dmna": "di mana",
    "tlg": "tolong",
    "mhn": "mohon",
    "bnyk": "banyak",
    "pny": "punya",
    "kmrn": "kemarin",
    "kntr": "kantor",
    "ortu": "orang tua",
    "bsr": "besar",
    "msk": "masuk",
    "tnp": "tanpa",
    "lm": "lama",
    "lma": "lama",
    "bru": "baru",
    "mksml": "maksimal",
    "max": "maksimal",
    "maks": "maksimal",
    "ad": "ada",
    "ilang": "hilang",
    "ktmu": "ketemu",
    "lsm": "lembaga swadaya masyarakat",
    # leave and staff abbreviations of personnel offices, spelt out in the regulations
    "cltn": "cuti di luar tanggungan negara",
    "cpns": "calon pns",
    "latsar": "pelatihan dasar",
    "tubel": "tugas belajar",
    "ibel": "izin belajar",
    "kgb": "kenaikan gaji berkala",
    "mpp": "masa persiapan pensiun",
    "bup": "batas usia pensiun",
    "ptdh": "pemberhentian tidak dengan hormat",
    "pdh": "pemberhentian dengan hormat",
    "tmt": "terhitung mulai tanggal",
    "hukdis": "hukuman disiplin",
    "parpol": "partai politik",
    "bap": "berita acara pemeriksaan",
    "jf": "jabatan fungsional",  # typed in capitals, spelt out in the regulations
    "min": "",  # "min, mau tanya ...": addressing the admin
    "kak": "",
    "gan": "",
    "mas": "",
    "mbak": "",
}
# Regulation and document abbreviations: never corrected, even when the index does not hold them.
REGULATION_ABBREVIATIONS = frozenset(
    [
        "uu",
        "uud",
        "pp",
        "perpres",
        "perppu",
        "perpu",
        "permen",
        "permenpan",
        "perka",
        "perkalan",
        "perlan",
        "perban",
        "perbkn",
        "kepres",
        "keppres",
        "inpres",
        "kepmen",
        "se",
        "sk",
        "sema",
        "nip",
        "nik",
        "npwp",
        "kk",
        "ktp",
    ]
)
MIN_TARGET_COUNT = 3  # a correction target must occur at least this often in the indexed texts
MAX_COST = ((4, 0.6), (8, 1.0), (99, 1.2))  # (longest word length, highest accepted edit cost)
FREQUENCY_WEIGHT = 0.15  # per power of ten of the target's frequency, subtracted from the cost
FIRST_LETTER_COST = 0.5  # extra cost when the first letter differs (rare on phones)
CHEAP = 0.6  # a likely slip: keyboard neighbour, sound-alike, dropped vowel, swapped letters
DOUBLED = 0.5  # a letter typed twice ("pensiunn")
VOWELLESS_MIN_CONSONANTS = 3  # "krja" is "kerja"; "sy" or "dr" alone say too little
ACRONYM_MAX_LETTERS = 3  # three consonants alone ("drh", "spt") are read as an acronym
_LOANWORD = re.compile(r"(ing|tion|ment|ness|ship|ity)$")  # English loanwords ("mentoring") stay

_WORD = re.compile(r"[A-Za-z0-9]+")
_REDUPLICATED = re.compile(r"([a-z]{2,})2(an|nya|lah)?")  # chat shorthand for a doubled word
_VOWELS = set("aeiou")
_KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_SOUNDALIKE = ["fpv", "ck", "kq", "sz", "ie", "uo", "ae", "dt", "bp", "gk", "iy", "uw", "jz"]


def _neighbours() -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for r, row in enumerate(_KEYBOARD):
        for c, ch in enumerate(row):
            for dr, dc in ((0, 1), (1, 0), (1, -1)):
                rr, cc = r + dr, c + dc
                if rr < len(_KEYBOARD) and 0 <= cc < len(_KEYBOARD[rr]):
                    pairs.add(frozenset((ch, _KEYBOARD[rr][cc])))
    for group in _SOUNDALIKE:
        pairs.update(frozenset((a, b)) for a in group for b in group if a != b)
    return pairs


_CLOSE = _neighbours()


def substitution_cost(a: str, b: str) -> float:
    return 0.0 if a == b else CHEAP if frozenset((a, b)) in _CLOSE else 1.0


def typo_cost(typed: str, word: str) -> float:
    """Weighted optimal-string-alignment distance from the word as typed to a vocabulary word."""
    n, m = len(typed), len(word)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = float(i)
    for j in range(1, m + 1):
        d[0][j] = float(j)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            a, b = typed[i - 1], word[j - 1]
            extra = DOUBLED if i > 1 and a == typed[i - 2] else 1.0  # typed a letter twice
            missing = CHEAP if b in _VOWELS else 1.0  # the typist left out a letter (vowels often)
            best = min(
                d[i - 1][j] + extra,
                d[i][j - 1] + missing,
                d[i - 1][j - 1] + substitution_cost(a, b),
            )
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b and a != b:
                best = min(best, d[i - 2][j - 2] + CHEAP)
            d[i][j] = best
    cost = d[n][m]
    return cost + (FIRST_LETTER_COST if typed[:1] != word[:1] else 0.0)


def max_cost(word: str) -> float:
    """The highest edit cost accepted for a word of this length (0: a word longer than any real
    word, e.g. a pasted run of characters, is never corrected)."""
    return next((limit for longest, limit in MAX_COST if len(word) <= longest), 0.0)


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """The Indonesian root-word dictionary that ships with Sastrawi (the stemmer's own)."""
    text = (
        resources.files("Sastrawi.Stemmer")
        .joinpath("data/kata-dasar.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(w.strip() for w in text.split() if w.strip())


@dataclass(frozen=True)
class Correction:
    typed: str
    replacement: str  # "" when a form of address was dropped
    kind: str  # "abbreviation" | "typo" | "translation" (an English term's Indonesian words)

    def __str__(self) -> str:
        return f"{self.typed} → {self.replacement or '∅'}"


@dataclass
class Corrected:
    text: str
    corrections: list[Correction] = field(default_factory=list)

    def trace(self) -> list[str]:
        """'larangn → larangan' lines for Mode Pelatihan and --trace."""
        return [str(c) for c in self.corrections]


class Speller:
    """Corrects question words against the vocabulary of the indexed texts."""

    def __init__(self, counts: Counter[str]) -> None:
        self.counts = Counter(counts)  # a copy: the quantity words join it below
        self.targets = [w for w, n in counts.items() if n >= MIN_TARGET_COUNT and len(w) >= 3]
        for word in QUANTITY_WORDS - set(self.targets):  # "dua mingu" -> "dua minggu"
            self.targets.append(word)
            self.counts.setdefault(word, MIN_TARGET_COUNT)
        self._cache: dict[str, str | None] = {}
        # the words by their consonants, most frequent first: "rmh" and "kclakaan" are "rumah"
        # and "kecelakaan" typed without (some of) their vowels
        # and "brhntikn" is "diberhentikan" typed without its vowels and its "di-" (often typed
        # apart: "d brhntikn"): the consonants of the words without their prefix "di"
        skeletons: dict[str, list[str]] = {}
        unprefixed: dict[str, list[str]] = {}
        for w in sorted(self.targets, key=lambda w: -self.counts[w]):
            skeletons.setdefault(_skeleton(w), []).append(w)
            if w.startswith("di") and len(w) > 6:
                unprefixed.setdefault(_skeleton(w[2:]), []).append(w)
        self.skeletons = skeletons
        self.unprefixed = unprefixed

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Speller:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 1)
        return cls(counts)

    def known(self, word: str) -> bool:
        """In the indexed texts, the root dictionary, a word list of the tokenizer, or a derived form."""
        return (
            word in self.counts
            or word in root_words()
            or word in stopwords()
            or word in _SYNONYMS
            or word in ENGLISH_WORDS
            or word in ABBREVIATIONS
            or self._derived(word)
        )

    def _derived(self, word: str) -> bool:
        """An affixed form of a word the texts or the dictionary know ("dilarang"), not merely
        something the stemmer can cut ("dilarng" -> "larng" is a typo)."""
        root = stem(word)
        return root != word and (root in self.counts or root in root_words())

    def without_vowels(self, word: str, acronym: bool = True) -> str | None:
        """The most frequent vocabulary word that the typed word is, with vowels left out ("rmh" ->
        "rumah", "brlakunya" -> "berlakunya"): same first letter, same consonants in order.
        `acronym`: three consonants alone may be an acronym ("drh"), not before "-nya" ("btsnya")."""
        if len(_skeleton(word)) < VOWELLESS_MIN_CONSONANTS:
            return None
        if acronym and len(word) < ACRONYM_MAX_LETTERS + 1 and not set(word) & _VOWELS:
            return None  # "drh", "spt": more likely an acronym than "daerah", "sapta"
        for candidate in self.skeletons.get(_skeleton(word), []):
            if candidate[0] == word[0] and _subsequence(word, candidate):
                return candidate
        for candidate in self.unprefixed.get(_skeleton(word), []):
            if candidate[2] == word[0] and _subsequence(word, candidate[2:]):
                return candidate
        return None

    def suggest(self, word: str) -> str | None:
        """The nearest frequent vocabulary word for an unknown word, or None when none is close."""
        if word not in self._cache:
            self._cache[word] = self._nearest(word)
        return self._cache[word]

    def _nearest(self, word: str) -> str | None:
        limit = max_cost(word)
        close = process.extract(
            word, self.targets, scorer=OSA.distance, score_cutoff=math.ceil(limit) + 1, limit=40
        )
        best: tuple[float, str] | None = None
        for candidate, _, _ in close:
            cost = typo_cost(word, candidate)
            if cost > limit:
                continue
            score = cost - FREQUENCY_WEIGHT * math.log10(self.counts[candidate])
            if best is None or score < best[0]:
                best = (score, candidate)
        return best[1] if best else None

    def correct(self, question: str, english: bool = False) -> Corrected:
        """The question with shorthand written out and unknown words corrected (case kept)."""
        if english:  # "annual leave" -> + "cuti tahunan": the words the regulations use
            terms = indonesian_terms(question)
            if not terms:
                return Corrected(question)
            glossed = " ".join(dict.fromkeys(words for _, words in terms))
            return Corrected(
                f"{question} ({glossed})",
                [Correction(phrase, words, "translation") for phrase, words in terms],
            )
        corrections: list[Correction] = []

        def fix(match: re.Match[str]) -> str:
            typed = match.group(0)
            replacement, kind = self._fix_word(typed)
            if replacement is None:
                return typed
            corrections.append(Correction(typed, replacement, kind))
            return _same_case(typed, replacement)

        text = _WORD.sub(fix, question)
        text = re.sub(r"\s{2,}", " ", re.sub(r"^\s*[,.!]\s*|\s+(?=[,.?!])", "", text)).strip()
        return Corrected(text if corrections else question, corrections)

    def _fix_word(self, typed: str) -> tuple[str | None, str]:
        word = typed.lower()
        if word in ABBREVIATIONS:
            return ABBREVIATIONS[word], "abbreviation"
        if word.endswith("nya") and (long := ABBREVIATIONS.get(word[:-3])):  # "hukdisnya"
            return long + "nya", "abbreviation"
        doubled = _REDUPLICATED.fullmatch(word)
        if doubled:  # "marah2" -> "marah-marah", "berturut2" -> "berturut-turut"
            word, suffix = doubled.groups()
            word = self._fix_word(word)[0] or word  # "brturut2": "berturut" first
            root = stem(word)
            second = root if root != word and word.endswith(root) else word
            return f"{word}-{second}{suffix or ''}", "reduplication"
        if len(word) >= 4 and word not in self.counts and "h" + word in self.counts:
            # spoken Jakarta drops the "h" ("abis", "ampir", "ilang"): the regulations' word, even
            # when the root dictionary lists the spoken form
            return "h" + word, "typo"
        if (
            any(ch.isdigit() for ch in word)
            or len(word) < 3
            or (typed.isupper() and len(typed) > 1)
            or word in REGULATION_ABBREVIATIONS
            or _LOANWORD.search(word)
            or self.known(word)
        ):
            return None, ""
        if word.endswith("ny") and self.known(word + "a"):  # "hukumanny": "-nya" cut short
            return word + "a", "typo"
        if vowelless := self.without_vowels(word):
            return vowelless, "typo"
        if word.endswith("nya") and len(word) >= 6:  # "btsnya", "kwjbnnya": the base, then "-nya"
            base = word[:-3]
            fixed = self.without_vowels(base, acronym=False) or self.suggest(base)
            if fixed and not fixed.endswith("nya"):
                return fixed + "nya", "typo"
        return (self.suggest(word) if len(word) >= 4 else None), "typo"


def _skeleton(word: str) -> str:
    """The consonants of a word, "ng" as "g" ("brgkt" is "berangkat")."""
    return "".join(ch for ch in word.replace("ng", "g") if ch not in _VOWELS)


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long.replace("ng", "g"))
    return all(ch in letters for ch in short.replace("ng", "g"))


def _same_case(typed: str, word: str) -> str:
    if typed[:1].isupper() and word:
        return word[0].upper() + word[1:]
    return word
