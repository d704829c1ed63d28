"""Real servers for the scale tests: `chroma run`, `asisten serve` and nginx, all on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from benchmarks.load import free_port
from tests.pg import unavailable

CHROMA = Path(sys.executable).parent / "chroma"


def wait_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing listens on port {port}")


class ChromaServer:
    """`chroma run` on a free port with its data in `path`; can be stopped and started again."""

    def __init__(self, path: Path) -> None:
        if not CHROMA.exists():
            unavailable(f"{CHROMA} tidak ada (chromadb memasang CLI chroma)")
        self.path, self.port = path, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        cmd = [str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1"]
        self.proc = subprocess.Popen(
            [*cmd, "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
        wait_port(self.port)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


@contextmanager
def chroma_server(path: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class Instance:
    """One `asisten serve` process (its output in a log file)."""

    def __init__(self, env: dict[str, str], log: Path, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        cmd = [sys.executable, "-m", "asisten_cli", "serve", "--port", str(self.port), *args]
        with log.open("w") as out:
            self.proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"instance exited:\n{self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"instance not ready:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


NGINX_CONF = """
daemon off;
{user}
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log {root}/access.log;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    upstream asisten {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 2m;
        location / {{
            proxy_pass http://asisten;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_buffering off;
            proxy_read_timeout 120s;
            proxy_next_upstream error timeout http_502;
            proxy_next_upstream_tries 2;
        }}
    }}
}}
"""


@contextmanager
def nginx_front(backends: list[int]) -> Iterator[str]:
    """nginx in the foreground with a temp prefix, balancing over `backends`; yields its URL."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        unavailable("nginx tidak terpasang")
    root = Path(tempfile.mkdtemp(prefix="asisten-nginx-"))
    port = free_port()
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in backends
    )
    user = "user root;" if os.geteuid() == 0 else ""  # workers write temp files under `root`
    conf = NGINX_CONF.format(user=user, root=root, servers=servers, port=port)
    (root / "nginx.conf").write_text(conf)
    proc = subprocess.Popen(
        [nginx, "-p", str(root), "-c", str(root / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_port(port, timeout=20)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        shutil.rmtree(root, ignore_errors=True)
