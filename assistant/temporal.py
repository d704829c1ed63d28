"""Place a question in time: the law in force, or the law as it was.

A civil servant gets the rule that applies today, with the old one named as old. A question that
explicitly asks about the past ("dulu", "menurut PP 24/1976", "sebelum 2023") is answered from the
old provision, labelled as no longer in force, with the provision in force beside it. Which rule fired,
and on which words, goes to the trace (Mode Pelatihan, ``--trace``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.documents import Chunk, DocStatus, Passage, ProvisionStatus
from assistant.understand import story_and_question

# Ranking factors of this step (multiplied into a passage's score).
REPEALED_PENALTY = 0.45  # a revoked law, when the question is not about the past
SUPERSEDED_PENALTY = 0.7  # the original wording of an amended provision ("@asli")
PAST_BOOST = 1.25  # a revoked or original wording, when the question asks about the past

# "waktu UU 5/2014 masih berlaku" ("jaman PP 46/2011 masih dipakai") speaks of the past, although
# "masih berlaku" usually means now
_WHILE_IN_FORCE = re.compile(
    r"\b(?:waktu|sewaktu|ketika|saat|selama|pas|semasa|zaman|jaman|masa|era)\s+(?:\S+\s+){0,4}?"
    r"masih\s+(?:berlaku|dipakai|dipake|digunakan|diterapkan|jalan)\b",
    re.I,
)
_NOW = re.compile(
    r"\b(?:sekarang|skrg|skg|kini|saat\s+ini|masih\s+(?:berlaku|sama|dipakai|ada|dipake|kah)|terbaru|"
    r"(?:uu|pp|aturan|peraturan)\s+(?:asn\s+)?(?:yang\s+|yg\s+)?baru|"
    r"yang\s+berlaku|berlaku\s+(?:sekarang|saat\s+ini)|now|currently|still|today|gimana\s+sekarang|"
    r"current|in\s+force|at\s+present|these\s+days|the\s+new(?:\s+\w+)?\s+law)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:dulu(?:nya)?|dahulu|sebelum(?:nya)?\s+(?:(?:tahun\s+)?\d{4}|diubah|dicabut|direvisi|ada|uu|pp)|"
    r"(?:uu|pp|aturan|peraturan|ketentuan)\s+(?:asn\s+)?(?:yang\s+)?lama|yang\s+lama|versi\s+lama|"
    r"teks\s+asli|bunyi\s+asli|rumusan\s+asli|semula|awalnya|pada\s+masa|zaman|jaman|"
    r"sebelum\s+diubah|sebelum\s+perubahan|used\s+to|the\s+old|old\s+(?:\d{4}\s+)?(?:\w+\s+)?law|"
    r"former|previous(?:ly)?|originally|"
    r"historis|sejarah)\b",
    re.I,
)

# "lupakan dulu", "tunggu dulu", "tanya dulu": "dulu" after a verb means "first, for now"
# and "lewat apa dulu sebelum ke pengadilan", "harus ngapain dulu", "lapor dulu baru ...": "dulu"
# as "first" in a sequence of steps
_FOR_NOW = re.compile(
    r"\b(?:\w+kan|\w+lah|tunggu|nanti|sebentar|bentar|tanya|nanya|cek|coba|lihat|liat|baca|"
    r"pikir|urus|makan|pulang|izin|permisi|istirahat|ngapain|lewat\s+apa|lewat\s+mana)\s+dulu\b|"
    r"\bdulu\s*,?\s+(?:sebelum|baru)\b",
    re.I,
)


def _past(text: str) -> re.Match[str] | None:
    """The words saying the question is about the past, "dulu" meaning "for now" left out."""
    return _PAST.search(_FOR_NOW.sub(" ", text))


# the original wording of an amended provision, not the amended one
_ORIGINAL = re.compile(
    r"\b(?:teks|bunyi|rumusan|versi)\s+(?:aslinya|asli|awal|semula)|sebelum\s+(?:diubah|perubahan|"
    r"direvisi|diamandemen)|semula|awalnya|originally\b",
    re.I,
)


# "... yang sudah diubah PP 12/2002", "setelah perubahan", "sekarang": the amended wording asked
_AMENDED = re.compile(
    r"\b(?:(?:yang|yg)\s+(?:sudah|udah|telah)\s+diubah|(?:setelah|sesudah|stlh)\s+(?:diubah|perubahan)|"
    r"sebagaimana\s+(?:telah\s+)?diubah|hasil\s+perubahan)\b",
    re.I,
)


def _amended_asked(question: str) -> bool:
    """Whether the question asks for the amended wording and says the original only in its story:
    "Menurut PP 99/2000 yang sudah diubah PP 12/2002, periode kenaikan pangkat tanggal berapa
    saja? Soalnya di teks aslinya ada 4 periode." (the original is why it asks, not what)."""
    story, asked = story_and_question(question)
    if not story or _ORIGINAL.search(asked):
        return False
    return bool(_AMENDED.search(asked) or _NOW.search(asked))


