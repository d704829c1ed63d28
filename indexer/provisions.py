"""A regulation's batang tubuh as Pasal with their ayat ("units"): the working form of consolidation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.documents import Chunk, Part
from indexer.structure import find_ayat_markers, segments

AYAT_PREFIX = re.compile(r"^\(\s?(\d{1,2}[a-z]?)\s?\)\s*")


@dataclass
class Unit:
    """One ayat of a Pasal (or the whole Pasal when it has no ayat)."""

    ayat: str | None
    text: str  # without the "(k)" prefix
    orig: str | None = None  # the ayat number in the original text (None: inserted)
    changed_by: str | None = None
    deleted: bool = False
    history: list[dict[str, str]] = field(default_factory=list)

    @property
    def wording(self) -> str:
        return "Dihapus." if self.deleted else self.text


@dataclass
class Provision:
    pasal: str
    units: list[Unit]
    orig: str | None = None  # the Pasal number in the original text (None: inserted)
    like: Chunk | None = None  # an original chunk: BAB/Bagian context and heading trail
    chunks: list[Chunk] = field(default_factory=list)  # the original chunks
    changed_by: str | None = None  # a whole-Pasal change (replace, renumber, insert, delete)
    deleted: bool = False
    history: list[dict[str, str]] = field(default_factory=list)

    @property
    def touched(self) -> bool:
        return bool(self.changed_by or any(u.changed_by for u in self.units))

    def body(self) -> str:
        return "\n".join(f"({u.ayat}) {u.wording}" if u.ayat else u.wording for u in self.units)

    def ayat(self) -> list[tuple[str, str]] | None:
        """(number, wording) of each ayat; None for a Pasal without ayat."""
        if len(self.units) < 2 or any(u.ayat is None for u in self.units):
            return None
        return [(u.ayat or "", u.wording) for u in self.units]


def _join_pieces(chunks: list[Chunk]) -> str:
    """The text of one ayat from its chunk pieces (later pieces repeat the lead-in: dropped)."""
    texts = [AYAT_PREFIX.sub("", c.text, count=1) for c in chunks]
    lead = texts[0].split("\n", 1)[0]
    out = [texts[0]]
    for text in texts[1:]:
        out.append(
            text[len(lead) :].lstrip("\n") if text.startswith(lead) and "\n" in text else text
        )
    return "\n".join(out)


def provisions(chunks: list[Chunk]) -> list[Provision]:
    """The batang tubuh of a split regulation as ordered Pasal with their ayat."""
    out: list[Provision] = []
    by_pasal: dict[str, Provision] = {}
    for chunk in chunks:
        if chunk.part != Part.BATANG_TUBUH or not chunk.pasal:
            continue
        prov = by_pasal.get(chunk.pasal)
        if prov is None:
            prov = by_pasal[chunk.pasal] = Provision(chunk.pasal, [], chunk.pasal, chunk)
            out.append(prov)
        prov.chunks.append(chunk)
    for prov in out:
        groups: dict[str | None, list[Chunk]] = {}
        for chunk in prov.chunks:
            groups.setdefault(chunk.ayat, []).append(chunk)
        prov.units = [Unit(ayat, _join_pieces(group), ayat) for ayat, group in groups.items()]
    return out


def item_span(text: str, marker: str) -> tuple[int, int] | None:
    """Where huruf 'c.' or angka '5.' of a list starts and ends (up to the next item of its kind)."""
    m = re.search(rf"(?:^|(?<=\n)|(?<=:\s)){re.escape(marker)}\.\s", text)
    if not marker or m is None:
        return None
    kind = r"[a-z]" if marker[0].isalpha() else r"\d{1,2}[a-z]?"
    nxt = re.search(rf"\n{kind}\.\s", text[m.end() :])
    end = m.end() + nxt.start() if nxt else len(text)
    return m.start(), end


def parse_units(text: str) -> list[Unit]:
    """A new wording as ayat units (one unit when it has no '(1)')."""
    markers = find_ayat_markers(text)
    if len(markers) < 2:
        return [Unit(None, AYAT_PREFIX.sub("", text.strip(), count=1) if markers else text.strip())]
    return [Unit(m.number, seg.strip()) for m, seg in segments(text, markers)]
