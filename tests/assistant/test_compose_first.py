"""Answer first: the direct answer by question type, then "Dasar hukum:" with short cited quotes.

The passages are real provisions (texts as the corpus holds them, OCR left-overs included).
"""

from __future__ import annotations

import re

import pytest

from assistant.compose import (
    QUOTE_LIMIT,
    compose_answer,
    direct_answer,
    expected_kind,
    focused_quote,
)
from assistant.documents import Chunk, Part, Passage
from assistant.provision_text import clean, plain, sentence, shorten, units
from assistant.understand import AnswerType

CUTI_MELAHIRKAN = (
    "Untuk kelahiran anak pertama sampai dengan kelahiran anak ketiga pada saat menjadi PNS, berhak "
    "atas cuti melahirkan. Untuk kelahiran anak keempat dan seterusnya, kepada PNS diberikan cuti "
    "besar. Lamanya cuti melahirkan sebagaimana dimaksud pada ayat (1) dan ayat (2) adalah 3 (tiga) "
    "bulan.\n(1) (2) (3)"
)
CARA_CUTI = (
    "Untuk dapat menggunakan hak atas cuti melahirkan sebagaimana dimaksud dalam Pasal 325, PNS yang "
    "bersangkutan mengajukan permintaan secara tertulis kepada PPK atau pejabat yang menerima "
    "delegasi wewenang untuk memberikan hak atas cuti melahirkan."
)
HUKUMAN_RINGAN = (
    "(2) Jenis Hukuman Disiplin ringan sebagaimana dimaksud pada ayat (1) huruf a terdiri atas:\n"
    "a. teguran lisan;\nb. teguran tertulis; atau\nc. pernyataan tidak puas secara tertulis."
)
LARANGAN = (
    "PNS dilarang:\na. menyalahgunakan wewenang;\nb. menjadi perantara untuk mendapatkan keuntungan "
    "pribadi dan/atau orang lain dengan menggunakan kewenangan orang lain yang diduga terjadi konflik "
    "kepentingan dengan jabatan;\nc. menjadi pegawai atau bekerja untuk negara lain;\nd. bekerja pada "
    "lembaga atau organisasi internasional tanpa izin atau tanpa ditugaskan oleh Pejabat Pembina "
    "Kepegawaian;\n5.i A e. bekerja pada perusahaan asing, konsultan asing, atau lembaga swadaya "
    "masyarakat asing kecuali ditugaskan oleh Pejabat Pembina Kepegawaian;\nf. memiliki, menjual, "
    "membeli, menggadaikan, menyewakan, atau meminjamkan barang baik bergerak atau tidak bergerak, "
    "dokumen, atau surat berharga milik negara secara tidak sah;\ng. melakukan pungutan di luar "
    "ketentuan;\nh. melakukan kegiatan yang merugikan negara;\ni. bertindak sewenang-wenang terhadap "
    "bawahan;\nj. menghalangi berjalannya tugas kedinasan;"
)
KINERJA_PNS = (
    "10. Kinerja PNS adalah hasil kerja yang dicapai oleh setiap PNS pada organisasi/unit sesuai "
    "dengan SKP dan Perilaku Kerja."
)
PNS = (
    "3. Pegawai Negeri Sipil yang selanjutnya disingkat PNS adalah warga negara Indonesia yang "
    "memenuhi syarat tertentu, diangkat sebagai Pegawai ASN secara tetap oleh pejabat pembina "
    "kepegawaian untuk menduduki jabatan pemerintahan. Kinerja adalah hasil kerja."
)
FUNGSI = (
    "Pegawai ASN berfungsi sebagai:\na. pelaksana kebijakan publik;\nb. pelayan publik; dan\n"
    "c. perekat dan pemersatu bangsa."
)


def passage(text: str, pasal: str, doc: str = "PP 11/2017", ayat: str | None = None) -> Passage:
    number = doc.split()[-1].replace("/", "-")
    place = f"{doc.lower().replace(' ', '-')}/pasal-{pasal}"
    chunk = Chunk(
        id=f"{place}/ayat-{ayat}" if ayat else place,
        doc=f"{doc.split()[0].lower()}-{number}",
        doc_short=doc,
        doc_title="",
        part=Part.BATANG_TUBUH,
        pasal=pasal,
        ayat=ayat,
        heading=f"{doc} › Pasal {pasal}",
        text=text,
        order=int(pasal) if pasal.isdigit() else 0,
    )
    return Passage(chunk=chunk, score=1.0)


def basis_quotes(text: str) -> list[str]:
    return re.findall(r'^- [^"\n]+: "(.*)" \[\d+\]$', text, re.M)


def test_number_question_leads_with_the_number_and_its_unit() -> None:
    passages = [passage(CUTI_MELAHIRKAN, "325"), passage(CARA_CUTI, "326")]
    composed = compose_answer("Berapa lama cuti melahirkan untuk PNS?", passages)
    assert composed.direct == "Lamanya cuti melahirkan adalah 3 (tiga) bulan. [1]"
    direct, basis = composed.text.split("\n\nDasar hukum:\n")
    assert direct == composed.direct
    assert basis.startswith('- PP 11/2017 Pasal 325: "Untuk kelahiran')
    assert "(1) (2) (3)" not in composed.text  # no stray ayat-marker run
    assert "[2]" in basis


def test_number_is_looked_for_in_the_runner_up_when_the_best_provision_has_none() -> None:
    passages = [passage(CARA_CUTI, "326"), passage(CUTI_MELAHIRKAN, "325")]
    direct, source = direct_answer("brp lama cuti melahirkan?", passages)
    assert "3 (tiga) bulan" in direct and source == 1


def test_list_question_gives_the_items_shortened() -> None:
    composed = compose_answer(
        "Hukuman disiplin ringan itu jenisnya apa saja?",
        [passage(HUKUMAN_RINGAN, "8", "PP 94/2021", ayat="2")],
    )
    assert composed.direct == (
        "Jenis Hukuman Disiplin ringan terdiri atas: teguran lisan; teguran tertulis; "
        "pernyataan tidak puas secara tertulis. [1]"
    )


def test_a_long_list_is_cut_with_a_pointer_to_the_basis() -> None:
    direct, _ = direct_answer("larangan bagi pns apa saja", [passage(LARANGAN, "5", "PP 94/2021")])
    assert direct.startswith("PNS dilarang: menyalahgunakan wewenang; menjadi perantara")
    assert len(direct) <= 520 and "…" in direct


@pytest.mark.parametrize(
    ("question", "verdict", "rule"),
    [
        (
            "Boleh gak PNS kerja di LSM asing tanpa penugasan dari PPK?",
            "Tidak boleh.",
            "PNS dilarang bekerja pada perusahaan asing, konsultan asing, atau lembaga swadaya "
            "masyarakat asing",
        ),
        (
            "Apakah PNS boleh bertindak sewenang-wenang terhadap bawahan?",
            "Tidak boleh.",
            "PNS dilarang bertindak sewenang-wenang terhadap bawahan.",
        ),
    ],
)
def test_permission_question_gets_yes_or_no_from_the_rule(
    question: str, verdict: str, rule: str
) -> None:
    direct, _ = direct_answer(question, [passage(LARANGAN, "5", "PP 94/2021")])
    assert direct.startswith(f"{verdict} {rule}")


def test_no_yes_or_no_when_the_provision_does_not_say_it() -> None:
    direct, _ = direct_answer(
        "Apakah PNS bisa cuti melahirkan untuk anak keempat?", [passage(CUTI_MELAHIRKAN, "325")]
    )
    assert not direct.startswith(("Ya", "Tidak"))  # the provision says "diberikan cuti besar"
    assert "anak keempat" in direct


def test_definition_question_gives_the_definition_of_the_named_term() -> None:
    passages = [passage(PNS, "1", "UU 20/2023"), passage(KINERJA_PNS, "1", "PP 30/2019")]
    direct, source = direct_answer("apa itu kinerja pns", passages[1:])
    assert direct.startswith("Kinerja PNS adalah hasil kerja") and source == 0
    direct, _ = direct_answer("Apa yang dimaksud dengan PNS?", passages[:1])
    assert direct.startswith("Pegawai Negeri Sipil yang selanjutnya disingkat PNS adalah")


def test_other_questions_fall_back_to_the_best_sentence() -> None:
    direct, _ = direct_answer(
        "Bagaimana cara mengajukan cuti melahirkan?",
        [passage(CUTI_MELAHIRKAN, "325"), passage(CARA_CUTI, "326")],
    )
    assert direct.startswith("Untuk kelahiran anak pertama")  # best sentence of the best provision
    direct, _ = direct_answer("Apa fungsi pegawai ASN?", [passage(FUNGSI, "10", "UU 20/2023")])
    assert direct == (
        "Pegawai ASN berfungsi sebagai: pelaksana kebijakan publik; pelayan publik; "
        "perekat dan pemersatu bangsa."
    )


