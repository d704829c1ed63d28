"""Structure-aware splitting: BAB / Bagian / Paragraf / Pasal / ayat / angka, batang tubuh vs Penjelasan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.documents import Chunk, DocInfo, Part
from assistant.provision_text import has_content
from indexer.structure import (
    Marker,
    find_angka_markers,
    find_ayat_markers,
    find_pasal_markers,
    segments,
)

MAX_CHUNK_CHARS = 1600
PLAIN_CHUNK_CHARS = 1000

_BAB_RE = re.compile(r"\bBAB\s+([IVXLC]+)\b")
_BAGIAN_RE = re.compile(
    r"\bBagian\s+(Ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)(?:\s?belas|\s?puluh)?)\b"
)
# OCR reads "Paragraf 1" as "Paragraf I" or "Paragraf l": accept those as 1.
_PARAGRAF_RE = re.compile(r"\bParagraf\s*\.?\s*(\d+|[Il](?=\s))\b")
# stray ayat markers after a title ("... Jabatan Pimpinan Tinggi (6) (7t"); a misread Pasal heading
# glued to a title ("Pasat 67 ...") is repaired earlier, by indexer.clean.fix_digits
_TITLE_JUNK = re.compile(r"(?:\s+\(\d{1,2}[)t]?)+\s*$")
# also the letter-spaced "P E N J E L A S A N A T A S" of some typed texts (PP 9/2003)
_PENJELASAN_RE = re.compile(r"\bP ?E ?N ?J ?E ?L ?A ?S ?A ?N\s+A ?T ?A ?S\b")
_PASAL_DEMI_RE = re.compile(r"\bPASAL\s*DEMI\s*PASAL\b", re.I)
_UMUM_RE = re.compile(r"\b(?:I\.\s*)?UMUM\b")
_CLOSING_RE = re.compile(r"\bAgar\s+setiap\s+orang|\bDisahkan\s+di\b|\bDitetapkan\s+di\b")
_TLN_RE = re.compile(r"TAMBAHAN\s+LEMBARAN\s+NEGARA")
_LAMPIRAN_RE = re.compile(r"\bLAMPIRAN\b")
# "Cukup jelas." entries, also per ayat/huruf ("Ayat (1) Cukup jelas Ayat (2) Cukup jelas")
_CUKUP_JELAS = re.compile(
    r"^\W*((?:Ayat\s*\(\d+[a-z]?\)|Huruf\s+[a-z]+(?:\s+sampai\s+dengan\s+huruf\s+[a-z]+)?"
    r"|Angka\s+\d+)?\s*Cukup\s*jelas\W*)+$",
    re.I,
)
_LIST_BREAK = re.compile(r"\n(?!\s*(?:[a-z]\.|\d{1,2}\.|\(\d{1,2}\)|Huruf\s|Ayat\s|Angka\s))")
_HURUF_RE = re.compile(r"(?:(?<=\s)|^)([a-z])\.\s")
_ANGKA_LINE = re.compile(r"^[ \t]*(\d{1,2})\.\s", re.M)


@dataclass
class SplitResult:
    chunks: list[Chunk]
    warnings: list[str] = field(default_factory=list)
    structured: bool = True
    amendment: Any = None  # indexer.amendments.Amendment for an amendment regulation


def tidy(text: str) -> str:
    """Join OCR line wraps; keep a line break before list items and ayat markers."""
    text = _LIST_BREAK.sub(" ", text.strip())
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r" ?\n ?", "\n", text).strip()


@dataclass
class _Context:
    bab: str | None = None
    bab_title: str | None = None
    bagian: str | None = None
    bagian_title: str | None = None
    paragraf: str | None = None
    paragraf_title: str | None = None


def _title_case_span(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .:-")[:120] or ""


def _paragraf_heading(number: str, rest: str, previous: str | None) -> tuple[str, str | None]:
    """Number and title of a Paragraf heading, mending OCR ("Paragraf I", "Paragraf 1 1" for 11)."""
    number = "1" if number in ("I", "l") else number
    title = _TITLE_JUNK.sub("", _title_case_span(rest))
    lead = re.match(r"(\d{1,2})\s+(?=\D)", title)
    if lead:
        joined = number + lead.group(1)
        if previous and previous.isdigit() and int(joined) == int(previous) + 1:
            number = joined
        title = title[lead.end() :]
    return number, title.strip(" .:-") or None


def _take_headings(segment: str, ctx: _Context) -> str:
    """Move trailing BAB/Bagian/Paragraf headings out of a Pasal's text into the context."""
    positions = [
        m.start() for rx in (_BAB_RE, _BAGIAN_RE, _PARAGRAF_RE) for m in rx.finditer(segment)
    ]
    if not positions:
        return segment
    cut = min(positions)
    heading = segment[cut:]
    bab = list(_BAB_RE.finditer(heading))
    if bab:
        last = bab[-1]
        ctx.bab = last.group(1)
        rest = heading[last.end() :]
        stop = min(
            [m.start() for rx in (_BAGIAN_RE, _PARAGRAF_RE) for m in rx.finditer(rest)]
            + [len(rest)]
        )
        ctx.bab_title = _title_case_span(rest[:stop])
        ctx.bagian = ctx.bagian_title = ctx.paragraf = ctx.paragraf_title = None
    bagian = list(_BAGIAN_RE.finditer(heading))
    if bagian:
        last = bagian[-1]
        ctx.bagian = last.group(1)
        rest = heading[last.end() :]
        stop = min([m.start() for m in _PARAGRAF_RE.finditer(rest)] + [len(rest)])
        ctx.bagian_title = _title_case_span(rest[:stop])
        ctx.paragraf = ctx.paragraf_title = None
    paragraf = list(_PARAGRAF_RE.finditer(heading))
    if paragraf:
        last = paragraf[-1]
        ctx.paragraf, ctx.paragraf_title = _paragraf_heading(
            last.group(1), heading[last.end() :], ctx.paragraf
        )
    return segment[:cut]


