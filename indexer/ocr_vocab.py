"""The vocabulary OCR repair trusts: which words are known, how often, and how they are written.

Sources, all maintained or proofread text (never the OCR'd regulations themselves):
- the word list ``ocr_words.txt`` beside this module, built by ``python -m indexer.ocr_vocab`` from the
  typed regulations in the corpus, the official text layer of Perpres 82/2023, the proofread
  Wikisource copy of UU 5/2014 and our own materials (a word seen once there is kept only when another
  source knows it too, so a stray typo in those texts does not become "known");
- the Sastrawi root-word dictionary (``kata-dasar.txt``) plus every affixed form whose Sastrawi stem
  is such a root (regular Indonesian affixes: "penyelenggaraan" -> "selenggara");
- wordfreq's Indonesian list, for words of five letters or more (shorter entries there include
  names and English fragments such as "alan", "ole", "dart").
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

WORDLIST_PATH = Path(__file__).with_name("ocr_words.txt")
WORDFREQ_MIN_LEN = 5
WORDFREQ_MIN_ZIPF = 2.5
ABBREVIATION_MAX_LEN = 5
# Sastrawi lists these as roots, but they take no affixes ("peng-atau-i" is no word)
FUNCTION_WORDS = frozenset(
    ("atau", "dan", "yang", "pada", "dari", "untuk", "dengan", "oleh", "bagi", "ini", "itu")
    + ("akan", "juga", "telah", "sudah", "belum", "tidak", "dalam", "atas", "antara", "sebagai")
)
COMMON_WORD_WEIGHT = 5  # a common Indonesian word outranks a rare root ("sekali" vs "sekaji")
MIN_ROOT_LEN = 4  # shorter Sastrawi roots ("rat", "ban") make too many strings look affixed
MIN_TRUSTED_COUNT = 2  # a word seen once in the trusted texts needs a second source
_WORD = re.compile(r"[A-Za-z]+")
# Abbreviations the regulations define in their Pasal 1 ("... yang selanjutnya disingkat PyB"), as
# written in the official texts; OCR prints them with a lower-case letter ("pNS", "JpT", "ryB").
DEFINED_ABBREVIATIONS = frozenset(
    ("ASN", "BKN", "JA", "JF", "JPT", "KASN", "LAN", "PNS", "PPK", "PPPK", "PyB", "SKP", "SPBE")
)

# Typed texts of the corpus (file stems) and other trustworthy files, relative to a corpus dir.
TRUSTED_FILES = (
    "pp-10-1983.txt",
    "pp-45-1990.txt",
    "pp-53-2010.txt",
    "pp-46-2011.txt",
    "pp-24-1976.txt",
    "pp-99-2000.txt",
    "pp-12-2002.txt",
    "pp-70-2015.txt",
    "pp-66-2017.txt",
    "pp-9-2003.txt",
    "perpres-82-2023.pdf",
    "samples/uu-5-2014.wikisource.html",
)


def _sastrawi_roots() -> frozenset[str]:
    import Sastrawi

    path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def _wordfreq_words() -> frozenset[str]:
    from wordfreq import top_n_list, zipf_frequency

    return frozenset(
        w
        for w in top_n_list("id", 100_000)
        if w.isalpha()
        and len(w) >= WORDFREQ_MIN_LEN
        and zipf_frequency(w, "id") >= WORDFREQ_MIN_ZIPF
    )


_PREFIXES = frozenset(
    ("di", "ke", "se", "ber", "be", "bel", "ter", "te", "per", "pe", "pel")
    + ("me", "mem", "men", "meng", "menge", "meny", "pem", "pen", "peng", "penge", "peny")
)
_SUFFIXES = (
    "kannya",
    "annya",
    "inya",
    "kan",
    "an",
    "i",
    "nya",
    "lah",
    "kah",
    "pun",
    "ku",
    "mu",
    "",
)
_NASAL_DROP = "ptks"  # meny-usun, pen-ulis, pem-bina...: the root's first letter merges
_VOWELS = "aeiou"
# nasal prefix -> first letters of the roots it takes as they are, and the letter it swallows
_NASAL_RULES = {
    "me": ("lmnrwy", ""),
    "pe": ("lmnrwy", ""),
    "mem": ("bfv", "p"),
    "pem": ("bfv", "p"),
    "men": ("cdjz", "t"),
    "pen": ("cdjz", "t"),
    "meng": ("aeiouhg", "k"),
    "peng": ("aeiouhg", "k"),
    "meny": ("", "s"),
    "peny": ("", "s"),
}


def _prefix_ok(prefix: str) -> bool:
    if prefix in _PREFIXES or not prefix:
        return True
    return any(
        prefix[:i] in _PREFIXES and prefix[i:] in _PREFIXES for i in range(2, len(prefix) - 1)
    )


def _roots_after(prefix: str, rest: str) -> list[str]:
    """The roots ``rest`` may stand for after ``prefix`` (nasal prefixes change the root's start)."""
    if prefix.endswith(("be", "te")):  # be-kerja, te-rasa, te-percaya: only before r or -er-
        return [rest] if rest[:1] == "r" or rest[1:3] == "er" else []
    if prefix.endswith("bel"):
        return [rest] if rest.startswith("ajar") else []
    nasal = next((n for n in sorted(_NASAL_RULES, key=len, reverse=True) if prefix.endswith(n)), "")
    if not nasal or prefix.endswith(("ber", "ter", "per")):
        return [rest]
    keep, swallowed = _NASAL_RULES[nasal]
    out = [rest] if rest[:1] and rest[0] in keep else []
    if swallowed and rest[:1] in tuple(_VOWELS):
        out.append(swallowed + rest)
    return out


def regular_affixes(word: str, root: str) -> bool:
    """Whether ``word`` is ``root`` with regular Indonesian prefixes and suffixes (Sastrawi also
    strips odd endings: "mulatis" -> "mulat")."""
    for suffix in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        body = word[: len(word) - len(suffix)]
        if body.endswith(root) and _prefix_ok(body[: len(body) - len(root)]):
            return True
        prefix = body[: len(body) - len(root) + 1]
        nasal = prefix.endswith(("m", "n", "ny", "ng"))
        if root[0] in _NASAL_DROP and body.endswith(root[1:]) and nasal and _prefix_ok(prefix):
            return True
    return False


class Vocabulary:
    """Known-word test and frequencies for OCR repair (all look-ups are lower-case)."""

    def __init__(
        self,
        counts: dict[str, int],
        casing: dict[str, str] | None = None,
        roots: Iterable[str] = (),
        extra: Iterable[str] = (),
    ) -> None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        self.counts = counts
        self.casing = casing or {}
        self.roots = frozenset(roots)
        self.extra = frozenset(extra)
        self._stemmer = StemmerFactory().create_stemmer()
        self._known: dict[str, bool] = {}

    def is_known(self, word: str) -> bool:
        """A word the trusted texts use, a root, a regularly affixed root or a common word."""
        low = word.lower()
        hit = self._known.get(low)
        if hit is None:
            hit = low in self.counts or low in self.roots or low in self.extra
            if not hit and low.isalpha() and len(low) >= 4:
                hit = self._affixed_root(low)
                if not hit:
                    stem = self._stemmer.stem(low)
                    hit = stem != low and self._base(stem) and regular_affixes(low, stem)
            self._known[low] = hit
        return hit

    def _affixed_root(self, word: str) -> bool:
        """Regular prefixes + a root + regular suffixes, found without Sastrawi (which over-stems
        "berkeberatan" to "rat"); nasal prefixes must fit the root ("me-geru" does not)."""
        for suffix in _SUFFIXES:
            if not word.endswith(suffix):
                continue
            body = word[: len(word) - len(suffix)]
            for cut in range(0, min(7, len(body) - MIN_ROOT_LEN) + 1):
                prefix, rest = body[:cut], body[cut:]
                bases = _roots_after(prefix, rest)  # a root, or a word of the trusted texts
                if _prefix_ok(prefix) and any(self._base(r) for r in bases):
                    return True
        return False

    def is_attested(self, word: str) -> bool:
        """Seen as such in the trusted texts or the common-word list (not only built by affixes)."""
        low = word.lower()
        return low in self.counts or low in self.extra

    def _base(self, word: str) -> bool:
        """A word that can carry affixes: a root or a word of the trusted texts, not a particle."""
        return (word in self.roots or word in self.counts) and word not in FUNCTION_WORDS

    def frequency(self, word: str) -> int:
        """How often the trusted texts use the word, plus a weight for a common word (wordfreq);
        a word known only as a root or by its affixes counts 1."""
        low = word.lower()
        common = COMMON_WORD_WEIGHT if low in self.extra else 0
        return self.counts.get(low, 0) + common + (1 if self.is_known(low) else 0)

    def canonical(self, word: str) -> str | None:
        """The written form when the trusted texts nearly always capitalise it ("Indonesia")."""
        return self.casing.get(word.lower())


def read_wordlist(path: Path = WORDLIST_PATH) -> tuple[dict[str, int], dict[str, str]]:
    """Counts and capitalised forms from ``ocr_words.txt`` (word, count, written form)."""
    counts: dict[str, int] = {}
    casing: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, count, form = (line.split("\t") + ["", ""])[:3]
        counts[word] = int(count or 1)
        if form:
            casing[word] = form
    return counts, casing


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The shipped vocabulary (word list + Sastrawi + wordfreq), loaded once per process."""
    counts, casing = read_wordlist()
    return Vocabulary(counts, casing, _sastrawi_roots(), _wordfreq_words())


def count_words(texts: Iterable[str]) -> tuple[Counter[str], dict[str, str]]:
    """Lower-case word counts and the written form of words capitalised >= 90 % of the time and of
    abbreviations (never written in lower case)."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for word in _WORD.findall(text):
            low = word.lower()
            counts[low] += 1
            if not word.isupper() or len(word) == 1:
                forms.setdefault(low, Counter())[word] += 1
    casing = {}
    for low, seen in forms.items():
        form, n = seen.most_common(1)[0]
        if form[0].isupper() and form[1:] == low[1:] and n >= 0.9 * sum(seen.values()):
            casing[low] = form
    for low, n in counts.items():  # abbreviations: only ever written in capitals ("PNS", "PPPK")
        if low not in forms and 2 <= len(low) <= ABBREVIATION_MAX_LEN and n >= 3:
            casing[low] = low.upper()
    return counts, casing


def build_wordlist(texts: Iterable[str]) -> list[str]:
    """Lines of ``ocr_words.txt``: words of the trusted texts seen twice, or once and known elsewhere."""
    counts, casing = count_words(texts)
    roots, common = _sastrawi_roots(), _wordfreq_words()
    probe = Vocabulary({}, {}, roots, common)
    lines = []
    for word, n in sorted(counts.items()):
        if len(word) < 2 and word not in roots:
            continue
        if n < MIN_TRUSTED_COUNT and not probe.is_known(word):
            continue
        lines.append(f"{word}\t{n}\t{casing.get(word, '')}".rstrip("\t"))
    return lines


def main(corpus_dirs: list[str]) -> None:
    """Rebuild ``ocr_words.txt`` from the trusted files found in the given corpus dirs."""
    from indexer.read import read_document

    texts = []
    for root in map(Path, corpus_dirs):
        texts += [read_document(root / name) for name in TRUSTED_FILES if (root / name).is_file()]
        texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("materi/**/*.md"))]
    header = "# word\tcount\tcapitalised form — generated by `python -m indexer.ocr_vocab DIR...`"
    lines = build_wordlist(texts)
    WORDLIST_PATH.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    print(f"{len(lines)} words from {len(texts)} texts -> {WORDLIST_PATH}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["corpus", "../shared/corpus"])