def test_quotes_are_capped_and_cut_at_word_boundaries() -> None:
    passages = [passage(LARANGAN, "5", "PP 94/2021"), passage(LARANGAN + " " * 3, "6")]
    composed = compose_answer("Apakah PNS dilarang melakukan pungutan di luar ketentuan?", passages)
    quotes = basis_quotes(composed.text)
    assert len(quotes) == 2
    for quote in quotes:
        assert len(quote) <= QUOTE_LIMIT + 2
        assert quote.endswith("…") or quote.endswith(";")
    assert "g. melakukan pungutan di luar ketentuan" in quotes[0]
    assert quotes[0].startswith("PNS dilarang: …")  # the lead-in, then only the items that carry it


def test_sources_without_the_answer_are_named_not_quoted() -> None:
    passages = [
        passage(CUTI_MELAHIRKAN, "325"),
        passage(CARA_CUTI, "326"),
        passage(FUNGSI, "10", "UU 20/2023"),
    ]
    composed = compose_answer("Berapa lama cuti melahirkan?", passages)
    # only the part that states the number is quoted, and since the direct answer says it, only
    # its first words; "how to apply" was not asked: named only
    assert basis_quotes(composed.text) == ["… Lamanya cuti melahirkan …"]
    assert composed.text.endswith(
        "- Lihat juga: PP 11/2017 Pasal 326 [2]; UU 20/2023 Pasal 10 [3]."
    )


def test_english_framing() -> None:
    composed = compose_answer(
        "What are the functions of civil servants?", [passage(FUNGSI, "10", "UU 20/2023")], True
    )
    assert composed.text.startswith("According to UU 20/2023 Pasal 10: Pegawai ASN berfungsi")
    assert "\n\nLegal basis:\n" in composed.text


def test_provision_units_keep_their_list_lead_in() -> None:
    parts = units(LARANGAN)
    assert parts[0].text == "PNS dilarang:" and not parts[0].item
    item_e = next(u for u in parts if "perusahaan asing" in u.text)
    assert item_e.item and item_e.lead == "PNS dilarang:"
    assert item_e.text.startswith("e. bekerja")  # OCR debris "5.i A" before the marker dropped


def test_helpers() -> None:
    assert clean("adalah 3 (tiga) bulan.\n(1) (2t (3)") == "adalah 3 (tiga) bulan."
    assert shorten("satu dua tiga empat", 12) == "satu dua …"


def test_the_label_of_a_penjelasan_entry_is_not_part_of_the_answer() -> None:
    assert plain("Ayat (2) Pengisian Jabatan Manajerial dari PPPK hanya diperuntukkan") == (
        "Pengisian Jabatan Manajerial dari PPPK hanya diperuntukkan"
    )
    assert plain("Huruf n l.lo Huruf n Angka 1 PNS sebagai peserta kampanye") == (
        "PNS sebagai peserta kampanye"
    )
    assert plain("Ayat Atasan Pejabat yang Berwenang Menghukum") == (
        "Atasan Pejabat yang Berwenang Menghukum"
    )
    assert plain("Angka kredit adalah nilai") == "Angka kredit adalah nilai"  # a word, no label


def test_a_cut_keeps_a_number_with_its_words_and_unit() -> None:
    jkk = "timbul dalam jangka waktu paling lama 5 (lima) tahun terhitung sejak diberhentikan"
    assert shorten(jkk, 45) == "timbul dalam jangka waktu paling lama 5 (lima) tahun …"
    assert shorten(jkk, 39) == "timbul dalam jangka waktu paling lama 5 (lima) tahun …"
    far = "paling lama 5 (lima puluh ribu sembilan ratus sembilan) tahun dan seterusnya"
    assert shorten(far, 16) == "paling lama 5 …"  # too far to reach: a plain word cut
    assert focused_quote("cuti", passage("Pendek saja.", "1")) == "Pendek saja."


def test_ocr_debris_after_the_last_full_stop_is_not_quoted() -> None:
    """PP 94/2021 Pasal 41 ends "… Peraturan Pemerintah ini.: irlo I A." (a stamp read as text),
    Pasal 24 "… oleh atasannya. n."; a list's last items and a real sentence stay."""
    assert sentence("berdasarkan Peraturan Pemerintah ini.: irlo I A.") == (
        "Berdasarkan Peraturan Pemerintah ini."
    )
    assert sentence("dijatuhi Hukuman Disiplin oleh atasannya. n.") == (
        "Dijatuhi Hukuman Disiplin oleh atasannya."
    )
    assert sentence("dapat diperpanjang apabila ada alasan penting. untuk.").endswith("penting.")
    assert sentence("meliputi: JF; JPT.") == "Meliputi: JF; JPT."
    assert sentence("Ya, dapat. PNS boleh.") == "Ya, dapat. PNS boleh."
    assert (
        sentence("diberhentikan dengan hormat. Pasal 3.") == "Diberhentikan dengan hormat. Pasal 3."
    )


def test_a_cut_never_ends_on_the_bound_of_a_value() -> None:
    # PP 49/2018 Pasal 56 ayat (3): the quote stopped at "paling" and lost "90% (...)"
    resign = "b. telah memenuhi target kinerja paling kurang 90% (sembilan puluh per seratus). Lalu"
    kept = "b. telah memenuhi target kinerja paling kurang 90% (sembilan puluh per seratus) …"
    assert shorten(resign, 40) == kept
    assert shorten(resign, 55) == kept  # a cut inside "90% (sembilan" finishes the number too
    assert shorten("b. telah memenuhi masa kerja dan lain-lain", 25) == "b. telah memenuhi masa …"


CUTI_SAKIT = (
    "(2) PNS yang sakit lebih dari 14 (empat belas) hari berhak atas cuti sakit.\n"
    "(3) Hak atas cuti sakit sebagaimana dimaksud pada ayat (2) diberikan untuk waktu paling lama "
    "1 (satu) tahun."
)


def test_a_number_the_question_already_names_is_not_the_answer() -> None:
    direct, _ = direct_answer(
        "PNS yang sakit lebih dari 14 hari, cuti sakitnya bisa sampai berapa lama?",
        [passage(CUTI_SAKIT, "320")],
    )
    assert direct == "Hak atas cuti sakit diberikan untuk waktu paling lama 1 (satu) tahun."


def test_no_yes_when_the_rule_shares_too_little_of_the_question() -> None:
    direct, _ = direct_answer(
        "Saya akan cuti melahirkan 3 bulan. Apakah SKP saya bisa diubah di tengah tahun?",
        [passage(CUTI_MELAHIRKAN, "325")],
    )
    assert not direct.startswith(("Ya", "Tidak"))


BANTUAN_HUKUM = (
    "(3) Bantuan hukum sebagaimana dimaksud pada ayat (2) dapat berupa:\na. litigasi; dan\n"
    "b. nonlitigasi."
)
SPBE = (
    "1. Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE adalah "
    "penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi dan komunikasi. "
    "Arsitektur SPBE adalah kerangka dasar yang mendeskripsikan integrasi proses bisnis."
)


def test_only_yes_or_no_questions_get_a_verdict() -> None:
    direct, _ = direct_answer(
        "Kalau ASN tersangkut masalah hukum, bantuan hukum yang jadi haknya bisa berupa apa?",
        [passage(BANTUAN_HUKUM, "21", "UU 20/2023")],
    )
    assert direct == "Bantuan hukum dapat berupa: litigasi; nonlitigasi."  # the list, no "Ya"
    direct, _ = direct_answer(
        "Apa keuntungan kalau PNS dapat predikat kinerja sangat baik?",
        [passage(LARANGAN, "5", "PP 94/2021")],
    )
    assert not direct.startswith(("Ya", "Tidak"))


def test_definition_named_by_its_abbreviation() -> None:
    direct, _ = direct_answer(
        "Apa yang dimaksud dengan SPBE?", [passage(SPBE, "1", "Perpres 95/2018")]
    )
    assert direct.startswith(
        "Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE"
    )


def test_the_ayat_with_the_answer_joins_the_sources() -> None:
    ayat_1 = passage(
        "(1) Untuk kelahiran anak pertama sampai dengan kelahiran anak ketiga pada saat menjadi "
        "PNS, berhak atas cuti melahirkan.",
        "325",
        ayat="1",
    )
    ayat_3 = passage(
        "(3) Lamanya cuti melahirkan sebagaimana dimaksud pada ayat (1) dan ayat (2) adalah "
        "3 (tiga) bulan.",
        "325",
        ayat="3",
    )
    composed = compose_answer("Berapa lama cuti melahirkan untuk PNS?", [ayat_1], siblings=[ayat_3])
    assert composed.direct == "Lamanya cuti melahirkan adalah 3 (tiga) bulan. [2]"
    assert [p.chunk.id for p in composed.passages] == [ayat_1.chunk.id, ayat_3.chunk.id]
    assert "PP 11/2017 Pasal 325 ayat (3)" in composed.text
    other = compose_answer("Siapa yang memberikan cuti?", [ayat_1], siblings=[ayat_3])
    assert other.passages == [ayat_1]  # an open question: nothing joins


