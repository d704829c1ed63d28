"""Old law to new law: a provision-level correspondence between each revoked regulation and its
successor (read from the manifest's ``dicabut_oleh``), computed from the texts.

Each old Pasal is compared with every Pasal of the successor on four signals, each in [0, 1]:
``dense`` (embedding cosine, rescaled against the pair's median so any embedder works),
``lexical`` (TF-IDF cosine over words and word pairs), ``titles`` (the BAB/Bagian/Paragraf titles
above the Pasal) and ``terms`` (defined terms of Pasal 1 that both provisions use). The weighted sum
is the score; the best three are kept. Ayat-level matches are then found inside those Pasal.
Written at index time as the ``correspondence`` artifact; read by ``assistant.correspondence``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.documents import Chunk, DocInfo, Part

WEIGHTS = {"dense": 0.35, "lexical": 0.4, "titles": 0.15, "terms": 0.1}
ORDER_WEIGHT = 0.15  # weight of the order prior (see _order_prior), added to the weighted signals
ANCHOR_SCORE = 0.4  # a match this strong (and 0.1 ahead of the next) anchors the order prior
KEEP = 3  # candidates kept per old provision
# A pair is doubtful (listed in the report, flagged in the artifact) when its score is below
# DOUBTFUL_SCORE or the best beats the second by less than DOUBTFUL_MARGIN.
DOUBTFUL_SCORE = 0.35
DOUBTFUL_MARGIN = 0.03
# An old clause revoking older regulations has no counterpart in content: the successor's own
# revocation clause revokes other things (it is flagged "revocation_clause", matches are kept).
_REVOKING = re.compile(r"dinyatakan\s+tidak\s+berlaku", re.IGNORECASE)

_STOP_WORDS = """yang dan atau dengan dalam untuk pada dari sebagaimana dimaksud ayat pasal huruf angka ini
    tersebut oleh ke di adalah dapat paling sesuai ketentuan peraturan perundang undangan
    berdasarkan atas bagi sebagai serta telah akan harus tidak lebih setiap kepada secara masing
    antara lain hal apabila jika juga itu para bab bagian paragraf kesatu kedua ketiga keempat
    kelima keenam ketujuh kedelapan kesembilan kesepuluh umum"""
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[a-z][a-z/-]{2,}")
_DEFINED = re.compile(
    r"(?:^|\d+\.\s+)([A-Z][A-Za-z /-]{1,60}?)(?:\s+yang\s+selanjutnya\s+(?:disingkat|disebut)\s+([A-Za-z ]{2,30}?))?"
    r"\s+adalah\b"
)


def _tokens(text: str) -> list[str]:
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def defined_terms(chunks: Sequence[Chunk]) -> set[str]:
    """Terms a regulation defines in its Pasal 1 ("PPPK", "sistem merit"), lower-cased."""
    terms: set[str] = set()
    for c in chunks:
        if c.pasal == "1" and c.part == Part.BATANG_TUBUH:
            for term, abbrev in _DEFINED.findall(c.text):
                terms.add(term.strip().lower())
                if abbrev:
                    terms.add(abbrev.lower())
    return {t for t in terms if len(t) >= 3}


@dataclass
class Provision:
    id: str  # "uu-5-2014/pasal-6"
    doc: str
    pasal: str
    chunks: list[Chunk]
    titles: str
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = " ".join(c.text for c in self.chunks)


def provisions(chunks: Sequence[Chunk], doc: str) -> list[Provision]:
    """The Pasal of a document's batang tubuh, in order."""
    grouped: dict[str, list[Chunk]] = defaultdict(list)
    for c in chunks:
        if (
            c.doc == doc
            and c.part == Part.BATANG_TUBUH
            and c.pasal
            and not c.superseded
            and not c.deleted
        ):
            grouped[c.pasal].append(c)
    out = []
    for pasal, cs in grouped.items():
        trail = cs[0].heading.split(" › ")[1:-1]
        out.append(Provision(f"{doc}/pasal-{pasal}", doc, pasal, cs, " ".join(trail)))
    return out


