"""The regulatory landscape at query time: the instruments the corpus names, whether we hold them,
and which instrument holds the detail a provision delegates ("diatur dengan Peraturan BKN").

Pure functions over the ``catalogue`` artifact written at index time (``runtime.index.artifact
("catalogue")``): ``{"entries": {key: entry}, "delegations": {chunk id: [delegation]}}``.
An entry: key ("pp-10-1983", "perbkn"), kind, label ("PP 10/1983"), number, year, title, mentions,
mentioned_in (chunk ids, capped), mentioned_by (doc ids), in_manifest, held (doc id or None),
revoked_by (docs whose revocation clause names it). A delegation: key, kind, label, number, year,
field, topic, covers (Pasal ids it names), status ("held" | "possibly_held" | "not_held"), held,
candidates. ``delegations_by_pasal``: {pasal id: [delegating chunk ids]}.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from assistant.documents import Passage

# Document kinds as the question reader names them (assistant.references) -> catalogue kinds.
_KIND_ALIASES = {
    "uu": "uu",
    "undang-undang": "uu",
    "perppu": "perppu",
    "pp": "pp",
    "peraturan pemerintah": "pp",
    "perpres": "perpres",
    "peraturan presiden": "perpres",
    "keppres": "keppres",
    "keputusan presiden": "keppres",
    "inpres": "inpres",
    "perbkn": "perbkn",
    "peraturan bkn": "perbkn",
    "perka bkn": "perbkn",
    "perlan": "perlan",
    "peraturan lan": "perlan",
    "perkasn": "perkasn",
    "permenpan": "permenpanrb",
    "permenpanrb": "permenpanrb",
    "permen": "permen",
    "peraturan menteri": "permen",
    "permendagri": "permen-dalam-negeri",
    "pmk": "permen-keuangan",
    "kepmen": "kepmen",
    "keputusan menteri": "kepmen",
}

Catalogue = dict[str, Any]


def catalogue_kind(doc_type: str) -> str:
    """The catalogue kind of a document type as written ("PP", "PermenPAN", "Peraturan BKN")."""
    name = re.sub(r"\s+", " ", doc_type.strip().lower())
    return _KIND_ALIASES.get(name, name.replace(" ", ""))


def _entries(catalogue: Catalogue | None) -> dict[str, dict[str, Any]]:
    return (catalogue or {}).get("entries", {})


def _matches(entry: dict[str, Any], kind: str) -> bool:
    """permenpanrb and permen-<field> are both "a Peraturan Menteri" to a bare "permen"."""
    if kind == "permen":
        return entry["kind"] == "permen"
    if kind == "permenpanrb":
        return entry["key"].startswith("permenpanrb")
    if kind.startswith("permen-"):
        return entry["key"].startswith(kind)
    return entry["kind"] == kind


def find_referenced(
    catalogue: Catalogue | None,
    doc_type: str,
    number: str | None = None,
    year: int | None = None,
    family: bool = False,
) -> dict[str, Any] | None:
    """The catalogue entry of a regulation the corpus names ("PP", "10", 1983), or, without a
    number, the entry of the kind itself ("Peraturan BKN"); None when the corpus never names it.
    ``family=True``: a numbered document the corpus does not name falls back to its kind's entry
    ("Perka BKN 24/2017" -> "Peraturan BKN", which PP 11/2017 delegates to)."""
    kind = catalogue_kind(doc_type)
    num = str(int(number)) if number and str(number).isdigit() else number
    generic = None
    for entry in _entries(catalogue).values():
        if not _matches(entry, kind):
            continue
        if entry["number"] is None:
            generic = generic or entry
            if num is None:
                return entry
        elif num is not None and entry["number"] == num and year in (None, entry["year"]):
            return entry
    return generic if family else None


def referenced_not_held(catalogue: Catalogue | None) -> list[dict[str, Any]]:
    """Every named regulation whose text we do not hold, most mentioned first."""
    rows = [e for e in _entries(catalogue).values() if not e.get("held")]
    return sorted(rows, key=lambda e: (-int(e["mentions"]), e["key"]))


def _pasal_of(chunk_id: str) -> str | None:
    parts = chunk_id.split("/")
    return "/".join(parts[:2]) if len(parts) >= 2 and parts[1].startswith("pasal-") else None


def delegations_for(
    catalogue: Catalogue | None, passages: Iterable[Passage | str], include_held: bool = False
) -> list[dict[str, Any]]:
    """For the passages an answer uses: which instrument holds the detail they delegate, when we do
    not hold it. A passage is covered by a delegation in its own chunk ("via": "chunk") or by one
    that names or sits in its Pasal ("via": "pasal": "Ketentuan lebih lanjut mengenai … sebagaimana
    dimaksud dalam Pasal 40 sampai dengan Pasal 44 diatur dalam Peraturan Pemerintah"). Each item
    is the delegation plus ``chunk`` (the delegating chunk id), ``passage`` and ``via``."""
    table = (catalogue or {}).get("delegations", {})
    by_pasal = (catalogue or {}).get("delegations_by_pasal", {})
    found: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for p in passages:
        passage = p if isinstance(p, str) else p.chunk.id
        sources = [(passage, "chunk")]
        sources += [
            (c, "pasal") for c in by_pasal.get(_pasal_of(passage) or "", []) if c != passage
        ]
        for chunk_id, via in sources:
            for d in table.get(chunk_id, []):
                if (d["status"] == "held" and not include_held) or (chunk_id, d["key"]) in seen:
                    continue
                seen.add((chunk_id, d["key"]))
                found.append({**d, "chunk": chunk_id, "passage": passage, "via": via})
    return found


def delegation_note(
    d: dict[str, Any], where: str = "", shorts: dict[str, str] | None = None
) -> str:
    """Indonesian sentence for an answer: what holds the detail and that it is not in the corpus
    (``where``: the delegating provision's label; ``shorts``: doc id -> "PP 11/2017")."""
    source = f"{where} menyatakan bahwa k" if where else "K"
    text = f"{source}etentuan lebih lanjut mengenai {d['topic']} diatur dengan {d['label']}"
    if d["status"] == "possibly_held":
        names = [(shorts or {}).get(c, c) for c in d["candidates"]]
        return text + f"; mungkin termuat dalam {', '.join(names)}."
    if d["status"] == "held":
        return text + "."
    return text + ", yang teksnya tidak ada di korpus Asisten ASN."


def mention_note(entry: dict[str, Any], where: list[str] | None = None) -> str:
    """ "PP 10/1983 tentang … disebut dalam korpus (…) tetapi teksnya tidak ada di korpus." """
    name = entry["label"] + (f" tentang {entry['title']}" if entry.get("title") else "")
    places = f" ({', '.join(where)})" if where else ""
    if entry.get("held"):
        return f"{name} ada di korpus{places}."
    return f"{name} disebut dalam korpus{places} tetapi teksnya tidak ada di korpus."
