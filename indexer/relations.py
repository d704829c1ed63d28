"""Relations between regulations read from their own texts, and the manifest checked against them.

Clauses read (per Pasal/ayat of the batang tubuh, and "sebagaimana telah diubah" anywhere):
  "... dicabut dan dinyatakan tidak berlaku" / "dinyatakan dicabut dan tidak berlaku"  -> mencabut
  the same with "sepanjang ..." (PP 94/2021 Pasal 45 angka 3) or "Ketentuan Pasal N ..." -> mencabut_sebagian
  "... (masih) tetap berlaku sepanjang/sampai ..."                                     -> tetap_berlaku
  "berlaku ketentuan sebagaimana diatur dalam Pasal 7 ayat (3) PP 53/2010"            -> tetap_berlaku (provision)
  "Pasal 8 ayat (3) dalam Peraturan Pemerintah ini, berlaku setelah ..."              -> ditangguhkan (provision)
  "Beberapa ketentuan dalam PP X ... diubah sebagai berikut" (Pasal I)                -> mengubah
  "PP X ... sebagaimana telah diubah dengan PP Y"                                     -> mengubah (reported)
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.documents import Chunk, DocStatus, Part, ProvisionStatus
from assistant.index_store import read_artifacts, read_pointer
from assistant.manifest import Manifest
from indexer.regrefs import RegRef, find_regulations, manifest_id

_REVOKE = re.compile(r"dicabut\s+dan\s+(?:dinyatakan\s+)?tidak\s+berlaku", re.I)
_KEEP = re.compile(r"(?:masih\s+)?tetap\s+berlaku", re.I)
_SCOPE = re.compile(r"\bsepanjang\s+[^(,;]+", re.I)
_PROVISION = r"Pasal\s+\d+[A-Z]?(?:\s+ayat\s+\(\d+\))?"
_KEEP_PROVISION = re.compile(
    rf"berlaku\s+ketentuan\s+sebagaimana\s+(?:diatur|dimaksud)\s+dalam\s+({_PROVISION})\s+(?=Peraturan|Undang)",
    re.I,
)
_DEFERRED = re.compile(
    rf"({_PROVISION})\s+(?:dalam\s+)?(?:Peraturan\s+Pemerintah|Undang-Undang|Peraturan\s+Presiden)\s+ini,?"
    r"\s+(berlaku\s+setelah[^.]*)",
    re.I,
)
_AMENDED_WITH = re.compile(
    r"sebagaimana\s+telah\s+(?:beberapa\s+kali\s+|dua\s+kali\s+)?diubah(?:,?\s+terakhir)?\s+dengan\s+",
    re.I,
)
_AMENDS = re.compile(r"(?:ketentuan\s+dalam|Mengubah\s+beberapa\s+ketentuan)", re.I)
_SEGMENT_BREAK = re.compile(r";|\.\s*\n(?=\d{1,2}\.\s)|\n(?=\d{1,2}\.\s)")


@dataclass(frozen=True)
class Relation:
    source: str  # doc id whose text holds the clause
    place: str  # "Pasal 45" / "Pasal 64 ayat (6)" / "Pembukaan"
    kind: str  # mencabut | mencabut_sebagian | mengubah | tetap_berlaku | ditangguhkan
    actor: str  # the regulation that acts ("PP 94/2021")
    target: str  # the regulation acted on ("PP 53/2010")
    actor_id: str | None = None  # manifest ids when the manifest lists them
    target_id: str | None = None
    provision: str | None = None  # a provision of the target ("Pasal 7 ayat (3)")
    scope: str | None = None  # "sepanjang tidak mengatur jenis Hukuman Disiplin sedang"
    reported: bool = False  # "sebagaimana telah diubah dengan": a report, not the act itself
    implementing: bool = False  # about the target's implementing regulations, not the target
    text: str = ""


def _units(chunks: list[Chunk]) -> list[tuple[Chunk, str, str]]:
    """(first chunk, place, joined text) per Pasal/ayat of the batang tubuh in force, plus Pembukaan."""
    groups: dict[tuple[str, str | None, str | None, str], list[Chunk]] = {}
    for c in chunks:
        if c.superseded or c.deleted or c.part not in (Part.BATANG_TUBUH, Part.PEMBUKAAN):
            continue
        if c.pasal == "I" and c.item:
            continue  # an amendment's new wording: read where it now lives (the consolidation)
        groups.setdefault((c.doc, c.pasal, c.ayat, c.part), []).append(c)
    out = []
    for (_, pasal, ayat, part), group in groups.items():
        place = "Pembukaan" if part == Part.PEMBUKAAN else f"Pasal {pasal}"
        if ayat and part != Part.PEMBUKAAN:
            place += f" ayat ({ayat})"
        out.append((group[0], place, " ".join(c.text for c in group)))
    return out


class _Reader:
    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self.found: dict[tuple, Relation] = {}

    def add(
        self,
        chunk: Chunk,
        place: str,
        kind: str,
        actor: RegRef | None,
        target: RegRef,
        **kw: object,
    ) -> None:
        actor_name = actor.short if actor else chunk.doc_short
        actor_id = manifest_id(self.manifest, actor) if actor else chunk.doc
        rel = Relation(
            chunk.doc,
            place,
            kind,
            actor_name,
            target.short,
            actor_id,
            manifest_id(self.manifest, target),
            **kw,
        )  # type: ignore[arg-type]
        key = (rel.source, rel.place, rel.kind, rel.actor, rel.target, rel.provision)
        self.found.setdefault(key, rel)

    def read(self, chunk: Chunk, place: str, text: str) -> None:
        if chunk.part == Part.BATANG_TUBUH:
            self._lists(chunk, place, text)
            self._provisions(chunk, place, text)
            if chunk.pasal == "I" and _AMENDS.search(text) and re.search(r"diubah|Mengubah", text):
                refs = find_regulations(text)
                if refs:
                    self.add(chunk, place, "mengubah", None, refs[0], text=_trim(text))
        self._reported(chunk, place, text)

    def _lists(self, chunk: Chunk, place: str, text: str) -> None:
        """Revocation and 'tetap berlaku' clauses, one per listed regulation."""
        segments = [s for s in _SEGMENT_BREAK.split(text) if s.strip()]
        verbs = [_verb(s) for s in segments]
        for i, seg in enumerate(segments):
            verb = next((v[0] for v in verbs[i:] if v), None)
            refs = find_regulations(seg)
            if not verb or not refs or (verbs[i] and verbs[i][1] < refs[0].start):
                continue  # the regulation must be the subject: named before the verb
            targets = [refs[0]] + _amenders(seg)
            scope = _SCOPE.search(seg)
            pasal = re.match(rf"\W*(?:\d{{1,2}}\.\s*)?Ketentuan\s+({_PROVISION})\s", seg)
            kind = verb
            if verb == "mencabut" and (scope or pasal):
                kind = "mencabut_sebagian"
            for target in targets:
                self.add(
                    chunk,
                    place,
                    kind,
                    None,
                    target,
                    scope=scope.group(0).strip() if scope else None,
                    provision=pasal.group(1) if pasal else None,
                    implementing="pelaksana" in seg[: refs[0].start].lower(),
                    text=_trim(seg),
                )

    def _provisions(self, chunk: Chunk, place: str, text: str) -> None:
        for m in _KEEP_PROVISION.finditer(text):
            refs = find_regulations(text[m.end() : m.end() + 120])
            if refs:
                self.add(
                    chunk,
                    place,
                    "tetap_berlaku",
                    None,
                    refs[0],
                    provision=_norm(m.group(1)),
                    scope=_trim(re.sub(r"^\(\d+\)\s*", "", text[: m.start()]), 200),
                    text=_trim(text),
                )
        for m in _DEFERRED.finditer(text):
            own = RegRef(*_doc_key(chunk), 0, 0)
            self.add(
                chunk,
                place,
                "ditangguhkan",
                None,
                own,
                provision=_norm(m.group(1)),
                scope=m.group(2).strip(),
                text=_trim(text),
            )

    def _reported(self, chunk: Chunk, place: str, text: str) -> None:
        for m in _AMENDED_WITH.finditer(text):
            before = [r for r in find_regulations(text[: m.start()]) if m.start() - r.end < 400]
            after = find_regulations(text[m.end() : m.end() + 120])
            if before and after and after[0].start == 0:
                self.add(
                    chunk,
                    place,
                    "mengubah",
                    after[0],
                    before[-1],
                    reported=True,
                    text=_trim(text[before[-1].start : m.end() + after[0].end]),
                )


def _verb(segment: str) -> tuple[str, int] | None:
    """The clause's verb and where it stands."""
    for kind, rx in (("mencabut", _REVOKE), ("tetap_berlaku", _KEEP)):
        m = rx.search(segment)
        if m:
            return kind, m.start()
    return None


