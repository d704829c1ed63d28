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
SAKIT_SINGKAT = (
    "(1) PPPKyang sakit lebih dari 1 (satu) hari sampai dengan 14 (empat belas) hari berhak atas "
    "cuti sakit"
)
BUTUH_PERBAIKAN = (
    "d. Butuh Perbaikan, apabila PNS memiliki nilai dengan angka 50 (lima puluh) x angka 70"
)
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
        ("sakit lebih dari dua minggu, cutinya berapa lama?", [Quantity(14, "hari", above=True)]),
        ("sakit 2 minggu, cutinya berapa lama?", [Quantity(14, "hari")]),
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


def test_a_value_stated_as_a_bound_holds_only_beyond_it() -> None:
    """ "Sakit lebih dari dua minggu" is ayat (2) ("lebih dari 14 hari"), not ayat (1), whose
    range ends at 14 days; "lebih dari 1 (satu) hari sampai dengan ..." opens a range and is no
    lower bound of its own."""
    beyond = asked_quantities("PPPK sakit lebih dari dua minggu, cutinya paling lama berapa?")
    assert beyond == [Quantity(14, "hari", above=True)]
    assert holds(SAKIT, beyond[0]) and not holds(SAKIT_SINGKAT, beyond[0])
    assert holds(SAKIT_SINGKAT, Quantity(14, "hari"))
    assert not holds(SAKIT_SINGKAT, Quantity(20, "hari"))


def test_a_percentage_is_not_a_score() -> None:
    """ "60% SKP" is a weight, not a score inside "50 x angka 70"."""
    assert not holds(BUTUH_PERBAIKAN, Quantity(60, "persen"))
    assert holds(BUTUH_PERBAIKAN, Quantity(60, None))
