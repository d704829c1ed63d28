"""Ranking the candidates of a question: how much of it each one holds, the answer type and
stated values, the kind of employee, definitions, unplaced text, and the time asked about.

The factors multiply the retrieval score; Mode Pelatihan and ``--trace`` show the inputs
(``support``, ``nilai_cocok``) and the resulting order."""

from __future__ import annotations

import re

from assistant import answerability, temporal
from assistant.answerability import term_stats
from assistant.documents import Chunk, Passage
from assistant.index_store import LoadedIndex
from assistant.manifest import Manifest
from assistant.quantities import asked_quantities, holds_any
from assistant.temporal import TimeFrame
from assistant.text import question_phrases, says_a_phrase_of, tokenize
from assistant.understand import AnswerType, answer_type

DEFINITION_BOOST = 1.3  # "apa yang dimaksud dengan X" is answered by Pasal 1 (Ketentuan Umum)
NON_DEFINITION_PENALTY = 0.9  # definitions match many terms; they rarely answer other questions
# OCR text flagged as scrambled (indexer/ocr_quality.py): a clean passage with the same content wins
# a near tie, but a flagged passage that is the only copy of a provision still answers, with a warning
SCRAMBLED_TIE_BREAK = 0.97
UNPLACED_PENALTY = 0.7  # Pembukaan / Penjelasan Umum / Lampiran: context, rarely the answer
# Provisions that state no rule of their own: the closing formula ("Peraturan Pemerintah ini mulai
# berlaku pada tanggal diundangkan") and a bare list lead-in whose items live elsewhere (an applied
# amendment's "Beberapa ketentuan … diubah sebagai berikut:"). Their headings carry the document's
# title, so they match many questions about that document; they lead only when asked for.
NO_RULE_PENALTY = 0.8
# A candidate's score is scaled by how much of the question's salient terms it holds (weighted by
# rarity, the measure the answerability check uses): from SUPPORT_FLOOR (none) to 1 (all).
SUPPORT_FLOOR = 0.6
# "X sebagaimana dimaksud dalam Pasal N" within the first ANTECEDENT_WINDOW characters: X is
# Pasal N's subject, so Pasal N's words count for the provision's support.
_BUILDS_ON = re.compile(r"sebagaimana\s+dimaksud\s+(?:dalam|pada)\s+Pasal\s+(\d+[A-Z]?)\b")
ANTECEDENT_WINDOW = 120
# "... sebagaimana dimaksud pada ayat (2)" likewise, within the Pasal, followed this many steps back
_BUILDS_ON_AYAT = re.compile(r"sebagaimana\s+dimaksud\s+pada\s+ayat\s+\((\d+[a-z]?)\)")
ANTECEDENT_HOPS = 2
# The two kinds of ASN employee have their own rules (PNS: PP 11/2017; PPPK: PP 49/2018): a
# provision that names only the other kind than the question is scaled by this.
OTHER_EMPLOYEE_CLASS_PENALTY = 0.8
_PNS = re.compile(r"\b(?:PNS|pegawai\s+negeri\s+sipil)\b", re.I)
_PPPK = re.compile(r"\b(?:PPPK|P3K|pegawai\s+pemerintah\s+dengan\s+perjanjian\s+kerja)\b", re.I)


# "... seperti PNS?", "sama kayak PNS gak?": the other kind is what the asked one is compared with
_COMPARED = re.compile(
    r"\b(?:seperti|sperti|kayak|kaya|kyk|layaknya|sebagaimana|dibanding(?:kan)?|drpd|daripada|"
    r"sama\s+(?:dengan|dgn|dg|kayak|kaya|seperti)|like|than|as\s+for)\s+(?:para\s+|halnya\s+)?"
    r"(?:PNS|PPPK|P3K)\b",
    re.I,
)


def _classes_named(text: str) -> set[str]:
    """Which kinds of ASN employee a text names: {"pns"}, {"pppk"}, both or none."""
    return {name for name, pattern in (("pns", _PNS), ("pppk", _PPPK)) if pattern.search(text)}


def _classes_asked(question: str) -> set[str]:
    """The kind of employee a question asks about: the one it names, not the one it compares with."""
    return _classes_named(_COMPARED.sub(" ", question))


