"""Typo-tolerant questions: what must be corrected, and what must never change."""

from __future__ import annotations

import pytest

from assistant.spelling import Speller, typo_cost
from assistant.text import tokenize

# Real sentences of the regulations (PP 94/2021, PP 30/2019, PP 11/2017, UU 20/2023), each repeated
# so that its words count as frequent vocabulary.
TEXTS = [
    "PNS dilarang menyalahgunakan wewenang. Bagian Ketiga Larangan. Larangan bagi PNS.",
    "Penilaian Kinerja PNS adalah suatu proses sistematis. Kinerja PNS adalah hasil kerja.",
    "Lamanya cuti melahirkan adalah 3 (tiga) bulan. Batas usia pensiun PNS.",
    "Pegawai ASN berfungsi sebagai pelaksana kebijakan publik. Disiplin PNS. Jabatan manajerial.",
    "Hukuman disiplin berat. Tidak masuk kerja tanpa alasan yang sah. Mentor.",
    "Jangka waktu perjanjian kerja habis. Hasil penilaian.",
] * 5


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller.from_texts(TEXTS)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("larangn bagi pns apa aj", "larangan bagi pns apa saja"),
        ("apa itu penilain kinreja pns", "apa itu penilaian kinerja pns"),
        ("brp lama cuti melahirkn utk pns", "berapa lama cuti melahirkan untuk pns"),
        ("Batas usia pensiunn PNS", "Batas usia pensiun PNS"),  # a letter typed twice
        ("pelanggaran dispilin", "pelanggaran disiplin"),  # swapped neighbours
        ("Kedudukan pegawi ASN", "Kedudukan pegawai ASN"),  # a dropped vowel
        ("jabatan menejerial", "jabatan manajerial"),  # sound-alike vowels
        ("Larangn PNS", "Larangan PNS"),  # the capital stays
        ("pns yg bolos krj gmn", "pns yang bolos kerja bagaimana"),
        (
            "min, syarat pensiun gimana kak?",
            "syarat pensiun bagaimana?",
        ),  # forms of address dropped
    ],
)
def test_corrections_that_must_happen(speller: Speller, typed: str, expected: str) -> None:
    assert speller.correct(typed).text == expected


@pytest.mark.parametrize(
    "question",
    [
        "Apa isi Pasal 5 PP 94/2021?",  # regulation abbreviations and numbers
        "NIP 199001012015031002 cuti berapa hari?",  # NIP-like digit strings
        "Apakah SPBE dan KASN diatur?",  # acronyms typed in capitals
        "Kinerja PNS dan disiplin",  # words of the index
        "coaching dan mentoring",  # an English loanword near "mentor" stays
        "pasal 5a ayat 2",  # digits inside a word
        "mengundurkan diri",  # derived forms of dictionary roots
    ],
)
def test_words_that_must_not_change(speller: Speller, question: str) -> None:
    corrected = speller.correct(question)
    assert corrected.text == question and not corrected.corrections


def test_english_questions_keep_their_words_and_gain_the_indonesian_terms(speller: Speller) -> None:
    question = "How many days of annual leave does a contract employee get?"
    corrected = speller.correct(question, english=True)
    assert corrected.text.startswith(question)  # nothing of the question is rewritten
    assert corrected.text.endswith("(hari cuti tahunan PPPK)"), corrected.text
    # the longest phrase is read ("annual leave", not "leave"), and shown in Mode Pelatihan
    assert "annual leave → cuti tahunan" in corrected.trace()
    assert all(c.kind == "translation" for c in corrected.corrections)
    plain = "What does it say about the weather?"
    assert speller.correct(plain, english=True).text == plain  # no term of the civil service


def test_english_function_words_name_no_topic() -> None:
    """ "that", "their" weigh nothing (like "yang", "mereka"); "accept gifts related to their
    position" is read as the regulations' "menerima hadiah yang berhubungan dengan jabatan"."""
    question = "Is a civil servant allowed to accept gifts that are related to their position?"
    words = tokenize(question)
    assert "that" not in words and "their" not in words
    assert set(tokenize("menerima hadiah yang berhubungan dengan jabatan")) <= set(words)


def test_corrections_are_recorded_for_the_trace(speller: Speller) -> None:
    corrected = speller.correct("larangn bagi pns apa aj")
    assert corrected.trace() == ["larangn → larangan", "aj → saja"]
    assert [c.kind for c in corrected.corrections] == ["typo", "abbreviation"]


def test_far_words_are_not_forced_onto_the_vocabulary(speller: Speller) -> None:
    assert speller.suggest("rendang") is None
    assert speller.correct("resep rendang padang").text == "resep rendang padang"


def test_likely_slips_cost_less_than_other_edits() -> None:
    assert typo_cost("kinreja", "kinerja") < typo_cost("kinxrja", "kinerja")
    assert typo_cost("larangn", "larangan") < typo_cost("larngan", "larangan") + 0.5
    assert typo_cost("pensiunn", "pensiun") < 1.0
    assert typo_cost("dengan", "dengan") == 0.0


