"""Provisions that delegate detail to another instrument: "Ketentuan lebih lanjut mengenai X
(sebagaimana dimaksud dalam Pasal 40 sampai dengan Pasal 44) diatur dengan Peraturan BKN"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.instruments import INSTRUMENT, Instrument, instrument_of

_DELEGATE_VERB = re.compile(
    r"\b(?:diatur|ditetapkan)\s+(?P<further>lebih\s+lanjut\s+)?(?:dengan|dalam)\s+", re.IGNORECASE
)
_TOPIC_LEAD = re.compile(
    r"[Kk]etentuan(?:\s+lebih\s+lanjut)?\s+(?:mengenai|tentang)\s+(?P<topic>[^.;:]*?)\s*$"
)
_TOPIC_BARE = re.compile(r"(?P<topic>[^.;:()]*?)\s*$")
_TOPIC_TAIL = re.compile(r"\s+(?:sebagaimana\s+dimaksud|yang\s+diatur|sesuai\s+dengan)\b.*$")
# "… telah diatur dalam PP 30/1980", "yang diatur dalam …": a reference, not a delegation
_NOT_DELEGATING = re.compile(
    r"\b(?:telah|sudah|yang|sebagaimana|belum|tidak|pernah|juga|masih|cukup)\s*$", re.IGNORECASE
)
_PASAL_RANGE = re.compile(r"Pasal\s+(\d+)\s+sampai\s+dengan\s+Pasal\s+(\d+)")
_PASAL = re.compile(r"Pasal\s+(\d+[A-Z]?)")
MAX_RANGE = 40  # a "Pasal a sampai dengan Pasal b" longer than this is an OCR misreading


@dataclass(frozen=True)
class Delegation:
    instrument: Instrument
    topic: str
    covers: tuple[str, ...] = ()  # Pasal numbers the delegated matter is set out in
    same_pasal: bool = False  # "sebagaimana dimaksud pada ayat (1)": the delegating Pasal itself


def _covers(tail: str) -> tuple[tuple[str, ...], bool]:
    """The Pasal a "sebagaimana dimaksud dalam Pasal 40 sampai dengan Pasal 44" clause names."""
    found: list[str] = []
    for a, b in _PASAL_RANGE.findall(tail):
        if 0 < int(b) - int(a) <= MAX_RANGE:
            found += [str(n) for n in range(int(a), int(b) + 1)]
    found += [n for n in _PASAL.findall(tail) if n not in found]
    return tuple(found), bool(re.search(r"\bpada\s+ayat\b", tail))


def _topic(before: str, further: bool) -> tuple[str, str] | None:
    """(topic, tail) of the sentence that ends in the delegating verb; tail = "sebagaimana …"."""
    window = before[-500:]
    if _NOT_DELEGATING.search(window):
        return None
    m = _TOPIC_LEAD.search(window)
    if m is None and further:
        m = _TOPIC_BARE.search(window)
    if m is None:
        return None
    text = " ".join(m.group("topic").split())
    tail = _TOPIC_TAIL.search(text)
    topic = text[: tail.start()] if tail else text
    topic = re.sub(r"^(?:\(\s*\d+\s*\)|\d+\.|Pasal\s+\d+[A-Z]?)\s*", "", topic).strip(" ,")
    return (topic[:200], tail.group(0) if tail else "") if topic else None


def find_delegations(text: str, field_hint: str | None = None) -> list[Delegation]:
    """Each "ketentuan (lebih lanjut) mengenai X … diatur dengan Y" in text."""
    found: list[Delegation] = []
    for verb in _DELEGATE_VERB.finditer(text):
        m = INSTRUMENT.match(text, verb.end())
        if m is None or m.group("self"):
            continue
        inst = instrument_of(m, field_hint)
        topic = _topic(text[: verb.start()], bool(verb.group("further")))
        if inst is not None and topic:
            covers, same = _covers(topic[1])
            found.append(Delegation(inst, topic[0], covers, same))
    return found
