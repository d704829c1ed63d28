"""Is the local LLM worth it as a yes/no relevance judge? Prints MRR / recall@1 before and after, and cost.

Usage: python benchmarks/llm_judge.py [--n 20] [--top 5]   (needs `make llm`; uses the current index)
For each dev question, the top passages of the assistant's retrieval are judged by the local GGUF model
("Apakah teks ini menjawab pertanyaan? ya/tidak"); passages judged "ya" move to the front (stable order).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from assistant.backends.generators import assemble_packaged_gguf
from assistant.chain import AnswerService
from assistant.config import REPO_ROOT, Settings
from assistant.runtime import Runtime

PROMPT = (
    "Pertanyaan: {q}\n\nTeks peraturan:\n{t}\n\n"
    "Apakah teks peraturan di atas menjawab pertanyaan tersebut? Jawab hanya dengan satu kata: ya atau tidak."
)


def gold(item: dict) -> set[tuple[str, str]]:
    out = {(item["doc"], str(item["pasal"]))}
    out |= {(a["doc"], str(a["pasal"])) for a in item.get("also") or [] if a.get("pasal")}
    return out


def first_rank(keys: list[tuple[str, str | None]], g: set[tuple[str, str]]) -> int | None:
    seen: list[tuple[str, str | None]] = []
    for key in keys:
        if key not in seen:
            seen.append(key)
    return next((i for i, k in enumerate(seen, 1) if k in g), None)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()
    from llama_cpp import Llama

    settings = Settings()
    llm = Llama(
        model_path=str(settings.gguf_path or assemble_packaged_gguf(settings.data_dir)),
        n_ctx=2048,
        n_threads=2,
        verbose=False,
    )
    service = AnswerService(Runtime(settings))
    items = [
        json.loads(line)
        for line in (REPO_ROOT / "evals/datasets/dev.jsonl").read_text().splitlines()
    ]
    items = [i for i in items if i["expect"] == "answer" and i.get("pasal")][: args.n]
    before, after, pair_seconds = [], [], []
    for item in items:
        passages = service.retrieve(item["question"])[: args.top]
        verdicts = []
        for p in passages:
            t0 = time.perf_counter()
            out = llm.create_chat_completion(
                messages=[
                    {
                        "role": "user",
                        "content": PROMPT.format(q=item["question"], t=p.chunk.text[:1200]),
                    }
                ],
                max_tokens=3,
                temperature=0,
            )
            pair_seconds.append(time.perf_counter() - t0)
            verdicts.append(
                out["choices"][0]["message"]["content"].strip().lower().startswith("ya")
            )
        keys = [(p.chunk.doc, p.chunk.pasal) for p in passages]
        judged = [k for k, v in zip(keys, verdicts, strict=True) if v] + [
            k for k, v in zip(keys, verdicts, strict=True) if not v
        ]
        before.append(first_rank(keys, gold(item)))
        after.append(first_rank(judged, gold(item)))

    def mrr(ranks: list[int | None]) -> float:
        return sum(1 / r for r in ranks if r) / len(ranks)

    def r1(ranks: list[int | None]) -> float:
        return sum(r == 1 for r in ranks) / len(ranks)

    print(f"questions: {len(items)}, passages judged per question: {args.top}")
    print(f"{'':<22}{'MRR@' + str(args.top):>10}{'recall@1':>10}")
    print(f"{'hybrid':<22}{mrr(before):>10.3f}{r1(before):>10.3f}")
    print(f"{'hybrid + LLM judge':<22}{mrr(after):>10.3f}{r1(after):>10.3f}")
    print(
        f"cost: {statistics.median(pair_seconds):.2f} s per pair (median), "
        f"{statistics.median(pair_seconds) * args.top:.1f} s added per question on 2 cores"
    )


if __name__ == "__main__":
    main()
