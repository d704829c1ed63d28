"""Helpers shared by the API and browser tests: a private copy of the mini index, a real server."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from assistant.config import Settings
from benchmarks.load import free_port


def private_settings(base: Settings, dest: Path, **overrides: object) -> Settings:
    """`base` with its data dir (index + embedding cache) copied to `dest`: own conversations DB."""
    shutil.copytree(
        base.data_dir,
        dest,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("conversations.sqlite*"),
    )
    return base.model_copy(update={"data_dir": dest, "rate_limit_per_minute": 0, **overrides})


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Run `app` with uvicorn on a free loopback port in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def sse_events(text: str) -> list[dict]:
    """Parse an SSE body into its JSON payloads, with the event name under "event"."""
    events = []
    for block in text.strip().split("\n\n"):
        name, data = None, []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if data:
            events.append({"event": name, **json.loads("\n".join(data))})
    return events
