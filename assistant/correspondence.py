"""Old law to new law at query time: the provision of the successor regulation that corresponds to a
provision of a revoked one, from the ``correspondence`` artifact written at index time.

Artifact shape: ``{"pairs": [[old doc, new doc], ...], "pasal": {old pasal id: [match, ...]},
"chunk": {old chunk id: [match, ...]}, "doubtful": {old pasal id: "low_score" | "small_margin"}}``
where a match is ``{"new": id, "score": float, "basis": {signal: value}}`` (best first) and a pasal
id is ``"<doc>/pasal-<n>"`` ("uu-5-2014/pasal-99").
"""

from __future__ import annotations

from typing import Any

Correspondence = dict[str, Any]
Ref = str | tuple[str, str]


def pasal_id(doc: str, pasal: str) -> str:
    return f"{doc}/pasal-{pasal}"


def _pasal_of(chunk_id: str) -> str | None:
    parts = chunk_id.split("/")
    return "/".join(parts[:2]) if len(parts) >= 2 and parts[1].startswith("pasal-") else None


def successor_of(
    correspondence: Correspondence | None, ref: Ref, limit: int = 3
) -> list[tuple[str, float]]:
    """(new id, score) best first for an old chunk id or a (doc, pasal) pair; [] when the document
    was not revoked (or the provision has no Pasal). A chunk id gets chunk-level matches when the
    table has them, otherwise the matches of its Pasal."""
    table = correspondence or {}
    if isinstance(ref, tuple):
        matches = table.get("pasal", {}).get(pasal_id(*ref), [])
    else:
        matches = table.get("chunk", {}).get(ref) or table.get("pasal", {}).get(
            _pasal_of(ref) or ref, []
        )
    return [(m["new"], float(m["score"])) for m in matches[:limit]]


def is_doubtful(correspondence: Correspondence | None, ref: Ref) -> str | None:
    """Why the mapping of this provision is doubtful ("low_score", "small_margin"), or None."""
    key = pasal_id(*ref) if isinstance(ref, tuple) else (_pasal_of(ref) or ref)
    return (correspondence or {}).get("doubtful", {}).get(key)


def predecessors_of(
    correspondence: Correspondence | None, new_ref: Ref, min_score: float = 0.0
) -> list[tuple[str, float]]:
    """The old Pasal whose best match is this new Pasal (or chunk's Pasal), best first."""
    key = pasal_id(*new_ref) if isinstance(new_ref, tuple) else (_pasal_of(new_ref) or new_ref)
    found = [
        (old, float(matches[0]["score"]))
        for old, matches in (correspondence or {}).get("pasal", {}).items()
        if matches and matches[0]["new"] == key and matches[0]["score"] >= min_score
    ]
    return sorted(found, key=lambda t: -t[1])


def rows(
    correspondence: Correspondence | None, doubtful_only: bool = False
) -> list[dict[str, Any]]:
    """One row per old Pasal: best and second match, margin and why it is doubtful (for reports)."""
    table = correspondence or {}
    out = []
    for old, matches in table.get("pasal", {}).items():
        reason = table.get("doubtful", {}).get(old)
        if doubtful_only and not reason:
            continue
        best = matches[0] if matches else {"new": None, "score": 0.0}
        second = float(matches[1]["score"]) if len(matches) > 1 else 0.0
        out.append(
            {
                "old": old,
                "new": best["new"],
                "score": float(best["score"]),
                "second": second,
                "margin": round(float(best["score"]) - second, 3),
                "doubtful": reason,
            }
        )
    return out


def id_label(place_id: str, shorts: dict[str, str]) -> str:
    """ "uu-20-2023/pasal-21/ayat-1" -> "UU 20/2023 Pasal 21 ayat (1)" (shorts: doc id -> short)."""
    doc, *rest = place_id.split("/")
    text = shorts.get(doc, doc)
    for part in rest:
        kind, _, value = part.partition("-")
        if kind == "pasal":
            text += f" Pasal {value}"
        elif kind == "ayat":
            text += f" ayat ({value})"
    return text


def successor_note(
    correspondence: Correspondence | None, ref: Ref, shorts: dict[str, str]
) -> str | None:
    """ "UU 5/2014 Pasal 99 telah dicabut; kini diatur dalam UU 20/2023 Pasal …" (hedged when the
    mapping is doubtful), or None when the provision has no recorded successor."""
    matches = successor_of(correspondence, ref, limit=1)
    if not matches:
        return None
    old = id_label(pasal_id(*ref) if isinstance(ref, tuple) else ref, shorts)
    new = id_label(matches[0][0], shorts)
    if is_doubtful(correspondence, ref):
        return f"{old} telah dicabut; padanannya tidak pasti (paling dekat: {new})."
    return f"{old} telah dicabut; kini diatur dalam {new}."