# A candidate without an answer of the kind asked (no number with the asked unit for "berapa
# lama", no list for "apa saja") is scaled by this.
NO_ANSWER_TYPE_PENALTY = 0.85
# A candidate whose condition holds a value the question states ("bolos 15 hari" and "selama 14
# (empat belas) sampai dengan 20 (dua puluh) hari kerja"; assistant/quantities.py) is scaled by this.
QUANTITY_MATCH_BOOST = 1.25
# "Lamanya hak atas cuti tahunan ... adalah 12 (dua belas) hari kerja", "Masa perjanjian kerja paling
# singkat 1 (satu) tahun": a provision that states the quantity of the asked topic (its subject
# between "Lamanya/Masa/Besarnya/Jangka waktu" and the number names QUANTITY_SUBJECT_TERMS of the
# question's words) is scaled by this for a number question.
QUANTITY_STATEMENT_BOOST = 1.15
QUANTITY_SUBJECT_TERMS = 2
_QUANTITY_KINDS = (AnswerType.DURATION, AnswerType.COUNT, AnswerType.MONEY, AnswerType.PERCENT)
_QUANTITY_STATEMENT = re.compile(
    r"\b(?:lama(?:nya)?|masa|jangka\s+waktu|besar(?:nya|an)|jumlah(?:nya)?|batas\s+usia)\b(.{0,140}?)"
    r"\b(?:adalah|yaitu|sebesar|selama|paling\s+(?:lama|singkat|banyak|sedikit)|diberikan)\b",
    re.I | re.S,
)
_CLASS_TOKENS = frozenset(tokenize("PNS PPPK ASN pegawai"))


def _states_quantity_of(text: str, asked_terms: set[str]) -> bool:
    """Whether a provision states the quantity of something the question names: "Lamanya hak atas
    cuti tahunan sebagaimana dimaksud pada ayat (1) adalah 12 (dua belas) hari kerja"."""
    for m in _QUANTITY_STATEMENT.finditer(text):
        if len(set(tokenize(m.group(1))) & asked_terms) >= QUANTITY_SUBJECT_TERMS:
            return True
    return False


_CLOSING_FORMULA = re.compile(
    r"\bini\s+mulai\s+berlaku\s+pada\s+tanggal\s+di(?:undangkan|tetapkan)\b|"
    r"\bagar\s+setiap\s+orang\s+mengetahuinya\b",
    re.I,
)
_ASKS_ENTRY_INTO_FORCE = re.compile(
    r"\b(?:mulai\s+berlaku|berlaku\s+(?:sejak|mulai|kapan)|diundangkan|pengundangan|in\s+force)\b",
    re.I,
)
NO_RULE_MAX_CHARS = 400
# "Ketentuan lebih lanjut mengenai … diatur dalam Peraturan Menteri.": a provision that only hands
# the subject to another regulation states no rule of its own either, unless the question asks
# where the subject is regulated
_DELEGATES_ONLY = re.compile(
    r"^\s*(?:\(\d+[a-z]?\)\s*)?ketentuan\s+lebih\s+lanjut\s+(?:mengenai|tentang)\b[^.;:]*"
    r"\bdiatur\s+(?:dengan|dalam)\b[^.;:]*\.?\s*$",
    re.I,
)
_ASKS_WHERE_RULED = re.compile(
    r"\b(?:diatur|ngatur|mengatur|aturan(?:nya)?|ketentuan(?:nya)?|regulasi(?:nya)?)\s+(?:\w+\s+){0,3}?"
    r"(?:di\s*mana|dimana|dmn|mana|apa|lebih\s+lanjut)\b|\blebih\s+lanjut\b|\bperaturan\s+apa\b|"
    r"\bwhere\b",
    re.I,
)
DEFINITION_HINT = re.compile(
    r"\b(pengertian(nya)?|definisi(nya)?|yang\s+dimaksud|dimaksud\s+dengan|apa\s+itu|apa\s+sih|"
    r"maksudnya\s+(?:apa|gimana|bagaimana)|singkatan(nya)?|kepanjangan(nya)?|arti(nya)?|bedanya|"
    r"perbedaan|what\s+(?:exactly\s+)?is|what\s+are|meaning|definition|stands?\s+for)\b",
    re.I,
)


_VALUE_KINDS = (*_QUANTITY_KINDS, AnswerType.TIME)


def wants_definition(question: str) -> bool:
    """Whether the question asks what a term means ("apa sih SKP itu"), not a value or a date
    ("SKP ditetapkan bulan apa sih": the words of a definition question, asking a month)."""
    return bool(DEFINITION_HINT.search(question)) and answer_type(question) not in _VALUE_KINDS


def states_no_rule(text: str) -> bool:
    """A short provision that is only the closing formula or only a list lead-in."""
    body = text.strip()
    if len(body) > NO_RULE_MAX_CHARS:
        return False
    return body.endswith(":") or bool(_CLOSING_FORMULA.search(body))


NAMED_DOCUMENT_BOOST = 1.5  # a provision of a document the question names
# A provision that holds PHRASE_WORDS consecutive words of the question as written ("beberapa
# pelanggaran disiplin"), function words included, says what the question says: scaled by this.
PHRASE_BOOST = 1.1
PHRASE_WORDS = 3


