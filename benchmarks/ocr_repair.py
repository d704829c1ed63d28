"""OCR word repair: precision and recall on the labelled sample, unknown words before/after.

    .venv/bin/python -m benchmarks.ocr_repair [--no-corpus]

The sample (evals/datasets/ocr_sample.jsonl) holds words drawn with fixed seeds from the cleaned OCR
texts: a uniform stratum (every word equally likely) and an "unknown" stratum (words the vocabulary
does not know), each labelled by reading it in context: correct / misread (with the correct form) /
misread_number / split (a fragment of a word cut by spaces) / junk (shards of markers and headers).
Its rows are split half dev, half held-out (seed 12); report both.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from indexer.ocr_repair import Repairer, _protected

SAMPLE = Path(__file__).resolve().parents[1] / "evals" / "datasets" / "ocr_sample.jsonl"
OCR_FILES = {
    "uu-20-2023.txt",
    "uu-5-2014.txt",
    "pp-11-2017.txt",
    "pp-30-2019.txt",
    "pp-94-2021.txt",
    "pp-49-2018.txt",
    "perpres-95-2018.txt",
}
_CORE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
CONTEXT_CHARS = 60  # the sample's context: 60 characters either side of the word
EDGE = "\"'“”‘’()[]{}.,;:!?"


def repaired_in_context(row: dict, repairer: Repairer) -> str:
    """What the indexed text shows for the sampled word: the context is repaired as a whole (so a
    word cut in two, "obj ektif", can be joined) and the token covering the word is read back."""
    context, word = row["context"], row["word"]
    at = context.find(word, max(0, min(CONTEXT_CHARS, row["offset"]) - 2))
    _, repairs = repairer.repair_text(context)
    for repair in repairs:
        if repair.start <= at < repair.start + len(repair.original):
            return repair.repaired.strip(EDGE)
    return word


def score(rows: list[dict], repairer: Repairer) -> dict[str, float]:
    """Precision (changed words changed right) and recall (misread words repaired right); words
    labelled split or junk are not counted in either (their changes are joins or shards)."""
    changed = right = misread = fixed = 0
    for row in rows:
        if row["label"] in ("split", "junk"):
            continue
        out = repaired_in_context(row, repairer)
        is_misread = row["label"] == "misread"
        misread += is_misread
        if out == row["word"]:
            continue
        changed += 1
        ok = row["label"].startswith("misread") and out.lower() == (row["correct"] or "").lower()
        right += ok
        fixed += ok and is_misread
    return {
        "rows": len(rows),
        "misread": misread,
        "changed": changed,
        "precision": right / changed if changed else 1.0,
        "recall": fixed / misread if misread else 0.0,
    }


def _unknown_share(texts: list[str], repairer: Repairer) -> tuple[int, int]:
    words = unknown = 0
    for text in texts:
        for token in text.split():
            core = token.strip("\"'“”‘’()[]{}.,;:!?")
            if not _CORE.fullmatch(core) or len(core) < 2 or (core.isupper() and len(core) <= 6):
                continue
            words += 1
            unknown += not repairer.vocab.is_known(core) and not _protected(core)
    return words, unknown


def corpus_figures(repairer: Repairer) -> dict[str, str]:
    """Unknown-word share of the displayed chunk texts, before and after repair (no embedding)."""
    from assistant.config import Settings
    from assistant.manifest import load_manifest
    from indexer.ocr_chunks import repair_chunks
    from indexer.pipeline import discover, split_document
    from indexer.read import read_document

    settings = Settings()
    found = discover(settings, load_manifest(settings.manifest_path))
    before: list = []
    for src in found.files:
        text = read_document(src.path)
        before += split_document(src.doc, text, src.path.name, src.path.suffix.lower()).chunks
    after = repair_chunks(before, repairer)
    out = {}
    for name, pick in (("ocr docs", OCR_FILES), ("all regulations", None)):
        sel_b = [
            c.text for c in before if c.part != "materi" and (not pick or c.source_file in pick)
        ]
        sel_a = [
            c.text for c in after if c.part != "materi" and (not pick or c.source_file in pick)
        ]
        (wb, ub), (wa, ua) = _unknown_share(sel_b, repairer), _unknown_share(sel_a, repairer)
        out[name] = f"{ub / wb:.2%} -> {ua / wa:.2%} of {wa} words"
    flagged = Counter(c.quality.split(":")[1].strip() for c in after if c.quality)
    out["scrambled chunks"] = ", ".join(f"{n} {k}" for k, n in flagged.items())
    out["repaired chunks"] = str(sum(c.original_text is not None for c in after))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-corpus", action="store_true", help="skip the unknown-word figures")
    args = parser.parse_args()
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line]
    repairer = Repairer()
    print(f"sample: {len(rows)} words, labels {dict(Counter(r['label'] for r in rows))}")
    for split in ("dev", "heldout"):
        s = score([r for r in rows if r["split"] == split], repairer)
        print(
            f"{split:8s} precision {s['precision']:.3f} ({s['changed']} changed)  "
            f"recall {s['recall']:.3f} (of {s['misread']} misread words)"
        )
    if not args.no_corpus:
        for name, value in corpus_figures(repairer).items():
            print(f"{name}: {value}")


if __name__ == "__main__":
    main()
