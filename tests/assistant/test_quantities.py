"""Values a question states and the provision parts whose conditions hold them (real texts, OCR
left-overs included: "1O", "s x" for "s.d.", "2l" for "2)")."""

from __future__ import annotations

import pytest

from assistant.quantities import Quantity, asked_quantities, holds

TEGURAN_LISAN = (
    "1. teguran lisan bagi PNS yang tidak Masuk Kerja tanpa alasan yang sah secara kumulatif selama "
    "3 (tiga) hari kerja dalam 1 (satu) tahun;"
)
TEGURAN_TERTULIS = (
    "2. teguran tertulis bagi PNS yang tidak Masuk Kerja tanpa alasan yang sah secara kumulatif "
    "selama 4 (empat) sampai dengan 6 (enam) hari kerja dalam 1 (satu) tahun; dan"
)
BAIK = "b. Baik, hpabila PNS memiliki nilai dengan angka 90 (sembilan puluh) x angka 120 (seratus dua puluh);"
CUKUP = "c. Cukup, apabila PNS memiliki nilai dengan angka 70 (tujuh puluh) x angka 90 (sembilan puluh);"
SAKIT = "(2) PPPK yang menderita sakit lebih dari 14 (empat belas) hari berhak atas cuti sakit"
POTONG_9_BULAN = (
    "2l pemotongan tunjangan kinerja sebesar 25o/o (dua puluh lima persen) selama 9 (sembilan) bulan "
    "bagi PNS yang tidak Masuk Kerja tanpa alasan yang sah secara kumulatif selama 14 (empat belas) "
    "sampai dengan 20 (dua puluh) hari kerja"
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("temen bolos 5 hari kerja dalam setahun, kena hukuman apa?", [Quantity(5, "hari")]),
        ("nilai kinerja sy 85, predikatnya apa?", [Quantity(85, None)]),
        ("sakit lebih dari dua minggu, cutinya berapa lama?", [Quantity(14, "hari")]),
        ("udah kerja 6 thn boleh cuti besar?", [Quantity(6, "tahun")]),
        # names and years are not values: "Pasal 38 tahun 2010", "PP 53 tahun 2010"
        ("PP 53/2010 pasal 38 tahun 2010 bilang apa?", []),
        ("PP 53 tahun 2010 soal bolos 7 hari", [Quantity(7, "hari")]),
        ("berapa lama cuti besar?", []),
    ],
)
def test_the_values_a_question_states(question: str, expected: list[Quantity]) -> None:
    assert asked_quantities(question) == expected


def test_a_range_a_bound_or_the_very_value_holds() -> None:
    five, three, fifteen = Quantity(5, "hari"), Quantity(3, "hari"), Quantity(15, "hari")
    assert holds(TEGURAN_TERTULIS, five) and not holds(TEGURAN_LISAN, five)
    assert holds(TEGURAN_LISAN, three) and not holds(TEGURAN_TERTULIS, three)
    assert holds(POTONG_9_BULAN, fifteen) and not holds(TEGURAN_TERTULIS, fifteen)
    assert holds(SAKIT, Quantity(20, "hari")) and not holds(SAKIT, Quantity(10, "hari"))
    # a score has no unit: OCR's "90 (sembilan puluh) x angka 120" is a range
    assert holds(BAIK, Quantity(95, None)) and not holds(CUKUP, Quantity(95, None))
    assert holds(CUKUP, Quantity(85, None)) and not holds(BAIK, Quantity(85, None))


def test_another_unit_does_not_hold() -> None:
    """ "selama 9 (sembilan) bulan" is the sanction's length, not the days absent."""
    assert not holds(POTONG_9_BULAN, Quantity(9, "hari"))
    assert holds(POTONG_9_BULAN, Quantity(9, "bulan"))
