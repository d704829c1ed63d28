"""Knows what it does not know, and answers with the law in force: the real corpus, the real model."""

from __future__ import annotations

import re

import pytest

from assistant.chain import AnswerService
from assistant.documents import AnswerStatus

pytestmark = pytest.mark.slow


def test_amount_the_corpus_does_not_hold_is_not_answered(full_service: AnswerService) -> None:
    a = full_service.ask(
        "Berapa tunjangan jabatan fungsional analis kebijakan ahli muda per bulan?", trace=True
    )
    assert a.status == AnswerStatus.NO_SOURCE
    assert a.reason in ("answer_type_mismatch", "not_in_corpus")
    assert not a.citations
    assert a.trace["answerability"]["jenis_jawaban"] == "nominal"


def test_personal_record_request_is_refused_with_where_to_ask(
    full_service: AnswerService,
) -> None:
    a = full_service.ask(
        "Min, NIP saya 199001012015031001, tolong cek status usulan kenaikan pangkat saya "
        "udah sampai mana",
        trace=True,
    )
    assert a.status == AnswerStatus.REFUSED and a.reason == "personal_record"
    assert "tidak memiliki akses ke data kepegawaian" in a.answer
    assert "BKPSDM" in a.answer
    assert a.trace["understand"]["kelas"] == "personal_record"
    assert any(s["nama"] == "NIP/NIK disebut" for s in a.trace["understand"]["sinyal"])


def test_personal_request_gets_the_general_rule_beside_the_refusal(
    full_service: AnswerService,
) -> None:
    a = full_service.ask("cek sisa cuti tahunan saya dong, aturannya cuti tahunan berapa hari sih?")
    assert a.status == AnswerStatus.REFUSED and a.reason == "personal_record"
    assert "Ketentuan umumnya (bukan data Anda)" in a.answer
    assert a.citations and "cuti tahunan" in a.citations[0].text.lower()


def test_named_document_we_do_not_hold_is_named(full_service: AnswerService) -> None:
    a = full_service.ask("Apa isi SE Kepala BKN tentang penggunaan media sosial bagi ASN?")
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "unknown_document"
    assert "SE KEPALA BKN" in a.answer and not a.citations


def test_out_of_domain(full_service: AnswerService) -> None:
    a = full_service.ask("Gimana cara bikin rendang yang empuk buat arisan?")
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "out_of_domain"


def test_answerable_question_is_still_answered(full_service: AnswerService) -> None:
    a = full_service.ask("Apa saja larangan bagi PNS?", trace=True)
    assert a.status in (AnswerStatus.ANSWERED, AnswerStatus.PARTIAL)
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-94-2021", "5")
    assert a.trace["answerability"]["keputusan"] in ("answered", "partial")


def test_old_law_question_is_answered_from_the_law_in_force(full_service: AnswerService) -> None:
    a = full_service.ask(
        "Katanya di UU 5/2014 pasal 22 PPPK berhak dapat gaji dan tunjangan, sekarang aturannya "
        "gimana?",
        trace=True,
    )
    assert a.citations[0].doc == "uu-20-2023", [c.label for c in a.citations]
    assert any("UU 5/2014 Pasal 22" in n and "dicabut" in n for n in a.notes), a.notes
    assert a.trace["temporal"]["masa_lalu"] is False


def test_a_repealed_law_does_not_outrank_the_law_in_force_on_a_close_match(
    full_service: AnswerService,
) -> None:
    """UU 5/2014 Pasal 106 (repealed) lists PPPK protection in nearly the question's words; the law
    in force (PP 49/2018 Pasal 75) must still come first when the question is about today."""
    question = "Perlindungan apa saja yang wajib diberikan pemerintah kepada PPPK?"
    first = full_service.retrieve(question)[0].chunk
    assert first.doc != "uu-5-2014", first.id
    a = full_service.ask(question)
    assert ("pp-49-2018", "75") in {(c.doc, c.pasal) for c in a.citations}, [
        c.label for c in a.citations
    ]
    assert "jaminan hari tua" in a.answer.lower()


def test_question_about_the_past_is_answered_from_the_old_law(
    full_service: AnswerService,
) -> None:
    a = full_service.ask("Dulu menurut PP 24/1976, cuti besar itu berapa lama?", trace=True)
    assert a.citations[0].doc == "pp-24-1976", [c.label for c in a.citations]
    assert any("aturan lama" in n for n in a.notes), a.notes
    assert a.trace["temporal"]["masa_lalu"] is True


def test_the_time_before_a_law_in_force_is_the_time_of_the_law_it_replaced(
    full_service: AnswerService,
) -> None:
    """ "sebelum PP 11/2017 terbit" names a law in force only to say when: the answer comes from
    what PP 11/2017 revoked (PP 24/1976), not from PP 11/2017 itself."""
    a = full_service.ask(
        "Dulu, sebelum PP 11/2017 terbit, PNS wanita yang melahirkan anak keempat dapat cuti jenis "
        "apa?",
        trace=True,
    )
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-24-1976", "19"), a.citations
    assert "di luar tanggungan" in a.answer
    assert a.trace["temporal"]["aturan"] == "menanyakan masa sebelum peraturan pengganti"


def test_the_old_law_named_by_title_and_number_is_the_one_asked_about(
    full_service: AnswerService,
) -> None:
    """ "UU ASN yang lama (UU 5/2014)": the title names the old law, not UU 20/2023."""
    a = full_service.ask(
        "Menurut UU ASN yang lama (UU 5/2014), PPPK berhak memperoleh apa saja?", trace=True
    )
    assert ("uu-5-2014", "22") in {(c.doc, c.pasal) for c in a.citations}, a.citations
    assert "pengembangan kompetensi" in (a.direct or "")
    assert a.trace["temporal"]["masa_lalu"] is True


def test_amended_provision_is_cited_in_its_amended_wording(full_service: AnswerService) -> None:
    a = full_service.ask("PP 10/1983 pasal 3 bunyinya apa?")
    assert a.citations[0].doc == "pp-10-1983"
    assert "sebagaimana diubah dengan PP 45/1990" in a.citations[0].label


def test_a_provision_without_a_rule_of_its_own_does_not_answer(full_service: AnswerService) -> None:
    """An applied amendment's lead-in ("… diubah sebagai berikut:") and its closing formula carry
    the document's title, not the rule: the consolidated provision answers."""
    a = full_service.ask(
        "Menurut PP 99/2000 yang sudah diubah PP 12/2002, kenaikan pangkat PNS ditetapkan tiap "
        "tanggal berapa saja?"
    )
    assert a.status == AnswerStatus.ANSWERED, (a.status, a.reason)
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-99-2000", "4"), a.citations
    assert "1 April dan 1 Oktober" in a.answer