class Ranker:
    """Re-scores retrieval candidates with the question's own evidence (one index, one manifest)."""

    def __init__(self, index: LoadedIndex, manifest: Manifest) -> None:
        self.index = index
        self.manifest = manifest

    def rank(
        self, question: str, passages: list[Passage], named: set[str], frame: TimeFrame
    ) -> list[Passage]:
        """The candidates re-scored for the question (in place) and sorted, best first. `named`:
        the documents the question is about."""
        definition_asked = wants_definition(question)
        stats = term_stats(self.index.generation, self.index.ordered)
        kind = answer_type(question)
        asked_class = _classes_asked(question)
        asked_class = asked_class if len(asked_class) == 1 else set()
        support = answerability.support_meter(question, stats)
        asked = asked_quantities(temporal.asked_part(question, frame))
        asked_terms = set(tokenize(question)) - _CLASS_TOKENS
        phrases = question_phrases(question, PHRASE_WORDS)
        for p in passages:
            if says_a_phrase_of(phrases, p.chunk.text):
                p.score *= PHRASE_BOOST
            if asked and holds_any(p.chunk.text, asked):
                p.score *= QUANTITY_MATCH_BOOST
                p.holds_value = True
            p.support = support(p, self.antecedents(p.chunk))
            # which provision is about the question is read with the earlier ayat it builds on;
            # the gate's p.support stays its own words' (a sum or rate of a neighbouring topic is
            # not on topic because its ayat (1) is: "Iuran JKK" for "iuran BPJS Kesehatan")
            about = support(p, self.antecedents(p.chunk) + self.earlier_ayat(p.chunk))
            p.score *= SUPPORT_FLOOR + (1 - SUPPORT_FLOOR) * about
            if not answerability.holds_answer_type(kind, p.chunk.text, question):
                p.score *= NO_ANSWER_TYPE_PENALTY
            elif kind in _QUANTITY_KINDS and _states_quantity_of(p.chunk.text, asked_terms):
                p.score *= QUANTITY_STATEMENT_BOOST
            if asked_class and self.employee_classes(p.chunk) == {"pns", "pppk"} - asked_class:
                p.score *= OTHER_EMPLOYEE_CLASS_PENALTY
            if p.chunk.in_general_provisions:
                p.score *= DEFINITION_BOOST if definition_asked else NON_DEFINITION_PENALTY
            if p.chunk.pasal is None and p.chunk.part != "materi":
                p.score *= UNPLACED_PENALTY
            if named and p.chunk.doc in named:
                p.score *= NAMED_DOCUMENT_BOOST
            if (p.chunk.quality or "").startswith("scrambled"):
                p.score *= SCRAMBLED_TIE_BREAK
            if self.no_rule_of_its_own(p.chunk.text, question):
                p.score *= NO_RULE_PENALTY
        temporal.weigh(passages, frame, named)
        return sorted(passages, key=lambda p: p.score, reverse=True)

    @staticmethod
    def no_rule_of_its_own(text: str, question: str) -> bool:
        """The closing formula, a bare lead-in, or a mere delegation, when not what is asked."""
        if states_no_rule(text):
            return not _ASKS_ENTRY_INTO_FORCE.search(question)
        return bool(_DELEGATES_ONLY.match(text)) and not _ASKS_WHERE_RULED.search(question)

    def employee_classes(self, chunk: Chunk) -> set[str]:
        """The kinds of employee a provision is about: the ones it names, else its document's
        ("(2) Lamanya cuti melahirkan ..." of PP 49/2018, Manajemen PPPK, is about PPPK)."""
        named = _classes_named(chunk.text)
        doc = self.manifest.get(chunk.doc)
        return named or (_classes_named(doc.title) if doc else set())

    def antecedents(self, chunk: Chunk) -> list[Passage]:
        """The Pasal a provision's opening builds on ("Nilai dasar sebagaimana dimaksud dalam
        Pasal 3 huruf a meliputi:"), same document: its subject is defined there."""
        m = _BUILDS_ON.search(chunk.text[:ANTECEDENT_WINDOW])
        if not m or m.group(1) == chunk.pasal:
            return []
        return [Passage(chunk=c) for c in self.index.by_pasal(chunk.doc, m.group(1))[:3]]

    def earlier_ayat(self, chunk: Chunk) -> list[Passage]:
        """The ayat of its own Pasal a provision opens by building on, and the one that one builds
        on ("(3) Besaran biaya pemakaman sebagaimana dimaksud pada ayat (2)" -> ayat (2) -> ayat
        (1): "... diberikan kepada ahli waris Peserta yang tewas")."""
        if not chunk.pasal:
            return []
        siblings: dict[str, Chunk] = {}
        for c in self.index.by_pasal(chunk.doc, chunk.pasal):
            if c.ayat and c.part == chunk.part and c.superseded == chunk.superseded:
                siblings.setdefault(c.ayat, c)  # the wording of the same time, its first part
        out: list[Chunk] = []
        current = chunk
        for _ in range(ANTECEDENT_HOPS):
            m = _BUILDS_ON_AYAT.search(current.text[:ANTECEDENT_WINDOW])
            found = siblings.get(m.group(1)) if m else None
            if found is None or found is chunk or found in out:
                break
            out.append(found)
            current = found
        return [Passage(chunk=c) for c in out]
