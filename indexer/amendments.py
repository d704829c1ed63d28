"""Amendment regulations ("Peraturan Pemerintah tentang Perubahan atas ..."): Pasal I split into its
numbered changes (read by indexer/amendment_ops.py), Pasal II, the Penjelasan, and the amendment's
own chunks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.documents import Chunk, DocInfo, Part
from indexer.amendment_ops import Change, parse_item
from indexer.regrefs import RegRef, find_regulations
from indexer.split import MAX_CHUNK_CHARS, SplitResult, _Builder, _split_plain, tidy

_ROMAN_PASAL = re.compile(r"(?:^|(?<=\n)|(?<=\.\s))\s*Pasal\s+(I{1,3}|IV|V)\s*(?=\n|\s[A-Z])")
_KEYWORDS = (
    r"Ketentuan|Mengubah|Menghapus|Menyisipkan|Menambah|Menambahkan|Di\s?antara|Sesudah|Setelah"
    r"|Pasal|Ayat|Penjelasan|Lampiran|Judul|BAB|Bab|Bagian|Paragraf"
)
_ITEM_RE = re.compile(rf"(?:(?<=\s)|^|(?<=[\"”.]))\(?(\d{{1,2}})\)?\s?\.\s?(?=(?:{_KEYWORDS})\b)")
_CLOSING_RE = re.compile(r"\bAgar\s+setiap\s+orang|\bDitetapkan\s+di\b")
_PENJELASAN_RE = re.compile(r"\bP ?E ?N ?J ?E ?L ?A ?S ?A ?N\s+A ?T ?A ?S\b")


@dataclass
class Amendment:
    target: RegRef | None
    changes: list[Change] = field(default_factory=list)
    items: list[tuple[str, str]] = field(default_factory=list)  # (angka, full text) of Pasal I
    warnings: list[str] = field(default_factory=list)
    umum: str = ""  # Penjelasan Umum
    penjelasan: list[tuple[str, str]] = field(default_factory=list)  # (Pasal of the target, text)

    def numbers(self) -> list[str]:
        """The target's Pasal numbers (after the changes) that this amendment touches, in order."""
        seen: dict[str, None] = {}
        for c in self.changes:
            seen[
                c.new_number if c.op.startswith(("renumber_pasal", "insert_pasal")) else c.pasal
            ] = None
        return list(seen)


def is_amendment(text: str) -> bool:
    """An amendment regulation: a roman 'Pasal I' that changes another regulation."""
    head = text[:3000]
    return bool(
        re.search(r"PERUBAHAN\s+(?:\w+\s+)?ATAS", head)
        and _ROMAN_PASAL.search(text)
        and re.search(r"diubah|[Mm]engubah", text)
    )


def _body(text: str) -> tuple[str, str, str]:
    """(Pasal I text, Pasal II text, Penjelasan text) of an amendment regulation."""
    start_m = re.search(r"MEMUTUSKAN\s*:?", text)
    start = start_m.end() if start_m else 0
    penj = _PENJELASAN_RE.search(text, start)
    body = text[start : penj.start() if penj else len(text)]
    romans = [m for m in _ROMAN_PASAL.finditer(body)]
    first = next((m for m in romans if m.group(1) == "I"), None)
    second = next(
        (m for m in romans if m.group(1) == "II" and first and m.start() > first.end()), None
    )
    if first is None:
        return "", "", text[penj.end() :] if penj else ""
    pasal_1 = body[first.end() : second.start() if second else len(body)]
    pasal_2 = body[second.end() :] if second else ""
    closing = _CLOSING_RE.search(pasal_2)
    if closing:
        pasal_2 = pasal_2[: closing.start()]
    return pasal_1, pasal_2, text[penj.end() :] if penj else ""


def split_items(pasal_1: str) -> tuple[str, list[tuple[str, str]]]:
    """The lead-in sentence and the numbered items (angka, text) of Pasal I."""
    markers = []
    expected = 1
    for m in _ITEM_RE.finditer(pasal_1):
        if int(m.group(1)) == expected:
            markers.append(m)
            expected += 1
    if not markers:
        return pasal_1.strip(), []
    items = []
    for i, m in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(pasal_1)
        items.append((m.group(1), pasal_1[m.end() : end].strip()))
    return pasal_1[: markers[0].start()].strip(), items


