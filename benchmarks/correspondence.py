"""Old-to-new correspondence report: figures per document pair, precision on hand-checked pairs,
and every doubtful pair (low score or small margin between best and second), so none is hidden.

    ASISTEN_DATA_DIR=/tmp/data-x .venv/bin/python -m benchmarks.correspondence [--texts] [--all]

Reads the ``correspondence`` artifact and the chunk table of the live index generation (no model).
The hand-checked pairs below were read in both texts (the old Pasal and the new one say the same
thing); they only measure the automatic mapping, nothing reads them at index or query time.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.index_store import load_chunks, read_artifacts, read_pointer

# (old doc, old Pasal) -> new Pasal, checked by reading both texts.
CHECKED: dict[tuple[str, str], str] = {
    **{("uu-5-2014", o): f"uu-20-2023/pasal-{n}" for o, n in [
        ("2", "2"), ("4", "3"), ("5", "4"), ("6", "5"), ("8", "8"), ("10", "10"), ("11", "11"),
        ("12", "12"), ("13", "13"), ("21", "21"), ("23", "24"), ("25", "26"), ("87", "52"),
        ("88", "53"), ("90", "55"), ("121", "57"), ("122", "58"), ("126", "62"), ("129", "64"),
        ("130", "74"), ("132", "67"), ("134", "68"), ("135", "72"), ("138", "73"), ("139", "75"),
        ("141", "77"),
    ]},
    **{("pp-53-2010", o): f"pp-94-2021/pasal-{n}" for o, n in [
        ("1", "1"), ("2", "43"), ("4", "5"), ("5", "7"), ("7", "8"), ("14", "15"), ("15", "17"),
        ("17", "19"), ("21", "24"), ("22", "25"), ("23", "26"), ("24", "27"), ("27", "31"),
        ("28", "32"), ("29", "33"), ("30", "35"), ("31", "37"), ("48", "40"), ("49", "44"),
        ("50", "45"), ("51", "46"),
    ]},
    **{("pp-24-1976", o): f"pp-11-2017/pasal-{n}" for o, n in [
        ("3", "310"), ("4", "311"), ("5", "312"), ("6", "313"), ("7", "314"), ("8", "315"),
        ("9", "316"), ("13", "319"), ("15", "321"), ("16", "322"), ("17", "323"), ("19", "325"),
        ("20", "326"), ("21", "327"), ("22", "328"), ("26", "334"), ("27", "335"), ("28", "336"),
        ("29", "337"), ("37", "360"), ("40", "364"),
    ]},
    **{("pp-46-2011", o): f"pp-30-2019/pasal-{n}" for o, n in [
        ("2", "2"), ("3", "4"), ("22", "50"), ("25", "59"), ("28", "43"), ("33", "65"),
    ]},
}  # fmt: skip


def load(settings: Settings) -> tuple[dict[str, Any], dict[str, str]]:
    pointer = read_pointer(settings.index_dir)
    if pointer is None:
        raise SystemExit(f"no index in {settings.index_dir}: run `asisten index` first")
    gen_dir = settings.index_dir / pointer["generation"]
    table = read_artifacts(gen_dir).get("correspondence")
    if table is None:
        raise SystemExit("this generation has no correspondence artifact: re-index")
    texts: dict[str, list[str]] = {}
    for c in load_chunks(gen_dir / "chunks.jsonl"):
        if c.part == "batang_tubuh" and c.pasal:
            texts.setdefault(f"{c.doc}/pasal-{c.pasal}", []).append(c.text)
    return table, {k: " ".join(" ".join(v).split()) for k, v in texts.items()}


def checked_precision(table: dict[str, Any]) -> dict[str, Any]:
    """Precision@1 and hit@3 on the hand-checked pairs, and precision among confident ones."""
    rows = []
    for (doc, pasal), expected in CHECKED.items():
        cands = table["pasal"].get(f"{doc}/pasal-{pasal}", [])
        top = [c["new"] for c in cands]
        doubtful = f"{doc}/pasal-{pasal}" in table["doubtful"]
        rows.append((doc, pasal, expected, top, doubtful))
    n = len(rows)
    at1 = sum(bool(t) and t[0] == e for _, _, e, t, _ in rows)
    at3 = sum(e in t for _, _, e, t, _ in rows)
    sure = [r for r in rows if not r[4]]
    sure_ok = sum(bool(t) and t[0] == e for _, _, e, t, _ in sure)
    wrong = [f"{d} Pasal {p}: {t[0] if t else '-'} (benar {e})" for d, p, e, t, _ in rows
             if not t or t[0] != e]  # fmt: skip
    return {
        "checked": n,
        "precision_at_1": round(at1 / n, 3) if n else None,
        "hit_at_3": round(at3 / n, 3) if n else None,
        "confident": len(sure),
        "precision_confident": round(sure_ok / len(sure), 3) if sure else None,
        "wrong": wrong,
    }


def per_pair(table: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for old, new in table["pairs"]:
        keys = [k for k in table["pasal"] if k.startswith(f"{old}/")]
        reasons = Counter(table["doubtful"][k] for k in keys if k in table["doubtful"])
        scores = [table["pasal"][k][0]["score"] for k in keys if table["pasal"][k]]
        out.append({
            "old": old, "new": new, "pasal": len(keys), "doubtful": sum(reasons.values()),
            "low_score": reasons["low_score"], "small_margin": reasons["small_margin"],
            "revocation_clause": reasons["revocation_clause"],
            "mean_best_score": round(sum(scores) / len(scores), 3) if scores else None,
        })  # fmt: skip
    return out


def doubtful_rows(table: dict[str, Any], texts: dict[str, str], width: int) -> list[str]:
    lines = []
    for old, reason in table["doubtful"].items():
        cands = table["pasal"][old]
        best = cands[0] if cands else {"new": "-", "score": 0.0}
        second = cands[1]["score"] if len(cands) > 1 else 0.0
        line = (f"{old:<26} -> {best['new']:<26} {best['score']:.2f}  2nd {second:.2f}  "
                f"{reason}")  # fmt: skip
        if width:
            line += f"\n    lama: {texts.get(old, '')[:width]}\n    baru: {texts.get(best['new'], '')[:width]}"
        lines.append(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--texts", action="store_true", help="show the two texts of each doubtful pair"
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    table, texts = load(Settings())
    pairs, check = per_pair(table), checked_precision(table)
    print(
        "pasangan                     pasal  ragu  (skor rendah / selisih kecil / klausul pencabutan)  skor rata-rata"
    )
    for p in pairs:
        print(f"{p['old']:>10} -> {p['new']:<12} {p['pasal']:>6} {p['doubtful']:>5}  "
              f"({p['low_score']} / {p['small_margin']} / {p['revocation_clause']}){'':>30}{p['mean_best_score']}")  # fmt: skip
    print(f"\nDiperiksa tangan: {check['checked']} Pasal; precision@1 {check['precision_at_1']}, "
          f"hit@3 {check['hit_at_3']}; yang tidak ragu: {check['confident']} Pasal, precision "
          f"{check['precision_confident']}")  # fmt: skip
    for w in check["wrong"]:
        print(f"  salah: {w}")
    print(f"\nPasangan yang meragukan ({len(table['doubtful'])}):")
    print("\n".join(doubtful_rows(table, texts, 110 if args.texts else 0)))
    if args.json:
        args.json.write_text(json.dumps({"pairs": pairs, "checked": check}, indent=1))


if __name__ == "__main__":
    main()
