"""What the app holds between requests: the runtime, the answer service, the store, keys, jobs."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from api.auth import KeyRing
from api.storage import Storage, open_store
from api.workshop import participant_key
from assistant.chain import AnswerService
from assistant.config import Settings
from assistant.errors import AsistenError
from assistant.runtime import Runtime

log = logging.getLogger("asisten.api")


def llm_backend(settings: Settings) -> str | None:
    """The LLM backend to use when one is needed (mode tanpa sumber), or None when none is set up."""
    if settings.backend != "extractive":
        return settings.backend
    if settings.llm_base_url:
        return "openai"
    if settings.gguf_path:
        return "llamacpp"
    return None


class RateLimiter:
    """At most `per_minute` requests per caller in any 60-second window (0 = unlimited).

    The hits live in the store (the database), so every worker and replica shares the count."""

    WINDOW = 60.0

    def __init__(self, store: Storage, per_minute: int, prefix: str) -> None:
        self.store = store
        self.per_minute = per_minute
        self.prefix = prefix

    def wait_time(self, caller: str, count: bool = True) -> int:
        """0 when the request may go ahead (and counts it, unless `count` is False); otherwise whole
        seconds to wait."""
        if self.per_minute <= 0:
            return 0
        return self.store.hit(f"{self.prefix}:{caller}", self.per_minute, self.WINDOW, count)


@dataclass
class Reindexer:
    """Runs `indexer.pipeline.build_index` in a background thread, then switches the runtime."""

    state: AppState
    running: bool = False
    last: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> bool:
        with self._lock:
            if self.running:
                return False
            self.running = True
            self.last = {"started_at": _now()}
        threading.Thread(target=self._run, name="asisten-reindex", daemon=True).start()
        return True

    def _run(self) -> None:
        from indexer.pipeline import build_index

        result: dict[str, Any] = {}
        try:
            report = build_index(self.state.settings, self.state.runtime.embedder)
            result = {"generation": report.generation, "chunks": report.chunks}
            self.state.refresh()
        except Exception as exc:  # noqa: BLE001 - a background job must always report its end
            log.error("indeks ulang gagal: %s", exc)
            result = {"error": str(exc)}
        with self._lock:
            self.last = {**self.last, **result, "finished_at": _now()}
            self.running = False

    def status(self) -> dict[str, Any]:
        with self._lock:
            return {"running": self.running, **self.last}


@dataclass
class AppState:
    settings: Settings
    runtime: Runtime
    service: AnswerService
    store: Storage
    keys: KeyRing
    limiter: RateLimiter
    auth_failures: RateLimiter
    _refresh_lock: threading.Lock = field(default_factory=threading.Lock)
    reindexer: Reindexer = field(init=False)

    def __post_init__(self) -> None:
        self.reindexer = Reindexer(self)

    @classmethod
    def build(cls, settings: Settings) -> AppState:
        runtime = Runtime(settings)
        store = open_store(settings)
        return cls(
            settings=settings,
            runtime=runtime,
            service=AnswerService(runtime),
            store=store,
            keys=KeyRing(settings.api_keys, shared_key=participant_key(settings)),
            limiter=RateLimiter(store, settings.rate_limit_per_minute, "rate"),
            auth_failures=RateLimiter(store, settings.auth_failures_per_minute, "auth"),
        )

    def warm_up(self) -> str | None:
        """Load the models and the index once; returns why the index is unavailable, if it is."""
        rt = self.runtime
        _ = rt.manifest, rt.embedder
        try:
            _ = rt.retriever
        except AsistenError as exc:
            log.warning("indeks belum tersedia: %s", exc)
            return str(exc)
        return None

    def refresh(self) -> bool:
        """Pick up a newer index generation (cheap: reads the small CURRENT pointer file)."""
        with self._refresh_lock:
            try:
                return self.runtime.refresh_if_reindexed()
            except (AsistenError, OSError, ValueError) as exc:
                log.error("gagal memuat generasi indeks baru: %s", exc)
                return False

    def index_loaded(self) -> bool:
        return "index" in self.runtime.__dict__


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