NAMES_REVOKED = "menyebut peraturan yang sudah dicabut/diubah"  # the rule when nothing else tells


@dataclass
class TimeFrame:
    """Whether the question asks about the past, and why (the rule that fired, with its words)."""

    past: bool
    rule: str
    words: list[str] = field(default_factory=list)
    original: bool = False  # the original wording of an amended provision is asked for
    revoked: list[str] = field(default_factory=list)  # revoked documents the question names
    before: list[str] = field(default_factory=list)  # "sebelum PP 11/2017": the time before it

    def trace(self) -> dict[str, object]:
        return {
            "aturan": self.rule,
            "kata": self.words,
            "masa_lalu": self.past,
            "teks_asli": self.original,
        }


def time_frame(
    question: str,
    named_revoked: list[str],
    named_successor: list[str] | None = None,
    revoked: list[str] | None = None,
    replacing: list[str] | None = None,
) -> TimeFrame:
    """`named_revoked`: short names of revoked documents the question names; `named_successor`: the
    laws in force that replaced them, when the question names those too (then they are the subject);
    `revoked`: every revoked document named, its successor named too or not (default:
    `named_revoked`), whose sentences tell the past (`asked_part`); `replacing`: named documents
    that revoked or amended another, so that "sebelum PP 11/2017 terbit" asks about the time
    before them (`TimeFrame.before`)."""
    frame = _frame(question, named_revoked, named_successor or [])
    for name in dict.fromkeys([*(named_successor or []), *(replacing or [])]):
        before = _before(question, name)
        if before:
            frame = TimeFrame(True, "menanyakan masa sebelum peraturan pengganti", [before])
            frame.before.append(name)
            break
    frame.revoked = list(named_revoked if revoked is None else revoked)
    original = _ORIGINAL.search(question)
    if original and _amended_asked(question):
        original = None
    if original:
        frame.original = frame.past = True
        frame.words.append(original.group(0))
    return frame


def _frame(question: str, named_revoked: list[str], named_successor: list[str]) -> TimeFrame:
    while_in_force = _WHILE_IN_FORCE.search(question)
    if while_in_force:
        return TimeFrame(
            True, "menanyakan masa aturan lama masih berlaku", [while_in_force.group(0)]
        )
    now = _NOW.search(question)
    past = _past(question)
    if named_successor and (past or named_revoked):
        return TimeFrame(
            False,
            "menyebut aturan lama dan penggantinya: yang ditanyakan penggantinya",
            named_successor,
        )
    if now and (past or named_revoked):
        return TimeFrame(
            False,
            "menyebut aturan lama tetapi menanyakan yang berlaku sekarang",
            [m.group(0) for m in (past, now) if m] + named_revoked,
        )
    if past:
        return TimeFrame(True, "menanyakan aturan masa lalu", [past.group(0)])
    if named_revoked:
        return TimeFrame(True, NAMES_REVOKED, named_revoked)
    return TimeFrame(False, "hukum yang berlaku (bawaan)")


# sentences, and the clause a comma sets off before the asking turns to today ("di UU lama katanya
# 2 tahun lalu diberhentikan, kalo aturan yg skrg brp lama?")
_SENTENCE_END = re.compile(
    r"(?<=[.?!;])\s+|,\s+(?=(?:kalo|kalau|klo|tapi|tp|namun|sedangkan|nah)\b)", re.I
)


def _number_year(short: str) -> re.Match[str] | None:
    """The number and year of a document's short name ("PP 46/2011" -> 46, 2011)."""
    return re.search(r"(\d+)/(\d{4})", short)


def names_by_number(sentence: str, short: str) -> bool:
    """ "PP 46/2011" named as "PP 46/2011", "PP 46 tahun 2011", "PP No. 46 Thn 2011" (a title such
    as "UU ASN" is shared by a law and the one it replaced, so it names neither)."""
    m = _number_year(short)
    if not m:
        return False
    return bool(re.search(rf"\b{m.group(1)}\b\D{{0,12}}\b{m.group(2)}\b", sentence))