class _Builder:
    def __init__(self, doc: DocInfo, source_file: str) -> None:
        self.doc = doc
        self.source_file = source_file
        self.chunks: list[Chunk] = []
        self.seen: set[str] = set()

    def trail(self, ctx: _Context | None, place: str) -> str:
        parts = [f"{self.doc.short} tentang {self.doc.title}"]
        if ctx and ctx.bab:
            parts.append(f"BAB {ctx.bab} {ctx.bab_title or ''}".strip())
        if ctx and ctx.bagian_title:
            parts.append(f"Bagian {ctx.bagian} {ctx.bagian_title}".strip())
        if ctx and ctx.paragraf:
            parts.append(f"Paragraf {ctx.paragraf} {ctx.paragraf_title or ''}".strip())
        parts.append(place)
        return " › ".join(parts)

    def add(
        self,
        cid: str,
        part: Part,
        text: str,
        heading: str,
        ctx: _Context | None = None,
        **kw: str | None,
    ) -> None:
        text = tidy(text)
        if not text:
            return
        base, n = cid, 2
        while cid in self.seen:
            cid, n = f"{base}-{n}", n + 1
        self.seen.add(cid)
        self.chunks.append(
            Chunk(
                id=cid,
                doc=self.doc.id,
                doc_short=self.doc.short,
                doc_title=self.doc.title,
                doc_status=self.doc.status,
                part=part,
                bab=ctx.bab if ctx else None,
                bab_title=ctx.bab_title if ctx else None,
                bagian=ctx.bagian_title if ctx else None,
                paragraf=ctx.paragraf if ctx else None,
                paragraf_title=ctx.paragraf_title if ctx else None,
                heading=heading,
                text=text,
                source_file=self.source_file,
                order=len(self.chunks),
                # "Cukup jelas.", "(2) Pejabat (2)", a bare "yang dimaksud dengan:": shown, never found
                searchable=not _CUKUP_JELAS.match(text) and has_content(text),
                **kw,
            )
        )


def _split_long(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[str, str]]:
    """Split an over-long provision at huruf items, repeating its lead-in; returns (item label, text)."""
    if len(text) <= limit:
        return [("", text)]
    markers: list[Marker] = []
    expected = "a"
    for m in _HURUF_RE.finditer(text):
        if m.group(1) == expected:
            markers.append(Marker(expected, m.start(), m.end()))
            expected = chr(ord(expected) + 1)
    numbered = _numbered_items(text)
    if len(numbered) >= 3 and (not markers or numbered[0].start < markers[0].start):
        # "kewajiban: 1. ...; 9. masuk kerja ... berupa: a. ...; d. ...; 10. ...": the huruf are
        # inside angka 9, so the provision splits at its angka items, each keeping its huruf
        return _grouped(text, numbered, limit, "angka")
    if len(markers) < 3:
        return _split_plain(text, limit)
    return _grouped(text, markers, limit, "huruf")


