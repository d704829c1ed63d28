"""Reranker plumbing with a tiny CrossEncoder built inside the test (no download)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.backends.rerank import CrossEncoderReranker
from assistant.config import Settings
from assistant.runtime import Runtime

pytestmark = pytest.mark.slow


def _tiny_cross_encoder(path: Path) -> Path:
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    words = [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
        "pns",
        "dilarang",
        "cuti",
        "gaji",
        "pasal",
        "asn",
    ]
    (path / "vocab.txt").write_text("\n".join(words) + "\n")
    tokenizer = BertTokenizer(str(path / "vocab.txt"))
    config = BertConfig(
        vocab_size=len(words),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=1,
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    model.save_pretrained(str(path))
    tokenizer.save_pretrained(str(path))
    return path


def test_cross_encoder_scores_pairs(tmp_path: Path) -> None:
    reranker = CrossEncoderReranker(str(_tiny_cross_encoder(tmp_path)))
    scores = reranker.score("pns dilarang", ["pns dilarang gaji", "cuti asn", "pasal"])
    assert len(scores) == 3 and all(isinstance(s, float) for s in scores)
    assert len(set(round(s, 6) for s in scores)) > 1


def test_reranker_reorders_retrieval_candidates(tmp_path: Path, mini_settings: Settings) -> None:
    model = _tiny_cross_encoder(tmp_path)
    settings = mini_settings.model_copy(update={"reranker": str(model)})
    rt = Runtime(settings)
    result = rt.retriever.search("PNS dilarang", k=5)
    head = result.passages[:15]
    assert all(p.rerank is not None for p in head)
    assert [p.score for p in head] == sorted((p.score for p in head), reverse=True)
    assert result.timings_ms["rerank"] > 0


@pytest.mark.parametrize(
    "question",
    [
        "digitalisasi manajemen ASN itu maksudnya apa?",
        "Aplikasi SPBE itu definisinya apa?",
        "pengertiannya PPPK apa sih",
    ],
)
def test_definition_questions_in_chat_form_are_recognised(question: str) -> None:
    from assistant.ranking import DEFINITION_HINT

    assert DEFINITION_HINT.search(question)


def test_a_purpose_is_not_a_definition_question() -> None:
    from assistant.ranking import DEFINITION_HINT

    assert not DEFINITION_HINT.search("cuti besar dimaksudkan untuk apa dan berapa lama?")


def test_a_month_asked_in_chat_form_is_not_a_definition_question() -> None:
    """ "apa sih" is how people ask what a term means, but "bulan apa sih" asks for a month."""
    from assistant.ranking import wants_definition

    assert wants_definition("SKP itu apa sih?")
    assert not wants_definition("SKP tuh ditetepin bulan apa sih tiap taunnya?")