def test_a_question_for_the_limit_is_answered_with_the_limit() -> None:
    """ "sampai berapa lama": "paling lama 1 (satu) tahun" in another ayat, not the "1 (satu) hari"
    of the best-matching one (PP 11/2017 Pasal 320, real text)."""
    ayat_1 = passage(
        "(1) PNS yang sakit lebih dari 1 (satu) hari sampai dengan 14 (empat belas) hari berhak atas "
        "cuti sakit, dengan ketentuan PNS yang bersangkutan harus mengajukan permintaan secara "
        "tertulis kepada PPK.",
        "320",
        ayat="1",
    )
    ayat_4 = passage(
        "(4) Hak atas cuti sakit sebagaimana dimaksud pada ayat (2) diberikan untuk waktu paling lama "
        "I (satu) tahun.",
        "320",
        ayat="4",
    )
    ayat_4.via = "neighbour"
    question = "PNS yang sakit lebih dari 14 hari, cuti sakitnya bisa sampai berapa lama?"
    composed = compose_answer(question, [ayat_1], siblings=[ayat_4])
    assert "paling lama I (satu) tahun" in composed.direct, composed.direct
    assert composed.direct.endswith("[2]")
    plain = compose_answer(
        "PNS yang sakit 3 hari berhak atas cuti apa?", [ayat_1], siblings=[ayat_4]
    )
    assert plain.passages == [ayat_1]  # no limit asked: nothing joins


def test_how_long_is_the_upper_bound_not_the_condition() -> None:
    """PP 11/2017 Pasal 334 (real text): "paling singkat 5 (lima) tahun" of service is the
    condition; "paling lama 3 (tiga) tahun" is how long the leave lasts."""
    cltn = passage(
        "(1) PNS yang telah bekerja paling singkat 5 (lima) tahun secara terus-menerus karena "
        "alasan pribadi dan mendesak dapat diberikan cuti di luar tanggungan negara. (2) Cuti di "
        "luar tanggungan negara sebagaimana dimaksud pada ayat (1) dapat diberikan untuk paling "
        "lama 3 (tiga) tahun.",
        "334",
    )
    composed = compose_answer(
        "PNS mau ambil cuti di luar tanggungan negara, lamanya berapa tahun?", [cltn]
    )
    assert "paling lama 3 (tiga) tahun" in composed.direct, composed.direct
    assert "paling singkat" not in composed.direct


TINGKAT_HUKUMAN = (
    "(1) Tingkat Hukuman Disiplin terdiri atas:\na. Hukuman Disiplin ringan;\nb. Hukuman Disiplin "
    "sedang; atau\nc. Hukuman Disiplin berat. I"
)
HUKUMAN_BERAT = (
    "(4) Jenis Hukuman Disiplin berat sebagaimana dimaksud pada ayat (1) huruf c terdiri atas:\n"
    "a. penurunan jabatan setingkat lebih rendah selama 12 (dua belas) bulan;\nb. pembebasan dari "
    "jabatannya menjadi jabatan pelaksana selama 12 (dua belas) bulan; dan\nc. pemberhentian "
    "dengan hormat tidak atas permintaan sendiri sebagai PNS."
)


def test_the_list_whose_lead_in_the_question_names_answers() -> None:
    """PP 94/2021 Pasal 8: 'hukuman disiplin berat apa saja' is ayat (4)'s list, not the levels
    of ayat (1) that merely mention 'berat' among their items."""
    passages = [
        passage(TINGKAT_HUKUMAN, "8", "PP 94/2021", ayat="1"),
        passage(HUKUMAN_BERAT, "8", "PP 94/2021", ayat="4"),
    ]
    direct, source = direct_answer("hukuman disiplin berat itu bentuknya apa aja kak?", passages)
    assert source == 1
    assert direct.startswith("Jenis Hukuman Disiplin berat terdiri atas: penurunan jabatan")
    assert "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS" in direct


def test_a_sibling_ayat_with_the_named_list_joins_the_sources() -> None:
    """PP 53/2010 Pasal 7: the levels are found, the list of 'sedang' is in ayat (3)."""
    ayat = {
        "1": "(1) Tingkat hukuman disiplin terdiri dari:\na. hukuman disiplin ringan;\nb. hukuman "
        "disiplin sedang; dan\nc. hukuman disiplin berat.",
        "2": "(2) Jenis hukuman disiplin ringan sebagaimana dimaksud pada ayat (1) huruf a terdiri "
        "dari:\na. teguran lisan;\nb. teguran tertulis; dan\nc. pernyataan tidak puas secara "
        "tertulis.",
        "3": "(3) Jenis hukuman disiplin sedang sebagaimana dimaksud pada ayat (1) huruf b terdiri "
        "dari:\na. penundaan kenaikan gaji berkala selama 1 (satu) tahun;\nb. penundaan kenaikan "
        "pangkat selama 1 (satu) tahun; dan\nc. penurunan pangkat setingkat lebih rendah selama "
        "1 (satu) tahun.",
    }
    p = {n: passage(text, "7", "PP 53/2010", ayat=n) for n, text in ayat.items()}
    p["2"].via = p["3"].via = "neighbour"
    composed = compose_answer(
        "Dulu menurut PP 53/2010, jenis hukuman disiplin sedang itu apa saja?",
        [p["1"]],
        siblings=[p["2"], p["3"]],
    )
    assert "penundaan kenaikan gaji berkala selama 1 (satu) tahun" in composed.direct
    assert composed.direct.endswith("[2]")
    assert [q.chunk.id for q in composed.passages] == [p["1"].chunk.id, p["3"].chunk.id]


def test_who_are_all_asks_for_the_whole_list() -> None:
    """'siapa aja' wants every member (PP 70/2015 Pasal 4), not the item the question names."""
    peserta = passage(
        "Peserta JKK dan JKM terdiri atas:\na. Calon PNS;\nb. PNS; dan\nc. PPPK.", "4", "PP 70/2015"
    )
    direct, _ = direct_answer("siapa aja yang jadi peserta JKK dan JKM? PPPK termasuk?", [peserta])
    assert direct == "Peserta JKK dan JKM terdiri atas: Calon PNS; PNS; PPPK."


def test_a_list_written_in_one_sentence_answers_a_list_question() -> None:
    """UU 20/2023 Pasal 64: ayat (2) lists the remedies inline ('terdiri atas ... dan ...')."""
    ayat_1 = passage(
        "(1) Sengketa Pegawai ASN diselesaikan melalui upaya administratif.",
        "64",
        "UU 20/2023",
        ayat="1",
    )
    ayat_2 = passage(
        "(2) Upaya administratif sebagaimana dimaksud pada ayat (1) terdiri atas keberatan dan "
        "banding administratif.",
        "64",
        "UU 20/2023",
        ayat="2",
    )
    ayat_2.via = "neighbour"  # as the chain passes the other ayat of the best Pasal
    composed = compose_answer(
        "kalau ada sengketa kepegawaian, ASN bisa nempuh upaya apa aja?",
        [ayat_1],
        siblings=[ayat_2],
    )
    assert composed.direct == (
        "Upaya administratif terdiri atas keberatan dan banding administratif. [2]"
    )


def test_a_list_that_a_provision_says_it_covers_answers_a_list_question() -> None:
    """Perpres 95/2018 Pasal 40 lists what security covers inline ('mencakup ..., dan ...')."""
    keamanan = passage(
        "Keamanan SPBE mencakup penjaminan kerahasiaan, keutuhan, ketersediaan, keaslian, dan "
        "kenirsangkalan (nonrepudiation) sumber daya terkait data dan informasi.",
        "40",
        "Perpres 95/2018",
    )
    proses = passage(
        "Manajemen keamanan SPBE dilakukan melalui serangkaian proses penjaminan yang meliputi "
        "penetapan ruang lingkup, perencanaan, dan perbaikan berkelanjutan.",
        "48",
        "Perpres 95/2018",
    )
    direct, source = direct_answer(
        "keamanan spbe itu mencakup penjaminan apa aj", [keamanan, proses]
    )
    assert source == 0 and "kenirsangkalan" in direct


def test_list_items_that_ocr_ran_together_are_split() -> None:
    """PP 46/2011 Pasal 17 (items on one line) and Pasal 12 (a watermark before item a)."""
    nilai = passage(
        "Nilai prestasi kerja PNS sebagaimana dimaksud dalam Pasal 15 dinyatakan dengan angka dan "
        "sebutan sebagai berikut:\na. 91 – ke atas: sangat baik b. 76 – 90: baik c. 61 – 75: cukup "
        "d. 51 – 60: kurang e. 50 ke bawah: buruk",
        "17",
        "PP 46/2011",
    )
    direct, _ = direct_answer(
        "Menurut PP 46/2011 dulu, nilai prestasi kerja PNS dinyatakan dengan sebutan apa saja?",
        [nilai],
    )
    assert "91 – ke atas: sangat baik; 76 – 90: baik;" in direct and "50 ke bawah: buruk" in direct
    perilaku = passage(
        "(1) Penilaian perilaku kerja sebagaimana dimaksud dalam Pasal 4 huruf b meliputi aspek: "
        "DISTRIBUSI II a. orientasi pelayanan;\nb. integritas;\nc. komitmen;\nd. disiplin;\n"
        "e. kerja sama; dan\nf. kepemimpinan.",
        "12",
        "PP 46/2011",
        ayat="1",
    )
    direct, _ = direct_answer("aspek perilaku kerja PNS menurut PP 46/2011 apa aja?", [perilaku])
    assert direct == (
        "Penilaian perilaku kerja meliputi aspek: orientasi pelayanan; integritas; komitmen; "
        "disiplin; kerja sama; kepemimpinan."
    )


