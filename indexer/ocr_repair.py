"""Word-level OCR repair: an unknown word is replaced only by a known word that a known OCR confusion
explains ("kineda" -> "kinerja", "rnenyelenggarakan" -> "menyelenggarakan"); a known word is never
changed, and neither are abbreviations, numbers or roman numerals."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from indexer.ocr_confusions import candidates
from indexer.ocr_vocab import DEFINED_ABBREVIATIONS, Vocabulary, load_vocabulary

# bound forms written together with the next word (EYD): never split off as a word of their own
BOUND_FORMS = frozenset(
    ("antar", "non", "pasca", "pra", "sub", "multi", "semi", "swa", "tuna", "inter", "intra")
    + ("ekstra", "supra", "dwi", "tri", "eka", "panca", "catur", "lintas", "purna", "maha")
)
MIN_WORD_LEN = 4  # shorter tokens ("ang", "ian") have too many readings
MAX_EDITS = 2
DOUBLE_EDIT_MIN_LEN = 7  # "seclra" (secara) must not become "sedia" by two repairs
SHORT_WORD_LEN = 5  # up to this length: one confusion only, into a word of the trusted texts
AMBIGUITY_RATIO = 4  # a second reading this close in frequency makes the word ambiguous: left alone
_EDGE = "\"'“”‘’()[]{}.,;:!?"
_TOKEN = re.compile(r"\S+")
_ROMAN = re.compile(r"[ivxlcdm]+", re.I)
_WORDLIKE = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True)
class Repair:
    original: str
    repaired: str
    start: int  # offset of the original token in the input text


def _protected(core: str) -> bool:
    """Abbreviations (PNS, PPPK, SKP, JPTmadya), roman numerals, numbers and digit-heavy shards."""
    if len(core) < MIN_WORD_LEN or not _WORDLIKE.fullmatch(core):
        return True
    if sum(ch.isupper() for ch in core[:2]) == 2:
        return True
    if _ROMAN.fullmatch(core):
        return True
    digits = sum(ch.isdigit() for ch in core)
    return digits > 0 and (digits > 1 or not core[0].isalpha() or not core[-1].isalpha())


def _recase(form: str, vocab: Vocabulary) -> str:
    """Capitalised when the printed word was (and the repair kept it: "Iain" -> "lain" is not),
    else the usual written form ("lndonesia" -> "Indonesia")."""
    low = form.lower()
    if form[0].isupper():
        return low[:1].upper() + low[1:]
    return vocab.canonical(low) or low


class Repairer:
    """Chooses the repair of single words; results are cached per distinct token."""

    def __init__(self, vocab: Vocabulary | None = None) -> None:
        self.vocab = vocab or load_vocabulary()
        self._cache: dict[str, str | None] = {}
        self._joins: dict[str, str | None] = {}

    def repair_word(self, core: str) -> str | None:
        """The repaired word, or None when the word is known, protected or not explained."""
        if core in self._cache:
            return self._cache[core]
        result = self._abbreviation(core)
        if result is None and not _protected(core) and not self.vocab.is_known(core):
            result = self._best(core)
        self._cache[core] = result
        return result

    def _abbreviation(self, core: str) -> str | None:
        """An abbreviation printed with a lower-case letter: "ppK" -> "PPK", "pNS" -> "PNS",
        "JtT" -> "JPT", "ryB" -> "PyB" (same final capital, at most two letters misread)."""
        if not core.isalpha() or core.isupper() or core.islower() or len(core) > 5:
            return None
        if not core[-1].isupper() or core in DEFINED_ABBREVIATIONS:
            return None
        form = self.vocab.canonical(core)
        if form and form.isupper() and len(form) > 1:
            return form
        limit = 0 if len(core) < 3 else 2
        near = sorted(
            (Levenshtein.distance(core.lower(), abbr.lower()), abbr)
            for abbr in DEFINED_ABBREVIATIONS
            if abbr[-1] == core[-1] and abs(len(abbr) - len(core)) <= 1
        )
        near = [(d, abbr) for d, abbr in near if d <= limit]
        if not near or (len(near) > 1 and near[1][0] == near[0][0]):
            return None
        return near[0][1]

    def _best(self, core: str) -> str | None:
        short = len(core) <= SHORT_WORD_LEN
        max_edits = 1 if len(core) < DOUBLE_EDIT_MIN_LEN else MAX_EDITS
        forms = candidates(core, max_edits)
        if core[0].isupper():
            for form, edits in candidates(core[0].lower() + core[1:], max_edits).items():
                forms.setdefault(form, edits)
        scored: dict[str, tuple[int, int, str]] = {}
        for form, edits in forms.items():
            low = form.lower()
            if not low.isalpha():
                continue
            if short and low not in self.vocab.counts:
                continue  # a short word is repaired only into a word the trusted texts use
            if edits > 1 and not self.vocab.is_attested(low):
                continue  # a double repair only into a word seen as such in real text
            if not self.vocab.is_known(low):
                continue
            score = (edits, self.vocab.frequency(low), form)
            if low not in scored or score[:2] < scored[low][:2]:
                scored[low] = score
        if not scored:
            return None
        ranked = sorted(scored.values(), key=lambda s: (s[0], -s[1]))
        edits, freq, form = ranked[0]
        if len(ranked) > 1:
            other_edits, other_freq, _ = ranked[1]
            if other_edits == edits and other_freq * AMBIGUITY_RATIO > freq:
                return None
        return _recase(form, self.vocab)

    def repair_token(self, token: str) -> str:
        """A whitespace token with its punctuation; hyphen/slash parts are repaired one by one."""
        lead = len(token) - len(token.lstrip(_EDGE))
        core_end = len(token.rstrip(_EDGE))
        if core_end <= lead:
            return token
        core = token[lead:core_end]
        parts = re.split(r"([-/])", core)
        fixed = [p if i % 2 else (self.repair_word(p) or p) for i, p in enumerate(parts)]
        return token[:lead] + "".join(fixed) + token[core_end:]

    def _best_single(self, joined: str) -> str | None:
        """A joined word repaired by one confusion into a word seen in real text ("kejalsaan")."""
        if _protected(joined):
            return None
        found = [f for f in candidates(joined, 1) if f.isalpha() and self.vocab.is_attested(f)]
        if len({f.lower() for f in found}) != 1:
            return None  # none, or more than one reading
        return _recase(found[0], self.vocab)

    def split_glued(self, core: str) -> str | None:
        """Two words printed without the space: "pejabatyang", "PPPKdilakukan", "hurufb"."""
        if len(core) < 6 or not core.isalpha() or self.vocab.is_known(core):
            return None
        for cut in range(2, len(core)):
            left, right = core[:cut], core[cut:]
            abbrev = left.isupper() and len(left) >= 2
            letter = len(right) == 1 and left.lower() == "huruf"
            if not (abbrev or (len(left) >= 4 and left.lower() in self.vocab.counts)):
                continue  # "Nonmanajerial", "nonfisik" are written as one word
            if right in ("belas", "puluh", "ratus"):
                continue  # "Keduabelas"
            if left.lower() in BOUND_FORMS:
                return None  # "antarjabatan", "nonfisik": one word
            if letter or (len(right) >= 3 and right.islower() and right in self.vocab.counts):
                low = left.lower()
                twin = any(low[-k:] == right[:k] for k in range(4, min(len(low), len(right)) + 1))
                joint = "-" if twin else " "  # reduplication: perundang-undangan, lain-lain
                return f"{self.repair_word(left) or left}{joint}{right}"
        return None

    def _fragments(self, first: str, second: str) -> bool:
        """Two pieces of one word: no abbreviation ("BAB I"), no list item ("dan g."), and a piece
        that is neither a word nor a misread word on its own ("obj", "kinerj")."""
        if any(p.isupper() and len(p) > 1 for p in (first, second)) or second[:1].isupper():
            return False
        if len(first) == 1:  # "j abatan"; but "b dan", "e yang" are a list label and a word
            return len(second) >= 3 and not self._word_or_misread(second)
        if not self.vocab.is_known(first):
            return self.repair_word(first) is None
        return len(second) > 1 and not self._word_or_misread(second)

    def _word_or_misread(self, word: str) -> bool:
        return self.vocab.is_known(word) or self.repair_word(word) is not None

    def _join(self, words: list[str], i: int) -> tuple[str, int] | None:
        """A word cut by a space ("obj ektif", "kinerj a"): the joined word when it is known
        (or repairable) and one of the pieces is not."""
        first = words[i]
        if i + 1 >= len(words) or first != first.rstrip(_EDGE):
            return None
        second = words[i + 1]
        core = second.rstrip(_EDGE)
        if not (first.isalpha() and core.isalpha()) or len(first + core) < MIN_WORD_LEN:
            return None
        if not self._fragments(first, core):
            return None
        joined = first + core
        if joined in self._joins:
            fixed = self._joins[joined]
        else:
            fixed = joined if self.vocab.is_attested(joined) else self._best_single(joined)
            self._joins[joined] = fixed
        if fixed is None:
            return None
        return fixed + second[len(core) :], 2

    def repair_text(self, text: str) -> tuple[str, list[Repair]]:
        """The text with unknown words repaired (whitespace kept), and the list of repairs."""
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
        words = [tok for _, tok in tokens]
        out: list[str] = []
        repairs: list[Repair] = []
        pos = i = 0
        while i < len(tokens):
            start, token = tokens[i]
            out.append(text[pos:start])
            joined = self._join(words, i)
            used = 1
            if joined:
                fixed, used = joined
            else:
                fixed = self.repair_token(token)
                if fixed == token:
                    core = token.strip(_EDGE)
                    glued = self.split_glued(core) if core else None
                    fixed = token.replace(core, glued, 1) if glued else token
            end = tokens[i + used - 1][0] + len(tokens[i + used - 1][1])
            if fixed != text[start:end]:
                repairs.append(Repair(text[start:end], fixed, start))
            out.append(fixed)
            pos, i = end, i + used
        out.append(text[pos:])
        return "".join(out), repairs


def repair_text(text: str, repairer: Repairer | None = None) -> str:
    """Convenience: the repaired text only."""
    return (repairer or Repairer()).repair_text(text)[0]