class _Tfidf:
    """TF-IDF vectors (sublinear tf) with the idf of one old/new document pair."""

    def __init__(self, texts: Sequence[str]) -> None:
        df: Counter[str] = Counter()
        for t in texts:
            df.update(set(_tokens(t)))
        n = len(texts) or 1
        self.idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}

    def vector(self, text: str) -> dict[str, float]:
        tf = Counter(_tokens(text))
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 1.0) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _rows(items: Sequence[Mapping[str, float]], vocab: dict[str, int]) -> np.ndarray:
    m = np.zeros((len(items), len(vocab)))
    for i, item in enumerate(items):
        for w, v in item.items():
            m[i, vocab[w]] = v
    return m


def _cosines(a: Sequence[Mapping[str, float]], b: Sequence[Mapping[str, float]]) -> np.ndarray:
    """Cosine of every pair of unit-length sparse vectors, as an (a x b) matrix."""
    vocab = {w: i for i, w in enumerate(dict.fromkeys(w for v in [*a, *b] for w in v))}
    return _rows(a, vocab) @ _rows(b, vocab).T


def _jaccard(a: Sequence[set[str]], b: Sequence[set[str]]) -> np.ndarray:
    """Jaccard similarity of every pair of sets (0 when either is empty)."""
    ones = [dict.fromkeys(x, 1.0) for x in (*a, *b)]
    vocab = {w: i for i, w in enumerate(dict.fromkeys(w for x in ones for w in x))}
    inter = _rows(ones[: len(a)], vocab) @ _rows(ones[len(a) :], vocab).T
    sizes_a = np.array([len(x) for x in a], dtype=float)[:, None]
    sizes_b = np.array([len(x) for x in b], dtype=float)[None, :]
    union = sizes_a + sizes_b - inter
    out = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    out[(sizes_a == 0).ravel(), :] = 0.0
    out[:, (sizes_b == 0).ravel()] = 0.0
    return out


def _dense_matrix(
    old: Sequence[Sequence[Chunk]],
    new: Sequence[Sequence[Chunk]],
    vectors: Mapping[str, np.ndarray],
) -> np.ndarray | None:
    """Soft alignment of the two Pasal's chunks (mean of each side's best cosine), rescaled to
    [0, 1] against the pair's median so that 0 is a typical unrelated pair, whatever the embedder."""
    olds = [[vectors[c.id] for c in cs if c.id in vectors] for cs in old]
    news = [[vectors[c.id] for c in cs if c.id in vectors] for cs in new]
    flat_old = [v for vs in olds for v in vs]
    flat_new = [v for vs in news for v in vs]
    if not flat_old or not flat_new:
        return None
    A = np.vstack(flat_old)
    B = np.vstack(flat_new)
    A = A / np.linalg.norm(A, axis=1, keepdims=True)
    B = B / np.linalg.norm(B, axis=1, keepdims=True)
    sims = A @ B.T
    a_len = np.array([len(vs) for vs in olds])
    b_len = np.array([len(vs) for vs in news])
    rows, cols = np.flatnonzero(a_len), np.flatnonzero(b_len)  # Pasal with at least one vector
    a_start = np.cumsum(np.r_[0, a_len[rows]])[:-1]
    b_start = np.cumsum(np.r_[0, b_len[cols]])[:-1]
    # per block (old Pasal i x new Pasal j): mean over i's chunks of their best match in j ...
    best_in_new = np.maximum.reduceat(sims, b_start, axis=1)
    old_side = np.add.reduceat(best_in_new, a_start, axis=0) / a_len[rows, None]
    # ... and mean over j's chunks of their best match in i
    best_in_old = np.maximum.reduceat(sims, a_start, axis=0)
    new_side = np.add.reduceat(best_in_old, b_start, axis=1) / b_len[None, cols]
    out = np.zeros((len(old), len(new)))
    out[np.ix_(rows, cols)] = 0.5 * (old_side + new_side)
    base = float(np.median(out))
    return np.clip((out - base) / max(1e-6, 1.0 - base), 0.0, 1.0)