def test_the_number_whose_subject_the_question_names_answers() -> None:
    """UU 5/2014: 'masa perjanjian kerja paling singkat berapa' is Pasal 98's 1 (satu) tahun, not
    the 2 (dua) tahun of prison in the better-ranked Pasal 105 that shares the question's words."""
    pemutusan = passage(
        "(2) Pemutusan hubungan perjanjian kerja PPPK dilakukan dengan hormat tidak atas permintaan "
        "sendiri karena:\na. dihukum penjara berdasarkan putusan pengadilan yang telah memperoleh "
        "kekuatan hukum tetap karena melakukan tindak pidana dengan pidana penjara paling singkat 2 "
        "(dua) tahun dan tindak pidana tersebut dilakukan dengan tidak berencana;\nb. melakukan "
        "pelanggaran disiplin PPPK tingkat berat; atau\nc. tidak memenuhi target kinerja yang telah "
        "disepakati sesuai dengan perjanjian kerja.",
        "105",
        "UU 5/2014",
        ayat="2",
    )
    masa = passage(
        "(2) Masa perjanjian kerja paling singkat 1 (satu) tahun dan dapat diperpanjang sesuai "
        "kebutuhan dan berdasarkan penilaian kinerja.",
        "98",
        "UU 5/2014",
        ayat="2",
    )
    direct, source = direct_answer(
        "Dulu menurut UU 5/2014, masa perjanjian kerja PPPK paling singkat berapa lama?",
        [pemutusan, masa],
    )
    assert source == 1 and direct.startswith("Masa perjanjian kerja paling singkat 1 (satu) tahun")


def test_a_number_with_an_ocr_letter_o_is_a_number() -> None:
    """UU 20/2023 Pasal 55 as OCR read it: '6O (enam puluh) tahun' is the pratama's age."""
    bup = passage(
        "Batas usia pensiun jabatan Pegawai ASN yaitu:\na. Jabatan Manajerial:\n1. 6O (enam puluh) "
        "tahun bagi pejabat pimpinan tinggi utama, pejabat pimpinan tinggi madya, dan pejabat "
        "pimpinan tinggi pratama; dan\n2. 58 (lima puluh delapan) tahun bagi pejabat administrator "
        "dan pejabat pengawas;\nb. Jabatan Nonmanajerial:\n1. sesuai dengan ketentuan peraturan "
        "perundang-undangan bagi pejabat fungsional; dan\n2. 58 (lima puluh delapan) tahun bagi "
        "pejabat pelaksana.",
        "55",
        "UU 20/2023",
    )
    direct, _ = direct_answer(
        "kepala dinas yang jabatannya pimpinan tinggi pratama pensiun umur berapa?", [bup]
    )
    assert "6O (enam puluh) tahun bagi pejabat pimpinan tinggi utama" in direct


def test_the_source_the_direct_answer_repeats_is_quoted_by_its_first_words() -> None:
    """PP 11/2017 Pasal 321 ayat (1): the direct answer is the whole ayat; the basis points to it
    instead of quoting it a second time. A source that says more is still quoted (first test)."""
    gugur = passage(
        "(1) PNS yang mengalami gugur kandungan berhak atas cuti sakit untuk paling lama 1 1/2 "
        "(satu setengah) bulan.",
        "321",
        ayat="1",
    )
    composed = compose_answer("PNS keguguran dapat cuti sakit berapa lama?", [gugur])
    assert composed.direct == (
        "PNS yang mengalami gugur kandungan berhak atas cuti sakit untuk paling lama 1 1/2 "
        "(satu setengah) bulan. [1]"
    )
    assert basis_quotes(composed.text) == ["(1) PNS yang mengalami gugur kandungan berhak …"]


def test_the_item_whose_condition_holds_the_stated_value_answers() -> None:
    """PP 94/2021 Pasal 9 ayat (2) and PP 30/2019 Pasal 41 ayat (5) as OCR read them: "bolos 5 hari"
    is the second item (4 to 6 days), "nilai 85" is Cukup (70 to 90), not the first item."""
    ringan = passage(
        "(2) Hukuman Disiplin ringan dijatuhkan bagi PNS yang tidak memenuhi ketentuan Masuk Kerja "
        "berupa:\n1. teguran lisan bagi PNS yang tidak Masuk Kerja tanpa alasan yang sah secara "
        "kumulatif selama 3 (tiga) hari kerja dalam 1 (satu) tahun;\n2. teguran tertulis bagi PNS "
        "yang tidak Masuk Kerja tanpa alasan yang sah secara kumulatif selama 4 (empat) sampai "
        "dengan 6 (enam) hari kerja dalam 1 (satu) tahun; dan\n3. pernyataan tidak puas secara "
        "tertulis bagi PNS yang tidak Masuk Kerja tanpa alasan yang sah secara kumulatif selama 7 "
        "(tujuh) sampai dengan 10 (sepuluh) hari kerja dalam 1 (satu) tahun.",
        "9",
        "PP 94/2021",
        ayat="2",
    )
    direct, _ = direct_answer("temen bolos 5 hari kerja dlm setahun kena hukuman apa?", [ringan])
    assert "teguran tertulis" in direct and "teguran lisan" not in direct
    predikat = passage(
        "(5) Penilaian Kinerja PNS dinyatakan dengan angka dan sebutan atau predikat sebagai "
        "berikut:\na. Sangat Baik, apabila PNS memiliki: 1) nilai dengan angka 110 (seratus sepuluh) "
        "s x 120 (seratus dua puluh);\nb. Baik, hpabila PNS memiliki nilai dengan angka 90 "
        "(sembilan puluh) x angka 120 (seratus dua puluh);\nc. Cukup, apabila PNS memiliki nilai "
        "dengan angka 70 (tujuh puluh) x angka 90 (sembilan puluh);",
        "41",
        "PP 30/2019",
        ayat="5",
    )
    direct, _ = direct_answer("nilai kinerja sy 85, predikatnya apa ya?", [predikat])
    assert "Cukup" in direct and "Sangat Baik" not in direct


def test_the_sub_item_ocr_ran_into_one_line_is_cut_out() -> None:
    """PP 94/2021 Pasal 10 ayat (2) huruf f: its sub-items 1), 2l, 3) are on one line."""
    sedang = passage(
        "f. Masuk Kerja dan menaati ketentuan jam kerja berupa: 1) pemotongan tunjangan kinerja "
        "sebesar 25% (dua puluh lima persen) selama 6 (enam) bulan bagi PNS yang tidak Masuk Kerja "
        "tanpa alasan yang sah secara kumulatif selama 11 (sebelas) sampai dengan 13 (tiga belas) "
        "hari kerja dalam 1 (satu) tahun; 2l pemotongan tunjangan kinerja sebesar 25o/o (dua puluh "
        "lima persen) selama 9 (sembilan) bulan bagi PNS yang tidak Masuk Kerja tanpa alasan yang "
        "sah secara kumulatif selama 14 (empat belas) sampai dengan 20 (dua puluh) hari kerja dalam "
        "1 (satu) tahun; dan 3) pemotongan tunjangan kinerja sebesar 25% (dua puluh lima persen) "
        "selama 12 (dua belas) bulan bagi PNS yang tidak Masuk Kerja tanpa alasan yang sah secara "
        "kumulatif selama 21 (dua puluh satu) sampai dengan 24 (dua puluh empat) hari kerja dalam "
        "1 (satu) tahun.",
        "10",
        "PP 94/2021",
        ayat="2",
    )
    direct, _ = direct_answer("bolos 15 hari kerja dalam setahun sanksinya apa?", [sedang])
    assert "9 (sembilan) bulan" in direct and "6 (enam) bulan" not in direct
    assert direct.startswith("Masuk Kerja dan menaati ketentuan jam kerja berupa: 2l")


def test_markdown_bullets_on_one_line_are_a_list() -> None:
    """A training module's part as the corpus holds it: the bullets follow the lead-in on one line,
    and a Markdown rule ("---") ends it. "Apa saja" gets the items, not the first sentence."""
    module = passage(
        "Data yang dipegang ASN merupakan aset negara. Pastikan: - Gunakan sandi kuat dan unik. - "
        "Jangan membagikan data internal tanpa izin. - Hindari membuka tautan mencurigakan dari "
        "email tidak resmi. ---",
        "1",
        "Materi Etika Digital",
    )
    direct, _ = direct_answer("langkah apa saja untuk menjaga keamanan data?", [module])
    assert direct.startswith("Pastikan: Gunakan sandi kuat dan unik")
    assert "Hindari membuka tautan mencurigakan" in direct and "---" not in direct
    items = [u.text for u in units("Alat: - e-mail resmi - Python/R")]
    assert items == ["Alat:", "- e-mail resmi", "- Python/R"]  # "e-mail" is no bullet


