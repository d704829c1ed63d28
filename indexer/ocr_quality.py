"""Text-quality flags for chunks whose OCR reading order is broken (still searchable, quoted with a
warning): ayat markers left behind as a run "(1) (2t (3)"; a Pasal whose ayat markers went missing
next to such a run (PP 11/2017 Pasal 316: its marker column was read apart from the text, and its
words came out of order); a piece of another column inside a sentence (". diselenggarakan sesuai").
A broader word-order test (pairs of common words seen nowhere else in the corpus) flagged too many
clean passages of legal prose and was left out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.documents import Chunk, Part

SCRAMBLED = "scrambled"
REASON_MARKER_RUN = "nomor ayat terlepas dari teksnya"
REASON_LOST_MARKERS = "nomor ayat hilang (kolom teks tercampur)"
REASON_WORD_ORDER = "potongan kalimat tersisip (urutan kata kacau)"
# a sentence that "starts" in lower case after a full word and a period: a piece of another column
# ("Sistem Merit meritokrasi. diselenggarakan sesuai ...", "harus. mengurus hak-hak ...")
BROKEN_SENTENCE = re.compile(r"(?<=[a-z]{3}[.])[ \t]+(?=[a-z]{3,}\b)")
LOST_MARKER_REASONS = (REASON_MARKER_RUN, REASON_LOST_MARKERS)

# two or more ayat markers with nothing but blanks between them: "(l) (2t", "(1) (2t (3) (4)"
_MARKER = r"(?>\(\s?[0-9lIts]{1,2}[)\]t1l]?)"  # atomic: no backtracking inside a marker
# "(4)" whose "(" was read as 1 ("14)") inside such a run
_MARKER_ANY = rf"(?>{_MARKER}|[1lI][0-9lIts]\))"
MARKER_RUN = re.compile(
    rf"(?<!\w){_MARKER}(?:\s+{_MARKER_ANY})++(?!\w)|(?<!\w){_MARKER_ANY}(?:\s+{_MARKER})++(?!\w)"
)


def drop_marker_runs(text: str) -> str:
    """Remove runs of bare ayat markers: they carry no text (their text sits elsewhere). A marker
    opening the text is the chunk's own and stays."""
    lead = re.match(rf"\s*{_MARKER}\s", text)
    cut = lead.end() if lead else 0
    rest = re.sub(r"[ \t]{2,}", " ", MARKER_RUN.sub(" ", text[cut:]))
    return (text[:cut] + rest).strip()


def scrambled(text: str) -> str | None:
    """The reason a single text reads as scrambled, from its own markers; None when it looks clean."""
    if MARKER_RUN.search(text):
        return f"{SCRAMBLED}: {REASON_MARKER_RUN}"
    if BROKEN_SENTENCE.search(text):
        return f"{SCRAMBLED}: {REASON_WORD_ORDER}"
    return None


def _looks_like_lost_ayat(text: str) -> bool:
    """Several full sentences and no ayat marker: what a Pasal with its marker column lost reads like."""
    if re.match(r"\s*\(\d", text):
        return False
    sentences = [s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if len(s) >= 40]
    return len(sentences) >= 2


def flag_scrambled(chunks: Sequence[Chunk]) -> list[Chunk]:
    """The chunks with ``quality`` set where the reading order is broken (others unchanged)."""
    runs = [scrambled(c.text) if c.part != Part.MATERI else None for c in chunks]
    reasons = list(runs)
    for i, chunk in enumerate(chunks):
        if reasons[i] or chunk.part != Part.BATANG_TUBUH:
            continue
        near = [
            j
            for j in (i - 1, i + 1)
            if 0 <= j < len(chunks) and chunks[j].doc == chunk.doc and _marker_run(runs[j])
        ]
        if near and chunk.ayat is None and _looks_like_lost_ayat(chunk.text):
            reasons[i] = f"{SCRAMBLED}: {REASON_LOST_MARKERS}"
    return [
        c.model_copy(update={"quality": r}) if r and r != c.quality else c
        for c, r in zip(chunks, reasons, strict=True)
    ]


def _marker_run(reason: str | None) -> bool:
    return bool(reason) and reason.endswith(REASON_MARKER_RUN)  # type: ignore[union-attr]