def test_states_no_rule() -> None:
    from assistant.ranking import states_no_rule

    assert states_no_rule("Peraturan Pemerintah ini mulai berlaku pada tanggal diundangkan.")
    assert states_no_rule(
        "Beberapa ketentuan dalam Peraturan Pemerintah Nomor 99 Tahun 2000 diubah:"
    )
    assert not states_no_rule("PNS dilarang menjadi anggota partai politik.")
    long_rule = "Pada saat Peraturan Pemerintah ini mulai berlaku, " + "ketentuan lama tetap. " * 30
    assert not states_no_rule(long_rule + " mulai berlaku pada tanggal diundangkan")


def test_a_mere_delegation_states_no_rule_unless_where_is_asked() -> None:
    from assistant.ranking import Ranker

    delegation = (
        "Ketentuan lebih lanjut mengenai kewajiban PNS Masuk Kerja dan menaati ketentuan jam kerja "
        "sebagaimana dimaksud dalam Pasal 4 huruf f diatur dalam Peraturan Menteri."
    )
    assert Ranker.no_rule_of_its_own(delegation, "larangan bagi PNS menurut peraturan disiplin")
    assert not Ranker.no_rule_of_its_own(delegation, "jam kerja PNS diatur lebih lanjut di mana?")
    assert not Ranker.no_rule_of_its_own(
        "(1) PNS wajib masuk kerja. (2) Ketentuan lebih lanjut mengenai jam kerja diatur dalam "
        "Peraturan Menteri.",
        "jam kerja PNS",
    )


def test_a_phrase_of_the_question_as_written_is_recognised() -> None:
    from assistant.text import question_phrases, says_a_phrase_of

    phrases = question_phrases("PNS yang ngelakuin beberapa pelanggaran disiplin sekaligus gimana?")
    assert says_a_phrase_of(
        phrases, "(1) PNS yang ternyata melakukan beberapa Pelanggaran Disiplin,"
    )
    assert not says_a_phrase_of(phrases, "(3) PNS yang melakukan pelanggaran disiplin dijatuhi")
    assert not question_phrases("apa ini ya")  # function words alone are no phrase


@pytest.mark.parametrize(
    "question",
    [
        "tolong bikinin soal latihan pecahan buat anak kelas 5 SD dong",
        "jadwal penyaluran BLT desa bulan depan kapan ya?",
    ],
)
def test_weak_match_without_a_civil_service_word_is_out_of_domain(
    full_service: AnswerService, question: str
) -> None:
    a = full_service.ask(question, trace=True)
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "out_of_domain", (a.status, a.answer)
    assert a.trace["answerability"]["kata_ranah_asn"] == ""
    assert not a.citations


def test_a_length_stated_about_something_else_is_not_the_length_asked(
    full_service: AnswerService,
) -> None:
    """The corpus names "ikatan dinas" but never its length; "menduduki jabatan 5 (lima) tahun"
    in the same explanation is about another thing, so no number is given."""
    a = full_service.ask(
        "Setelah tugas belajar S2 dibiayai APBN, ikatan dinasnya wajib berapa tahun?"
    )
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "answer_type_mismatch", a.answer
    b = full_service.ask(
        "Cuti tahunan sy tahun lalu gak kepake. Tahun ini maksimal bisa ambil berapa hari?"
    )
    assert b.status in (AnswerStatus.ANSWERED, AnswerStatus.PARTIAL), b.answer
    assert "18 (delapan belas) hari kerja" in b.answer


def test_a_search_within_named_documents_finds_only_theirs(full_service: AnswerService) -> None:
    """A question naming PP 11/2017 is searched within it: all candidates are its own, and the
    provision it asks about is among them even when other laws' provisions outrank it overall."""
    retriever = full_service.rt.retriever
    question = (
        "Under PP 11/2017, what happens to a civil servant who fails to report back after "
        "finishing study leave (tugas belajar)?"
    )
    scoped = retriever.search(question, k=10, docs=frozenset({"pp-11-2017"}))
    assert scoped.passages and {p.chunk.doc for p in scoped.passages} == {"pp-11-2017"}
    assert any(p.chunk.id.startswith("pp-11-2017/pasal-259") for p in scoped.passages[:10])
    a = full_service.ask(question)
    assert any((c.doc, c.pasal) == ("pp-11-2017", "259") for c in a.citations)


def test_a_typed_rule_question_is_read_from_its_corrected_words(
    full_service: AnswerService,
) -> None:
    """As typed, "sk hukdis sy ... kmrn, kpn mlai brlakunya" looks like a lookup of the asker's
    decision; corrected, it asks when a disciplinary decision takes effect: a rule."""
    a = full_service.ask(
        "sk hukdis sy udh ditrma kmrn, kpn mlai brlakunya y min? klo ga ngjuin bnding", trace=True
    )
    assert a.status != AnswerStatus.REFUSED, a.answer
    assert a.trace["understand"]["kelas"] == "regulation"
    assert a.trace["understand"]["dibaca_sebagai"]
    assert any((c.doc, c.pasal) == ("pp-94-2021", "38") for c in a.citations)


def test_an_english_definition_question_gets_the_term_it_names(
    full_service: AnswerService,
) -> None:
    a = full_service.ask("What is the legal definition of PPPK in the new ASN Law (UU 20/2023)?")
    assert (a.citations[0].doc, a.citations[0].pasal) == ("uu-20-2023", "1"), a.answer
    assert "perjanjian kerja untuk jangka waktu tertentu" in a.answer.lower()


def test_a_count_no_source_states_is_not_given(full_service: AnswerService) -> None:
    """ "kelas berapa": no provision states a class number for that position, so the assistant
    says the number is not in its sources instead of quoting the nearest provision."""
    a = full_service.ask("Kelas jabatan analis SDM aparatur ahli pertama itu kelas berapa?")
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "answer_type_mismatch", a.answer
    assert not a.citations


def test_a_value_the_story_tells_weighs_as_background(full_service: AnswerService) -> None:
    """ "46 hari" is the old rule the asker recalls, not something today's provision must state."""
    from assistant.answerability import CONTEXT_WEIGHT, NUMBER_WEIGHT

    a = full_service.ask(
        "Di PP 53/2010 PNS bolos 46 hari kerja baru bisa diberhentikan. Kalau aturan disiplin yg "
        "sekarang, batasnya berapa hari?",
        trace=True,
    )
    told = a.trace["answerability"]["angka"]
    assert told == [{"angka": "46", "bobot": NUMBER_WEIGHT * CONTEXT_WEIGHT, "ada": False}]
    assert a.status == AnswerStatus.ANSWERED, a.answer
    assert any((c.doc, c.pasal) == ("pp-94-2021", "11") for c in a.citations)


def test_a_piece_of_writing_for_the_office_is_out_of_domain(full_service: AnswerService) -> None:
    """ "kantor" is an office word, but a pantun is a task, not a rule the corpus holds."""
    a = full_service.ask(
        "Tolong buatkan pantun untuk pembukaan acara 17 Agustusan di kantor", trace=True
    )
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "out_of_domain", (a.status, a.answer)
    assert a.trace["answerability"]["permintaan_karya_tulis"] == "buatkan pantun"
    assert not a.citations
    # asking for a letter the rules are about stays a regulation question
    b = full_service.ask(
        "Teman saya PNS diminta kasih surat dukungan plus fotokopi KTP buat calon DPD"
    )
    assert b.reason != "out_of_domain"