def _numbered_items(text: str) -> list[Marker]:
    """The items "1.", "2.", "3." that open lines, in sequence from 1; a number or two lost to OCR
    ("I 1." for 11) may be skipped."""
    markers: list[Marker] = []
    expected = 1
    for m in _ANGKA_LINE.finditer(text):
        value = int(m.group(1))
        if value == expected or (markers and expected < value <= expected + 2):
            markers.append(Marker(m.group(1), m.start(1), m.end()))
            expected = value + 1
    return markers


def _grouped(text: str, markers: list[Marker], limit: int, kind: str) -> list[tuple[str, str]]:
    """Consecutive items packed up to `limit` characters, each group after the lead-in."""
    lead = text[: markers[0].start].strip()
    groups: list[tuple[str, str]] = []
    current: list[tuple[Marker, str]] = []
    size = len(lead)
    for marker, body in segments(text, markers):
        piece = text[marker.start : marker.end] + body
        if current and size + len(piece) > limit:
            groups.append(_group(lead, current, kind))
            current, size = [], len(lead)
        current.append((marker, piece))
        size += len(piece)
    if current:
        groups.append(_group(lead, current, kind))
    return groups


def _group(lead: str, items: list[tuple[Marker, str]], kind: str) -> tuple[str, str]:
    first, last = items[0][0].number, items[-1][0].number
    label = f"{kind} {first}" if first == last else f"{kind} {first}–{last}"
    return label, lead + "\n" + "".join(piece for _, piece in items)


def _split_plain(text: str, limit: int = PLAIN_CHUNK_CHARS) -> list[tuple[str, str]]:
    """Paragraph-packed pieces of at most ~limit characters (sentence boundaries when possible)."""
    sentences = re.split(r"(?<=[.;:])\s+", text.strip())
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        while len(sentence) > limit:
            pieces.append(sentence[:limit])
            sentence = sentence[limit:]
        if current and len(current) + len(sentence) + 1 > limit:
            pieces.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return [(str(i + 1), p) for i, p in enumerate(pieces)]


def _emit_pasal(b: _Builder, pasal: str, body: str, ctx: _Context) -> None:
    base = f"{b.doc.id}/pasal-{pasal.lower()}"
    place = f"Pasal {pasal}"
    ayat = find_ayat_markers(body)
    broken = (
        len(ayat) >= 2
        and sum(len(seg.strip()) < 8 for _, seg in segments(body, ayat)) > len(ayat) // 2
    )
    if len(ayat) >= 2 and not broken:
        for marker, seg in segments(body, ayat):
            _emit_ayat(b, pasal, marker.number, seg, ctx)
        return
    angka = find_angka_markers(body) if re.search(r"dimaksud\s+dengan", body[:300]) else []
    if len(angka) >= 3:
        lead = body[: angka[0].start].strip()
        intro = re.search(r"dimaksud\s+dengan\s*:?", lead)
        if angka[0].number != "1" and intro and len(lead) - intro.end() > 20:
            # "yang dimaksud dengan X adalah ..." — the first definition(s) sit in the lead-in
            first = lead[intro.end() :].strip()
            last = int(angka[0].number) - 1
            item = "angka 1" if last == 1 else f"angka 1–{last}"
            b.add(
                f"{base}/angka-1",
                Part.BATANG_TUBUH,
                f"1. {first}",
                b.trail(ctx, f"{place} {item}"),
                ctx,
                pasal=pasal,
                item=item,
            )
            lead = lead[: intro.end()]
        if lead:
            b.add(base, Part.BATANG_TUBUH, lead, b.trail(ctx, place), ctx, pasal=pasal)
        for marker, seg in segments(body, angka):
            text = f"{marker.number}. {seg.strip()}"
            label = f"{place} angka {marker.number}"
            b.add(
                f"{base}/angka-{marker.number}",
                Part.BATANG_TUBUH,
                text,
                b.trail(ctx, label),
                ctx,
                pasal=pasal,
                item=f"angka {marker.number}",
            )
        return
    for item, piece in _split_long(body):
        cid = base + (f"/{_slug(item)}" if item else "")
        label = place + (f" {item}" if item else "")
        b.add(
            cid, Part.BATANG_TUBUH, piece, b.trail(ctx, label), ctx, pasal=pasal, item=item or None
        )


