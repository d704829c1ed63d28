"""The deterministic follow-up rewriter (no index needed)."""

from __future__ import annotations

import pytest

from api.rewrite import is_follow_up, rewrite


@pytest.mark.parametrize(
    ("previous", "question", "expected", "rule"),
    [
        (
            "Berapa lama cuti tahunan PNS?",
            "kalau PPPK bagaimana?",
            "Berapa lama cuti tahunan PPPK?",
            "ganti subjek",
        ),
        ("Apa fungsi pegawai ASN?", "kalau PPPK?", "Apa fungsi PPPK?", "ganti subjek"),
        (
            "Apa saja hak PNS?",
            "bagaimana dengan kewajibannya?",
            "Apa saja kewajiban PNS?",
            "ganti aspek",
        ),
        (
            "Apa saja jenis hukuman disiplin berat bagi PNS?",
            "terus yang sedang?",
            "Apa saja jenis hukuman disiplin sedang bagi PNS?",
            "ganti tingkat",
        ),
        (
            "What are the rights of civil servants?",
            "and for PPPK?",
            "What are the rights of PPPK?",
            "ganti subjek",
        ),
        (
            "Apa kewajiban menurut UU 20/2023?",
            "Apa isi pasal 24?",
            "Apa isi pasal 24 UU 20/2023?",
            "dokumen sebelumnya",
        ),
        (
            "Apa saja hak PNS?",
            "bagaimana dengan UU 5/2014?",
            "Apa saja hak PNS menurut UU 5/2014?",
            "ganti dokumen",
        ),
        (
            "Apa saja hak PNS menurut UU 20/2023?",
            "kalau menurut PP 11/2017?",
            "Apa saja hak PNS menurut PP 11/2017?",
            "ganti dokumen",
        ),
        ("Cuti besar PNS", "berapa lama?", "Berapa lama cuti besar PNS?", "ulang topik"),
        (
            "PNS wajib masuk kerja",
            "terus sanksinya apa?",
            "PNS wajib masuk kerja sanksi?",
            "gabung topik",
        ),
        (
            "Apa saja kewajiban PNS?",
            "lalu apa sanksinya jika dilanggar?",
            "Apa saja sanksi PNS jika dilanggar?",
            "ganti aspek",
        ),
    ],
)
def test_follow_ups_become_stand_alone(
    previous: str, question: str, expected: str, rule: str
) -> None:
    result = rewrite(question, ["Pertanyaan yang lebih lama", previous])
    assert (result.query, result.rule, result.previous) == (expected, rule, previous)


@pytest.mark.parametrize(
    "question",
    [
        "Apa fungsi ASN?",
        "Apa saja larangan bagi PNS menurut PP 94/2021?",
        "Kalau PNS tidak masuk kerja 10 hari tanpa alasan yang sah dan tidak memberi kabar, apa hukumannya?",
        "Bagaimana tata cara pengangkatan PPPK menjadi pejabat fungsional?",
    ],
)
def test_stand_alone_questions_are_kept(question: str) -> None:
    assert not is_follow_up(question)
    assert rewrite(question, ["Berapa lama cuti tahunan PNS?"]).query == question


def test_without_history_nothing_changes() -> None:
    result = rewrite("kalau PPPK bagaimana?", [])
    assert (result.query, result.rule) == ("kalau PPPK bagaimana?", "asli")


def test_pasal_without_any_document_in_history_is_kept() -> None:
    assert rewrite("Apa isi pasal 24?", ["Apa fungsi ASN?"]).rule == "asli"