def test_a_request_for_code_is_out_of_domain(full_service: AnswerService) -> None:
    """ "employee" and "function" are civil-service words in English, but a Python function is a
    task, not a rule; "kode etik" stays the code of ethics."""
    a = full_service.ask(
        "Write me a Python function that sorts a list of employee names alphabetically.", trace=True
    )
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "out_of_domain", (a.status, a.answer)
    assert a.trace["answerability"]["permintaan_karya_tulis"] == "Write me a Python function"
    b = full_service.ask("tuliskan kode etik ASN menurut UU 20/2023", trace=True)
    assert b.reason != "out_of_domain" and not b.trace["answerability"]["permintaan_karya_tulis"]


def test_a_question_naming_a_pasal_is_never_out_of_domain(full_service: AnswerService) -> None:
    a = full_service.ask("PP 30/2019 Pasal 32 mengatur tentang apa?")
    assert a.status == AnswerStatus.ANSWERED
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-30-2019", "32")


def test_according_to_my_records_is_a_lookup(full_service: AnswerService) -> None:
    a = full_service.ask("menurut data absensi, tahun ini saya sudah terlambat berapa kali?")
    assert a.status == AnswerStatus.REFUSED and a.reason == "personal_record"


def test_a_joint_decree_by_topic_is_a_document_we_do_not_hold(full_service: AnswerService) -> None:
    a = full_service.ask("SKB tentang cuti bersama tahun 2026 isinya apa aja?")
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "unknown_document", a.answer
    assert not a.citations


def test_a_year_after_every_regulation_held_is_not_answered_from_the_standing_rules(
    full_service: AnswerService,
) -> None:
    a = full_service.ask(
        "gaji ke-13 dan THR ASN tahun 2026 kapan cair dan apa aja komponennya?", trace=True
    )
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "not_in_corpus", a.answer
    assert "2026" in a.answer and not a.citations
    assert a.trace["answerability"]["tahun_setelah_korpus"] == "2026"


def test_later_year_ignores_the_year_of_a_numbered_document() -> None:
    from assistant.answerability import _YEAR

    years = lambda q: [m.group(0) for m in _YEAR.finditer(q)]  # noqa: E731
    assert years("THR ASN tahun 2025 cairnya kapan") == ["2025"]
    assert years("SKP 2024 saya") == ["2024"]
    assert years("PP 17 tahun 2020 mengubah apa") == []
    assert years("Peraturan BKN No. 1 Tahun 2025") == []
    assert years("UU 5/2014 pasal 1") == []


def test_a_typo_does_not_hide_a_personal_record_request(full_service: AnswerService) -> None:
    """ "staus sy" reads as a look-up only once corrected; the trace shows the corrected reading."""
    question = "knp di MyASN staus sy masih CPNS padahal SK PNS udh keluar bulan lalu?"
    a = full_service.ask(question, trace=True)
    assert (a.status, a.reason) == (AnswerStatus.REFUSED, "personal_record")
    assert "status saya" in a.trace["understand"]["dibaca_sebagai"]


def test_ranking_prefers_the_provision_that_names_the_rare_term(
    full_service: AnswerService,
) -> None:
    """ "lulusan S3": PP 99/2000 Pasal 8 lists "Doktor (S3)"; Pasal 7 only shares the common
    words ("kenaikan pangkat reguler"). The trace shows each candidate's support."""
    a = full_service.ask(
        "pns lulusan S3 kenaikan pangkat regulernya sampai golongan apa menurut PP 99/2000?",
        trace=True,
    )
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-99-2000", "8"), a.citations
    top = a.trace["candidates"][0]
    assert top["id"].startswith("pp-99-2000/pasal-8") and top["support"] > 0.5


def test_a_percentage_from_a_provision_on_another_topic_does_not_answer(
    full_service: AnswerService,
) -> None:
    """The corpus has no Tapera: the 25 % cut of a disciplinary penalty shares "potongan" and
    "persen" with the question but is not about it, so it is not given as the answer."""
    a = full_service.ask("potongan Tapera buat ASN brp persen dr gaji?", trace=True)
    assert a.status == AnswerStatus.NO_SOURCE, (a.status, a.answer)
    assert "25" not in a.answer
    assert not a.trace["answerability"]["jenis_jawaban_ada"]


def test_a_question_about_pns_is_answered_from_the_pns_rule(full_service: AnswerService) -> None:
    """PP 49/2018 Pasal 88 ayat (2) (PPPK) says the same "3 (tiga) bulan" without naming PPPK; its
    document is about PPPK, so for a question about PNS the PNS rule (PP 11/2017 Pasal 325) leads."""
    a = full_service.ask("Berapa lama cuti melahirkan untuk PNS?")
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-11-2017", "325"), a.citations
    a = full_service.ask("Berapa lama cuti melahirkan untuk PPPK?")
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-49-2018", "88"), a.citations


def test_an_amount_in_the_next_ayat_answers(full_service: AnswerService) -> None:
    """PP 70/2015 Pasal 16: ayat (1) names the uang duka tewas, ayat (2) its amount as a multiple
    of the salary; the gate and the composer both read the other ayat of the sources' Pasal."""
    a = full_service.ask("uang duka tewas buat ahli waris ASN yg meninggal pas tugas brp?")
    assert a.status == AnswerStatus.ANSWERED, (a.status, a.reason)
    assert "6 (enam) kali" in a.answer
    assert any((c.doc, c.pasal, c.ayat) == ("pp-70-2015", "16", "2") for c in a.citations)


def test_a_stated_value_picks_the_item_whose_condition_holds_it(
    full_service: AnswerService,
) -> None:
    """15 days absent in a year is PP 94/2021 Pasal 10 ayat (2) huruf f's second item (14-20 days:
    a 25 % cut for 9 months), not the 10-days-in-a-row rule of Pasal 15."""
    a = full_service.ask(
        "Kalau PNS dalam setahun total bolos 15 hari kerja tanpa alasan sah, sanksinya apa?",
        trace=True,
    )
    cited = [(c.doc, c.pasal) for c in a.citations]
    assert ("pp-94-2021", "10") in cited
    assert "9 (sembilan) bulan" in (a.direct or "") and "6 (enam) bulan" not in (a.direct or "")
    source = int((a.direct or "").rstrip()[-2])  # the direct answer's own marker, "[n]"
    assert cited[source - 1] == ("pp-94-2021", "10")
    assert any(c["nilai_cocok"] for c in a.trace["candidates"] if "/pasal-10/" in c["id"])