def test_a_bullet_that_answers_brings_its_short_list() -> None:
    """An open question whose best match is one Markdown bullet gets the module's whole short list
    (the principles together), not the one bullet glued to its lead-in."""
    module = passage(
        "Gunakan data secara bertanggung jawab: - Lindungi privasi individu - Hindari manipulasi "
        "hasil - Jelaskan konteks data saat publikasi ---",
        "3",
        "Materi Analisis Data",
    )
    direct, _ = direct_answer("prinsip etika apa yg dipegang saat mempublikasikan data?", [module])
    assert (
        "Lindungi privasi individu" in direct and "Jelaskan konteks data saat publikasi" in direct
    )


CUTI_TAHUNAN_PPPK = (
    "(1) PPPK yang telah bekerja paling sedikit 1 (satu) tahun secara terus menerus berhak atas "
    "cuti tahunan."
)
LAMA_CUTI_TAHUNAN_PPPK = "(2) Lamanya hak atas cuti tahunan adalah 12 (dua belas) hari kerja."
TIDAK_SEMBUH = (
    "(5) PPPK yang tidak sembuh dari penyakitnya dalam jangka waktu sebagaimana dimaksud pada "
    "ayat (4) dilakukan pemutusan hubungan perjanjian kerja."
)


def test_each_question_of_a_message_gets_its_answer() -> None:
    """ "udh bs ambil cuti taunan blm? trs jatahnya brp hr?" asks two things: whether (ayat 1)
    and how many days (ayat 2); both lead the answer, each with its marker."""
    passages = [
        passage(CUTI_TAHUNAN_PPPK, "78", "PP 49/2018", "1"),
        passage(LAMA_CUTI_TAHUNAN_PPPK, "78", "PP 49/2018", "2"),
    ]
    composed = compose_answer(
        "sy PPPK baru 8 bln, udh bisa ambil cuti tahunan blm? trs jatahnya brp hari?", passages
    )
    direct = composed.direct or ""
    assert "1 (satu) tahun" in direct and "[1]" in direct
    assert "12 (dua belas) hari kerja. [2]" in direct


def test_a_later_question_the_sources_do_not_speak_to_gets_no_stray_sentence() -> None:
    """The second question (which Pasal of PP 94/2021) is answered by the citation; no number of
    another provision is put forward for it."""
    passages = [
        passage(CUTI_TAHUNAN_PPPK, "78", "PP 49/2018", "1"),
        passage(TIDAK_SEMBUH, "83", "PP 49/2018", "5"),
    ]
    composed = compose_answer("PPPK boleh cuti tahunan gak? pasal brp di PP 94/2021?", passages)
    assert "[2]" not in (composed.direct or "")


KOORDINATOR_SPBE = (
    "(3) Koordinator SPBE Pemerintah Daerah mempunyai tugas melakukan koordinasi dan penerapan "
    "kebijakan SPBE di Pemerintah Daerah."
)
KOORDINATOR_SPBE_SIAPA = (
    "(4) Koordinator SPBE Pemerintah Daerah sebagaimana dimaksud pada ayat (3) dijabat oleh "
    "sekretaris daerah."
)


def test_who_is_answered_by_the_part_that_names_who() -> None:
    """ "Koordinator SPBE di pemda siapa?": the ayat that says who holds the office (a sibling of
    the best-ranked one, which says what the office does)."""
    composed = compose_answer(
        "Di pemda, yg jadi koordinator SPBE pemerintah daerah itu siapa sih?",
        [passage(KOORDINATOR_SPBE, "61", "Perpres 95/2018", "3")],
        siblings=[passage(KOORDINATOR_SPBE_SIAPA, "61", "Perpres 95/2018", "4")],
    )
    assert "sekretaris daerah" in (composed.direct or "")


MELAMAR_LAGI = (
    "(2) PPPK yang dikenakan pemutusan hubungan perjanjian kerja akibat perampingan organisasi "
    "diberikan hak sesuai dengan ketentuan peraturan perundang-undangan dan masih dapat melamar "
    "sebagai PPPK."
)
DIPINDAHKAN = (
    "(1) Apabila terjadi perampingan organisasi pemerintah, PPPK yang kompetensinya masih "
    "dibutuhkan dan kontrak kerja yang bersangkutan belum berakhir maka akan dipindahkan di unit "
    "yang membutuhkan sesuai dengan kompetensinya."
)


def test_a_yes_or_no_comes_from_the_rule_that_names_the_question() -> None:
    """The best-ranked provision (moving PPPK to another unit) says nothing about applying again;
    the runner-up's rule does ("masih dapat melamar sebagai PPPK"). An explanation that happens to
    say "dapat" is no rule to answer yes or no from."""
    question = "PPPK yang kena perampingan organisasi masih bisa melamar PPPK lagi gak?"
    rule = passage(MELAMAR_LAGI, "57", "PP 49/2018", "2")
    direct, source = direct_answer(question, [passage(DIPINDAHKAN, "68", "PP 49/2018", "1"), rule])
    assert direct.startswith("Ya, dapat.") and "melamar" in direct and source == 1
    explanation = rule.model_copy(
        update={"chunk": rule.chunk.model_copy(update={"part": Part.PENJELASAN})}
    )
    direct, source = direct_answer(
        question, [passage(DIPINDAHKAN, "68", "PP 49/2018", "1"), explanation]
    )
    assert source == 0


KOMPONEN = (
    "(2) Komponen penghargaan dan pengakuan Pegawai ASN sebagaimana dimaksud pada ayat (1) "
    "terdiri atas:\na. penghasilan;\nb. penghargaan yang bersifat motivasi;\nc. tunjangan dan "
    "fasilitas;\nd. jaminan sosial;"
)
JAMINAN_SOSIAL = (
    "(6) Jaminan sosial sebagaimana dimaksud pada ayat (2) huruf d terdiri atas:\na. jaminan "
    "kesehatan;\nb. jaminan kecelakaan kerja;\nc. jaminan kematian;\nd. jaminan pensiun; dan\ne. "
    "jaminan hari tua."
)


def test_the_list_asked_is_the_one_its_subject_names() -> None:
    """ "Jaminan sosial pegawai ASN terdiri dari apa saja?": ayat (6)'s list; ayat (2) names
    "Pegawai ASN" too, as almost every lead-in does, which says nothing of the list asked."""
    passages = [
        passage(KOMPONEN, "21", "UU 20/2023", "2"),
        passage(JAMINAN_SOSIAL, "21", "UU 20/2023", "6"),
    ]
    direct, source = direct_answer("Jaminan sosial pegawai ASN terdiri dari apa saja?", passages)
    assert "jaminan hari tua" in direct and source == 1


def test_whether_a_list_is_still_the_same_is_answered_with_the_list() -> None:
    """ "Dulu fungsinya pelaksana kebijakan publik, pelayan publik, perekat bangsa; sekarang masih
    sama?": the whole list in force, to compare, not its first item."""
    direct, _ = direct_answer(
        "di UU 5/2014 fungsi pegawai ASN itu pelaksana kebijakan publik, pelayan publik, perekat "
        "bangsa. sekarang masih sama ga fungsinya?",
        [passage(FUNGSI, "10", "UU 20/2023")],
    )
    assert "pelayan publik" in direct and "perekat dan pemersatu bangsa" in direct


BANTUAN_HUKUM = (
    "(9) Bantuan hukum sebagaimana dimaksud pada ayat (2) huruf g dapat berupa:\na. litigasi; "
    "dan/atau\nb. nonlitigasi."
)
TNI_POLRI = (
    "(1) Pegawai ASN dapat menduduki jabatan di lingkungan Tentara Nasional Indonesia dan "
    "Kepolisian Negara Republik Indonesia sesuai dengan kompetensi yang dibutuhkan."
)


def test_what_a_thing_can_consist_of_is_a_list_and_bisa_gak_wants_yes_or_no() -> None:
    """ "Bantuan hukum ... bisa berupa apa?" asks for the list (not a yes or no because of "bisa");
    "ASN bisa gak ditempatkan di ...?" asks for a yes or no, from the rule that names it."""
    direct, _ = direct_answer(
        "bantuan hukum yang jadi hak ASN bisa berupa apa?",
        [
            passage(KOMPONEN, "21", "UU 20/2023", "2"),
            passage(BANTUAN_HUKUM, "21", "UU 20/2023", "9"),
        ],
    )
    assert "litigasi" in direct and "nonlitigasi" in direct
    direct, source = direct_answer(
        "ASN bisa gak ditempatkan di jabatan lingkungan Tentara Nasional Indonesia?",
        [passage(KOMPONEN, "21", "UU 20/2023", "2"), passage(TNI_POLRI, "20", "UU 20/2023", "1")],
    )
    assert direct.startswith("Ya, dapat.") and source == 1


