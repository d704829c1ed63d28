"""`asisten corpus fetch`: download missing manifest documents from their official addresses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from assistant.manifest import Manifest

USER_AGENT = "AsistenASN/0.1 (+https://github.com/asisten-asn)"


@dataclass
class FetchResult:
    doc: str
    ok: bool
    message: str
    path: str | None = None


class Offline(Exception):
    """No network route to the official sources."""


def fetch_missing(
    manifest: Manifest,
    present: set[str],
    dest: Path,
    urls: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> list[FetchResult]:
    """Download each missing regulation's PDF into `dest`; checks that what came back is a PDF."""
    urls = urls if urls is not None else manifest.pdf_urls
    results: list[FetchResult] = []
    dest.mkdir(parents=True, exist_ok=True)
    targets = [
        d
        for d in manifest.documents.values()
        if d.is_regulation and d.in_manifest and d.id not in present
    ]
    with httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    ) as client:
        for doc in targets:
            url = urls.get(doc.id)
            if not url:
                results.append(
                    FetchResult(
                        doc.id,
                        False,
                        f"tidak ada alamat PDF langsung; unduh manual dari {doc.source_url or 'situs JDIH resmi'} "
                        f"lalu simpan sebagai {dest / (doc.id + '.pdf')}",
                    )
                )
                continue
            try:
                resp = client.get(url)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                raise Offline(f"tidak dapat terhubung ke {httpx.URL(url).host}: {exc}") from exc
            except httpx.HTTPError as exc:
                results.append(FetchResult(doc.id, False, f"gagal mengunduh {url}: {exc}"))
                continue
            body = resp.content
            if resp.status_code != 200:
                results.append(
                    FetchResult(doc.id, False, f"{url} menjawab HTTP {resp.status_code}")
                )
            elif not body.lstrip()[:5].startswith(b"%PDF"):
                kind = resp.headers.get("content-type", "?")
                results.append(
                    FetchResult(
                        doc.id,
                        False,
                        f"{url} tidak mengembalikan PDF (content-type {kind}); mungkin halaman galat",
                    )
                )
            else:
                path = dest / f"{doc.id}.pdf"
                tmp = path.with_suffix(".part")
                tmp.write_bytes(body)
                tmp.replace(path)
                results.append(
                    FetchResult(doc.id, True, f"tersimpan ({len(body) / 1e6:.1f} MB)", str(path))
                )
    return results