def test_the_number_given_for_the_stated_condition_answers(full_service: AnswerService) -> None:
    """ "Sakit lebih dari dua minggu" meets PP 49/2018 Pasal 83 ayat (2) (more than 14 days), and
    the length of that leave is stated by ayat (4), which builds on ayat (2): "paling lama 1 (satu)
    bulan" -- not the 1.5 months of a miscarriage (Pasal 84) that also says "paling lama"."""
    a = full_service.ask("PPPK yang sakit lebih dari dua minggu, cuti sakitnya paling lama berapa?")
    direct = a.direct or ""
    assert "1 (satu) bulan" in direct and "setengah" not in direct
    source = a.citations[int(direct.rstrip()[-2]) - 1]
    assert (source.doc, source.pasal, source.ayat) == ("pp-49-2018", "83", "4")
    assert ("pp-49-2018", "83", "2") in {(c.doc, c.pasal, c.ayat) for c in a.citations}


def test_values_told_about_the_old_law_are_context(full_service: AnswerService) -> None:
    """The 60 % / 40 % of PP 46/2011 are what used to be; the weights asked for are PP 30/2019
    Pasal 41 ayat (2)'s, not a score range that happens to hold 60."""
    a = full_service.ask(
        "Waktu masih PP 46/2011, nilai prestasi kerja itu 60% SKP dan 40% perilaku kerja. "
        "Sekarang dengan PP 30/2019 bobotnya berapa?"
    )
    assert "tujuh puluh persen" in (a.direct or "")


def test_the_defined_term_asked_is_the_one_the_phrase_names(full_service: AnswerService) -> None:
    """ "Dalam PP Disiplin PNS, yang dimaksud 'Masuk Kerja' ...": the definition of Masuk Kerja
    (PP 94/2021 Pasal 1 angka 5), not of "Disiplin PNS", which only names the regulation."""
    a = full_service.ask("Dalam PP Disiplin PNS, yang dimaksud 'Masuk Kerja' itu harus di kantor?")
    assert (a.direct or "").startswith("Masuk Kerja adalah")


def test_a_document_named_only_for_the_past_is_context(full_service: AnswerService) -> None:
    """PP 49/2018 (in force) is named for what it said before; the question asks what UU 20/2023
    says now, so the answer is UU 20/2023 Pasal 66 (penataan pegawai non-ASN), not PP 49/2018."""
    a = full_service.ask(
        "PP 49/2018 dulu kasih waktu 5 tahun buat pegawai non-PNS (honorer) supaya bisa diangkat "
        "jadi PPPK. Di UU ASN yang baru, batas waktu penataan pegawai non-ASN itu sampai kapan?"
    )
    assert (a.citations[0].doc, a.citations[0].pasal) == ("uu-20-2023", "66")


def test_a_participant_number_status_check_is_a_personal_record(
    full_service: AnswerService,
) -> None:
    a = full_service.ask("cek dong NI PPPK sy udh keluar blm, no peserta 24100310120000123")
    assert a.status == AnswerStatus.REFUSED and a.reason == "personal_record"


def test_an_institution_of_the_old_law_is_found_in_the_new_laws_own_words(
    full_service: AnswerService,
) -> None:
    """UU 20/2023 names KASN only in its transitional provision, and in full ("Komisi Aparatur Sipil
    Negara"); the old law's provisions on KASN have no sure counterpart, so the law in force is
    searched: Pasal 70 ayat (3), the KASN carries on until the implementing regulations."""
    a = full_service.ask(
        "Setelah UU 5/2014 diganti UU ASN 2023, apakah KASN langsung bubar?", trace=True
    )
    assert (a.citations[0].doc, a.citations[0].pasal) == ("uu-20-2023", "70")
    assert a.trace["temporal"]["dicari_di_pengganti"] == "uu-20-2023/pasal-70/ayat-3"
    # the documents it names are not topics the sources "do not mention"
    assert not any("uu asn" in n or "asn 2023" in n for n in a.notes), a.notes
    assert "UU 5/2014 Pasal 38 ayat (3) telah dicabut; kini diatur dalam UU 20/2023 Pasal 70" in (
        a.answer
    )


@pytest.mark.parametrize(
    ("question", "place"),
    [
        # a choice of units is no unit asked: "1 (satu) bulan" answers "brp hari/bulan"
        ("cuti alasan penting tuh paling lama brp hari/bulan sih?", ("pp-11-2017", "330")),
        # English words that only ask ("can", "be") are no missing topic
        ("Can a civil servant (PNS) be a member of a political party?", ("pp-11-2017", "255")),
        # chat words: "parpol", "gmn nasibnya", "ketahuan"
        ("pns ketahuan jd pengurus parpol gmn nasibnya?", ("pp-11-2017", "255")),
        # the asker's situation ("temen kantor", "gk ada kabar") is not the topic
        (
            "temen kantor bolos 10 hari berturut2 gk ada kabar, bisa dipecat gk?",
            ("pp-94-2021", "11"),
        ),
        # an abbreviation the regulations define (JKK, JKM) is a word of the civil service
        (
            "How much time does the fund manager have to pay a JKK or JKM claim once the "
            "application is complete?",
            ("pp-70-2015", "34"),
        ),
    ],
)
def test_answerable_questions_typed_as_people_type_are_not_refused(
    full_service: AnswerService, question: str, place: tuple[str, str]
) -> None:
    a = full_service.ask(question)
    assert a.status in (AnswerStatus.ANSWERED, AnswerStatus.PARTIAL), (a.status, a.reason)
    assert place in [(c.doc, c.pasal) for c in a.citations], [c.label for c in a.citations]


def test_a_stated_value_that_a_provision_holds_is_not_missing(full_service: AnswerService) -> None:
    """ "bolos ... 26 hari kerja": PP 94/2021 Pasal 11 states the range that holds 26 ("25 (dua
    puluh lima) sampai dengan 27 (dua puluh tujuh) hari kerja"), never the number 26 itself; the
    gate must not count 26 as unsupported."""
    a = full_service.ask(
        "min sodara sy PNS bolos dikit2 tp kl dijumlah udh 26 hr krja taun ini, kena hukman apa y?",
        trace=True,
    )
    assert a.status in (AnswerStatus.ANSWERED, AnswerStatus.PARTIAL), a.answer
    numbers = {n["angka"]: n["ada"] for n in a.trace["answerability"]["angka"]}
    assert numbers.get("26") is True, a.trace["answerability"]
    assert a.citations[0].doc == "pp-94-2021", [c.label for c in a.citations]


def test_a_later_year_mentioned_only_by_an_unrelated_source_is_still_later(
    full_service: AnswerService,
) -> None:
    """ "Formasi CPNS 2025": a source on another topic that happens to name 2025 (a plan's target
    year) does not make that year's decrees part of the corpus."""
    a = full_service.ask("Formasi CPNS 2025 kapan dibuka dan berapa kuotanya?", trace=True)
    assert a.status == AnswerStatus.NO_SOURCE, a.answer
    assert a.reason == "not_in_corpus"
    assert a.trace["answerability"]["tahun_setelah_korpus"] == "2025"


