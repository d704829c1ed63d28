"""Latency and memory: retrieval per mode, end-to-end extractive answers, peak RSS of `asisten serve`.

    python benchmarks/speed.py [--dataset evals/datasets/dev.jsonl] [--rounds 2] [--threads 4]

In process: every dev question through ``Retriever.search`` (dense, keyword, hybrid, hybrid+rerank
when a reranker is configured) and ``AnswerService.ask`` (extractive). Then a real ``asisten serve``
process on a free loopback port over the configured index (a temporary data dir whose ``index`` links
to it, so the benchmark's conversations are not stored in yours) gets every dev question ``--rounds``
times from ``--threads`` concurrent clients on POST /api/chat; its peak RSS is VmHWM from /proc.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from assistant.chain import AnswerService
from assistant.config import Settings
from assistant.runtime import Runtime
from evals.dataset import DEFAULT_DATASET, EvalItem, load_dataset
from evals.metrics import percentile
from evals.retrieval import markdown_table


def timed(fn, questions: list[str]) -> list[float]:  # noqa: ANN001
    out = []
    for q in questions:
        t0 = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def row(name: str, ms: list[float], note: str = "") -> dict[str, object]:
    return {"what": name, "n": len(ms), "p50 ms": percentile(ms, 50),
            "p95 ms": percentile(ms, 95), "note": note}  # fmt: skip


def in_process(settings: Settings, questions: list[str]) -> tuple[list[dict[str, object]], int]:
    service = AnswerService(Runtime(settings))
    r = service.rt.retriever
    r.search("cuti pegawai", k=10)  # warm-up
    emb = service.rt.embedder
    rows = [
        row(f"embed query: {emb.name}", timed(emb.embed_query, questions), "target p95 <= 25 ms"),
        row("retrieve: dense", timed(lambda q: r.search(q, 10, "dense", False), questions)),
        row("retrieve: keyword", timed(lambda q: r.search(q, 10, "keyword", False), questions)),
        row(
            f"retrieve: hybrid ({settings.fusion})",
            timed(lambda q: r.search(q, 10, "hybrid", False), questions),
        ),  # fmt: skip
    ]
    if service.rt.reranker is not None:
        rows.append(row("retrieve: hybrid + rerank", timed(lambda q: r.search(q, 10), questions)))
    else:
        rows.append({"what": "retrieve: hybrid + rerank", "note": "n/a: no reranker configured"})
    rows.append(row("answer: extractive, end to end", timed(service.ask, questions)))
    return rows, _vm("VmHWM", os.getpid())


def _vm(field: str, pid: int) -> int:
    """A VmXXX line of /proc/<pid>/status, in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(base: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"asisten serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError("asisten serve did not become ready")


def serve_load(settings: Settings, items: list[EvalItem], rounds: int, threads: int) -> dict:
    """Start `asisten serve`, load it, return its RSS figures and HTTP latencies."""
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="asisten-bench-serve-") as tmp:
        (Path(tmp) / "index").symlink_to(settings.index_dir.resolve())
        env = {**os.environ, "ASISTEN_DATA_DIR": tmp, "ASISTEN_RATE_LIMIT_PER_MINUTE": "1000000",
               "ASISTEN_API_KEYS": ""}  # fmt: skip
        cmd = [sys.executable, "-m", "asisten_cli", "serve", "--port", str(port)]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_ready(base, proc)
            idle = _vm("VmRSS", proc.pid)
            questions = [i.question for i in items] * rounds
            with httpx.Client(base_url=base, timeout=120) as client:

                def ask(q: str) -> tuple[float, int]:
                    t0 = time.perf_counter()
                    code = client.post("/api/chat", json={"question": q}).status_code
                    return (time.perf_counter() - t0) * 1000, code

                with ThreadPoolExecutor(threads) as pool:
                    answers = list(pool.map(ask, questions))
            return {"idle_kb": idle, "peak_kb": _vm("VmHWM", proc.pid),
                    "ms": [a[0] for a in answers], "errors": sum(a[1] != 200 for a in answers)}  # fmt: skip
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    settings = Settings()
    items = load_dataset(args.dataset)
    questions = [i.question for i in items]
    rows, own_peak = in_process(settings, questions)
    try:
        load = serve_load(settings, items, args.rounds, args.threads)
    except (RuntimeError, OSError) as exc:
        rows.append({"what": "asisten serve", "note": f"not measured: {exc}"})
        load = None
    if load:
        note = f"{args.threads} concurrent clients, {load['errors']} non-200"
        rows.append(row("HTTP POST /api/chat (serve)", load["ms"], note))
    print(
        f"Speed on {len(questions)} dev questions, {len(os.sched_getaffinity(0))} cores, load "
        f"average {os.getloadavg()[0]:.1f} (a shared machine slows every row)\n"
    )
    print(markdown_table(rows))
    print(
        f"\npeak RSS, in-process AnswerService (this benchmark process): {own_peak / 1024:.0f} MB"
    )
    if load:
        print(f"RSS of `asisten serve` after start-up: {load['idle_kb'] / 1024:.0f} MB; peak under "
              f"load ({len(load['ms'])} requests): {load['peak_kb'] / 1024:.0f} MB "
              f"(target <= 1536 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