def _used_terms(text: str, terms: set[str]) -> set[str]:
    low = f" {text.lower()} "
    return {t for t in terms if f" {t} " in low or f" {t}," in low or f" {t}." in low}


def _signals(
    old: Sequence[Provision], new: Sequence[Provision], vectors: Mapping[str, np.ndarray],
    terms: set[str],
) -> dict[str, np.ndarray]:  # fmt: skip
    """Each signal as an (old x new) matrix in [0, 1]."""
    tfidf = _Tfidf([p.text for p in [*old, *new]])
    titles = _Tfidf([p.titles for p in [*old, *new]])
    out = {
        "lexical": _cosines(
            [tfidf.vector(p.text) for p in old], [tfidf.vector(p.text) for p in new]
        ),
        "titles": _cosines(
            [titles.vector(p.titles) for p in old], [titles.vector(p.titles) for p in new]
        ),
        "terms": _jaccard(
            [_used_terms(p.text, terms) for p in old], [_used_terms(p.text, terms) for p in new]
        ),
    }
    dense = _dense_matrix([p.chunks for p in old], [p.chunks for p in new], vectors)
    if dense is not None:
        out["dense"] = dense
    return out


def _weighted(signals: dict[str, np.ndarray]) -> np.ndarray:
    weights = {k: w for k, w in WEIGHTS.items() if k in signals}
    return sum(w * signals[k] for k, w in weights.items()) / sum(weights.values())


def _order_prior(base: np.ndarray) -> np.ndarray:
    """Successor texts mostly keep the order of their provisions: an old Pasal lying between two
    confidently matched neighbours ("anchors") probably maps between their matches. 1 at the
    interpolated position, falling to 0 at the anchors' matches."""
    best = base.argmax(axis=1)
    top = np.sort(base, axis=1)
    margin = top[:, -1] - (top[:, -2] if base.shape[1] > 1 else 0)
    anchors = [i for i in range(base.shape[0]) if top[i, -1] >= ANCHOR_SCORE and margin[i] >= 0.1]
    prior = np.zeros_like(base)
    for i in range(base.shape[0]):
        before = [a for a in anchors if a < i]
        after = [a for a in anchors if a > i]
        if not before or not after:
            continue
        ia, ib = before[-1], after[0]
        ja, jb = int(best[ia]), int(best[ib])
        if jb - ja < 2:
            continue
        expected = ja + (i - ia) * (jb - ja) / (ib - ia)
        for j in range(ja + 1, jb):
            prior[i, j] = max(0.0, 1.0 - abs(j - expected) / max(1.0, (jb - ja) / 2))
    return prior


def _rank(
    old: Sequence[Provision], new: Sequence[Provision], vectors: Mapping[str, np.ndarray],
    terms: set[str],
) -> dict[str, list[dict[str, object]]]:  # fmt: skip
    """For each old provision, the best KEEP new provisions with score and the signals behind it."""
    signals = _signals(old, new, vectors, terms)
    base = _weighted(signals)
    signals["order"] = _order_prior(base)
    score = (base + ORDER_WEIGHT * signals["order"]) / (1 + ORDER_WEIGHT)
    result: dict[str, list[dict[str, object]]] = {}
    for i, p in enumerate(old):
        ranked = np.argsort(-score[i])[:KEEP]
        result[p.id] = [
            {
                "new": new[j].id,
                "score": round(float(score[i, j]), 3),
                "basis": {k: round(float(m[i, j]), 3) for k, m in signals.items()},
            }
            for j in ranked
        ]
    return result


def _definition_term(c: Chunk) -> str | None:
    m = _DEFINED.search(c.text) if c.pasal == "1" and (c.item or "").startswith("angka") else None
    return (m.group(2) or m.group(1)).strip().lower() if m else None


