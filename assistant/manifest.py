"""The corpus manifest: every document the assistant knows, and where its file is."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.documents import DocInfo, DocStatus

SUPPORTED_SUFFIXES = {".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx"}


@dataclass
class Manifest:
    documents: dict[str, DocInfo]
    ignore: list[str] = field(default_factory=list)
    pdf_urls: dict[str, str] = field(default_factory=dict)
    # doc id -> the scope of a partial revocation ("sepanjang tidak mengatur jenis Hukuman Disiplin sedang")
    partial: dict[str, str] = field(default_factory=dict)

    def get(self, doc_id: str) -> DocInfo | None:
        return self.documents.get(doc_id)

    def is_ignored(self, rel_path: str) -> bool:
        name = rel_path.rsplit("/", 1)[-1]
        return any(
            fnmatch.fnmatch(rel_path.lower(), pat.lower())
            or fnmatch.fnmatch(name.lower(), pat.lower())
            for pat in self.ignore
        )

    def match(self, file_name: str) -> tuple[DocInfo, int] | None:
        """The document a file name belongs to, with the rank of the pattern that matched."""
        lower = file_name.lower()
        for doc in self.documents.values():
            for rank, pattern in enumerate(doc.files):
                if fnmatch.fnmatch(lower, pattern.lower()):
                    return doc, rank
        return None


def load_manifest(path: Path) -> Manifest:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    docs: dict[str, DocInfo] = {}
    urls: dict[str, str] = {}
    partial: dict[str, str] = {}
    for raw in data.get("document", []):
        raw = dict(raw)
        pdf_url = raw.pop("pdf_url", "") or ""
        if pdf_url:
            urls[raw["id"]] = pdf_url
        scope = raw.pop("dicabut_sebagian", "") or ""
        if scope:
            partial[raw["id"]] = scope
        for key in ("mencabut", "mengubah", "dicabut_oleh", "diubah_oleh", "files", "aliases"):
            raw[key] = tuple(raw.get(key, ()))
        raw["source_url"] = raw.get("source_url") or None
        doc = DocInfo(**raw)
        if doc.id in docs:
            raise ValueError(f"manifest {path}: duplicate document id {doc.id!r}")
        docs[doc.id] = doc
    return Manifest(
        documents=docs, ignore=list(data.get("ignore", [])), pdf_urls=urls, partial=partial
    )


def unlisted_doc(path: Path) -> DocInfo:
    """A DocInfo for a file that no manifest entry names: indexed as plain text, reported."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "dokumen"
    return DocInfo(
        id=f"lain-{slug}",
        type="lainnya",
        title=path.stem,
        short=path.stem,
        status=DocStatus.BERLAKU,
        files=(path.name,),
        in_manifest=False,
    )


def status_note(doc: DocInfo, manifest: Manifest) -> str | None:
    """The Indonesian sentence that warns about a repealed or amended document."""

    def names(ids: tuple[str, ...]) -> str:
        return ", ".join(manifest.documents[i].short if i in manifest.documents else i for i in ids)

    if doc.status == DocStatus.DICABUT and doc.dicabut_oleh:
        scope = manifest.partial.get(doc.id)
        suffix = f" {scope}" if scope else ""
        return f"{doc.short} telah dicabut oleh {names(doc.dicabut_oleh)}{suffix}"
    if doc.status == DocStatus.DIUBAH and doc.diubah_oleh:
        return f"{doc.short} telah diubah dengan {names(doc.diubah_oleh)}"
    return None