def test_terms_scattered_over_unrelated_sources_do_not_add_up_to_an_answer(
    full_service: AnswerService,
) -> None:
    """ "Formasi CPNS 2024 ... jumlahnya berapa?": "2024" is in an SPBE plan's period, "calon PNS"
    in another Pasal; no single source is about the question, so it is not answered."""
    a = full_service.ask("Formasi CPNS 2024 untuk Kementerian Agama jumlahnya berapa?", trace=True)
    assert a.status == AnswerStatus.NO_SOURCE, a.answer
    assert a.reason in ("not_in_corpus", "weak_sources"), a.reason


@pytest.mark.parametrize(
    ("question", "lead", "place"),
    [
        (  # the document named one sentence before "PP itu masih berlaku"
            "Admin, bagian kepegawaian kantor saya masih mencantumkan PP 24 Tahun 1976 tentang "
            "Cuti PNS sebagai dasar hukum di formulir cuti. PP itu masih berlaku nggak sih?",
            "Tidak berlaku lagi: PP 24/1976 (Cuti Pegawai Negeri Sipil) telah dicabut",
            ("pp-11-2017", "362", None),
        ),
        (  # asked the other way round: the answer reads right either way
            "UU 5/2014 sudah dicabut?",
            "Tidak berlaku lagi: UU 5/2014",
            ("uu-20-2023", "76", None),
        ),
        (  # "masih bisa dijadikan dasar" asks whether it is in force
            "Apakah PP 46 Tahun 2011 tentang penilaian prestasi kerja PNS masih bisa dijadikan "
            "dasar penilaian? Teman bilang udah diganti.",
            "Tidak berlaku lagi: PP 46/2011",
            ("pp-30-2019", "64", "6"),
        ),
        (  # the relation names an ayat: "Pasal 64 ayat (6)"
            "Is PP 46/2011 still in force?",
            "No longer in force: PP 46/2011",
            ("pp-30-2019", "64", "6"),
        ),
        (
            "PP 53/2010 masih berlaku?",
            "Sebagian: PP 53/2010 (Disiplin Pegawai Negeri Sipil) dicabut oleh PP 94/2021 Pasal 45 "
            "sepanjang tidak mengatur jenis Hukuman Disiplin sedang",
            ("pp-94-2021", "45", None),
        ),
        (
            "PP 10/1983 masih berlaku gak?",
            "Masih berlaku, dengan perubahan: PP 10/1983",
            ("pp-45-1990", "I", None),
        ),
        (  # nothing in the corpus revokes it: its own entry into force is the basis
            "UU 20/2023 masih berlaku gak?",
            "Masih berlaku: tidak ada peraturan di korpus yang mencabut UU 20/2023",
            ("uu-20-2023", "77", None),
        ),
        (  # amended by a regulation whose text we lack: said so, not hidden
            "PP 11/2017 masih berlaku?",
            "Masih berlaku: tidak ada peraturan di korpus yang mencabut PP 11/2017 (Manajemen "
            "Pegawai Negeri Sipil); PP 11/2017 telah diubah dengan PP 17/2020, yang teksnya belum "
            "ada di korpus",
            ("pp-11-2017", "364", None),
        ),
    ],
)
def test_a_question_about_a_documents_status_is_answered_from_the_revoking_clause(
    full_service: AnswerService, question: str, lead: str, place: tuple[str, str, str | None]
) -> None:
    a = full_service.ask(question, trace=True)
    assert a.status == AnswerStatus.ANSWERED, a.answer
    assert (a.direct or "").startswith(lead), a.direct
    assert (a.citations[0].doc, a.citations[0].pasal, a.citations[0].ayat) == place
    assert a.trace["temporal"]["aturan"] == "menanyakan status berlakunya peraturan"
    assert "Catatan: \n" not in a.answer + "\n" and "Catatan:  " not in a.answer
    assert a.answer.count("tidak berlaku lagi") <= 1  # the status is said once, not again as a note


def test_the_status_is_based_on_the_clause_that_names_the_document(
    full_service: AnswerService,
) -> None:
    # PP 11/2017 Pasal 362 lists fifteen revoked regulations: the quote shows the one asked about
    a = full_service.ask("PP 99 tahun 2000 ttg kenaikan pangkat PNS masih berlaku gak sih?")
    assert (a.direct or "").startswith("Tidak berlaku lagi: PP 99/2000"), a.direct
    basis = a.answer.split("Dasar hukum:", 1)[1]
    assert "Peraturan Pemerintah Nomor 99 Tahun 2000" in basis, basis


def test_a_share_written_in_words_answers_how_much(full_service: AnswerService) -> None:
    a = full_service.ask(
        "kalo PNS pria menceraikan istrinya, gajinya dibagi brp buat mantan istri?"
    )
    direct = a.direct or ""
    assert "sepertiga untuk bekas isterinya" in direct, direct
    cited = int(direct.rsplit("[", 1)[1].rstrip("]"))  # the source the direct answer cites
    source = a.citations[cited - 1]
    assert (source.doc, source.pasal, source.ayat) == ("pp-10-1983", "8", "2")


def test_when_the_old_law_was_still_in_force_is_the_past(full_service: AnswerService) -> None:
    a = full_service.ask(
        "Dulu zaman PP 99/2000 masih berlaku, naik pangkat dari II/d ke III/a itu wajib ujian dinas "
        "tingkat berapa?",
        trace=True,
    )
    assert a.status == AnswerStatus.ANSWERED, a.answer
    assert a.trace["temporal"]["masa_lalu"] is True
    assert any((c.doc, c.pasal) == ("pp-99-2000", "30") for c in a.citations[:2]), a.citations
    assert "Ujian dinas Tingkat I" in (a.direct or "")


def test_the_days_of_absence_before_dismissal_under_the_old_law(
    full_service: AnswerService,
) -> None:
    # PP 53/2010 Pasal 10 angka 9 huruf d: read as one item of angka 9, not lost in a long chunk
    a = full_service.ask(
        "Waktu masih pakai PP 53/2010, PNS yang nggak masuk kerja tanpa alasan sah berapa hari "
        "baru bisa diberhentikan?"
    )
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-53-2010", "10"), a.citations
    assert "46 (empat puluh enam) hari kerja" in (a.direct or ""), a.direct


def test_an_english_question_is_searched_with_the_regulations_words(
    full_service: AnswerService,
) -> None:
    a = full_service.ask("How long is maternity leave for a civil servant?", trace=True)
    assert a.status == AnswerStatus.ANSWERED, a.answer
    assert "maternity leave → cuti melahirkan" in a.trace["spelling"]
    assert "3 (tiga) bulan" in (a.direct or ""), a.direct
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-11-2017", "325"), a.citations


def test_the_number_comes_from_the_provision_that_names_the_topic(
    full_service: AnswerService,
) -> None:
    # "cuti tahunan": PP 49/2018 Pasal 78 ayat (2), not the days of "cuti sakit" (Pasal 83)
    a = full_service.ask("PPPK dpt cuti tahunan jg gak? brp hari")
    assert (a.direct or "").startswith("Lamanya hak atas cuti tahunan adalah 12 (dua belas) hari")


def test_a_place_in_a_code_we_do_not_hold_is_named(full_service: AnswerService) -> None:
    a = full_service.ask("Pasal 362 KUHP tentang pencurian ancaman pidananya berapa tahun?")
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "unknown_document", a.answer
    assert "KUHP" in a.answer and not a.citations