def _chunk_matches(
    old: Provision, candidates: list[dict[str, object]], by_id: dict[str, Provision],
    vectors: Mapping[str, np.ndarray], tfidf: _Tfidf,
) -> dict[str, list[dict[str, object]]]:  # fmt: skip
    """Ayat-level: each chunk of an old Pasal against the chunks of its candidate new Pasal."""
    pool = [
        (c, float(str(cand["score"])))
        for cand in candidates
        for c in by_id[str(cand["new"])].chunks
    ]
    out: dict[str, list[dict[str, object]]] = {}
    for c in old.chunks:
        term = _definition_term(c)
        vec, v = tfidf.vector(c.text), vectors.get(c.id)
        scored = []
        for d, pasal_score in pool:
            if term is not None and _definition_term(d) == term:
                scored.append((1.0, d.id))
                continue
            lex = _cos(vec, tfidf.vector(d.text))
            w = vectors.get(d.id)
            cos = (
                float(v @ w / (np.linalg.norm(v) * np.linalg.norm(w)))
                if v is not None and w is not None
                else lex
            )
            scored.append((0.3 * pasal_score + 0.35 * lex + 0.35 * cos, d.id))
        scored.sort(key=lambda t: -t[0])
        if term is not None and (not scored or scored[0][0] < 1.0):
            continue  # a term the new text no longer defines: no definition corresponds
        out[c.id] = [{"new": d, "score": round(s, 3)} for s, d in scored[:2]]
    return out


def successor_pairs(documents: Mapping[str, DocInfo], present: set[str]) -> list[tuple[str, str]]:
    """(old, new) for every indexed revoked regulation and its indexed successor. Amendment
    regulations (they only change another text) are left out: their changes live in the amended one."""
    return [
        (doc.id, new)
        for doc in documents.values()
        if doc.id in present and not doc.mengubah
        for new in doc.dicabut_oleh
        if new in present
    ]


def _doubtful(cands: list[dict[str, object]]) -> str | None:
    best = float(str(cands[0]["score"])) if cands else 0.0
    second = float(str(cands[1]["score"])) if len(cands) > 1 else 0.0
    if best < DOUBTFUL_SCORE:
        return "low_score"
    if best - second < DOUBTFUL_MARGIN:
        return "small_margin"
    return None


def build_correspondence(
    chunks: Sequence[Chunk], documents: Mapping[str, DocInfo], present: set[str],
    vectors: Mapping[str, np.ndarray] | None = None,
) -> dict[str, object]:  # fmt: skip
    """The ``correspondence`` artifact: {"pairs", "pasal": {old pasal id: [..]}, "chunk": {old chunk
    id: [..]}, "doubtful": {old pasal id: "low_score" | "small_margin" | "revocation_clause"}}."""
    vectors = vectors or {}
    out: dict[str, dict] = {"pasal": {}, "chunk": {}, "doubtful": {}}
    pairs = successor_pairs(documents, present)
    for old_doc, new_doc in pairs:
        old, new = provisions(chunks, old_doc), provisions(chunks, new_doc)
        if not old or not new:
            continue
        doc_chunks = [c for c in chunks if c.doc in (old_doc, new_doc)]
        terms = defined_terms([c for c in doc_chunks if c.doc == old_doc]) & defined_terms(
            [c for c in doc_chunks if c.doc == new_doc]
        )
        ranked = _rank(old, new, vectors, terms)
        tfidf = _Tfidf([c.text for c in doc_chunks if c.part == Part.BATANG_TUBUH])
        by_id = {p.id: p for p in new}
        for p in old:
            merged = sorted([*out["pasal"].get(p.id, []), *ranked[p.id]], key=lambda d: -d["score"])
            out["pasal"][p.id] = merged[:KEEP]
            out["chunk"].update(_chunk_matches(p, ranked[p.id], by_id, vectors, tfidf))
            if _REVOKING.search(p.text):
                out["doubtful"][p.id] = "revocation_clause"
    for pid, cands in out["pasal"].items():
        if pid not in out["doubtful"] and (reason := _doubtful(cands)):
            out["doubtful"][pid] = reason
    return {"version": 1, "pairs": [list(p) for p in pairs], **out}