def _amenders(segment: str) -> list[RegRef]:
    """'X sebagaimana telah diubah dengan Y': revoking X revokes Y too."""
    out = []
    for m in _AMENDED_WITH.finditer(segment):
        after = find_regulations(segment[m.end() : m.end() + 120])
        if after and after[0].start == 0:
            out.append(RegRef(after[0].type, after[0].number, after[0].year, 0, 0))
    return out


def _doc_key(chunk: Chunk) -> tuple[str, str, int]:
    kind, _, rest = chunk.doc_short.partition(" ")
    number, _, year = rest.partition("/")
    return kind, number, int(year) if year.isdigit() else 0


def _norm(provision: str) -> str:
    return re.sub(r"\s+", " ", provision).replace("ayat(", "ayat (")


def _trim(text: str, limit: int = 400) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def extract_relations(chunks: list[Chunk], manifest: Manifest) -> list[Relation]:
    """Every revocation/amendment/keeping clause in the regulations' texts (law in force only)."""
    reader = _Reader(manifest)
    for chunk, place, text in _units([c for c in chunks if c.doc in manifest.documents]):
        if manifest.documents[chunk.doc].is_regulation:
            reader.read(chunk, place, text)
    return list(reader.found.values())


# ---------------------------------------------------------------- provisions and the manifest