def test_a_run_of_characters_longer_than_any_word_is_left_alone() -> None:
    from assistant.spelling import max_cost

    assert max_cost("x" * 500) == 0.0
    assert max_cost("larangn") > 0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pns dilarng menyalahgunakan wewenang", "pns dilarang menyalahgunakan wewenang"),
        ("marah2 ke bawahan", "marah-marah ke bawahan"),  # chat shorthand for a doubled word
        ("terus2an tidak masuk kerja", "terus-terusan tidak masuk kerja"),
        ("berturut2 tiga kali", "berturut-turut tiga kali"),  # the root is doubled, not the prefix
        ("resign sblm kontrak habis", "resign sebelum kontrak habis"),
        ("diperiksa scr online", "diperiksa secara online"),
        # chat spellings that are rare dictionary words ("taun"), or derived from one ("taunan")
        ("cuti taunan 2 taun blom diambil", "cuti tahunan 2 tahun belum diambil"),
        # spoken Jakarta drops the "h", though the root dictionary lists "abis"; "ap" is "apa"
        ("kontrak abis, syaratnya ap aj", "kontrak habis, syaratnya apa saja"),
        ("asil penilaian", "hasil penilaian"),
        # personnel-office acronyms the regulations spell out
        ("selama mpp dapat uang?", "selama masa persiapan pensiun dapat uang?"),
        ("kena ptdh krn apa", "kena pemberhentian tidak dengan hormat karena apa"),
    ],
)
def test_affixed_typos_and_chat_shorthand(speller: Speller, typed: str, expected: str) -> None:
    assert speller.correct(typed).text == expected


def test_an_affixed_known_word_is_not_a_typo(speller: Speller) -> None:
    """ "dilarang" is "larang" with a prefix; "dilarng" only looks like one to the stemmer."""
    assert speller.known("dilarang") and not speller.known("dilarng")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("PNS tdk msuk krja", "PNS tidak masuk kerja"),
        ("hkmn disiplin brat", "hukuman disiplin berat"),  # consonants only: the most frequent word
        ("lmnya cuti melahirkn", "lamanya cuti melahirkan"),
        ("jbtn mnjrl", "jabatan manajerial"),  # "ng" typed as "g" is matched the same way
    ],
)
def test_words_typed_without_their_vowels(speller: Speller, typed: str, expected: str) -> None:
    assert speller.correct(typed).text == expected


def test_a_vowelless_word_only_becomes_a_word_with_its_consonants(speller: Speller) -> None:
    """ "sk" (two consonants) says too little; "xkcd" matches no word's consonants."""
    assert speller.correct("sk hukuman disiplin").text == "sk hukuman disiplin"
    # three consonants alone are more likely an acronym ("drh": daftar riwayat hidup) than a word
    regional = Speller.from_texts(["Pemerintah daerah dan rumah dinas."] * 5)
    assert regional.correct("drh sy blm update").text == "drh saya belum update"
    assert regional.correct("drah sy").text == "daerah saya"  # with a vowel it is the word
    assert speller.correct("xkcd disiplin").text == "xkcd disiplin"


def test_a_vowelless_word_with_the_suffix_nya() -> None:
    """ "btsnya" is "batas" + "-nya": the base is read without vowels, even with three consonants
    (alone "bts" could be an acronym; before "-nya" it is a word)."""
    texts = ["Batas waktu pengajuan keberatan. Kewajiban PNS dan kewajiban PPPK."] * 5
    speller = Speller.from_texts(texts)
    assert speller.correct("btsnya brp hari").text == "batasnya berapa hari"
    assert speller.correct("apa kwjbnnya").text == "apa kewajibannya"
    assert speller.correct("bts sy").text == "bts saya"  # no "-nya": an acronym is left alone


def test_a_vowelless_word_typed_without_its_prefix_di() -> None:
    """ "d brhntikn" (di-berhentikan, the prefix typed apart) is the texts' "diberhentikan"; the
    base of a doubled word is corrected before it is doubled ("brturut2")."""
    texts = ["PNS diberhentikan dengan hormat. Tidak masuk kerja berturut-turut."] * 5
    speller = Speller.from_texts(texts)
    assert speller.correct("kapan d brhntikn").text == "kapan d diberhentikan"
    assert speller.correct("bolos brturut2").text == "bolos berturut-turut"


def test_chat_shorthand_of_three_letters_is_spelt_out(speller: Speller) -> None:
    assert speller.correct("cuti bsr mksml brp lm").text == "cuti besar maksimal berapa lama"
    assert speller.correct("g msk tnp ktrngn").text.startswith("g masuk tanpa")


def test_the_words_of_a_quantity_are_read_though_the_texts_lack_them() -> None:
    """The regulations count in days, so "minggu" is not in their vocabulary; "dua mingu" is still
    "dua minggu" (the stated value of "sakit lebih dari dua mingu")."""
    speller = Speller.from_texts(["PNS yang sakit lebih dari 14 (empat belas) hari."] * 5)
    assert speller.correct("sakit lebih dari dua mingu").text == "sakit lebih dari dua minggu"
