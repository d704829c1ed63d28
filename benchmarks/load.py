"""Load test: many concurrent chat users against a real `asisten serve`, then check nothing was lost.

    python benchmarks/load.py [--users 50] [--duration 60] [--data-dir DIR] [--out FILE.json]
    python benchmarks/load.py --compare [--users 100] [--duration 60] [--data-dir DIR]

``--compare`` runs the same load twice and prints the figures side by side: one `asisten serve`
process (SQLite, local Chroma), then the multi-instance set-up on this machine: one PostgreSQL, one
`chroma run`, two `asisten serve --workers 2` and nginx in front (all on loopback; the index is
published to the Chroma server first, re-using the embedding cache of ``--data-dir``).

Starts `asisten serve` on a free loopback port over an existing index (``--data-dir``, default
``$ASISTEN_DATA_DIR`` or ``./data``). Unless ``--in-place``, the server gets a temporary data dir
whose ``index`` links to that index, so the run's conversations are not stored in yours. The server
gets fresh random keys (``ASISTEN_API_KEYS``: one admin, one user) and no rate limit.

Each simulated user loops until the time is up: a new conversation, one or two follow-ups, a rating
of one answer in two, a read of the conversation. Then the script checks, with the admin key, that
every conversation, message and rating it created can be read back (GET /api/conversations/{id},
GET /api/feedback), that the audit log has a row for every chat request, and that the server log
never shows a key. Exit status 1 when a request failed or anything was lost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

QUESTIONS = [
    ("Berapa lama cuti tahunan PNS?", "kalau PPPK bagaimana?"),
    ("Apa fungsi pegawai ASN?", "bagaimana dengan UU 5/2014?"),
    ("Apa saja kewajiban Pegawai ASN?", "apa sanksinya?"),
    ("Apa saja jenis hukuman disiplin berat bagi PNS?", "siapa yang berwenang menjatuhkan?"),
    ("Apa isi UU 20/2023 Pasal 24?", "Pasal 25"),
    ("Apa yang dimaksud dengan manajemen ASN?", "kalau PPPK?"),
    ("Bagaimana ketentuan pemberhentian PNS?", "kalau karena meninggal dunia?"),
    ("Apa saja larangan bagi PNS?", "bagaimana dengan PPPK?"),
]
HEADER = "Authorization"


@dataclass
class Tally:
    """What every user did and saw; shared by all users (one event loop, no locking needed)."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    conversations: dict[str, list[str]] = field(default_factory=dict)  # id → answer ids in order
    feedback: dict[str, str] = field(default_factory=dict)  # answer id → last rating sent
    chats: int = 0

    def record(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds * 1000)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


async def _call(
    client: httpx.AsyncClient, tally: Tally, kind: str, method: str, url: str, **kw: Any
) -> httpx.Response | None:
    t0 = time.perf_counter()
    try:
        r = await client.request(method, url, **kw)
    except httpx.HTTPError as exc:
        tally.record(kind, time.perf_counter() - t0)
        tally.errors.append(f"{method} {url}: {type(exc).__name__}: {exc}")
        return None
    tally.record(kind, time.perf_counter() - t0)
    expected = 201 if kind == "feedback" else 200
    if r.status_code != expected:
        tally.errors.append(f"{method} {url}: HTTP {r.status_code} {r.text[:200]}")
        return None
    return r


async def user(n: int, client: httpx.AsyncClient, tally: Tally, deadline: float) -> None:
    """One person: ask, follow up, rate, re-read; again and again until the deadline."""
    turn = n
    while time.monotonic() < deadline:
        first, follow = QUESTIONS[turn % len(QUESTIONS)]
        questions = [first, follow] if turn % 3 else [first]
        cid: str | None = None
        for question in questions:
            body = {"question": question, "conversation_id": cid}
            r = await _call(client, tally, "chat", "POST", "/api/chat", json=body)
            tally.chats += 1
            if r is None:
                break
            data = r.json()
            cid = data["conversation_id"]
            tally.conversations.setdefault(cid, []).append(data["answer_id"])
            if (turn + len(tally.conversations[cid])) % 2 == 0:
                rating = "up" if turn % 4 else "down"
                fb = {"answer_id": data["answer_id"], "rating": rating, "reason": f"beban {n}"}
                if await _call(client, tally, "feedback", "POST", "/api/feedback", json=fb):
                    tally.feedback[data["answer_id"]] = rating
        if cid:
            await _call(client, tally, "read", "GET", f"/api/conversations/{cid}")
        turn += 1