def _place_matches(chunk: Chunk, provision: str) -> bool:
    m = re.match(r"Pasal\s+(\d+[A-Z]?)(?:\s+ayat\s+\((\d+)\))?", provision)
    if not m or chunk.pasal != m.group(1) or chunk.part != Part.BATANG_TUBUH:
        return False
    return m.group(2) is None or chunk.ayat == m.group(2)


def mark_provisions(chunks: list[Chunk], relations: list[Relation]) -> list[Chunk]:
    """Per-provision status where a text says so (PP 94/2021 Pasal 42 on PP 53/2010 Pasal 7 ayat (3))."""
    rules = [
        (r, ProvisionStatus.KEPT if r.kind == "tetap_berlaku" else ProvisionStatus.DEFERRED)
        for r in relations
        if r.provision and r.target_id and r.kind in ("tetap_berlaku", "ditangguhkan")
    ]
    if not rules:
        return chunks
    out = []
    for chunk in chunks:
        for rel, status in rules:
            if (
                chunk.doc == rel.target_id
                and not chunk.superseded
                and _place_matches(chunk, rel.provision or "")
            ):
                basis = f"{rel.actor} {rel.place}"
                chunk = chunk.model_copy(update={"provision_status": status, "status_basis": basis})
        out.append(chunk)
    return out


