"""The consolidated text ("naskah konsolidasi") of an amended regulation.

Each provision carries its latest wording and the regulation that gave it (`Chunk.amended_by`), with
the earlier wordings in `Chunk.history`; a repealed provision stays as a `deleted` chunk; the
original wording stays findable as its own chunk (id suffix `@asli`, `superseded=True`).
"""

from __future__ import annotations

import re

from assistant.documents import Chunk, DocInfo, Part, amendment_label
from assistant.manifest import Manifest
from indexer.amendment_ops import Change
from indexer.amendments import Amendment, is_change_chunk
from indexer.provisions import AYAT_PREFIX, Provision, Unit, item_span, parse_units, provisions
from indexer.regrefs import manifest_id
from indexer.split import SplitResult, pasal_chunks, penjelasan_chunk

ORIGINAL_SUFFIX = "@asli"


class Consolidator:
    """Applies one amendment's changes, in order, to the provisions of the amended regulation."""

    def __init__(self, doc: DocInfo, provs: list[Provision], shorts: dict[str, str]) -> None:
        self.doc = doc
        self.provs = provs
        self.shorts = {doc.id: doc.short, **shorts}  # doc id -> "PP 45/1990"
        self.warnings: list[str] = []
        self.penjelasan: dict[str, tuple[str, str]] = {}  # Pasal -> (amendment id, new explanation)

    def find(self, pasal: str, old: bool = False) -> Provision | None:
        live = [p for p in self.provs if not p.deleted]
        if old:
            return next((p for p in live if p.orig == pasal), None)
        hits = [p for p in live if p.pasal == pasal]
        return next((p for p in hits if p.changed_by), hits[0] if hits else None)

    def apply(self, amendment: Amendment, by: DocInfo) -> None:
        for number, text in amendment.penjelasan:
            self.penjelasan[number] = (by.id, text)
        for change in amendment.changes:
            prov = self.find(change.pasal, change.old)
            if prov is None:
                self.warnings.append(
                    f"{by.short} Pasal I {change.item}: Pasal {change.pasal} tidak ada"
                )
                continue
            handler = getattr(self, f"_{change.op}")
            if handler(prov, change, by) is False:
                self.warnings.append(
                    f"{by.short} Pasal I {change.item}: {change.op} Pasal {change.pasal} "
                    f"ayat {change.ayat} tidak dapat diterapkan"
                )

    def _record(self, prov: Provision, by: DocInfo) -> None:
        """Keep the Pasal's wording before a whole-Pasal change, with the regulation that gave it."""
        giver = prov.changed_by or self.doc.id
        entry = {
            "doc": giver,
            "short": self.shorts.get(giver, giver),
            "place": f"Pasal {prov.pasal}",
        }
        prov.history.append({**entry, "text": prov.body()})
        prov.changed_by = by.id

    def _unit(self, prov: Provision, ayat: str | None, old: bool = False) -> Unit | None:
        live = [u for u in prov.units if not u.deleted]
        return next((u for u in live if (u.orig if old else u.ayat) == ayat), None)

    def _replace_pasal(self, prov: Provision, change: Change, by: DocInfo) -> None:
        self._record(prov, by)
        prov.units = parse_units(change.text)
        for unit in prov.units:
            unit.changed_by = by.id

    def _replace_ayat(self, prov: Provision, change: Change, by: DocInfo) -> bool:
        unit = self._unit(prov, change.ayat, change.old)
        if unit is None and len(prov.units) == 1 and prov.units[0].ayat is None:
            return self._replace_inline_ayat(prov, prov.units[0], change, by)
        if unit is None:
            return False
        self._unit_history(prov, unit)
        unit.text = AYAT_PREFIX.sub("", change.text.strip(), count=1)
        unit.changed_by = by.id
        return True

    def _replace_inline_ayat(
        self, prov: Provision, unit: Unit, change: Change, by: DocInfo
    ) -> bool:
        """An ayat inside a Pasal read as one unit ('... berkedudukan sebagai : (1) ... (3) ...')."""
        k = change.ayat or ""
        m = re.search(rf"\(\s?{k}\s?\)", unit.text)
        if m is None or not k.isdigit():
            return False
        nxt = re.search(rf"\(\s?{int(k) + 1}\s?\)", unit.text[m.end() :])
        end = m.end() + nxt.start() if nxt else len(unit.text)
        self._unit_history(prov, unit)
        new = change.text.strip()
        unit.text = unit.text[: m.start()] + new + ("\n" if nxt else "") + unit.text[end:].lstrip()
        unit.changed_by = by.id
        return True

    def _unit_history(self, prov: Provision, unit: Unit) -> None:
        place = f"Pasal {prov.pasal}" + (f" ayat ({unit.ayat})" if unit.ayat else "")
        giver = unit.changed_by or prov.changed_by or self.doc.id
        entry = {"doc": giver, "short": self.shorts.get(giver, giver), "place": place}
        unit.history.append({**entry, "text": unit.text})

    def _item_unit(self, prov: Provision, change: Change) -> Unit | None:
        """The unit holding a huruf/angka: the named ayat, else the one whose list has it."""
        if change.ayat:
            return self._unit(prov, change.ayat, change.old)
        live = [u for u in prov.units if not u.deleted]
        marker = change.after or change.marker or ""
        return next((u for u in live if item_span(u.text, marker)), live[0] if live else None)

    def _replace_item(self, prov: Provision, change: Change, by: DocInfo) -> bool:
        unit = self._item_unit(prov, change)
        span = item_span(unit.text, change.marker or "") if unit else None
        if unit is None or span is None:
            return False
        self._unit_history(prov, unit)
        new = re.sub(rf"^\s*{re.escape(change.marker or '')}\.\s*", "", change.text.strip())
        unit.text = unit.text[: span[0]] + f"{change.marker}. {new}" + unit.text[span[1] :]
        unit.changed_by = by.id
        return True

    def _insert_item(self, prov: Provision, change: Change, by: DocInfo) -> bool:
        unit = self._item_unit(prov, change)
        if unit is None:
            return False
        span = item_span(unit.text, change.after) if change.after else None
        at = span[1] if span else len(unit.text)
        new = re.sub(rf"^\s*{re.escape(change.marker or '')}\.\s*", "", change.text.strip())
        self._unit_history(prov, unit)
        unit.text = (
            unit.text[:at].rstrip() + f"\n{change.marker}. {new}\n" + unit.text[at:].lstrip()
        )
        unit.text, unit.changed_by = unit.text.strip(), by.id
        return True

    def _delete_item(self, prov: Provision, change: Change, by: DocInfo) -> bool:
        unit = self._item_unit(prov, change)
        span = item_span(unit.text, change.marker or "") if unit else None
        if unit is None or span is None:
            return False
        self._unit_history(prov, unit)
        unit.text = unit.text[: span[0]] + f"{change.marker}. dihapus;" + unit.text[span[1] :]
        unit.changed_by = by.id
        return True

    def _insert_pasal(self, prov: Provision, change: Change, by: DocInfo) -> None:
        new = Provision(change.new_number or "", parse_units(change.text), None, prov.like)
        new.changed_by = by.id
        for unit in new.units:
            unit.changed_by = by.id
        self.provs.insert(self.provs.index(prov) + 1, new)

    def _insert_ayat(self, prov: Provision, change: Change, by: DocInfo) -> None:
        unit = Unit(
            change.new_number, AYAT_PREFIX.sub("", change.text.strip(), count=1), None, by.id
        )
        anchor = self._unit(prov, change.after) if change.after else None
        index = prov.units.index(anchor) + 1 if anchor else len(prov.units)
        prov.units.insert(index, unit)

    def _delete_pasal(self, prov: Provision, change: Change, by: DocInfo) -> None:
        self._record(prov, by)
        prov.deleted = True

    def _delete_ayat(self, prov: Provision, change: Change, by: DocInfo) -> bool:
        unit = self._unit(prov, change.ayat, change.old)
        if unit is None:
            return False
        self._unit_history(prov, unit)
        unit.deleted, unit.changed_by = True, by.id
        return True

    def _renumber_pasal(self, prov: Provision, change: Change, by: DocInfo) -> None:
        self._record(prov, by)
        prov.pasal = change.new_number or prov.pasal

    def _renumber_ayat(self, prov: Provision, change: Change, by: DocInfo) -> bool:
        unit = self._unit(prov, change.ayat, old=True)
        if unit is None:
            return False
        self._unit_history(prov, unit)
        unit.ayat, unit.changed_by = change.new_number, by.id
        return True

    # ------------------------------------------------------------------ output
    def emit(self, original: list[Chunk]) -> list[Chunk]:
        """The consolidated chunks: latest wordings in place, originals of changed ones at the end."""
        first = next(
            (i for i, c in enumerate(original) if c.part == Part.BATANG_TUBUH and c.pasal), 0
        )
        head = original[:first]
        tail = [c for c in original[first:] if not (c.part == Part.BATANG_TUBUH and c.pasal)]
        live_numbers = {p.pasal for p in self.provs if not p.deleted}
        body: list[Chunk] = []
        superseded: list[Chunk] = []
        for prov in self.provs:
            if not prov.touched:
                body += prov.chunks
                continue
            new = [] if prov.deleted else self._provision_chunks(prov)
            if prov.deleted and prov.pasal not in live_numbers:
                new = [self._deleted_chunk(prov)]
            body += new
            same = {(c.id, c.text) for c in new}
            giver = prov.changed_by or next(
                (u.changed_by for u in prov.units if u.changed_by), None
            )
            for chunk in prov.chunks:
                if (chunk.id, chunk.text) not in same:
                    superseded.append(self._superseded(chunk, giver))
        tail, explained = self._penjelasan_tail(tail)
        chunks = head + body + tail + superseded + explained
        return [
            c.model_copy(update={"order": i, "heading": _heading(c)}) for i, c in enumerate(chunks)
        ]

    def _penjelasan_tail(self, tail: list[Chunk]) -> tuple[list[Chunk], list[Chunk]]:
        """The amendments' explanations replace the original Penjelasan of the Pasal they amend."""
        out: list[Chunk] = []
        superseded: list[Chunk] = []
        placed: set[str] = set()
        for chunk in tail:
            number = chunk.pasal if chunk.part == Part.PENJELASAN else None
            if number not in self.penjelasan:
                out.append(chunk)
                continue
            superseded.append(self._superseded(chunk, self.penjelasan[number][0]))
            if number not in placed:
                placed.add(number)
                out += self._explanation(number, chunk.source_file)
        for number in self.penjelasan:
            if number not in placed:
                out += self._explanation(number, "")
        return out, superseded

    def _explanation(self, number: str, source_file: str) -> list[Chunk]:
        by, text = self.penjelasan[number]
        chunk = penjelasan_chunk(self.doc, number, text, source_file)
        return [chunk.model_copy(update=self._amended(by))] if chunk else []

    def _amended(self, by: str | None) -> dict[str, str | None]:
        return {"amended_by": by, "amended_by_short": self.shorts.get(by or "") if by else None}

    def _provision_chunks(self, prov: Provision) -> list[Chunk]:
        out: list[Chunk] = []
        units = {u.ayat: u for u in prov.units}
        before = {c.id: c.text for c in prov.chunks}
        for chunk in pasal_chunks(self.doc, prov.pasal, prov.body(), prov.like, prov.ayat()):
            unit = units.get(chunk.ayat) or (prov.units[0] if len(prov.units) == 1 else None)
            by = (unit.changed_by if unit else None) or prov.changed_by
            if by and (prov.changed_by or before.get(chunk.id) != chunk.text):
                history = prov.history + (unit.history if unit else [])
                update = {**self._amended(by), "history": history or None}
                if unit and unit.deleted:
                    update |= {"deleted": True, "searchable": False}
                chunk = chunk.model_copy(update=update)
            out.append(chunk)
        return out

    def _deleted_chunk(self, prov: Provision) -> Chunk:
        like = prov.like or prov.chunks[0]
        return like.model_copy(
            update={
                "id": f"{self.doc.id}/pasal-{prov.pasal.lower()}",
                "pasal": prov.pasal,
                "ayat": None,
                "item": None,
                "text": f"Pasal {prov.pasal} dihapus.",
                "heading": like.heading.rsplit(" › ", 1)[0] + f" › Pasal {prov.pasal}",
                "searchable": False,
                "deleted": True,
                "history": prov.history or None,
                **self._amended(prov.changed_by),
            }
        )

    def _superseded(self, chunk: Chunk, by: str | None) -> Chunk:
        return chunk.model_copy(
            update={"id": chunk.id + ORIGINAL_SUFFIX, "superseded": True, **self._amended(by)}
        )


