"""One numbered change of an amendment's Pasal I, read as operations on the amended regulation.

Drafting forms read (Lampiran II UU 12/2011 and older practice):
  "Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut: ..."      -> replace a Pasal
  "Ketentuan ayat (2) Pasal 5 diubah sehingga berbunyi: (2) ..."          -> replace an ayat
  "Ketentuan ayat (2) Pasal 30 diubah, sehingga Pasal 30 berbunyi ..."    -> replace the Pasal
  "Ketentuan huruf c ayat (1) Pasal 9 diubah ..." / "angka 5 Pasal 1"     -> replace a huruf/angka
  "Di antara Pasal 41 dan Pasal 42 disisipkan 1 (satu) pasal, yakni Pasal 41A ..." -> insert Pasal(s)
  "Di antara ayat (3) dan ayat (4) lama disisipkan satu ayat ... ayat (4) baru"    -> insert an ayat
  "Ketentuan Pasal 10 ditambah 1 (satu) ayat, yakni ayat (3) ..."          -> add an ayat
  "Ketentuan Pasal 11 dihapus" / "Pasal 12 dihapus" / "huruf b ... dihapus" -> delete
  "Ketentuan Pasal 14 lama selanjutnya dijadikan ketentuan Pasal 13 baru"  -> renumber
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.structure import find_ayat_markers

_OCR_NUM = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "i": "1", "L": "1"})
_SUB_ITEM_RE = re.compile(
    r"(?:(?<=\s)|^)([a-z])\.\s(?=(?:Di\s?antara|Diantara|Ketentuan|Mengubah|Menghapus|Sesudah)\b)"
)
_PASAL_REF = re.compile(r"\bPasal\s+([0-9OIl]{1,3}[A-Z]?)\b(?:\s+(lama|baru)\b)?")
_AYAT_REF = re.compile(r"\bayat\s*\(\s?(\d{1,2}[a-z]?)\s?\)(?:\s+(lama|baru)\b)?", re.I)
_ITEM_REF = re.compile(r"\b(huruf|angka)\s+([a-z]{1,2}|\d{1,2}[a-z]?)\b")
_WORDING_START = re.compile(
    r"seb\w{0,3}ai\s+berikut\s*:?|berbunyi\s*:", re.I
)  # "sebgai" (PP 45/1990)
_QUOTES = "\"“”'’‘"


@dataclass
class Change:
    """One operation on the amended regulation, in the order Pasal I gives them."""

    op: str  # replace_pasal | replace_ayat | replace_item | insert_pasal | insert_ayat | insert_item
    # | delete_pasal | delete_ayat | delete_item | renumber_pasal | renumber_ayat
    pasal: str  # target Pasal (its number before this change)
    ayat: str | None = None
    marker: str | None = None  # a huruf ("c") or angka ("5") inside the Pasal/ayat
    old: bool = False  # the number is the original ("lama") numbering
    new_number: str | None = None  # renumber/insert: the number it gets (Pasal or ayat)
    after: str | None = None  # insert: the Pasal/ayat it follows
    text: str = ""  # the new wording (no quotes, no "Pasal N" heading)
    item: str = ""  # "angka 4 huruf a" inside Pasal I
    instruction: str = ""


def num(token: str) -> str:
    """'II' -> '11', '3O' -> '30' (OCR) but keep a letter suffix: '41A'."""
    suffix = token[-1] if len(token) > 1 and token[-1] in "ABCDEFGHJKMNPQRSTUVWXYZ" else ""
    core = token[:-1] if suffix and token[:-1].translate(_OCR_NUM).isdigit() else token
    if core != token:
        return str(int(core.translate(_OCR_NUM))) + suffix
    digits = token.translate(_OCR_NUM)
    return str(int(digits)) if digits.isdigit() else token


def clean_wording(text: str) -> str:
    """The new wording without quotes, a leading 'Pasal N' heading or a doubled catchword."""
    text = text.strip().strip(_QUOTES).strip()
    text = re.sub(r"^(?:Pasal\s*[" + _QUOTES + r"]?\s*)?Pasal\s+[0-9OIl]{1,3}[A-Z]?\b\s*", "", text)
    text = text.strip().lstrip(_QUOTES).strip()
    text = re.sub(r"[" + _QUOTES + r"]\s*\.?\s*$", "", text).strip()
    return re.sub(r"[" + _QUOTES + r"](?=\s*\(\d)", "", text)  # a stray quote before an ayat


def _refs(rx: re.Pattern[str], text: str) -> list[tuple[str, bool, bool]]:
    """(number, is_lama, is_baru) for each Pasal/ayat reference."""
    return [
        (num(m.group(1)), m.group(2) == "lama", m.group(2) == "baru") for m in rx.finditer(text)
    ]


def parse_instruction(
    instr: str, wording: str, item: str, default_pasal: str | None
) -> list[Change]:
    """The operations one numbered item (or sub-item) asks for ([] when not read: reported)."""
    low = instr.lower()
    if re.search(r"\b(?:penjelasan|lampiran|judul)\b", low):
        return []  # Penjelasan/Lampiran changes are not batang tubuh provisions
    pasals = _refs(_PASAL_REF, instr)
    ayats = _refs(_AYAT_REF, instr)
    pasal = pasals[0][0] if pasals else default_pasal
    if pasal is None:
        return []
    old = bool(pasals and pasals[0][1]) or bool(ayats and ayats[0][1])
    base = {"item": item, "instruction": instr.strip(), "text": clean_wording(wording)}
    marker = _ITEM_REF.search(instr)
    if re.search(r"disisipkan|ditambah|menambah", low):
        return _insertion(low, pasals, ayats, pasal, base)
    if "dihapus" in low:
        if marker:
            ayat = ayats[0][0] if ayats else None
            return [
                Change("delete_item", pasal, ayat=ayat, marker=marker.group(2), old=old, **base)
            ]
        if ayats:
            return [Change("delete_ayat", pasal, ayat=ayats[0][0], old=old, **base)]
        return [Change("delete_pasal", pasal, old=old, **base)]
    changes: list[Change] = []
    meta = {"item": item, "instruction": base["instruction"]}
    if "dijadikan" in low and len(ayats) >= 2:  # "ayat (5) lama ... dijadikan ayat (6) baru"
        changes.append(
            Change(
                "renumber_ayat", pasal, ayat=ayats[0][0], old=True, new_number=ayats[1][0], **meta
            )
        )
        ayats, old = [ayats[1]], False
    elif "dijadikan" in low and len(pasals) >= 2:  # "Pasal 12 lama dijadikan ... Pasal 11 baru"
        changes.append(
            Change("renumber_pasal", pasals[0][0], old=True, new_number=pasals[1][0], **meta)
        )
        pasal, old = pasals[1][0], False
    if "ubah" in low and base["text"]:
        changes += _replacement(pasal, ayats, marker, wording, old, base)
    return changes


def _is_whole_pasal(wording: str) -> bool:
    """The wording restates the whole Pasal ('Pasal 30 (1) ... (4) ...')."""
    return bool(re.match(r"\s*[" + _QUOTES + r"]*\s*Pasal\s", wording))


def _replacement(pasal, ayats, marker, wording: str, old: bool, base: dict) -> list[Change]:  # noqa: ANN001
    """Replace a whole Pasal, one or more ayat, or one huruf/angka (the wording says which)."""
    text = base["text"]
    if _is_whole_pasal(wording) or not (ayats or marker):
        return [Change("replace_pasal", pasal, old=old, **base)]
    if marker and re.match(rf"\s*{re.escape(marker.group(2))}\.\s", text):
        ayat = ayats[0][0] if ayats else None
        return [Change("replace_item", pasal, ayat=ayat, marker=marker.group(2), old=old, **base)]
    if len(ayats) >= 2:  # "ayat (1) dan ayat (3) ... diubah": one change per named ayat
        numbers = [a for a, _, _ in ayats]
        cuts = [
            m for m in re.finditer(r"(?:^|\n)\s*\((\d{1,2}[a-z]?)\)", text) if m.group(1) in numbers
        ]
        if len(cuts) >= 2:
            ends = [c.start() for c in cuts[1:]] + [len(text)]
            return [
                Change(
                    "replace_ayat",
                    pasal,
                    ayat=c.group(1),
                    old=old,
                    **{**base, "text": text[c.start() : e].strip()},
                )
                for c, e in zip(cuts, ends, strict=True)
            ]
    return [Change("replace_ayat", pasal, ayat=ayats[-1][0], old=old, **base)]


_INSERTED_KIND = re.compile(
    r"(?:disisipkan|ditambah\w*|menambah\w*)\s+(?:\d+\s*\(\w+\)\s*|\w+\s+)?"
    r"(pasal|ketentuan|ayat|huruf|angka|bab|bagian|paragraf)\b"
)


def _insertion(low: str, pasals, ayats, pasal: str, base: dict) -> list[Change]:  # noqa: ANN001
    """'disisipkan' / 'ditambah': new Pasal(s) after one, or an ayat/huruf/angka inside one."""
    kind_m = _INSERTED_KIND.search(low)
    kind = kind_m.group(1) if kind_m else ("ayat" if ayats else "pasal")
    if kind in ("bab", "bagian", "paragraf"):
        return []  # a new BAB/Bagian: its Pasal are read from their own items, if any
    if kind in ("ayat", "huruf", "angka"):
        text = base["text"]
        if _is_whole_pasal(text) or len(find_ayat_markers(text)) >= 2:
            return [Change("replace_pasal", pasal, **base)]  # the wording restates the Pasal
        opening = re.match(r"\s*\(\s?(\d{1,2}[a-z]?)\s?\)", text)
        if kind == "ayat":
            new = ayats[-1][0] if ayats else (opening.group(1) if opening else "")
            after = ayats[0][0] if len(ayats) >= 2 else None
            return [Change("insert_ayat", pasal, ayat=new, new_number=new, after=after, **base)]
        if opening:  # a huruf added to an ayat that is restated whole
            return [Change("replace_ayat", pasal, ayat=opening.group(1), **base)]
        markers = [m.group(2) for m in _ITEM_REF.finditer(base["instruction"])]
        ayat = ayats[0][0] if ayats else None
        after = markers[0] if len(markers) >= 2 else None
        new = markers[-1] if markers else ""
        return [Change("insert_item", pasal, ayat=ayat, marker=new, after=after, **base)]
    named = re.split(r"\b(?:yakni|yaitu|dijadikan)\b", base["instruction"])
    names = [n for n, _, _ in _refs(_PASAL_REF, named[-1])] if len(named) > 1 else []
    if not names:
        names = [_heading_number(base["text"]) or pasals[-1][0]]
    after = pasals[0][0]
    out = []
    for number, body in _split_new_pasals(base.pop("text"), names):
        out.append(Change("insert_pasal", after, new_number=number, after=after, text=body, **base))
        after = number
    return out


def _heading_number(text: str) -> str | None:
    m = re.match(r"\s*Pasal\s+([0-9]{1,3}[A-Z]?)", text)
    return m.group(1) if m else None


def _split_new_pasals(text: str, names: list[str]) -> list[tuple[str, str]]:
    """Inserted Pasal(s): 'Pasal 8A ... Pasal 8B ...' with each one's own wording."""
    if len(names) <= 1:
        return [(names[0], text)]
    pieces = re.split(r"(?:^|\s)Pasal\s+(" + "|".join(map(re.escape, names[1:])) + r")\s", text)
    out = [(names[0], pieces[0].strip())]
    for i in range(1, len(pieces), 2):
        out.append((pieces[i], clean_wording(pieces[i + 1])))
    return out


def parse_item(number: str, text: str) -> list[Change]:
    """One numbered item of Pasal I; composite items (PP 45/1990 angka 4 huruf a-d) give several."""
    m = _WORDING_START.search(text)
    instr, wording = (text[: m.start()], text[m.end() :]) if m else (text, "")
    subs = list(_SUB_ITEM_RE.finditer(wording)) if m else []
    if subs and subs[0].start() < 5:
        pasals = _refs(_PASAL_REF, instr)
        default = pasals[0][0] if pasals else None
        out: list[Change] = []
        for i, s in enumerate(subs):
            end = subs[i + 1].start() if i + 1 < len(subs) else len(wording)
            sub = wording[s.end() : end]
            sm = _WORDING_START.search(sub)
            s_instr, s_word = (sub[: sm.start()], sub[sm.end() :]) if sm else (sub, "")
            out += parse_instruction(s_instr, s_word, f"angka {number} huruf {s.group(1)}", default)
        return out
    return parse_instruction(instr, wording, f"angka {number}", None)