def test_the_numbers_of_a_named_regulation_are_not_numbers_the_question_states() -> None:
    """ "Dulu di PP 24/1976 ... berapa hari?": the 24 of the regulation's name is not a value the
    asker gave, so "24 (dua puluh empat) hari kerja" of the ayat holding "lebih dari 2 tahun" is the
    answer, not ayat (1)'s 18 days (PP 24/1976 Pasal 6, real text)."""
    ayat_2 = passage(
        "(2) Cuti tahunan yang tidak diambil lebih dari 2 (dua) tahun berturut- turut, dapat diambil "
        "dalam tahun berikutnya untuk paling lama 24 (dua puluh empat) hari kerja termasuk cuti "
        "tahunan dalam tahun yang sedang berjalan.",
        "6",
        doc="PP 24/1976",
        ayat="2",
    )
    ayat_1 = passage(
        "(1) Cuti tahunan yang tidak diambil dalam tahun yang bersangkutan, dapat diambil dalam tahun "
        "berikutnya untuk paling lama 18 (delapan belas) hari kerja termasuk cuti tahunan dalam tahun "
        "yang sedang berjalan.",
        "6",
        doc="PP 24/1976",
        ayat="1",
    )
    question = (
        "Dulu di PP 24/1976, cuti tahunan yang gak diambil lebih dari 2 tahun berturut-turut bisa "
        "diambil berapa hari?"
    )
    composed = compose_answer(question, [ayat_2, ayat_1])
    assert "24 (dua puluh empat) hari kerja" in composed.direct, composed.direct
    assert composed.direct.endswith("[1]")


def test_who_is_the_one_named_after_the_word_asked_about() -> None:
    """ "persetujuannya dari siapa?": ayat (2)'s "persetujuan dari Kepala BKN" answers, not ayat
    (3)'s "tidak dapat mendelegasikan kewenangan" (PP 11/2017 Pasal 336, real text)."""
    ayat_2 = passage(
        "(2) Cuti di luar tanggungan negara hanya dapat diberikan dengan surat keputusan PPK setelah "
        "mendapat persetujuan dari Kepala BKN.",
        "336",
        ayat="2",
    )
    ayat_3 = passage(
        "(3) PPK sebagaimana dimaksud pada ayat (2) tidak dapat mendelegasikan kewenangan pemberian "
        "cuti di luar tanggungan negara.",
        "336",
        ayat="3",
    )
    question = "Cuti di luar tanggungan negara sekarang persetujuannya dari siapa?"
    text, source = direct_answer(question, [ayat_2, ayat_3])
    assert "persetujuan dari Kepala BKN" in text and source == 0, text


def test_a_special_case_the_question_does_not_state_answers_after_the_rule() -> None:
    """ "siapa pejabat penilai kinerja PNS?": ayat (1)'s rule, not ayat (3)'s "Dalam hal Pejabat
    Penilai Kinerja PNS berhalangan, ..." though that one ranks first (PP 30/2019 Pasal 46)."""
    ayat_3 = passage(
        "(3) Dalam hal Pejabat Penilai Kinerja PNS sebagaimana dimaksud pada ayat (1) berhalangan, "
        "Penilaian Kinerja PNS dilakukan oleh atasan dari Pejabat Penilai Kinerja PNS secara "
        "berjenjang.",
        "46",
        doc="PP 30/2019",
        ayat="3",
    )
    ayat_1 = passage(
        "(1) Pejabat Penilai Kinerja PNS yaitu atasan langsung PNS atau pejabat lain yang diberi "
        "pendelegasian kewenangan.",
        "46",
        doc="PP 30/2019",
        ayat="1",
    )
    text, source = direct_answer(
        "siapa sih yang jadi pejabat penilai kinerja PNS?", [ayat_3, ayat_1]
    )
    assert text.startswith("Pejabat Penilai Kinerja PNS yaitu atasan langsung"), text
    assert source == 1
    asked, _ = direct_answer(
        "kalau pejabat penilai kinerja PNS berhalangan, penilaiannya oleh siapa?", [ayat_3, ayat_1]
    )
    assert asked.startswith("Dalam hal Pejabat Penilai Kinerja PNS"), asked


PASAL_41 = (
    "PNS yang melanggar ketentuan Peraturan Pemerintah Nomor 10 Tahun 1983 tentang izin Perkawinan "
    "dan Perceraian bagi Pegawai Negeri Sipil (l.,embaran Negara Republik Indonesia Tahun 1983 "
    "Nomor 13, Tambahan lrmbaran Negara Republik Indonesia Nomor 3250) sebagaimana telah diubah "
    "dengan Peraturan Pemerintah Nomor 45 Tahun 1990 tentang Perubahan atas Peraturan Pemerintah "
    "Nomor 10 Tahun 1983 tentang Izin Perkawinan dan Perceraian bagi Pegawai Negeri Sipil "
    "(Lembaran Negara Republik Indonesia Tahun 1990 Nomor 61, Tambahan lembaran Negara Republik "
    "Indonesia Nomor 3424ll, dijatuhi salah satu jenis Hukuman Disiplin berat berdasarkan "
    "Peraturan Pemerintah ini."
)


def test_a_sanction_question_is_answered_with_the_sanction() -> None:
    """ "kena hukuman disiplin apa?": the provision stating the sanction answers, and its long
    subject (PP 94/2021 Pasal 41, real text) does not push "Hukuman Disiplin berat" past the cut."""
    rule = passage(
        "(2) Pegawai Negeri Sipil wanita tidak diizinkan untuk menjadi istri kedua/ketiga/keempat.",
        "4",
        doc="PP 10/1983",
        ayat="2",
    )
    sanction = passage(PASAL_41, "41", doc="PP 94/2021")
    question = (
        "PNS nikah lagi (istri kedua) tanpa izin pejabat, sekarang kena hukuman disiplin apa?"
    )
    text, source = direct_answer(question, [rule, sanction])
    assert source == 1 and "Hukuman Disiplin berat" in text, text
    assert text.startswith("PNS yang melanggar ketentuan") and len(text) <= 460


def test_a_consequence_in_the_next_ayat_joins_the_sources() -> None:
    """ "konsekuensinya apa?": UU 20/2023 Pasal 24 ayat (2) states it; ayat (1) only lists duties."""
    ayat_1 = passage(
        "(1) Pegawai ASN wajib: a. setia dan taat pada Pancasila; d. menjaga netralitas; dan",
        "24",
        doc="UU 20/2023",
        ayat="1",
    )
    ayat_2 = passage(
        "(2) Pegawai ASN yang tidak menaati kewajiban sebagaimana dimaksud pada ayat (1) dikenakan "
        "pelanggaran disiplin dan dijatuhi hukuman disiplin.",
        "24",
        doc="UU 20/2023",
        ayat="2",
    )
    composed = compose_answer(
        "ASN yg gak nurut kewajiban kayak menjaga netralitas, konsekuensinya apa?",
        [ayat_1],
        siblings=[ayat_2],
    )
    assert "dijatuhi hukuman disiplin" in composed.direct, composed.direct


def test_a_grade_question_is_answered_with_the_grade() -> None:
    """ "eselon berapa": "eselon V" (PP 46/2011 Pasal 1 angka 8) is a grade in Roman numerals,
    which the number search would pass over for "paling lama 14 (empat belas) hari"."""
    definition = passage(
        "8. Pejabat Penilai adalah atasan langsung PNS yang dinilai, dengan ketentuan paling rendah "
        "pejabat struktural eselon V atau pejabat lain yang ditentukan.",
        "1",
        doc="PP 46/2011",
    )
    deadline = passage(
        "(1) Pejabat penilai wajib menyampaikan hasil penilaian prestasi kerja kepada atasan pejabat "
        "penilai paling lama 14 (empat belas) hari sejak tanggal diterimanya penilaian prestasi kerja.",
        "23",
        doc="PP 46/2011",
        ayat="1",
    )
    question = "Pas masih berlaku PP 46/2011, pejabat penilai prestasi kerja itu paling rendah eselon berapa?"
    text, source = direct_answer(question, [deadline, definition])
    assert "eselon V" in text and source == 1, text