_OLD_TITLE = re.compile(  # "UU ASN yang lama", "PP disiplin lama": a title qualified as the old one
    r"\b(?:uu|undang-undang|pp|perpres|peraturan|aturan)(?:\s+\w+){0,2}?\s+(?:yang\s+|yg\s+)?lama\b",
    re.I,
)


def names_old_title(question: str) -> bool:
    return bool(_OLD_TITLE.search(question))


def _before(question: str, short: str) -> str | None:
    """ "sebelum PP 11/2017 terbit", "sebelum adanya UU 20 tahun 2023", "before UU 20/2023": the
    words asking about the time before a document, or None."""
    m = _number_year(short)
    if not m:
        return None
    found = re.search(
        r"\b(?:sebelum|before)\s+(?:(?:adanya|ada|terbitnya|berlakunya|keluarnya|the)\s+)?"
        rf"(?:\w+\.?\s+){{1,2}}?(?:no\.?\s*|nomor\s+)?{m.group(1)}\b\D{{0,12}}\b{m.group(2)}\b",
        question,
        re.I,
    )
    return found.group(0) if found else None


def _about_the_past(sentence: str, frame: TimeFrame) -> bool:
    """ "Dulu ...", "Waktu masih PP 46/2011, ...": a sentence telling how things used to be."""
    return bool(_past(sentence)) or any(names_by_number(sentence, n) for n in frame.revoked)


def asked_part(question: str, frame: TimeFrame) -> str:
    """The question without the sentences that tell how things used to be, when it asks about the
    law in force ("PP 49/2018 dulu kasih waktu 5 tahun ... Di UU ASN yang baru, ... sampai kapan?"):
    the documents and values named there are context, not what is asked."""
    kept, told = _split_told(question, frame)
    return " ".join(kept) if kept and told else question


def told_part(question: str, frame: TimeFrame) -> str:
    """The sentences that tell how things used to be, when the question asks about the law in
    force ("Dulu jabatan ASN itu JA, JF, JPT."); "" when it tells nothing apart from its asking."""
    kept, told = _split_told(question, frame)
    return " ".join(told) if kept and told else ""


def _split_told(question: str, frame: TimeFrame) -> tuple[list[str], list[str]]:
    if frame.past:
        return [question], []
    sentences = _SENTENCE_END.split(question.strip())
    if len(sentences) < 2:
        return [question], []
    told = [s for s in sentences if _about_the_past(s, frame) and not _NOW.search(s)]
    return [s for s in sentences if s not in told], told


def is_old(p: Passage) -> bool:
    """A passage that is not the law in force: a revoked document (unless this provision was kept in
    force) or the original wording of an amended provision."""
    c = p.chunk
    if c.superseded:
        return True
    return c.doc_status == DocStatus.DICABUT and c.provision_status != ProvisionStatus.KEPT


_APPLIED = re.compile(r"\b(?:yang|yg)\s+(?:dipakai|dipake|digunakan|diterapkan|berlaku)\b", re.I)


def asks_now(question: str) -> bool:
    """ "sekarang", "yang berlaku", "yang dipakai": the question asks what applies today."""
    return bool(_NOW.search(question) or _APPLIED.search(question))


def is_deferred(p: Passage) -> bool:
    return p.chunk.provision_status == ProvisionStatus.DEFERRED


def transitional_clause(basis: str) -> str:
    """The Pasal a provision status rests on: "PP 94/2021 Pasal 42 ayat (1)" -> "PP 94/2021 Pasal 42"."""
    return re.sub(r"\s+ayat\s*\(.*$", "", basis).strip()


def meanwhile_note(deferred: Chunk, kept: Chunk) -> str:
    """ "PP 94/2021 Pasal 8 ayat (3) belum berlaku (PP 94/2021 Pasal 42 ayat (1)); sampai saat itu
    berlaku PP 53/2010 Pasal 7 ayat (3) (PP 94/2021 Pasal 42 ayat (2))." """
    return (
        f"{deferred.label} belum berlaku ({deferred.status_basis}); sampai saat itu berlaku "
        f"{kept.label} ({kept.status_basis})."
    )


def weigh(passages: list[Passage], frame: TimeFrame, named: set[str]) -> None:
    """Score factors for the time the question is about (in place)."""
    for p in passages:
        c = p.chunk
        if c.superseded and not frame.original:
            p.score *= SUPERSEDED_PENALTY  # "dulu menurut PP 99/2000": as amended, until revoked
            continue
        if frame.past:
            if is_old(p) and (not named or c.doc in named):
                p.score *= PAST_BOOST
            continue
        if c.superseded:
            p.score *= SUPERSEDED_PENALTY
        elif is_old(p) and c.doc not in named:
            p.score *= REPEALED_PENALTY