def parse_amendment(text: str) -> Amendment:
    """Pasal I of a cleaned amendment text, as ordered changes."""
    pasal_1, _, _ = _body(text)
    lead, items = split_items(pasal_1)
    refs = find_regulations(lead) or find_regulations(text[:4000])
    amendment = Amendment(target=refs[0] if refs else None, items=items)
    for number, item in items:
        changes = parse_item(number, item)
        if not changes:
            amendment.warnings.append(f"Pasal I angka {number} tidak terbaca")
        amendment.changes += changes
    amendment.umum, amendment.penjelasan = penjelasan_entries(_body(text)[2], amendment.numbers())
    return amendment


_REF_BEFORE = re.compile(r"(?:dalam|dimaksud|pada|ketentuan|dan|atau|dengan|menurut)\s*$", re.I)


def penjelasan_entries(text: str, numbers: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """The Penjelasan Umum and the explanation of each amended Pasal (numbers of the target)."""
    if not text.strip():
        return "", []
    markers: list[tuple[str, int, int]] = []
    last = -1
    for m in re.finditer(r"\bPasal\s+(\d{1,3}[A-Z]?)\b(?!\s+(?:ayat|huruf|angka)\b)", text):
        number = m.group(1)
        if number not in numbers[last + 1 :] or _REF_BEFORE.search(
            text[max(0, m.start() - 20) : m.start()]
        ):
            continue
        last = numbers.index(number, last + 1)
        markers.append((number, m.start(), m.end()))
    if not markers:
        return tidy(text), []
    umum = re.split(r"\bPASAL\s*DEMI\s*PASAL\b|\n\s*Pasal\s+I\b", text[: markers[0][1]])[0]
    umum = re.sub(r"^.*?\bUMUM\b", "", umum, count=1, flags=re.S)
    entries = []
    for i, (number, _, end) in enumerate(markers):
        stop = markers[i + 1][1] if i + 1 < len(markers) else len(text)
        body = re.sub(
            r"\s*(?:\d{1,2}\.|Pasal\s+II\b.*|Pasal)\s*$", "", text[end:stop].strip(), flags=re.S
        )
        entries.append((number, tidy(body)))
    return re.sub(r"\s*I{1,2}\.\s*$", "", tidy(umum)), entries


def split_amendment(text: str, doc: DocInfo, source_file: str = "") -> SplitResult:
    """The amendment's own chunks: Pembukaan, one chunk per Pasal I item, Pasal II, Penjelasan."""
    b = _Builder(doc, source_file)
    amendment = parse_amendment(text)
    pasal_1, pasal_2, penjelasan = _body(text)
    start = re.search(r"MEMUTUSKAN\s*:?", text)
    if start:
        pre = text[: start.start()]
        b.add(
            f"{doc.id}/pembukaan",
            Part.PEMBUKAAN,
            pre[max(pre.find("Menimbang"), 0) :][:MAX_CHUNK_CHARS],
            f"{doc.short} tentang {doc.title} › Pembukaan (Menimbang, Mengingat)",
        )
    lead, _ = split_items(pasal_1)
    if lead:
        b.add(f"{doc.id}/pasal-i", Part.BATANG_TUBUH, lead, b.trail(None, "Pasal I"), pasal="I")
    for number, item in amendment.items:
        for piece_n, piece in (
            _split_plain(item, MAX_CHUNK_CHARS) if len(item) > MAX_CHUNK_CHARS else [("", item)]
        ):
            cid = f"{doc.id}/pasal-i/angka-{number}" + (f"-{piece_n}" if piece_n else "")
            b.add(
                cid,
                Part.BATANG_TUBUH,
                f"{number}. {piece}",
                b.trail(None, f"Pasal I angka {number}"),
                pasal="I",
                item=f"angka {number}",
            )
    if pasal_2.strip():
        b.add(
            f"{doc.id}/pasal-ii", Part.BATANG_TUBUH, pasal_2, b.trail(None, "Pasal II"), pasal="II"
        )
    for n, piece in _split_plain(amendment.umum) if amendment.umum else []:
        b.add(
            f"{doc.id}/penjelasan/umum-{n}",
            Part.PENJELASAN,
            piece,
            f"{doc.short} › Penjelasan Umum",
        )
    for number, body in amendment.penjelasan:
        place = f"Pasal I Pasal {number}"
        b.add(
            f"{doc.id}/penjelasan/pasal-i-{number.lower()}",
            Part.PENJELASAN,
            body,
            f"{doc.short} › Penjelasan › {place}",
            pasal="I",
            item=f"Pasal {number}",
        )
    result = SplitResult(b.chunks, amendment.warnings, structured=bool(amendment.items))
    result.amendment = amendment
    return result


def is_change_chunk(chunk: Chunk) -> bool:
    """A Pasal I change or its Penjelasan: after consolidation it lives in the amended regulation."""
    return chunk.pasal == "I" and bool(chunk.item)