def test_a_value_told_in_the_story_does_not_pick_the_provision_for_a_limit() -> None:
    """ "sudah menjabat JPT pratama 6 tahun. ... paling lama berapa tahun?": 6 years is what the
    limit is compared with; the limit (PP 11/2017 Pasal 133 ayat (1)) answers, not the list of
    requirements whose "paling singkat 5 (lima) tahun" the 6 years would meet."""
    requirements = passage(
        "Persyaratan untuk dapat diangkat dalam JPT pratama: a. memiliki kualifikasi pendidikan "
        "paling rendah sarjana atau diploma IV; b. memiliki pengalaman Jabatan dalam bidang tugas yang "
        "terkait dengan Jabatan yang akan diduduki secara kumulatif paling singkat 5 (lima) "
        "tahun;",
        "107",
    )
    limit = passage("(1) JPT hanya dapat diduduki paling lama 5 (lima) tahun.", "133", ayat="1")
    question = (
        "Kepala dinas di kantor saya sudah menjabat JPT pratama 6 tahun. Sebenarnya JPT itu boleh "
        "diduduki paling lama berapa tahun?"
    )
    composed = compose_answer(question, [requirements, limit])
    assert composed.direct.startswith("JPT hanya dapat diduduki paling lama 5 (lima) tahun"), (
        composed.direct
    )


def test_a_number_that_depends_on_the_case_is_given_for_every_case() -> None:
    """ "Uang tunggu berapa persen dari gaji?": PP 11/2017 Pasal 297 gives one percentage per year
    (real text, its next ayat run into item b by the OCR); both cases answer, not the one whose
    run-on words share more of the question."""
    uang_tunggu = passage(
        "Uang tunggu sebagaimana dimaksud dalam Pasal 296 diberikan dengan ketentuan:\n"
        "a. 100% (seratus persen) dari gaji, untuk tahun pertama; dan\n"
        "b. 80% (delapan puluh persen) dari gaji untuk tahun selanjutnya, Besarnya uang tunggu "
        "sebagaimana dimaksud pada ayat (1), tidak boleh kurang dari gaji terendah sesuai dengan "
        "ketentuan peraturan perundang-undangan.",
        "297",
    )
    text, _ = direct_answer(
        "Uang tunggu PNS yang diberhentikan dari jabatan itu besarnya berapa persen dari gaji?",
        [uang_tunggu],
    )
    assert "100% (seratus persen)" in text and "80% (delapan puluh persen)" in text, text


def test_what_the_answer_names_is_spelled_out_from_the_next_ayat() -> None:
    """ "penyelesaiannya lewat jalur apa?": ayat (1) says "upaya administratif"; ayat (2), which
    builds on it, says what that is (UU 20/2023 Pasal 64), and joins the direct answer."""
    ayat_1 = passage(
        "(1) Sengketa Pegawai ASN diselesaikan melalui upaya administratif.",
        "64",
        doc="UU 20/2023",
        ayat="1",
    )
    ayat_2 = passage(
        "(2) Upaya administratif sebagaimana dimaksud pada ayat (1) terdiri atas keberatan dan "
        "banding administratif.",
        "64",
        doc="UU 20/2023",
        ayat="2",
    )
    composed = compose_answer(
        "Kalau ada sengketa kepegawaian, penyelesaiannya lewat jalur apa menurut UU ASN?",
        [ayat_1],
        siblings=[ayat_2],
    )
    assert "upaya administratif. [1]" in composed.direct, composed.direct
    assert "keberatan dan banding administratif" in composed.direct
    assert composed.direct.endswith("[2]")
    other = passage(
        "(2) Keberatan sebagaimana dimaksud pada ayat (1) meliputi alasan yang lengkap.",
        "64",
        doc="UU 20/2023",
        ayat="2",
    )
    plain_answer = compose_answer("sengketa ASN lewat jalur apa?", [ayat_1], siblings=[other])
    assert "[2]" not in plain_answer.direct  # it spells out something the answer does not name


def test_berapa_with_a_noun_is_answered_with_a_number_of_that_noun() -> None:
    """ "diberikan ke berapa anak?": ayat (2)'s "paling banyak 2 (dua) orang Anak" (PP 70/2015
    Pasal 20, as amended), not the amounts of ayat (1), whose text shares more of the question."""
    amounts = passage(
        "(1) Bantuan beasiswa diberikan kepada Anak dari Peserta yang tewas dengan ketentuan:\n"
        "a. bagi Anak dari Peserta yang belum memasuki usia sekolah sampai dengan sekolah di tingkat "
        "dasar diberikan bantuan beasiswa sebesar Rp45.000.000,00 (empat puluh lima juta rupiah);\n"
        "b. bagi Anak dari Peserta yang masih duduk di sekolah lanjutan tingkat pertama diberikan "
        "bantuan beasiswa sebesar Rp45.000.000,00 (empat puluh lima juta rupiah);",
        "20",
        doc="PP 70/2015",
        ayat="1",
    )
    children = passage(
        "(2) Bantuan beasiswa sebagaimana dimaksud pada ayat (1) diberikan kepada paling banyak 2 "
        "(dua) orang Anak dari Peserta dengan ketentuan:\na. belum memasuki usia sekolah atau masih "
        "sekolah atau kuliah;\nb. berusia paling tinggi 25 (dua puluh lima) tahun;",
        "20",
        doc="PP 70/2015",
        ayat="2",
    )
    question = "beasiswa buat anak ASN yang tewas itu diberikan ke berapa anak?"
    text, source = direct_answer(question, [amounts, children])
    assert "2 (dua) orang Anak" in text and source == 1, text


def test_asking_what_the_kinds_are_now_wants_the_list() -> None:
    """ "Di PP 94/2021 jenisnya jadi apa?": the kinds, i.e. the list that names them."""
    assert expected_kind("Di PP 94/2021 jenisnya jadi apa?", None) == AnswerType.LIST
    assert expected_kind("jenis cuti apa yang bisa diambil untuk menikah?", None) != AnswerType.LIST


def test_who_does_the_act_asked_about_answers_who() -> None:
    """ "ditetapkan siapa": "Kepala BKN menetapkan ..." names the doer of that act; "Setiap kepala
    daerah menetapkan koordinator" does not answer "yg jadi koordinator siapa"."""
    from assistant.compose import _actor
    from assistant.text import tokenize

    pasal_10 = units(
        "(1) Kepala Badan Kepegawaian Negara menetapkan kenaikan pangkat anumerta dan kenaikan "
        "pangkat pengabdian bagi Pegawai Negeri Sipil Pusat dan Daerah."
    )
    asked = set(tokenize("kenaikan pangkat anumerta dan pengabdian ditetapkan siapa"))
    assert (_actor(pasal_10, asked) or "").startswith("Kepala Badan Kepegawaian Negara menetapkan")
    spbe = units("Setiap kepala daerah menetapkan koordinator SPBE Pemerintah Daerah.")
    assert _actor(spbe, set(tokenize("yg jadi koordinator SPBE pemda siapa"))) is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "Waktu PP 46/2011 bobot penilaian SKP 60% dan perilaku kerja 40%. Apa bobotnya masih "
            "sama sekarang?",
            AnswerType.PERCENT,
        ),
        (
            "Setahu saya PNS yang bolos total 46 hari kerja dalam setahun baru bisa diberhentikan. "
            "Angka 46 hari itu masih dipakai nggak sekarang?",
            AnswerType.DURATION,
        ),
        # no value told: whether a list still reads the same
        ("Pembagian jabatan ASN masih sama gak?", AnswerType.LIST),
    ],
)
def test_whether_a_told_value_still_holds_is_answered_with_the_value_now(
    question: str, kind: str
) -> None:
    assert expected_kind(question, None) == kind


def test_one_member_of_what_a_thing_consists_of_is_not_given_as_the_whole() -> None:
    """UU 20/2023 Pasal 13: "Jabatan ASN terdiri atas Jabatan Manajerial." alone would misstate
    the set; the list is given whole. Items of a list of rules stay sentences of their own."""
    jabatan = passage(
        "Jabatan ASN terdiri atas:\na. Jabatan Manajerial; dan\nb. Jabatan Nonmanajerial.",
        "13",
        "UU 20/2023",
    )
    direct, _ = direct_answer("UU 20/2023 membagi jabatan ASN jadi bagaimana?", [jabatan])
    assert "Jabatan Manajerial" in direct and "Jabatan Nonmanajerial" in direct, direct
    larangan = passage(
        "PNS dilarang:\na. menyalahgunakan wewenang;\nb. bekerja pada perusahaan asing.",
        "5",
        "PP 94/2021",
    )
    direct, _ = direct_answer("PNS boleh kerja di perusahaan asing gimana?", [larangan])
    assert "perusahaan asing" in direct and "menyalahgunakan" not in direct, direct


def test_a_number_of_the_ayat_naming_the_three_word_subject_answers() -> None:
    """PP 70/2015: 'uang duka tewas ... berapa' is Pasal 16 ayat (2)'s 6 (enam) kali Gaji (a sibling
    of the chosen ayat (1)), not the 3 (tiga) kali of Pasal 25's 'uang duka wafat' among the sources."""
    sumber = [
        passage(
            "(1) Uang duka tewas sebagaimana dimaksud dalam Pasal 13 huruf g diberikan kepada ahli "
            "waris Peserta yang tewas.",
            "16",
            "PP 70/2015",
            ayat="1",
        ),
        passage(
            "Uang duka wafat sebagaimana dimaksud dalam Pasal 23 ayat (2) huruf b diberikan kepada "
            "ahli waris Peserta yang wafat sebesar 3 (tiga) kali Gaji terakhir yang dibayarkan 1 "
            "(satu) kali.",
            "25",
            "PP 70/2015",
        ),
    ]
    ayat2 = passage(
        "(2) Uang duka tewas sebagaimana dimaksud pada ayat (1) diberikan sebesar 6 (enam) kali Gaji "
        "terakhir yang dibayarkan 1 (satu) kali.",
        "16",
        "PP 70/2015",
        ayat="2",
    )
    composed = compose_answer(
        "Kalau PNS tewas saat menjalankan tugas, uang duka tewas untuk ahli warisnya berapa?",
        sumber,
        siblings=[ayat2.model_copy(update={"via": "neighbour"})],  # as the chain fetches it
    )
    assert "6 (enam) kali Gaji" in composed.direct and "3 (tiga)" not in composed.direct