def test_a_status_question_about_a_document_we_lack_is_not_answered_for_another(
    full_service: AnswerService,
) -> None:
    """ "UU 11 Tahun 1969 masih dipakai setelah UU ASN 2023 berlaku?" asks about UU 11/1969 (not
    held); the status of UU 20/2023, also named, is not the answer."""
    a = full_service.ask(
        "Aturan pensiun lama yang ada di UU 11 Tahun 1969 masih dipakai setelah UU ASN 2023 berlaku?"
    )
    assert not (a.direct or "").startswith("Masih berlaku: tidak ada peraturan"), a.direct


def test_a_number_of_the_law_in_force_does_not_replace_the_old_one_asked_about(
    full_service: AnswerService,
) -> None:
    """PP 11/2017 Pasal 330 names more of the question's words before its number ("cuti karena
    alasan penting paling lama 1 (satu) bulan"), but the question asks about PP 24/1976."""
    a = full_service.ask(
        "Buat bahan sejarah regulasi: cuti karena alasan penting waktu masih PP 24/1976 maksimal "
        "berapa lama?"
    )
    assert "2 (dua) bulan" in (a.direct or ""), a.direct
    assert "1 (satu) bulan" not in (a.direct or "")
    assert a.citations[0].doc == "pp-24-1976"


def test_the_general_explanation_gives_way_to_the_article_that_rules(
    full_service: AnswerService,
) -> None:
    """PP 94/2021's Penjelasan Umum speaks of every topic of the regulation; Pasal 35 ayat (1) rules
    on several violations at once and is cited, the general explanation is not."""
    a = full_service.ask(
        "PNS yang ngelakuin beberapa pelanggaran disiplin sekaligus dihukumnya gimana?"
    )
    cited = [(c.doc, c.pasal) for c in a.citations]
    assert ("pp-94-2021", "35") in cited, cited
    assert ("pp-94-2021", None) not in cited, cited
    # the definition of "Hukuman Disiplin" (Pasal 1) is a source, not the answer
    assert "Hukuman Disiplin yang terberat" in (a.direct or ""), a.direct


def test_the_sanction_for_a_rule_is_found_where_the_rule_is_cited(
    full_service: AnswerService,
) -> None:
    """PP 10/1983 Pasal 8 sets the share of salary; Pasal 16 (as amended by PP 45/1990) sanctions
    refusing it "sesuai dengan ketentuan Pasal 8" without sharing the question's words."""
    a = full_service.ask(
        "Bekas suami saya PNS tidak mau menyerahkan bagian gajinya untuk saya dan anak-anak. "
        "Dia bisa kena sanksi apa?",
        trace=True,
    )
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-10-1983", "16"), a.citations
    assert "hukuman disiplin berat" in (a.direct or ""), a.direct
    assert ("pp-10-1983", "8") in {(c.doc, c.pasal) for c in a.citations}
    assert a.trace["candidates"][0]["via"] == "sanksi"


def test_an_old_provision_quoted_for_the_past_gets_one_note_with_its_successor(
    full_service: AnswerService,
) -> None:
    """Asked about PP 53/2010, its Pasal is quoted as the old rule, and one sentence says so and
    where the matter is ruled now (not three sentences repeating that it was revoked)."""
    a = full_service.ask(
        "Sebelum PP 94/2021, banding administratif atas hukuman disiplin diajukan ke mana menurut "
        "PP 53/2010?"
    )
    assert any((c.doc, c.pasal) == ("pp-53-2010", "38") for c in a.citations)
    assert "kepada Badan Pertimbangan Kepegawaian" in (a.direct or "")
    note = re.search(
        r"PP 53/2010 Pasal [^.]*dikutip sebagai aturan lama \(tidak berlaku lagi\); "
        r"kini diatur dalam PP 94/2021 Pasal \d+",
        a.answer,
    )
    assert note, a.answer
    assert "ayat (2) telah dicabut; kini" not in a.answer


def test_how_often_is_not_answered_by_how_long(full_service: AnswerService) -> None:
    """The corpus does not say how often the periodic salary increase (KGB) comes; the discipline
    rule's "penundaan kenaikan gaji berkala selama 1 (satu) tahun" is how long a sanction lasts,
    not an answer to "tiap berapa tahun sekali"."""
    a = full_service.ask("KGB PNS itu tiap berapa tahun sekali naiknya?", trace=True)
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "answer_type_mismatch", a.answer
    assert a.trace["answerability"]["frekuensi_ditanyakan"] is True
    assert "frekuensi" in a.answer and not a.citations
    # a report "setiap 4 (empat) bulan" is how often: answered
    b = full_service.ask(
        "menpan lapor ke presiden soal percepatan transformasi digital tiap brp bulan?"
    )
    assert b.status == AnswerStatus.ANSWERED, b.answer
    assert any((c.doc, c.pasal) == ("perpres-82-2023", "21") for c in b.citations)


def test_the_askers_number_is_theirs_only_in_its_unit(full_service: AnswerService) -> None:
    """ "baru 6 bulan kerja" is the asker's 6 months; PP 49/2018 Pasal 80 ayat (2)'s "6 (enam)
    hari kerja" is the answer, not a number to skip for the 12 days of the general rule."""
    a = full_service.ask(
        "Saya PPPK baru 6 bulan kerja, belum punya hak cuti tahunan. Kalau saya mau menikah, "
        "bisa cuti berapa hari?"
    )
    assert "6 (enam) hari kerja" in (a.direct or ""), a.answer
    assert (a.citations[0].doc, a.citations[0].pasal) == ("pp-49-2018", "80")


def test_a_supposed_rating_is_a_rule_question(full_service: AnswerService) -> None:
    """ "Kalau ... predikat kinerja saya Sangat Baik" supposes a value and asks what follows: the
    rule (PP 30/2019 Pasal 53), not a refusal to look up the asker's record."""
    a = full_service.ask(
        "Kalau dua tahun berturut-turut predikat kinerja saya Sangat Baik, ada keuntungannya apa?",
        trace=True,
    )
    assert a.status != AnswerStatus.REFUSED, a.answer
    assert a.trace["understand"]["kelas"] == "regulation"
    assert any((c.doc, c.pasal) == ("pp-30-2019", "53") for c in a.citations)
    still = full_service.ask("predikat kinerja saya tahun lalu apa ya min?")
    assert still.status == AnswerStatus.REFUSED and still.reason == "personal_record"


def test_an_age_limit_and_its_exception_after_a_list(full_service: AnswerService) -> None:
    """PP 11/2017 Pasal 23: OCR ran ayat (2) ("... dapat dikecualikan ... paling tinggi 40 (empat
    puluh) tahun") into the list's last item; "umur" is the regulations' "usia"."""
    a = full_service.ask("umur max daftar cpns brp thn? ad pengecualian gk")
    assert any((c.doc, c.pasal) == ("pp-11-2017", "23") for c in a.citations)
    assert "35 (tiga puluh lima) tahun" in a.answer
    assert "40 (empat puluh) tahun" in a.answer, a.answer