def disagreements(relations: list[Relation], manifest: Manifest, indexed: set[str]) -> list[str]:
    """Where the manifest's statuses/relations and the indexed texts disagree (Indonesian messages)."""
    docs = manifest.documents
    out: list[str] = []
    direct = [
        r for r in relations if r.actor_id in docs and r.target_id in docs and not r.implementing
    ]
    revoked = {
        (r.actor_id, r.target_id)
        for r in direct
        if r.kind.startswith("mencabut") and not r.reported
    }
    partial = {(r.actor_id, r.target_id): r for r in direct if r.kind == "mencabut_sebagian"}
    amended = {(r.actor_id, r.target_id) for r in direct if r.kind == "mengubah"}
    for actor, target in sorted(revoked):
        a, t = docs[actor], docs[target]
        where = next(
            f"{r.actor} {r.place}" for r in direct if (r.actor_id, r.target_id) == (actor, target)
        )
        if t.status != DocStatus.DICABUT:
            out.append(
                f"{t.short}: teks {where} mencabutnya, tetapi manifest berstatus '{t.status}'"
            )
        if actor not in t.dicabut_oleh:
            out.append(
                f"{t.short}: teks {where} mencabutnya, tetapi dicabut_oleh tidak menyebut {a.short}"
            )
        if target not in a.mencabut:
            out.append(
                f"{a.short}: teks {where} mencabut {t.short}, tetapi 'mencabut' tidak menyebutnya"
            )
        if (actor, target) in partial and target not in manifest.partial:
            out.append(
                f"{t.short}: dicabut sebagian ({partial[(actor, target)].scope}), manifest tanpa dicabut_sebagian"
            )
    for actor, target in sorted(amended):
        a, t = docs[actor], docs[target]
        if actor not in t.diubah_oleh:
            out.append(
                f"{t.short}: teks menyebut diubah dengan {a.short}, tetapi diubah_oleh tidak menyebutnya"
            )
        if t.status == DocStatus.BERLAKU:
            out.append(
                f"{t.short}: diubah dengan {a.short} menurut teks, tetapi manifest berstatus 'berlaku'"
            )
    for doc in docs.values():
        out += _unsupported(doc, revoked, amended, indexed, manifest)
    return out


def _unsupported(
    doc, revoked: set, amended: set, indexed: set[str], manifest: Manifest
) -> list[str]:  # noqa: ANN001
    """Manifest claims that an indexed text should state but does not."""
    out = []
    for actor in doc.dicabut_oleh:
        if actor in indexed and (actor, doc.id) not in revoked:
            out.append(
                f"{doc.short}: manifest menyebut dicabut oleh {_short(manifest, actor)}, teksnya tidak mencabutnya"
            )
    for actor in doc.diubah_oleh:
        if actor in indexed and (actor, doc.id) not in amended:
            out.append(
                f"{doc.short}: manifest menyebut diubah dengan {_short(manifest, actor)}, teksnya tidak mengubahnya"
            )
    if doc.status == DocStatus.DICABUT and not doc.dicabut_oleh:
        out.append(f"{doc.short}: berstatus 'dicabut' tanpa dicabut_oleh")
    if doc.status == DocStatus.DIUBAH and not doc.diubah_oleh:
        out.append(f"{doc.short}: berstatus 'diubah' tanpa diubah_oleh")
    return out


def _short(manifest: Manifest, doc_id: str) -> str:
    doc = manifest.get(doc_id)
    return doc.short if doc else doc_id


def relations_artifact(relations: list[Relation], manifest: Manifest, indexed: set[str]) -> dict:
    """The 'relations' artifact of an index generation (JSON)."""
    return {
        "relations": [asdict(r) for r in relations],
        "indexed": sorted(indexed),
        "disagreements": disagreements(relations, manifest, indexed),
    }


def relations_from_artifact(data: dict) -> list[Relation]:
    return [Relation(**r) for r in data.get("relations", [])]


def index_disagreements(index_dir: Path, manifest: Manifest) -> list[str] | None:
    """The current manifest checked against the relations the last index read from the texts.

    None when there is no index (or it predates the relations artifact)."""
    pointer = read_pointer(index_dir)
    if not pointer:
        return None
    data = read_artifacts(index_dir / pointer["generation"]).get("relations")
    if data is None:
        return None
    return disagreements(relations_from_artifact(data), manifest, set(data.get("indexed", [])))