def _emit_ayat(b: _Builder, pasal: str, number: str, seg: str, ctx: _Context) -> None:
    base, place = f"{b.doc.id}/pasal-{pasal.lower()}", f"Pasal {pasal}"
    for item, piece in _split_long(seg):
        cid = f"{base}/ayat-{number}" + (f"/{_slug(item)}" if item else "")
        label = f"{place} ayat ({number})" + (f" {item}" if item else "")
        b.add(
            cid,
            Part.BATANG_TUBUH,
            f"({number}) {piece.strip()}",
            b.trail(ctx, label),
            ctx,
            pasal=pasal,
            ayat=number,
            item=item or None,
        )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _emit_penjelasan(b: _Builder, text: str) -> list[str]:
    warnings: list[str] = []
    demi = _PASAL_DEMI_RE.search(text)
    umum_text = text[: demi.start()] if demi else text
    umum = _UMUM_RE.search(umum_text)
    if umum:
        for n, piece in _split_plain(tidy(umum_text[umum.end() :])):
            b.add(
                f"{b.doc.id}/penjelasan/umum-{n}",
                Part.PENJELASAN,
                piece,
                f"{b.doc.short} › Penjelasan Umum",
                None,
            )
    if not demi:
        return warnings
    rest = text[demi.end() :]
    markers, skipped = find_pasal_markers(rest)
    for marker, seg in segments(rest, markers):
        for item, piece in (
            _split_plain(seg, MAX_CHUNK_CHARS) if len(seg) > MAX_CHUNK_CHARS else [("", seg)]
        ):
            cid = f"{b.doc.id}/penjelasan/pasal-{marker.number.lower()}" + (
                f"-{item}" if item else ""
            )
            b.add(
                cid,
                Part.PENJELASAN,
                piece,
                f"{b.doc.short} › Penjelasan › Pasal {marker.number}",
                None,
                pasal=marker.number,
            )
    if skipped:
        warnings.append(f"Penjelasan: Pasal {_ranges(skipped)} tidak ditemukan")
    return warnings


def _ranges(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:20]) + (" …" if len(numbers) > 20 else "")


def split_regulation(text: str, doc: DocInfo, source_file: str = "") -> SplitResult:
    """Split a cleaned regulation text; falls back to plain chunks when no structure is found."""
    b = _Builder(doc, source_file)
    warnings: list[str] = []
    start_m = re.search(r"MEMUTUSKAN\s*:?", text)
    start = start_m.end() if start_m else 0
    penj = _PENJELASAN_RE.search(text, start)
    body_region = text[start : penj.start() if penj else len(text)]
    markers, skipped = find_pasal_markers(body_region)
    if len(markers) < 3:
        return split_plain(text, doc, source_file, reason="struktur Pasal tidak terbaca")
    if start_m:
        preamble = text[: start_m.start()]
        menimbang = preamble.find("Menimbang")
        b.add(
            f"{doc.id}/pembukaan",
            Part.PEMBUKAAN,
            preamble[max(menimbang, 0) :][:MAX_CHUNK_CHARS],
            f"{doc.short} tentang {doc.title} › Pembukaan (Menimbang, Mengingat)",
        )
    ctx = _Context()
    _take_headings(body_region[: markers[0].start], ctx)
    tail = ""
    segs = segments(body_region, markers)
    for i, (marker, seg) in enumerate(segs):
        if i == len(segs) - 1:
            closing = _CLOSING_RE.search(seg)
            if closing:
                seg, tail = seg[: closing.start()], seg[closing.start() :]
        next_ctx = _Context(**vars(ctx))
        body = _take_headings(seg, next_ctx)
        _emit_pasal(b, marker.number, body, ctx)
        ctx = next_ctx
    if skipped:
        warnings.append(f"Pasal {_ranges(skipped)} tidak ditemukan (OCR)")
    lampiran = _LAMPIRAN_RE.search(tail)
    if lampiran:
        for n, piece in _split_plain(tidy(tail[lampiran.start() :])):
            b.add(f"{doc.id}/lampiran/{n}", Part.LAMPIRAN, piece, f"{doc.short} › Lampiran")
    if penj:
        end = list(_TLN_RE.finditer(text, penj.end()))
        penj_text = text[penj.end() : end[-1].start() if end else len(text)]
        warnings += _emit_penjelasan(b, penj_text)
        after = _LAMPIRAN_RE.search(text, end[-1].end()) if end and not lampiran else None
        if after:  # a Lampiran printed after the Penjelasan and its TLN (PP 70/2015)
            for n, piece in _split_plain(tidy(text[after.start() :])):
                b.add(f"{doc.id}/lampiran/{n}", Part.LAMPIRAN, piece, f"{doc.short} › Lampiran")
    return SplitResult(b.chunks, warnings, structured=True)