async def run_load(base_url: str, user_key: str, users: int, duration: float) -> Tally:
    tally = Tally()
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    headers = {HEADER: f"Bearer {user_key}"}
    async with httpx.AsyncClient(
        base_url=base_url, headers=headers, timeout=120, limits=limits
    ) as client:
        deadline = time.monotonic() + duration
        await asyncio.gather(*(user(n, client, tally, deadline) for n in range(users)))
    return tally


def verify(base_url: str, admin_key: str, tally: Tally) -> list[str]:
    """Everything the users created must be readable again; returns what is missing or wrong."""
    lost: list[str] = []
    headers = {HEADER: f"Bearer {admin_key}"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
        for cid, answer_ids in tally.conversations.items():
            r = client.get(f"/api/conversations/{cid}")
            if r.status_code != 200:
                lost.append(f"conversation {cid}: HTTP {r.status_code}")
                continue
            messages = r.json()["messages"]
            stored = [m["id"] for m in messages if m["role"] == "assistant"]
            if stored != answer_ids or len(messages) != 2 * len(answer_ids):
                lost.append(f"conversation {cid}: {len(messages)} messages, {answer_ids=}")
        ratings = {f["answer_id"]: f["rating"] for f in client.get("/api/feedback").json()}
        for answer_id, rating in tally.feedback.items():
            if ratings.get(answer_id) != rating:
                lost.append(f"feedback {answer_id}: sent {rating}, stored {ratings.get(answer_id)}")
        expected = min(tally.chats, 10_000)
        for _ in range(20):  # a row is written just after its response is sent: allow a moment
            audit = client.get("/api/admin/audit", params={"limit": 10_000}).json()
            audited = sum(1 for a in audit if a["path"] == "/api/chat")
            if audited >= expected:
                break
            time.sleep(0.25)
        else:
            lost.append(f"audit: {audited} rows for /api/chat, {tally.chats} chat requests")
    return lost


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    base_url: str
    admin_key: str
    user_key: str
    log_path: Path
    data_dir: Path
    process: subprocess.Popen | None
    extra_logs: list[Path] = field(default_factory=list)


def wait_ready(base_url: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"asisten serve stopped with exit status {proc.returncode}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError("asisten serve was not ready in time (is there an index? `asisten index`)")


@contextmanager
def serve(
    data_dir: Path, in_place: bool = False, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """A real `asisten serve` on a free loopback port with fresh keys; stopped on exit."""
    admin_key, user_key = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory(prefix="asisten-load-") as tmp:
        served = data_dir
        if not in_place:
            served = Path(tmp) / "data"
            served.mkdir()
            (served / "index").symlink_to((data_dir / "index").resolve())
        port = free_port()
        log_path = Path(tmp) / "server.log"
        full_env = {
            **os.environ,
            "ASISTEN_DATA_DIR": str(served),
            "ASISTEN_API_KEYS": f"{admin_key}:admin,{user_key}:user",
            "ASISTEN_RATE_LIMIT_PER_MINUTE": "0",
            **(env or {}),
        }
        cmd = [sys.executable, "-m", "asisten_cli", "serve", "--port", str(port)]
        with log_path.open("wb") as log:
            proc = subprocess.Popen(cmd, env=full_env, stdout=log, stderr=subprocess.STDOUT)
            base_url = f"http://127.0.0.1:{port}"
            try:
                wait_ready(base_url, proc)
                yield Server(base_url, admin_key, user_key, log_path, served, proc)
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)


def summary(tally: Tally, seconds: float, lost: list[str], key_in_log: bool) -> dict[str, Any]:
    every = [ms for values in tally.latencies.values() for ms in values]
    chat = tally.latencies.get("chat", [])
    return {
        "requests": tally.requests,
        "errors": len(tally.errors),
        "chat_requests": len(chat),
        "conversations": len(tally.conversations),
        "feedback": len(tally.feedback),
        "seconds": round(seconds, 1),
        "throughput_rps": round(tally.requests / seconds, 2) if seconds else 0.0,
        "chat_throughput_rps": round(len(chat) / seconds, 2) if seconds else 0.0,
        "p50_ms": round(percentile(every, 50)),
        "p95_ms": round(percentile(every, 95)),
        "chat_p50_ms": round(percentile(chat, 50)),
        "chat_p95_ms": round(percentile(chat, 95)),
        "chat_max_ms": round(max(chat, default=0)),
        "lost": len(lost),
        "key_in_server_log": key_in_log,
    }


def load_test(
    server: Server, users: int, duration: float
) -> tuple[dict[str, Any], Tally, list[str]]:
    t0 = time.perf_counter()
    tally = asyncio.run(run_load(server.base_url, server.user_key, users, duration))
    seconds = time.perf_counter() - t0
    lost = verify(server.base_url, server.admin_key, tally)
    log = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in [server.log_path, *server.extra_logs]
    )
    key_in_log = server.admin_key in log or server.user_key in log
    return summary(tally, seconds, lost, key_in_log), tally, lost


@contextmanager
def cluster(data_dir: Path, instances: int = 2, workers: int = 2) -> Iterator[Server]:
    """PostgreSQL + `chroma run` + `instances` x `asisten serve --workers N` + nginx, on loopback."""
    import shutil

    from assistant.backends.embedders import make_embedder
    from assistant.config import Settings
    from indexer.pipeline import build_index

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo, for tests/
    from tests.pg import new_database, postgres_server
    from tests.scale.servers import Instance, chroma_server, nginx_front

    admin_key, user_key = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    with (
        tempfile.TemporaryDirectory(prefix="asisten-cluster-") as tmp,
        postgres_server() as pg,
        chroma_server(Path(tmp) / "chroma") as chroma,
    ):
        indexer = Path(tmp) / "indexer"
        if (data_dir / "cache").is_dir():
            shutil.copytree(data_dir / "cache", indexer / "cache")  # embeddings are not recomputed
        settings = Settings(data_dir=indexer, chroma_url=chroma.url)
        build_index(settings, make_embedder(settings))
        env = {
            **os.environ,
            "ASISTEN_CHROMA_URL": chroma.url,
            "ASISTEN_DATABASE_URL": new_database(pg.url),
            "ASISTEN_API_KEYS": f"{admin_key}:admin,{user_key}:user",
            "ASISTEN_RATE_LIMIT_PER_MINUTE": "0",
        }
        replicas = [
            Instance(
                {**env, "ASISTEN_DATA_DIR": f"{tmp}/replica-{i}"},
                Path(tmp) / f"replica-{i}.log",
                "--workers",
                str(workers),
            )
            for i in range(instances)
        ]
        try:
            for replica in replicas:
                replica.wait_ready()
            with nginx_front([r.port for r in replicas]) as front:
                logs = [r.log for r in replicas]
                yield Server(front, admin_key, user_key, logs[0], indexer, None, logs[1:])
        finally:
            for replica in replicas:
                replica.stop()


COMPARED = ["throughput_rps", "chat_throughput_rps", "p50_ms", "p95_ms", "chat_p50_ms",
            "chat_p95_ms", "requests", "errors", "lost", "conversations", "feedback"]  # fmt: skip


def compare(data_dir: Path, users: int, duration: float) -> dict[str, dict[str, Any]]:
    """The same load on one process, then on two instances x 2 workers; figures by set-up."""
    results: dict[str, dict[str, Any]] = {}
    with serve(data_dir) as server:
        results["1 proses"] = load_test(server, users, duration)[0]
    print("1 proses:", json.dumps(results["1 proses"]), flush=True)
    with cluster(data_dir) as server:
        results["2 instans x 2 pekerja"] = load_test(server, users, duration)[0]
    print(f"\n{'':>22}  " + "  ".join(f"{name:>22}" for name in results))
    for key in COMPARED:
        print(f"{key:>22}  " + "  ".join(f"{r[key]!s:>22}" for r in results.values()))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", action="store_true", help="one process vs 2 x 2 workers")
    parser.add_argument("--users", type=int, default=50, help="concurrent chat users")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    default_dir = Path(os.environ.get("ASISTEN_DATA_DIR", "data"))
    parser.add_argument("--data-dir", type=Path, default=default_dir, help="holds index/")
    parser.add_argument("--in-place", action="store_true", help="store in --data-dir itself")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    if not (args.data_dir / "index").is_dir():
        sys.exit(f"no index under {args.data_dir}: run `asisten index` first")
    if args.compare:
        results = compare(args.data_dir, args.users, args.duration)
        if args.out:
            args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        if any(r["errors"] or r["lost"] or r["key_in_server_log"] for r in results.values()):
            sys.exit(1)
        return
    print(f"asisten serve over {args.data_dir}/index: {args.users} users for {args.duration:.0f} s")
    with serve(args.data_dir, in_place=args.in_place) as server:
        figures, tally, lost = load_test(server, args.users, args.duration)
    figures = {"users": args.users, "cpus": os.cpu_count(), **figures}
    for name, value in figures.items():
        print(f"{name:>22}: {value}")
    for line in tally.errors[:10] + lost[:10]:
        print("  !", line)
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if figures["errors"] or figures["lost"] or figures["key_in_server_log"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