def test_the_provision_saying_most_of_the_question_s_phrases_gives_the_number() -> None:
    """Perpres 95/2018: the definition of 'Rencana Induk SPBE Nasional' holds its 20 years; Pasal
    15's 'Peta Rencana SPBE Nasional ... untuk jangka waktu 5 (lima) tahun' shares one phrase only."""
    definisi = passage(
        "5. Rencana Induk SPBE Nasional adalah dokumen perencanaan pembangunan SPBE secara nasional "
        "untuk jangka waktu 20 (dua puluh) tahun.",
        "1",
        "Perpres 95/2018",
    )
    peta = passage(
        "Peta Rencana SPBE Nasional disusun untuk jangka waktu 5 (lima) tahun.",
        "15",
        "Perpres 95/2018",
    )
    direct, source = direct_answer(
        "Rencana Induk SPBE Nasional itu dokumen perencanaan untuk jangka waktu berapa lama?",
        [definisi, peta],
    )
    assert source == 0 and "20 (dua puluh) tahun" in direct


DELEGASI = (
    "(1) Presiden selaku pemegang kekuasaan pemerintahan dalam pembinaan Pegawai ASN dapat "
    "mendelegasikan kewenangan menetapkan pengangkatan, pemindahan, dan pemberhentian pejabat "
    "selain pejabat pimpinan tinggi utama kepada:\na. menteri di kementerian;\nb. pimpinan lembaga "
    "di lembaga pemerintah nonkementerian;\nd. gubernur di provinsi; dan\ne. bupati/walikota di "
    "kabupaten/kota."
)


def test_an_item_of_a_list_opened_by_kepada_names_who() -> None:
    """UU 20/2023 Pasal 29 ayat (1): "di kabupaten, siapa ..." is item e of the list of whom the
    President delegates to, not the definition of PPK in Pasal 1."""
    definisi = passage(
        "14. Pejabat Pembina Kepegawaian yang selanjutnya disingkat PPK adalah pejabat yang mempunyai "
        "kewenangan menetapkan pengangkatan, pemindahan, dan pemberhentian Pegawai ASN.",
        "1",
        "PP 11/2017",
    )
    direct, source = direct_answer(
        "Di pemerintah kabupaten, siapa yang jadi pejabat pembina kepegawaian (PPK)?",
        [passage(DELEGASI, "29", "UU 20/2023", ayat="1"), definisi],
    )
    assert source == 0 and "kepada bupati/walikota di kabupaten/kota" in direct


def test_an_item_of_a_who_list_naming_nothing_asked_does_not_answer() -> None:
    """ "Siapa pemegang kekuasaan tertinggi ...": no item of the delegation list names a word of the
    question, so the list does not stand in for Pasal 26's answer."""
    tertinggi = passage(
        "(1) Presiden selaku pemegang kekuasaan pemerintahan merupakan pemegang kekuasaan tertinggi "
        "dalam kebijakan, pembinaan profesi, dan Manajemen ASN.",
        "26",
        "UU 20/2023",
        ayat="1",
    )
    direct, source = direct_answer(
        "Siapa yang memegang kekuasaan tertinggi dalam kebijakan dan pembinaan manajemen ASN?",
        [tertinggi, passage(DELEGASI, "29", "UU 20/2023", ayat="1")],
    )
    assert source == 0 and "pemegang kekuasaan tertinggi" in direct


def test_who_receives_what_the_question_names_answers_before_a_mere_oleh() -> None:
    """PP 53/2010: 'banding administratif diajukan ke mana' is Pasal 38's 'kepada Badan Pertimbangan
    Kepegawaian', not the 'dijatuhkan oleh Pejabat Pembina Kepegawaian' of the better-ranked
    Pasal 45."""
    berlaku = passage(
        "(2) Hukuman disiplin yang dijatuhkan oleh Pejabat Pembina Kepegawaian atau Gubernur selaku "
        "wakil pemerintah untuk jenis hukuman disiplin apabila diajukan banding administratif maka "
        "mulai berlaku pada tanggal ditetapkannya keputusan banding administratif.",
        "45",
        "PP 53/2010",
        ayat="2",
    )
    banding = passage(
        "(1) PNS yang dijatuhi hukuman disiplin sebagaimana dimaksud dalam Pasal 34 ayat (2), dapat "
        "mengajukan banding administratif kepada Badan Pertimbangan Kepegawaian.",
        "38",
        "PP 53/2010",
        ayat="1",
    )
    direct, source = direct_answer(
        "Banding administratif atas hukuman disiplin diajukan ke mana menurut PP 53/2010?",
        [berlaku, banding],
    )
    assert source == 1 and "kepada Badan Pertimbangan Kepegawaian" in direct


def test_a_later_question_naming_nothing_itself_is_answered_from_the_same_pasal() -> None:
    """PP 49/2018 Pasal 88: "dapat cuti melahirkan nggak, berapa lama?" gets the yes of ayat (1)
    and the 3 (tiga) bulan of ayat (2), which shares fewer of the message's words."""
    hak = passage(
        "(1) Untuk kelahiran anak pertama sampai dengan kelahiran anak ketiga pada saat menjadi PPPK, "
        "PPPK berhak atas cuti melahirkan.",
        "88",
        "PP 49/2018",
        ayat="1",
    )
    lama = passage(
        "(2) Lamanya cuti melahirkan sebagaimana dimaksud pada ayat (1) diberikan paling lama 3 "
        "(tiga) bulan.",
        "88",
        "PP 49/2018",
        ayat="2",
    )
    composed = compose_answer(
        "Saya PPPK perempuan, hamil anak pertama. Dapat cuti melahirkan nggak, berapa lama?",
        [hak, lama],
    )
    assert "berhak atas cuti melahirkan" in composed.direct
    assert "paling lama 3 (tiga) bulan" in composed.direct


PPPK_CUTI_ALASAN = (
    "(1) PPPK berhak atas cuti tahunan dengan mengecualikan ketentuan sebagaimana dimaksud pada "
    "Pasal 78 ayat (1) dalam hal:\na. Ibu, bapak, istri/suami, anak, dan/atau mertua sakit keras atau "
    "meninggal dunia;\nb. Salah seorang anggota sebagaimana dimaksud dalam huruf a meninggal dunia; "
    "atau\nc. Melangsungkan perkawinan pertama."
)
PPPK_CUTI_ENAM_HARI = (
    "(2) Lamanya hak atas cuti tahunan sebagaimana dimaksud pada ayat (1) paling lama 6 (enam) hari "
    "kerja."
)


@pytest.mark.parametrize(
    ("question", "other"),
    [
        (  # the sources' only number is in another unit: the sibling's number in days answers
            "Saya PPPK baru 8 bulan kerja, mau nikah bulan depan. Bisa ambil cuti nggak walau belum "
            "setahun? Berapa hari?",
            "(1) PPPK yang mengalami gugur kandungan berhak atas cuti sakit paling lama 1 1/2 (satu "
            "setengah) bulan.",
        ),
        (  # a number in days of another Pasal: the ayat building on the one that says "mertua
            # sakit keras" answers
            "sy pppk baru 8 bln kerja, mertua sakit keras. bs cuti gk? dpt brp hari?",
            "(1) PPPK yang sakit lebih dari 1 (satu) hari sampai dengan 14 (empat belas) hari berhak "
            "atas cuti sakit.",
        ),
    ],
)
def test_the_sibling_ayat_with_the_number_asked_joins(question: str, other: str) -> None:
    """PP 49/2018 Pasal 80: leave for a wedding or a parent-in-law's illness is 'paling lama 6
    (enam) hari kerja' (ayat (2), which builds on ayat (1)), not another Pasal's number."""
    sources = [
        passage(other, "84" if "gugur" in other else "83", "PP 49/2018", ayat="1"),
        passage(PPPK_CUTI_ALASAN, "80", "PP 49/2018", ayat="1"),
    ]
    sibling = passage(PPPK_CUTI_ENAM_HARI, "80", "PP 49/2018", ayat="2")
    composed = compose_answer(
        question, sources, siblings=[sibling.model_copy(update={"via": "neighbour"})]
    )
    assert "paling lama 6 (enam) hari kerja" in composed.direct, composed.direct