def split_plain(text: str, doc: DocInfo, source_file: str = "", reason: str = "") -> SplitResult:
    b = _Builder(doc, source_file)
    part = Part.MATERI if doc.type == "materi" else Part.BATANG_TUBUH
    for n, piece in _split_plain(tidy(text)):
        b.add(f"{doc.id}/teks-{n}", part, piece, f"{doc.short} › bagian {n}")
    warnings = [f"dipotong per paragraf: {reason}"] if reason else []
    return SplitResult(b.chunks, warnings, structured=False)


def split_markdown(text: str, doc: DocInfo, source_file: str = "") -> SplitResult:
    """Training material: one chunk per heading section (long sections packed by paragraph)."""
    b = _Builder(doc, source_file)
    parts = re.split(r"(?m)^(#{1,4})\s+(.+)$", text)
    title_trail: list[str] = []
    preface = parts[0].strip()
    if preface:
        b.add(f"{doc.id}/pengantar", Part.MATERI, preface, f"{doc.short} › Pengantar")
    for i in range(1, len(parts), 3):
        level, title, body = len(parts[i]), parts[i + 1].strip(), parts[i + 2]
        title_trail = [*title_trail[: level - 1], title]
        while len(title_trail) < level:
            title_trail.insert(0, "")
        body = body.strip()
        if not body:
            continue
        trail = " › ".join([doc.short, *[t for t in title_trail[1:] if t]])
        if level == 1:
            trail = f"{doc.short} › {title}"
        for n, piece in (
            _split_plain(body, MAX_CHUNK_CHARS) if len(body) > MAX_CHUNK_CHARS else [("", body)]
        ):
            cid = f"{doc.id}/{_slug(title)[:60] or 'bagian'}" + (f"-{n}" if n else "")
            b.add(cid, Part.MATERI, piece, trail)
    if not b.chunks:
        return split_plain(text, doc, source_file)
    return SplitResult(b.chunks, [], structured=True)


class _FixedTrail(_Builder):
    """A builder whose heading trail is given (the trail of the Pasal being re-emitted)."""

    def __init__(self, doc: DocInfo, source_file: str, prefix: str) -> None:
        super().__init__(doc, source_file)
        self.prefix = prefix

    def trail(self, ctx: _Context | None, place: str) -> str:
        return f"{self.prefix} › {place}"


def penjelasan_chunk(doc: DocInfo, pasal: str, text: str, source_file: str = "") -> Chunk | None:
    """The Penjelasan entry of one Pasal (used for an amended Pasal's new explanation)."""
    b = _Builder(doc, source_file)
    cid = f"{doc.id}/penjelasan/pasal-{pasal.lower()}"
    b.add(
        cid, Part.PENJELASAN, text, f"{doc.short} › Penjelasan › Pasal {pasal}", None, pasal=pasal
    )
    return b.chunks[0] if b.chunks else None


def pasal_chunks(
    doc: DocInfo,
    pasal: str,
    body: str,
    like: Chunk | None,
    ayat: list[tuple[str, str]] | None = None,
) -> list[Chunk]:
    """Chunks of one Pasal from its text (no 'Pasal N' heading), placed like `like` (BAB, Bagian...);
    `ayat` gives its ayat (number, text) when they are known (numbers such as '1a' included)."""
    prefix = like.heading.rsplit(" › ", 1)[0] if like else f"{doc.short} tentang {doc.title}"
    b = _FixedTrail(doc, like.source_file if like else "", prefix)
    ctx = _Context()
    if like:
        ctx = _Context(
            bab=like.bab,
            bab_title=like.bab_title,
            bagian_title=like.bagian,
            paragraf=like.paragraf,
            paragraf_title=like.paragraf_title,
        )
    if ayat:
        for number, text in ayat:
            _emit_ayat(b, pasal, number, text, ctx)
    else:
        _emit_pasal(b, pasal, body, ctx)
    return b.chunks