def test_conditions_are_answered_with_their_list(full_service: AnswerService) -> None:
    """ "syaratnya apa biar disetujui": PP 49/2018 Pasal 56 ayat (3)'s list opened by "disetujui,
    apabila:", both items, not the Pasal that merely names resigning as a ground."""
    a = full_service.ask(
        "PPPK yang mau resign sebelum kontrak habis, syaratnya apa biar disetujui?"
    )
    direct = a.direct or ""
    assert "masa perjanjian kerja paling kurang 90%" in direct, a.answer
    assert "target kinerja paling kurang 90%" in direct


def test_two_numbers_asked_get_two_answers(full_service: AnswerService) -> None:
    """How long (PP 11/2017 Pasal 334 ayat (2): 3 years) and the years of service it requires
    (ayat (1): at least 5), the first question's "maksimal" not carried into the second."""
    a = full_service.ask(
        "Cuti di luar tanggungan negara itu maksimal berapa lama dan syarat masa kerjanya "
        "berapa tahun?"
    )
    direct = a.direct or ""
    assert "paling lama 3 (tiga) tahun" in direct, a.answer
    assert "paling singkat 5 (lima) tahun" in direct, a.answer


def test_amended_wording_when_the_original_is_only_the_reason(full_service: AnswerService) -> None:
    a = full_service.ask(
        "Menurut PP 99/2000 yang sudah diubah PP 12/2002, periode kenaikan pangkat PNS itu "
        "tanggal berapa saja? Soalnya di teks aslinya ada 4 periode."
    )
    assert "1 April dan 1 Oktober" in (a.direct or ""), a.answer
    assert a.citations[0].pasal == "4" and "sebagaimana diubah dengan PP 12/2002" in a.answer


def test_a_yes_or_no_comes_from_an_article_not_an_explanation(full_service: AnswerService) -> None:
    """The best source for "rekrut tenaga honorer ... boleh?" is UU 20/2023's Penjelasan Umum
    (it names "tenaga honorer"); the yes or no is Pasal 65 ayat (1)'s prohibition."""
    a = full_service.ask(
        "Kepala dinas kami mau rekrut tenaga honorer baru buat admin. Apakah itu masih boleh "
        "menurut UU ASN?"
    )
    direct = a.direct or ""
    assert direct.startswith("Tidak boleh."), a.answer
    assert "dilarang mengangkat pegawai non-ASN" in direct
    assert any((c.doc, c.pasal, c.ayat) == ("uu-20-2023", "65", "1") for c in a.citations)


def test_the_rule_before_its_extension(full_service: AnswerService) -> None:
    """ "maks brp thn?" is the 3 years of PP 11/2017 Pasal 334 ayat (2); the extension of ayat (3)
    answers "bs diperpanjang gk?"; the direct answer gives both."""
    a = full_service.ask("cltn tu maks brp thn sih? bs diperpanjang gk?")
    direct = a.direct or ""
    assert "paling lama 3 (tiga) tahun" in direct, a.answer
    assert "diperpanjang" in direct


def test_a_deferred_provision_does_not_answer_what_applies_now(
    full_service: AnswerService,
) -> None:
    """PP 94/2021 Pasal 42: its Pasal 8 ayat (3) (tunjangan kinerja cuts) applies only once the
    regulation on salaries does; until then PP 53/2010 Pasal 7 ayat (3) applies. Read from the texts
    at index time (provision status), used when answering, and said in the note."""
    a = full_service.ask(
        "Sekarang ini hukuman disiplin sedang buat PNS yang berlaku apa: potong tukin atau "
        "penundaan KGB?",
        trace=True,
    )
    assert (a.citations[0].doc, a.citations[0].pasal) in (("pp-53-2010", "7"), ("pp-94-2021", "42"))
    assert any((c.doc, c.pasal, c.ayat) == ("pp-94-2021", "42", "2") for c in a.citations)
    assert "PP 94/2021 Pasal 8 ayat (3) belum berlaku" in a.answer, a.answer
    assert a.trace["temporal"]["berlaku_sementara"] == ["pp-53-2010/pasal-7/ayat-3"]
    # asked what PP 94/2021 itself says: its provision, with the same note
    b = full_service.ask(
        "Menurut PP 94/2021 hukuman disiplin sedang berupa pemotongan tunjangan kinerja berapa persen?"
    )
    assert (b.citations[0].doc, b.citations[0].pasal) == ("pp-94-2021", "8"), b.answer
    assert "25%" in (b.direct or "")
    assert "PP 94/2021 Pasal 8 ayat (3) belum berlaku" in b.answer


def test_a_count_per_week_needs_a_source_that_states_one(full_service: AnswerService) -> None:
    """ "berapa hari seminggu" asks a count per week; no regulation held states one for working
    from anywhere, so a time limit of another matter ("14 (empat belas) hari") does not answer it.
    A year's leave asked "berapa hari setahun" is not such a question."""
    a = full_service.ask(
        "Instansi kami mau terapkan WFA. Maksimal berapa hari seminggu PNS boleh kerja dari mana "
        "saja?",
        trace=True,
    )
    assert a.status == AnswerStatus.NO_SOURCE and a.reason == "answer_type_mismatch", a.answer
    assert a.trace["answerability"]["frekuensi_ditanyakan"] is True
    assert "per minggu" in a.answer
    b = full_service.ask("cuti tahunan PNS berapa hari setahun?")
    assert b.status == AnswerStatus.ANSWERED and "12 (dua belas) hari kerja" in (b.direct or "")


def test_a_yes_or_no_weighs_the_service_the_asker_states(full_service: AnswerService) -> None:
    """ "CPNS baru 8 bulan ... boleh cuti tahunan?": the yes or no is PP 11/2017 Pasal 311 ayat (1),
    an ayat beside the one the number comes from, and it says "Belum": the rule asks for at least
    a year of service. Without a stated service the same rule answers "Ya, dapat"."""
    a = full_service.ask(
        "Saya CPNS baru 8 bulan. Sudah boleh ambil cuti tahunan belum? Jatahnya berapa hari?"
    )
    direct = a.direct or ""
    assert "12 (dua belas) hari kerja" in direct, a.answer
    assert "Belum: masa kerja 8 bulan, syaratnya paling kurang 1 (satu) tahun" in direct
    assert "Ya, dapat" not in direct
    assert any((c.doc, c.pasal, c.ayat) == ("pp-11-2017", "311", "1") for c in a.citations)
    b = full_service.ask("Calon PNS boleh ambil cuti tahunan nggak?")
    assert (b.direct or "").startswith("Ya, dapat."), b.answer