def _heading(chunk: Chunk) -> str:
    """The heading trail (embedded and keyword-indexed) names the amendment: 'PP 66/2017' finds it."""
    if not chunk.amended_by_short:
        return chunk.heading
    return amendment_label(chunk.heading, chunk.amended_by_short, chunk.superseded, chunk.deleted)


def consolidate(
    doc: DocInfo, chunks: list[Chunk], amendments: list[tuple[DocInfo, Amendment]]
) -> tuple[list[Chunk], list[str]]:
    """The amended regulation's chunks as they stand after `amendments` (applied in the order given)."""
    shorts = {by.id: by.short for by, _ in amendments}
    work = Consolidator(doc, provisions(chunks), shorts)
    for by, amendment in amendments:
        work.apply(amendment, by)
    return work.emit(chunks), work.warnings


def retire_change_chunks(chunks: list[Chunk]) -> list[Chunk]:
    """An applied amendment's Pasal I items leave retrieval: their wording lives in the consolidation."""
    return [c.model_copy(update={"searchable": False}) if is_change_chunk(c) else c for c in chunks]


def apply_amendments(results: dict[str, SplitResult], manifest: Manifest) -> dict[str, list[str]]:
    """Consolidate every regulation whose amendment(s) are indexed beside it, in place.

    `results` maps doc id -> split result; returns warnings by doc id."""
    groups: dict[str, list[tuple[DocInfo, Amendment]]] = {}
    for doc_id, result in results.items():
        doc, amendment = manifest.get(doc_id), result.amendment
        if doc is None or amendment is None:
            continue
        target = manifest_id(manifest, amendment.target) if amendment.target else None
        target = target or (doc.mengubah[0] if doc.mengubah else None)
        if target in results and target != doc_id:
            groups.setdefault(target, []).append((doc, amendment))
    warnings: dict[str, list[str]] = {}
    for target, items in groups.items():
        items.sort(key=lambda item: (item[0].year or 0, int(item[0].number or 0)))
        chunks, notes = consolidate(manifest.documents[target], results[target].chunks, items)
        results[target].chunks = chunks
        warnings.setdefault(target, []).extend(notes)
        for by, _ in items:
            results[by.id].chunks = retire_change_chunks(results[by.id].chunks)
    return warnings
