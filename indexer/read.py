"""Readers for PDF, plain text, Markdown, HTML and DOCX. Each returns text or raises ReadError."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from assistant.errors import ReadError

MAX_FILE_BYTES = 40 * 1024 * 1024


def _check_text(text: str, path: Path) -> str:
    stripped = text.strip()
    if not stripped:
        raise ReadError(
            f"{path.name}: tidak ada teks yang dapat dibaca (file kosong atau hasil pindai tanpa lapisan teks)"
        )
    return text


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:8192]:
        raise ReadError(f"{path.name}: file biner, bukan teks")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Latin-1/cp1252 exports are common for old regulation texts; accept them if they look like text.
        text = data.decode("cp1252", errors="replace")
        bad = text.count("\ufffd") + sum(
            1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f"
        )
        if bad > max(10, len(text[:20000]) // 100):
            raise ReadError(f"{path.name}: bukan UTF-8 yang sah (byte {exc.start})") from exc
        return text


def read_txt(path: Path) -> str:
    return _check_text(_decode(path.read_bytes(), path), path)


def read_markdown(path: Path) -> str:
    text = read_txt(path)
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # drop YAML front matter


def read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = path.read_bytes()
    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError(f"{path.name}: bukan file PDF (tanda %PDF tidak ada)")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types here
                raise ReadError(f"{path.name}: PDF terenkripsi ({exc})") from exc
            if not ok:
                raise ReadError(f"{path.name}: PDF terenkripsi dan memerlukan kata sandi")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(f"{path.name}: PDF rusak atau tidak dapat dibaca ({exc})") from exc
    return _check_text("\n".join(pages), path)


def read_html(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_decode(path.read_bytes(), path), "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript"]):
        tag.decompose()
    main = soup.find(id="mw-content-text") or soup.find("main") or soup.body or soup
    text = main.get_text("\n")
    return _check_text(re.sub(r"\n\s*\n+", "\n", text), path)


def read_docx(path: Path) -> str:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for a bad zip
        raise ReadError(f"{path.name}: DOCX rusak atau tidak dapat dibaca ({exc})") from exc
    return _check_text("\n".join(p.text for p in document.paragraphs), path)


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_txt,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
}


def read_document(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read any supported file; every failure is a ReadError naming the file and the reason."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(
            f"{path.name}: jenis file {path.suffix or '(tanpa ekstensi)'} tidak didukung"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path.name}: tidak dapat dibuka ({exc.strerror})") from exc
    if size == 0:
        raise ReadError(f"{path.name}: file kosong (0 byte)")
    if size > max_bytes:
        raise ReadError(
            f"{path.name}: file terlalu besar ({size / 1e6:.0f} MB; batas {max_bytes / 1e6:.0f} MB)"
        )
    return reader(path)