def test_a_named_amendment_is_searched_in_the_text_it_changed(full_service: AnswerService) -> None:
    """PP 66/2017 is an amendment: what it says lives in PP 70/2015's consolidated text, in the
    provisions it worded (Pasal 42 ayat (2): "terhitung mulai tanggal 1 Juli 2017")."""
    a = full_service.ask(
        "Manfaat JKK dan JKM versi perubahan (PP 66/2017) berlaku untuk kejadian mulai tanggal "
        "berapa?"
    )
    assert a.status == AnswerStatus.ANSWERED, a.answer
    assert "1 Juli 2017" in (a.direct or "")
    first = a.citations[0]
    assert (first.doc, first.pasal, first.ayat) == ("pp-70-2015", "42", "2")
    assert "sebagaimana diubah dengan PP 66/2017" in a.answer


def test_a_multiple_of_the_pay_answers_what_the_period_pays(full_service: AnswerService) -> None:
    """ "MPP" is the regulations' "masa persiapan pensiun"; its pay, "1 (satu) kali penghasilan PNS
    terakhir" (PP 11/2017 Pasal 350 ayat (3)), is the amount asked."""
    a = full_service.ask(
        "Bulan depan saya mau ambil MPP setahun sebelum pensiun. Selama MPP masih dapat uang gak? "
        "Berapa?"
    )
    assert a.status != AnswerStatus.NO_SOURCE, a.answer
    assert "1 (satu) kali penghasilan PNS terakhir" in (a.direct or ""), a.answer
    assert any((c.doc, c.pasal) == ("pp-11-2017", "350") for c in a.citations)


def test_a_requirement_the_asker_falls_short_of_answers_the_yes_or_no(
    full_service: AnswerService,
) -> None:
    """ "Umur saya 19 tahun ... bisa daftar PPPK jabatan fungsional?": PP 49/2018 Pasal 16 huruf a
    requires at least 20 years of age; the answer says "Belum" with that requirement, not the
    retirement ages of Pasal 54 that share more words."""
    a = full_service.ask("Umur saya 19 tahun, lulusan D3. Bisa daftar PPPK jabatan fungsional gak?")
    direct = a.direct or ""
    assert direct.startswith(
        "Belum: usia 19 tahun, syaratnya paling rendah 20 (dua puluh) tahun"
    ), a.answer
    assert any((c.doc, c.pasal) == ("pp-49-2018", "16") for c in a.citations)


def test_a_question_about_the_past_is_answered_by_the_law_of_that_time(
    full_service: AnswerService,
) -> None:
    """ "Dulu ... menurut PP 9/2003, siapa yang menetapkan perpindahan PNS daerah?": the actor named
    by PP 9/2003, not the "Presiden atau PPK" of PP 11/2017 that is quoted beside it."""
    a = full_service.ask(
        "Dulu sebelum PP 11/2017, siapa yang menetapkan perpindahan PNS daerah antarprovinsi "
        "menurut PP 9/2003?"
    )
    assert a.citations[0].doc == "pp-9-2003", a.answer
    assert "pemindahan" in (a.direct or "") and "Presiden atau PPK" not in (a.direct or "")


def test_an_ocr_misread_word_no_longer_hides_the_yes(full_service: AnswerService) -> None:
    """UU 20/2023 Pasal 34 ayat (2) was OCR'd "Jabatan lVlanqjerial ... dapat diisi dari PPPK";
    repaired, it gives the yes."""
    a = full_service.ask("Menurut UU ASN 2023, jabatan manajerial boleh diisi PPPK gak?")
    direct = a.direct or ""
    assert direct.startswith("Ya, dapat."), a.answer
    assert "Jabatan Manajerial dan Jabatan Nonmanajerial tertentu dapat diisi dari PPPK" in direct


def test_the_old_rule_a_question_tells_maps_to_the_provision_in_force(
    full_service: AnswerService,
) -> None:
    """ "Dulu jabatan ASN itu JA, JF, JPT": the telling describes UU 5/2014 Pasal 13; the question
    asks about today, so its counterpart in force, UU 20/2023 Pasal 13 (Manajerial and
    Nonmanajerial), leads, and the note names the old provision as revoked."""
    a = full_service.ask(
        "Dulu jabatan ASN itu JA, JF, JPT. Setelah UU ASN yang baru, pembagian jabatannya jadi apa "
        "aja ya kak?",
        trace=True,
    )
    first = a.citations[0]
    assert (first.doc, first.pasal) == ("uu-20-2023", "13"), a.answer
    assert "Jabatan Manajerial" in (a.direct or "")
    assert "UU 5/2014 Pasal 13 telah dicabut" in a.answer
    assert a.trace["temporal"]["aturan_lama_diceritakan"] == "uu-5-2014/pasal-13"
    # the pilkada rule told of UU 5/2014 is answered from UU 20/2023 Pasal 59 ayat (3)
    b = full_service.ask(
        "Kadis kami (eselon II) mau maju pilkada. Katanya di UU 5/2014 wajib mundur sejak "
        "mendaftar. Kalau di UU ASN 2023 kewajiban mundurnya mulai kapan?"
    )
    assert (b.citations[0].doc, b.citations[0].pasal) == ("uu-20-2023", "59"), b.answer


def test_a_yes_carries_the_condition_the_next_ayat_sets(full_service: AnswerService) -> None:
    """PP 70/2015 Pasal 12: ayat (1) gives the right to JKK after retirement, ayat (2) limits it to
    a disease that appears within 5 years; the yes says both."""
    a = full_service.ask(
        "Suami saya PNS sudah pensiun tahun lalu, sekarang didiagnosis penyakit akibat kerja dari "
        "tugasnya dulu. Masih bisa dapat manfaat JKK gak?"
    )
    direct = a.direct or ""
    assert direct.startswith("Ya, dapat."), a.answer
    assert "paling lama 5 (lima tahun) terhitung sejak tanggal" in direct


def test_a_payment_named_by_a_common_word_is_found(full_service: AnswerService) -> None:
    """ "santunan sekaligus" (PP 70/2015 Pasal 24: Rp15.000.000,00): "sekaligus" names the payment;
    as a stop-word it was dropped from the texts but kept from "sekaligusnya" in the question."""
    a = full_service.ask(
        "Santunan kematian JKM untuk keluarga ASN yang meninggal biasa (bukan karena dinas) berapa "
        "rupiah santunan sekaligusnya?"
    )
    assert a.status != AnswerStatus.NO_SOURCE, a.answer
    assert "Rp15.000.000,00" in (a.direct or ""), a.answer


def test_reporting_a_marriage_is_found_in_the_regulations_words(
    full_service: AnswerService,
) -> None:
    """ "wajib lapor" is PP 10/1983 Pasal 2 ayat (1)'s "wajib memberitahukannya secara tertulis",
    a word the stemmer keeps whole: read as "lapor", the provision is found."""
    a = full_service.ask(
        "Saya PNS, baru menikah (pertama kali) bulan lalu. Ada kewajiban lapor ke kantor gak? "
        "Batas waktunya kapan?"
    )
    assert any((c.doc, c.pasal, c.ayat) == ("pp-10-1983", "2", "1") for c in a.citations), a.answer
    assert "selambat-lambatnya 1 (satu) tahun setelah perkawinan" in a.answer
