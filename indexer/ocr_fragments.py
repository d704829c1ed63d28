"""Words OCR carried out of their sentence: a fragment left after a Pasal's last full stop, put back
where the document's own word pairs say it belongs.

A page read in two columns can move a run of words from one ayat to the end of a later Pasal. PP
11/2017 Pasal 316 ayat (1) was read "PNS yang telah bekerja paling secara terus menerus berhak lama 3
(tiga) bulan." and Pasal 317 ended "... kecuali untuk kepentingan agama. singkat 5 (lima) tahun atas
cuti besar paling". The fragment, cut in at most two pieces, is tried at every place of the nearby
sentences; a place is taken only when each pair of words it creates is common in the same document
("paling singkat", "tahun secara", "berhak atas", "paling lama") and each pair it separates is one
the document hardly ever writes ("paling secara", "berhak lama"). The OCR text stays in
``Chunk.original_text``; the chunks keep their quality flags (answers still say to check the text).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.documents import Chunk, Part

# a run of lower-case words after the last sentence end, with no end of its own (trailing stray
# ayat markers "(s) (1)" aside)
_TRAILING = re.compile(
    r"(?<=[.;:])\s+([a-z][^.;:()]*(?:\(\w+\)[^.;:()]*)*?)\s*(?:\(\w{1,2}\)\s*)*$"
)
MIN_WORDS, MAX_WORDS = 3, 15  # a fragment shorter says too little to place; longer is no fragment
NEARBY = 8  # chunks before the one holding the fragment where its words are looked for
MIN_NEW_PAIR = 2  # times the document must write each pair of words a placement creates
MAX_BROKEN_PAIR = 1  # times it may write a pair a placement separates (the misreading itself)
# the evidence a placement needs (the sum over the pairs it makes of log(1 + count), less that of the
# pairs it separates): about four common pairs; one piece set between two words rarely has it
MIN_GAIN = 6.0
MARGIN = 2.0  # ... and by how much it must beat the next best place (one clear place, or none)
_WORD = re.compile(r"[a-z0-9]+")


def _key(word: str) -> str:
    found = _WORD.findall(word.lower())
    return found[-1] if found else ""


def _first(word: str) -> str:
    found = _WORD.findall(word.lower())
    return found[0] if found else ""


def word_pairs(texts: Sequence[str]) -> Counter[tuple[str, str]]:
    """How often a document writes each pair of neighbouring words (case and punctuation aside)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        words = _WORD.findall(text.lower())
        pairs.update(zip(words, words[1:], strict=False))
    return pairs


@dataclass(frozen=True)
class Placement:
    target: int  # index of the chunk the fragment goes back into
    text: str  # that chunk's text with the fragment in place
    gain: float


def _joins(left: str, right: str, pairs: Counter[tuple[str, str]]) -> int:
    return pairs[(_key(left), _first(right))]


def _place(
    words: list[str], pieces: list[list[str]], pairs: Counter[tuple[str, str]]
) -> tuple[float, list[int]] | None:
    """The best places for the pieces (in order), as the index of the word each goes before."""
    best: tuple[float, list[int]] | None = None

    def score(pos: int, piece: list[str]) -> float | None:
        broken = _joins(words[pos - 1], words[pos], pairs)
        before = _joins(words[pos - 1], piece[0], pairs)
        after = _joins(piece[-1], words[pos], pairs)
        if broken > MAX_BROKEN_PAIR or min(before, after) < MIN_NEW_PAIR:
            return None
        return math.log1p(before) + math.log1p(after) - math.log1p(broken)

    gaps = [(p, piece_i) for piece_i in range(len(pieces)) for p in range(1, len(words))]
    found = {(p, i): s for p, i in gaps if (s := score(p, pieces[i])) is not None}
    if len(pieces) == 1:
        for (p, _), s in found.items():
            if best is None or s > best[0]:
                best = (s, [p])
        return best
    for (p1, i1), s1 in found.items():
        if i1 != 0:
            continue
        for (p2, i2), s2 in found.items():
            if i2 == 1 and p2 > p1 and (best is None or s1 + s2 > best[0]):
                best = (s1 + s2, [p1, p2])
    return best


def _inserted(text: str, starts: list[int], places: list[int], pieces: list[list[str]]) -> str:
    """The text with each piece put before the word it was placed at (its line breaks kept)."""
    for place, piece in sorted(zip(places, pieces, strict=True), reverse=True):
        at = starts[place]
        text = f"{text[:at]}{' '.join(piece)} {text[at:]}"
    return text


def _placement(
    fragment: list[str], chunks: list[Chunk], at: int, rest: str, pairs: Counter[tuple[str, str]]
) -> Placement | None:
    """Where the fragment fits best: in the rest of its own chunk (`rest`) or a nearby one before."""
    splits = [[fragment]] + [[fragment[:s], fragment[s:]] for s in range(1, len(fragment))]
    found: list[Placement] = []
    for t in range(max(0, at - NEARBY), at + 1):
        chunk = chunks[t]
        if chunk.part != Part.BATANG_TUBUH or chunk.doc != chunks[at].doc:
            continue
        text = rest if t == at else chunk.text
        spans = list(re.finditer(r"\S+", text))
        words = [m.group(0) for m in spans]
        for pieces in splits:
            placed = _place(words, pieces, pairs)
            if placed:
                starts = [m.start() for m in spans]
                found.append(Placement(t, _inserted(text, starts, placed[1], pieces), placed[0]))
    found.sort(key=lambda p: -p.gain)
    if not found or found[0].gain < MIN_GAIN:
        return None
    if len(found) > 1 and found[0].gain - found[1].gain < MARGIN:
        return None
    return found[0]


def reinsert_fragments(chunks: Sequence[Chunk]) -> list[Chunk]:
    """The chunks with each trailing fragment put back into the nearby sentence it belongs to."""
    out = list(chunks)
    pairs = word_pairs([c.text for c in out if c.part == Part.BATANG_TUBUH])
    for at, chunk in enumerate(out):
        if chunk.part != Part.BATANG_TUBUH:
            continue
        m = _TRAILING.search(chunk.text)
        if not m:
            continue
        fragment = m.group(1).split()
        if not MIN_WORDS <= len(fragment) <= MAX_WORDS:
            continue
        rest = chunk.text[: m.start()].rstrip()
        placement = _placement(fragment, out, at, rest, pairs)
        if placement is None:
            continue
        original = chunk.original_text or chunk.text
        out[at] = chunk.model_copy(update={"text": rest, "original_text": original})
        target = out[placement.target]
        out[placement.target] = target.model_copy(
            update={
                "text": placement.text,
                "original_text": original
                if placement.target == at
                else (target.original_text or target.text),
            }
        )
    return out
