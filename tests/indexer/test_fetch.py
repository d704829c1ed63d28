"""`corpus fetch` against a real HTTP server on loopback."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT
from assistant.manifest import load_manifest
from indexer.fetch import Offline, fetch_missing
from tests.conftest import shared_corpus


class _Handler(http.server.BaseHTTPRequestHandler):
    pdf = b""

    def do_GET(self) -> None:  # noqa: N802
        if self.path.endswith("/ok.pdf"):
            body, kind, code = self.pdf, "application/pdf", 200
        elif self.path.endswith("/error.pdf"):
            body, kind, code = (
                b"<html><body>Halaman tidak ditemukan</body></html>",
                "text/html",
                200,
            )
        else:
            body, kind, code = b"not found", "text/plain", 404
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.pdf = (shared_corpus() / "perpres-82-2023.pdf").read_bytes()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_downloads_pdf_and_rejects_error_pages(server: str, tmp_path: Path) -> None:
    manifest = load_manifest(REPO_ROOT / "corpus" / "manifest.toml")
    present = {
        d for d in manifest.documents if d not in ("pp-17-2020", "perlan-10-2018", "pp-30-2019")
    }
    urls = {
        "pp-17-2020": f"{server}/ok.pdf",
        "perlan-10-2018": f"{server}/error.pdf",
        "pp-30-2019": f"{server}/missing.pdf",
    }
    results = {r.doc: r for r in fetch_missing(manifest, present, tmp_path, urls=urls)}
    assert results["pp-17-2020"].ok
    saved = tmp_path / "pp-17-2020.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert (
        not results["perlan-10-2018"].ok
        and "tidak mengembalikan PDF" in results["perlan-10-2018"].message
    )
    assert not (tmp_path / "perlan-10-2018.pdf").exists()
    assert not results["pp-30-2019"].ok and "404" in results["pp-30-2019"].message


def test_fetch_says_clearly_when_offline(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    manifest = load_manifest(REPO_ROOT / "corpus" / "manifest.toml")
    present = {d for d in manifest.documents if d != "pp-17-2020"}
    with pytest.raises(Offline, match="tidak dapat terhubung"):
        fetch_missing(
            manifest, present, tmp_path, urls={"pp-17-2020": f"http://127.0.0.1:{port}/x.pdf"}
        )


def test_fetch_without_url_explains_manual_download(tmp_path: Path) -> None:
    manifest = load_manifest(REPO_ROOT / "corpus" / "manifest.toml")
    present = {d for d in manifest.documents if d != "perlan-10-2018"}
    (result,) = fetch_missing(manifest, present, tmp_path, urls={})
    assert (
        not result.ok
        and "unduh manual" in result.message
        and "perlan-10-2018.pdf" in result.message
    )
