"""The offline extractive composer: the answer first, taken from the best provision, then its basis.

    Cuti melahirkan ... adalah 3 (tiga) bulan. [1]

    Dasar hukum:
    - PP 11/2017 Pasal 325: "… Lamanya cuti melahirkan … adalah 3 (tiga) bulan." [1]

The direct answer depends on the kind of answer the question expects (assistant/understand.py):
the sentence with the number and its unit for "berapa", the list items for "apa saja", the rule with
yes/no for "apakah boleh" (only when the provision itself says boleh/dapat/dilarang/tidak dapat), the
definition for "apa itu". When none can be picked with confidence, the best sentence of the best
provision stands in (saying less rather than something wrong). The basis quotes only the sentences,
ayat or huruf that carry the answer, each cut at a word boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.documents import Part, Passage
from assistant.provision_text import Unit, clean, joined, plain, sentence, shorten, units
from assistant.quantities import (
    ASKED_UNITS,
    ASKS_FREQUENCY,
    ASKS_SHARE,
    FRACTION,
    SHARE,
    STATES_FREQUENCY,
    UNITS,
    Quantity,
    asked_quantities,
    holds,
    shortfall,
)
from assistant.ranking import wants_definition
from assistant.references import without_references
from assistant.spelling import ABBREVIATIONS
from assistant.temporal import is_old
from assistant.text import (
    definition_term,
    phrases_said,
    question_phrases,
    says_a_phrase_of,
    stem,
    tokenize,
)
from assistant.understand import (
    ASKS_GRADE,
    AnswerType,
    answer_type,
    asked_parts,
    story_and_question,
)

MAX_QUOTE = 700  # the old whole-provision quote (trim's default)
QUOTE_LIMIT = 300  # the quote of the provision the direct answer comes from
SECOND_QUOTE_LIMIT = 150  # the quote of a runner-up provision
SHORT_PROVISION = 250  # a provision this short is quoted whole
MAX_QUOTED = 3  # provisions quoted under "Dasar hukum"; the others are named ("Lihat juga")
DIRECT_LIMIT = 450  # the direct answer
ITEM_LIMIT = 90  # one list item inside a direct answer
SUBJECT_WORDS = 6  # words before a number read as what it counts (its subject)
SUBJECT_MARGIN = 2  # question terms more that a runner-up's number subject must name to answer
ELABORATION_WINDOW = 120  # an ayat spelling out another refers to it within its opening
PART_LIMIT = 250  # the answer to one question of several, after the answer to the whole message
PART_OVERLAP = 2  # own terms a later question shares with the sentence answering it
SAID_SHARE = 0.9  # a source quote whose words the direct answer holds this share of is not repeated
ANCHOR_WORDS = 8  # ... only its first words are quoted, to find it by
SUBJECT_CHARS = 120  # the start of a long subject kept before the sanction it is given
FORM_OVERLAP = 3  # question terms a part of the asked form must share ("kena sanksi apa")
ACTOR_OVERLAP = 3  # question terms a part naming who ("... oleh X") must share to answer "siapa"
PERMISSION_SOURCES = 3  # provisions looked at for a yes or no
MIN_OVERLAP = 2  # question terms a sentence must share before a yes/no is derived from it...
MIN_OVERLAP_SHARE = 0.4  # ... and this share of them
RULE_OVERLAP = 3  # ... or this many, for an article when the best source is an explanation
RELEVANT_SHARE = 0.6  # a runner-up as relevant as this x the best is searched for a typed answer
QUOTED_SHARE = 0.5  # a runner-up sharing this x the best's question terms is quoted, else named
FOCUS_SHARE = 0.6  # a part of a long provision scoring this x its best part is quoted
BASIS_ID, BASIS_EN = "Dasar hukum:", "Legal basis:"

_NUMBER_TYPES = {AnswerType.DURATION, AnswerType.PERCENT, AnswerType.MONEY, AnswerType.COUNT}
_NUMBER = re.compile(
    r"(?:\d[\dO]*(?:[.,]\d+)?|\bI)\s*(?:%|o/o)?\s*\([a-z\s-]+\)|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|"
    r"sembilan|sepuluh|sebelas|seratus|setengah)\s+(?:puluh\s+|belas\s+)?(?:hari|minggu|bulan|tahun|"
    r"kali|persen|orang|jam)\b|\d+\s*(?:%|persen|hari|bulan|tahun|jam|kali|orang)\b|" + FRACTION,
    re.I,
)
_MAXIMUM = re.compile(r"\b(?:paling\s+lama|selama|lamanya)\b", re.I)
_MINIMUM = re.compile(  # a lower bound, asked ("paling singkat berapa") or stated
    r"\b(?:paling\s+(?:singkat|sedikit|kurang|rendah)|sekurang-kurangnya|minimal|at\s+least)\b",
    re.I,
)
_ASKS_LIMIT = re.compile(
    r"\b(?:sampai\s+(?:berapa|brp|kapan)|sampe\s+(?:berapa|brp|kapan)|maksimal|maks|paling\s+lama|"
    r"batas(?:nya)?|at\s+most|maximum)\b",
    re.I,
)
# "syarat masa kerjanya berapa tahun": a number a requirement asks is its lower bound
_REQUIRES_NUMBER = re.compile(r"\bsyarat\w*\s+(?:\w+\s+){0,3}?(?:berapa|brp)\b", re.I)


def _asks_minimum(question: str) -> bool:
    """ "paling singkat berapa lama", "minimal berapa", or a requirement's number (not a limit)."""
    return bool(
        _MINIMUM.search(question)
        or (_REQUIRES_NUMBER.search(question) and not _ASKS_LIMIT.search(question))
    )


_BOUND = re.compile(r"\b(?:paling\s+(?:lama|singkat|lambat|cepat|sedikit|banyak)|selama)\b", re.I)
_ALLOW = re.compile(r"\b(dapat|boleh|diperbolehkan|dibolehkan|berhak|diizinkan)\b", re.I)
_DENY = re.compile(
    r"\b(dilarang|tidak\s+(?:dapat|boleh|diperbolehkan|dibolehkan|berhak|diizinkan))\b", re.I
)
_YES_NO = re.compile(  # a question that wants yes or no (not "apa keuntungan kalau ... dapat ...")
    r"\b(?:apakah|bolehkah|bisakah|dapatkah|boleh|can|may|allowed)\b|\btidak\s*\?|"
    r"\b(?:bisa|bs|dapat|masih)\s+(?:\S+\s+){0,4}?(?:gak|ga|gk|nggak|ngga|enggak|tidak|tdk)\b",
    re.I,
)
_DEFINES = re.compile(r"\badalah\b|\byang\s+dimaksud\s+dengan\b", re.I)
_ASKS_MANY = re.compile(  # "siapa saja", "ke mana saja": every member of a set, i.e. a list
    r"\b(?:siapa|apa|mana)\s+(?:saja|aja|aj)\b|\bwhich\s+(?:\w+\s+)?(?:are|make\s+up)\b", re.I
)
# "bisa berupa apa", "terdiri dari apa", "bentuknya apa": what a thing consists of (a list, even
# after a "bisa" that reads like a yes-or-no question)
_ASKS_PARTS = re.compile(
    r"\b(?:berupa|meliputi|terdiri\s+(?:atas|dari)|bentuk(?:nya)?|macam(?:nya)?)\s+apa\b|"
    r"\bjenis(?:nya|-jenisnya)\s+(?:jadi\s+|itu\s+|sekarang\s+)?apa\b",  # "jenisnya jadi apa"
    re.I,
)
_ASKS_SAME = re.compile(  # whether a list still reads as it did ("pembagiannya masih sama gak?")
    r"\b(?:masih\s+sama|sama\s+(?:gak|ga|gk|nggak|tidak|aja|saja)|(?:sudah|udah|udh)\s+berubah|"
    r"berubah\s+(?:gak|ga|gk|nggak|tidak))\b",
    re.I,
)
_INLINE_LIST = re.compile(  # a list written in one sentence: "terdiri atas keberatan dan banding"
    r"\b(?:terdiri\s+(?:atas|dari)|meliputi|mencakup|yaitu)\b(?!\s*:)", re.I
)
_MAKES_UP = re.compile(  # a lead-in that lists what a thing consists of, not rules one by one
    r"\b(?:terdiri\s+(?:atas|dari)|meliputi|mencakup)\s*:\s*$", re.I
)
_SUB_ITEM = re.compile(r";\s+|\s+(?=\d\s*[)l]\s)")  # "…; 2l pemotongan …": sub-items on one line
_FRAME = (  # question and drafting words that name no topic of a list
    "yang dan atau itu ini apa saja aja siapa mana berapa brp bagaimana apakah kah sih dong nya "
    "kalau kalo jika dalam pada dari atas untuk bagi oleh dengan sebagai sebagaimana dimaksud "
    "ayat huruf angka pasal terdiri meliputi yaitu menurut tentang saat bisa dapat boleh ada "
    "adalah the are what which who of and to in for"
)
_FRAME_WORDS = frozenset(_FRAME.split())
_CLASS_TERMS = frozenset(("pns", "asn", "pppk", "cpns", "pegawai"))
_DANGLING = frozenset(
    ("dan", "atau", "yang", "dengan", "pada", "di", "ke", "dari", "untuk", "oleh", "dalam", "atas")
    + ("sebagaimana", "dimaksud", "ayat", "pasal", "huruf", "angka")  # a reference cut short
)


@dataclass
class Composed:
    text: str
    direct: str | None
    passages: list[Passage] = field(default_factory=list)  # the cited sources, in [n] order
    kind: str | None = None  # the kind of answer the direct answer was looked for as
    form: str | None = None  # ... and, for an open question, the form it takes (OPEN_FORMS)


# ---------------------------------------------------------------------------- text helpers
def trim(text: str, limit: int = MAX_QUOTE) -> str:
    """Shorten a provision at a list item or sentence boundary, never mid-word."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for sep in ("\n", "; ", ". "):
        pos = cut.rfind(sep)
        if pos > limit * 0.5:
            return cut[: pos + 1].rstrip() + " …"
    return cut[: cut.rfind(" ")].rstrip() + " …"


def expand_shorthand(question: str) -> str:
    """Chat shorthand written out ("brp lama" -> "berapa lama"), for reading the question type."""
    return re.sub(
        r"[A-Za-z]+", lambda m: ABBREVIATIONS.get(m.group(0).lower(), m.group(0)), question
    )


def question_terms(question: str) -> set[str]:
    """The words a question asks with; those naming a document or a place in one ("PP 99 tahun
    2000", "Pasal 8 ayat (2)") are names, not topic: "tahun" there matches no "3 (tiga) tahun"."""
    return set(tokenize(without_references(question)))


def overlap(question_terms: set[str], text: str) -> float:
    """Question terms a text shares (each once), plus a little for every repeat."""
    tokens = tokenize(text)
    shared = [t for t in tokens if t in question_terms]
    return len(set(shared)) + 0.1 * (len(shared) - len(set(shared)))


# ---------------------------------------------------------------------------- the direct answer
def _best(candidates: list[Unit], terms: set[str]) -> Unit | None:
    """The unit sharing most question terms (earlier wins ties)."""
    best, score = None, -1.0
    for unit in candidates:
        s = overlap(terms, unit.lead + " " + unit.text)
        if s > score:
            best, score = unit, s
    return best


_UNIT_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?\s*([a-z]+)", re.I)


def _unit_after(text: str, end: int) -> str | None:
    """The unit written right after a number ("6 (enam) hari kerja" -> hari), if any."""
    m = _UNIT_AFTER.match(text, end)
    return UNITS.get(m.group(1).lower()) if m else None


def _new_number(found: str, asked: set[str], unit: str | None = None) -> bool:
    """A number the question did not itself mention (OCR's "I (satu)" has no digits: new). The
    question's "6 bulan" is its own number; a source's "6 (enam) hari" is another one."""
    digits = set(re.findall(r"\d+", found))
    unit = unit or next((u for w in found.split() if (u := UNITS.get(w.lower()))), None)
    return not digits or not all(d in asked or (unit and f"{d} {unit}" in asked) for d in digits)


def _asked_numbers(question: str) -> set[str]:
    """The numbers a question states itself ("6" when said without a unit, "6 bulan" with one);
    those of the documents and provisions it names ("PP 24/1976") are names, so a passage's
    "24 (dua puluh empat) hari" is still new."""
    text = without_references(question)
    out: set[str] = set()
    for m in re.finditer(r"\d+", text):
        unit = _unit_after(text, m.end())
        out.add(f"{m.group(0)} {unit}" if unit else m.group(0))
    return out


def _wanted_units(question: str) -> set[str]:
    """The units the question asks its number in ("berapa hari" -> hari; "berapa lama" -> any
    length of time)."""
    return {
        u
        for word, unit_words in ASKED_UNITS.items()
        if re.search(rf"\b{word}(?:nya)?\b", question)  # "lamanya"; not "tahun" of "tahunan"
        for u in unit_words
    }


# "diberikan ke berapa anak?", "berapa orang saksi": what the number counts, named after "berapa"
_COUNTED = re.compile(r"\b(?:berapa|brp)\s+(?:orang\s+|buah\s+)?([a-z]{3,})\b", re.I)
_NOT_COUNTED = frozenset(
    (
        "lama",
        "banyak",
        "besar",
        "jumlah",
        "persen",
        "sih",
        "saja",
        "aja",
        "kah",
        "nih",
        "yang",
        "sebenarnya",
    )
)


def _counted_noun(question: str) -> str | None:
    """The thing a "berapa" question counts, when it names one that is not a unit of time/percent."""
    m = _COUNTED.search(question)
    if not m:
        return None
    noun = m.group(1).lower()
    return None if noun in ASKED_UNITS or noun in UNITS or noun in _NOT_COUNTED else noun


def _counts(text: str, noun: str | None) -> bool:
    """Whether a text states a number of that thing ("paling banyak 2 (dua) orang Anak")."""
    if noun is None:
        return True
    return bool(
        re.search(rf"\d+\s*(?:\([^()]{{1,30}}\))?\s*(?:orang\s+|buah\s+)?{noun}", text, re.I)
    )


def _in_units(text: str, wanted: set[str]) -> bool:
    return not wanted or any(w in text.lower() for w in wanted)


def _number(parts: list[Unit], question: str, terms: set[str]) -> str | None:
    wanted = _wanted_units(question)
    asked = _asked_numbers(question)  # "lebih dari 14 hari ... berapa lama": not 14
    found = [
        u
        for u in parts
        if any(
            _new_number(m.group(0), asked, _unit_after(u.text, m.end()))
            for m in _NUMBER.finditer(u.text)
        )
    ]
    if wanted:
        found = [u for u in found if _in_units(u.text, wanted)] or found
    if ASKS_SHARE.search(question):  # "dibagi brp": a share, not "selama dua tahun"
        found = [u for u in found if SHARE.search(u.text)] or found
    if ASKS_FREQUENCY.search(question):  # "tiap brp tahun": "reviu setiap 5 (lima) tahun"
        found = [u for u in found if STATES_FREQUENCY.search(u.text)] or found
    noun = _counted_noun(question)
    found = [u for u in found if _counts(u.text, noun)] or found
    bounded = [u for u in found if _BOUND.search(u.text)]  # "paling lama 1 (satu) tahun"
    if _asks_minimum(question):  # "paling singkat berapa lama": the lower bound
        lowest = [u for u in bounded if _MINIMUM.search(u.text)]
        best = _best(lowest or bounded or found, terms)
    elif "lama" in question:
        # how long something lasts is its upper bound; "paling singkat 5 (lima) tahun" is usually
        # a condition for getting it (years of service before a leave), not its length
        longest = [u for u in bounded if _MAXIMUM.search(u.text)]
        best = _best(longest or bounded or found, terms)
    else:
        best = _best(found, terms)
    if best is not None and best.item and best.lead:
        cases = [u for u in found if u.item and u.lead == best.lead]
        if len(cases) > 1 and len(cases) == sum(u.item and u.lead == best.lead for u in parts):
            # every item of the list states a number ("a. 100% ... untuk tahun pertama; b. 80% ...
            # untuk tahun selanjutnya"): the number depends on the case, so all of them answer
            return _list_text(best.lead, cases)
    return sentence(joined(best)) if best else None


def _subject(answer: str, terms: set[str], asked: set[str]) -> int:
    """How many question terms the words just before the answer's number share: the quantity's
    subject ("Masa perjanjian kerja paling singkat 1 (satu) tahun", not "pidana penjara paling
    singkat 2 (dua) tahun" for "masa perjanjian kerja paling singkat berapa")."""
    for m in _NUMBER.finditer(answer):
        if _new_number(m.group(0), asked, _unit_after(answer, m.end())):
            before = answer[: m.start()].split()[-SUBJECT_WORDS:]
            return len(set(tokenize(" ".join(before))) & terms)
    return 0


def _named_number(
    found: list[tuple[str, int]], terms: set[str], asked: set[str]
) -> tuple[str, int]:
    """Of the numbers found in the sources (best provision first), the first, unless a runner-up's
    subject names clearly more of the question (SUBJECT_MARGIN terms)."""
    best, top = found[0], _subject(found[0][0], terms, asked)
    for candidate in found[1:]:
        score = _subject(candidate[0], terms, asked)
        if score >= top + SUBJECT_MARGIN:
            best, top = candidate, score
    return best


def _words(text: str) -> set[str]:
    """The topic words of a text: lower-case words of three letters or more, frame words left out."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2} - _FRAME_WORDS


def _asked_words(question: str) -> set[str]:
    """The question's topic words without the kinds of employee ("PNS", "ASN"), which every list
    lead-in of the regulations names: "jaminan sosial pegawai ASN terdiri dari apa saja" asks for
    the list of "Jaminan sosial ... terdiri atas:", not of "Komponen ... Pegawai ASN terdiri atas:"."""
    return _words(question) - _CLASS_TERMS


def _same_word(a: str, b: str) -> bool:
    """One word, affixes allowed: 'fungsi' ~ 'berfungsi', 'kedudukan' ~ 'berkedudukan'."""
    return a == b or (min(len(a), len(b)) >= 5 and (a in b or b in a))


def _names(asked: set[str], text: str) -> int:
    """How many of the question's topic words a text names."""
    words = _words(text)
    return sum(1 for a in asked if any(_same_word(a, w) for w in words))


def _lists(parts: list[Unit]) -> list[tuple[str, list[Unit]]]:
    """The lists of a provision as (lead-in, members): the items under one lead-in, or a sentence
    that lists inline ("Upaya administratif ... terdiri atas keberatan dan banding administratif")."""
    out: list[tuple[str, list[Unit]]] = []
    for unit in parts:
        inline = _INLINE_LIST.search(unit.text)
        if unit.item and out and out[-1][0] == unit.lead and out[-1][1][-1].item:
            out[-1][1].append(unit)
        elif unit.item:
            out.append((unit.lead, [unit]))
        elif inline and not unit.text.rstrip().endswith(":"):
            out.append((unit.text[: inline.end()], [unit]))
    return [(lead, members) for lead, members in out if len(members) > 1 or not members[0].item]


def _list_text(lead: str, members: list[Unit]) -> str:
    """The lead-in and the items, each shortened; '…' when some are left out."""
    if not members[0].item:  # an inline list: the sentence itself
        return sentence(shorten(plain(members[0].text), DIRECT_LIMIT))
    intro = plain(lead).rstrip(":") if lead else ""
    text = f"{intro}: " if intro else ""
    for n, unit in enumerate(members):
        piece = shorten(plain(unit.text), ITEM_LIMIT)
        if n and len(text) + len(piece) > DIRECT_LIMIT:
            return text.rstrip("; ") + "; … (selengkapnya di dasar hukum)."
        text += piece + ("; " if n < len(members) - 1 else "")
    return sentence(text)


def _list(parts: list[Unit], lead: str) -> str | None:
    """The list that a given lead-in opens."""
    found = [members for head, members in _lists(parts) if head == lead and members[0].item]
    return _list_text(lead, found[0]) if found else None


def _best_list(parts: list[Unit], asked: set[str]) -> tuple[tuple[int, bool], str] | None:
    """The list whose lead-in names most of the question's topic words, with its rank: (words
    named, itemised); an itemised list before an inline one, an earlier one on ties."""
    best: tuple[int, bool] | None = None
    text = ""
    for lead, members in _lists(parts):
        key = (_names(asked, lead), members[0].item)
        if best is None or key > best:
            best, text = key, _list_text(lead, members)
    return (best, text) if best else None


def _permission(parts: list[Unit], terms: set[str]) -> str | None:
    found = _permission_found(parts, terms)
    return found[1] if found else None


def _states_rules(passage: Passage) -> bool:
    """An article of a regulation (not its Penjelasan, a Lampiran or a training module)."""
    return passage.chunk.part == Part.BATANG_TUBUH and passage.chunk.pasal is not None


def _permission_found(
    parts: list[Unit], terms: set[str], bar: float | None = None, question: str = ""
) -> tuple[float, str] | None:
    """The yes or no of the rule that shares most question terms (at least `bar`, by default
    MIN_OVERLAP and MIN_OVERLAP_SHARE of them), with that share. A rule that allows only from a service
    or an age the asker says they have not reached answers "Belum" ("CPNS baru 8 bulan" against
    "telah bekerja paling kurang 1 (satu) tahun ... berhak atas cuti tahunan")."""
    best = _best([u for u in parts if not u.text.rstrip().endswith(":")], terms)
    shared = overlap(terms, best.lead + " " + best.text) if best else 0.0
    if bar is None:
        bar = max(MIN_OVERLAP, MIN_OVERLAP_SHARE * len(terms))
    if best is None or shared < bar:
        return None
    rule = joined(best)
    if _DENY.search(rule):
        verdict = "Tidak boleh." if "dilarang" in rule.lower() else "Tidak."
    elif _ALLOW.search(rule):
        short = shortfall(question, rule) if question else None
        verdict = str(short) if short else "Ya, dapat."
    else:
        return None
    return shared, f"{verdict} {sentence(shorten(rule, DIRECT_LIMIT))}"


def _unmet_requirement(
    question: str, passages: list[Passage], looked: list[int]
) -> tuple[str, int] | None:
    """ "Umur saya 19 tahun ... bisa daftar PPPK?": a requirement of a rule among the sources that
    what the asker states of themselves falls short of ("a. usia paling rendah 20 (dua puluh)
    tahun"), said with the requirement."""
    for i in looked:
        if not _states_rules(passages[i]):
            continue
        for unit in units(passages[i].chunk.text):
            short = shortfall(question, unit.text)
            if short:
                return f"{short} {sentence(shorten(joined(unit), DIRECT_LIMIT))}", i
    return None


def _definition(parts: list[Unit], terms: set[str]) -> str | None:
    """The definition whose defined term the question names best ('Kinerja PNS adalah ...')."""
    best, score = None, 0.0
    for unit in parts:
        if not _DEFINES.search(unit.text):
            continue
        term, abbrev = definition_term(unit.text)
        term_terms = set(tokenize(term)) | ({abbrev.lower()} if abbrev else set())
        s = len(term_terms & terms) - 0.3 * len(term_terms - terms)
        if abbrev and abbrev.lower() in terms:  # "Apa yang dimaksud dengan SPBE?"
            s = max(s, 1.5)
        if s > score:
            best, score = unit, s
    if best is None:
        return None
    text = re.sub(r"^\s*\d+\s*\.\s*", "", plain(best.text))
    return sentence(shorten(text, DIRECT_LIMIT))


_ACTOR_MARK = re.compile(
    r"\b(?:oleh|yaitu|ialah|diketuai|dipimpin|dijabat|berwenang|kewenangan)\b", re.I
)
# "Kepala BKN menetapkan kenaikan pangkat anumerta": the doer of the act the question names
# ("ditetapkan siapa", "siapa yang bisa jatuhin hukuman"), not of another act in the provision
_ACTIVE_ACT = re.compile(r"\b(?:menetapkan|mengangkat|memberhentikan|menjatuhkan)\b", re.I)


# "... setelah mendapat persetujuan dari Kepala BKN", "ditetapkan oleh Presiden": who follows the
# very word the question asks about ("persetujuannya dari siapa", "ditetapkan siapa")
_ACTOR_AFTER = re.compile(r"\b(\w+)\s+(?:oleh|dari|kepada)\s+\w", re.I)
# "... mendelegasikan kewenangan ... kepada: a. menteri di kementerian; ... e. bupati/walikota di
# kabupaten/kota": an item of a list opened by "kepada:" or "oleh:" names who, when it names a
# word of the question itself ("di kabupaten, siapa ...")
_WHO_LIST = re.compile(r"\b(?:kepada|oleh)\s*:\s*$", re.I)


def _answers_whom(unit: Unit, terms: set[str]) -> bool:
    """Whether a part names who right after a word of the question (its stem), or as the doer of
    the act the question names ("Kepala BKN menetapkan" for "ditetapkan siapa")."""
    return any(set(tokenize(m.group(1))) & terms for m in _ACTOR_AFTER.finditer(unit.text)) or any(
        _acts(m.group(0), terms) for m in _ACTIVE_ACT.finditer(unit.text)
    )


def _acts(verb: str, terms: set[str]) -> bool:
    """Whether the question names this act: its stem ("tetap"), or a chat form of it ("jatuhin")."""
    root = stem(verb.lower())
    return root in terms or any(t.startswith(root) and t.endswith("in") for t in terms)


def _actor(parts: list[Unit], terms: set[str]) -> str | None:
    """ "Siapa ...": the part that names who (" ... oleh PPK", "Pejabat Penilai Kinerja PNS yaitu
    atasan langsung ...", "diketuai oleh menteri ...", "persetujuan dari Kepala BKN"), first the
    parts naming who right after a word of the question, then by the question terms shared."""
    found = _actor_found(parts, terms)
    return found[1] if found else None


def _actor_found(parts: list[Unit], terms: set[str]) -> tuple[bool, str] | None:
    """`_actor`'s answer, and whether it names who right after a word of the question."""
    named = [
        u
        for u in parts
        if (
            _ACTOR_MARK.search(u.text)
            or _answers_whom(u, terms)
            or (u.item and _WHO_LIST.search(u.lead) and set(tokenize(u.text)) & terms)
        )
        and not u.text.rstrip().endswith(":")
    ]
    anchored = [u for u in named if _answers_whom(u, terms)]
    best = _best(anchored, terms) or _best(named, terms)
    if best is None or overlap(terms, best.lead + " " + best.text) < ACTOR_OVERLAP:
        return None
    return best in anchored, sentence(shorten(joined(best), DIRECT_LIMIT))


@dataclass(frozen=True)
class OpenForm:
    """An open question whose answer has a recognisable form in the regulations' wording: what it
    asks (question words) and how a provision states the answer."""

    name: str
    asks: re.Pattern[str]
    states: re.Pattern[str]


# "kena sanksi apa", "hukumannya apa", "konsekuensinya apa", "status PNS-nya jadi gimana": what
# befalls whoever does it, in the verbs and names of the regulations' sanctions
SANCTION_FORM = OpenForm(
    "sanksi",
    re.compile(
        r"\b(?:sanksi(?:nya)?|hukuman(?:nya)?|hukdis(?:nya)?|dihukum(?:nya)?|konsekuensi(?:nya)?|"
        r"akibat(?:nya)?|kena\s+apa|diapain|diapakan|nasib(?:nya)?|"
        r"status(?:nya)?(?:\s+[\w-]+){0,2}\s+(?:jadi\s+)?(?:gimana|bagaimana|gmn|apa))\b",
        re.I,
    ),
    re.compile(
        r"\b(?:dijatuhi|dijatuhkan|dikenakan|dikenai|diberhentikan|dibebaskan|diturunkan|"
        r"dilakukan\s+pemutusan|hukuman\s+disiplin\s+(?:ringan|sedang|berat)|sanksi|"
        r"tidak\s+dengan\s+hormat)\b",
        re.I,
    ),
)
# "syaratnya apa biar disetujui", "kriterianya apa": the conditions, a list opened by "apabila:",
# "syarat ...:", "dengan ketentuan:" (answered with its items, not one of them)
CONDITIONS_FORM = OpenForm(
    "syarat",
    re.compile(r"\b(?:syarat(?:nya)?|persyaratan(?:nya)?|kriteria(?:nya)?)\b", re.I),
    re.compile(
        r"\b(?:apabila|jika|syarat|persyaratan|kriteria|dengan\s+ketentuan|memenuhi|berikut)\b"
        r"[^:]{0,40}:\s*$",
        re.I,
    ),
)
OPEN_FORMS = (
    SANCTION_FORM,
    CONDITIONS_FORM,
    # "eselon berapa", "sampai golongan apa": a grade, written in Roman numerals ("eselon V",
    # "golongan ruang IV/b"), which no number search finds
    OpenForm(
        "golongan",
        ASKS_GRADE,
        re.compile(
            r"\b(?:golongan(?:\s+ruang)?|eselon)\s+[IVX]{1,4}(?:/[a-e])?\b|\b[IVX]{1,4}/[a-e]\b"
        ),
    ),
)


def open_form(question: str) -> OpenForm | None:
    """The form an open question's answer takes, when it asks for one."""
    return next((f for f in OPEN_FORMS if f.asks.search(question)), None)


def _conditions(parts: list[Unit], asked: set[str]) -> str | None:
    """The list of conditions (its lead-in says "apabila:", "syarat ...:") whose lead-in names most
    of the question's topic words, with its items."""
    lists = [
        (lead, members)
        for lead, members in _lists(parts)
        if members[0].item and CONDITIONS_FORM.states.search(lead)
    ]
    if not lists:
        return None
    lead, members = max(lists, key=lambda x: _names(asked, x[0]))
    return _list_text(lead, members)


def _stated(parts: list[Unit], terms: set[str], form: OpenForm) -> str | None:
    """The part stating an answer of the form asked ("dijatuhi hukuman disiplin berat", "eselon
    V") that shares most question terms."""
    stated = [u for u in parts if form.states.search(u.text) and not u.text.rstrip().endswith(":")]
    best = _best(stated, terms)
    if best is None or overlap(terms, best.lead + " " + best.text) < FORM_OVERLAP:
        return None
    text = joined(best)
    found = form.states.search(text)
    if len(text) > DIRECT_LIMIT and found and found.start() > SUBJECT_CHARS:
        # a long subject ("PNS yang melanggar ketentuan PP 10/1983 ... sebagaimana telah diubah
        # ...") would push the answer past the cut: its start, then the answer
        head = shorten(text[: found.start()], SUBJECT_CHARS)
        text = f"{head} {shorten(text[found.start() :], DIRECT_LIMIT - len(head) - 1)}"
    return sentence(shorten(text, DIRECT_LIMIT))


def typed_answer(question: str, passage: Passage, kind: str | None) -> str | None:
    """The answer of the expected kind found in one provision, or None."""
    terms = question_terms(question)
    parts = units(passage.chunk.text)
    if kind == AnswerType.OPEN and (form := open_form(question)):
        if form is CONDITIONS_FORM:
            return _conditions(parts, _asked_words(question))
        return _stated(parts, terms, form)
    if kind in _NUMBER_TYPES:
        return _number(parts, question.lower(), terms)
    if kind == AnswerType.LIST:
        found = _best_list(parts, _asked_words(question))
        return found[1] if found else None
    if kind == AnswerType.PERMISSION and _YES_NO.search(question):
        return _permission(parts, terms)
    if kind == AnswerType.DEFINITION:
        return _definition(parts, terms)
    if kind == AnswerType.ACTOR:
        return _actor(parts, terms)
    return None


_CASE = re.compile(r"^\s*(?:\(\d+\)\s*)?Dalam\s+hal\s+([^,]{3,200}),", re.I)


# what changes a rule's own value afterwards: an extension, an addition, a postponement, an exception
_ADJUSTS = re.compile(
    r"\b(?:diperpanjang|perpanjangan|ditambah|penambahan|ditangguhkan|penangguhan|dikecualikan|"
    r"pengecualian)\b",
    re.I,
)


def _unasked_case(answer: str, terms: set[str]) -> bool:
    """An answer for a special case ("Dalam hal X, ...") whose words the question leaves out, or
    one that adjusts the rule ("... dapat diperpanjang paling lama 1 (satu) tahun") when the
    question asks the rule itself ("cltn maks brp thn?")."""
    m = _CASE.match(answer)
    if m and set(tokenize(m.group(1))) - terms:
        return True
    # the number is the adjustment's ("dapat diperpanjang paling lama 1 (satu) tahun"), not the
    # rule's own followed by its extension ("paling singkat 1 (satu) tahun dan dapat diperpanjang")
    adjusts = _ADJUSTS.search(answer)
    number = _NUMBER.search(answer)
    return (
        bool(adjusts and number)
        and adjusts.start() < number.start()
        and not set(tokenize(adjusts.group(0))) & terms
    )


def _conditions_of_limit(question: str, values: list[Quantity]) -> list[Quantity]:
    """For "paling lama berapa": the values that state a condition ("sakit lebih dari dua
    minggu"), or that the asking sentence itself states, not the asker's story told before it
    ("sudah menjabat JPT pratama 6 tahun. ... boleh diduduki paling lama berapa tahun?": 6 years
    is what the limit is compared with, not a condition that picks a provision)."""
    story, asked = story_and_question(question)
    if not story:
        return values
    in_asked = asked_quantities(asked)
    return [v for v in values if v.above or v in in_asked]


def _limit_asked(question: str, kind: str | None) -> bool:
    """ "sampai berapa lama", "paling lama berapa", "maksimal": the answer is a limit ("paling lama
    1 (satu) tahun"), not any number the provision states ("lebih dari 1 (satu) hari")."""
    return kind == AnswerType.DURATION and bool(_ASKS_LIMIT.search(question))


def _fits(question: str, passage: Passage, kind: str | None) -> str | None:
    """The typed answer of a provision, when it is of the kind asked (a limit, when one is)."""
    found = typed_answer(question, passage, kind)
    if found and _limit_asked(question, kind) and not _BOUND.search(found):
        return None
    return found


def best_sentence(question: str, passage: Passage) -> str:
    """The sentence (or list) of a provision that shares most question terms, shortened."""
    parts = units(passage.chunk.text)
    best = _best(parts, question_terms(question))
    if best is None:
        return ""
    if best.text.rstrip().endswith(":"):  # a list lead-in: the list it opens
        return _list(parts, best.text) or sentence(plain(best.text))
    if (
        best.item
        and best.lead
        and (best.text.lstrip().startswith("-") or _MAKES_UP.search(best.lead))
    ):
        # a Markdown bullet of a training module, or one member of what a thing consists of
        # ("Jabatan ASN terdiri atas: a. …; b. …"): one item alone would read as the whole set
        return _list(parts, best.lead) or sentence(shorten(joined(best), DIRECT_LIMIT))
    return sentence(shorten(joined(best), DIRECT_LIMIT))


def _list_answer(
    question: str, passages: list[Passage], order: list[int]
) -> tuple[str, int] | None:
    """The list whose lead-in names most of the question's topic words, across the provisions (the
    first in `order` on ties): "hukuman disiplin berat apa saja" is ayat (4)'s list, not ayat (1)'s."""
    asked = _asked_words(question)
    best: tuple[tuple[int, bool], str, int] | None = None
    for i in order:
        found = _best_list(units(passages[i].chunk.text), asked)
        if found and (best is None or found[0] > best[0]):
            best = (found[0], found[1], i)
    return (best[1], best[2]) if best else None


def _held(text: str, asked: list[Quantity]) -> int:
    """How many of the values the question states a text's conditions hold."""
    return sum(holds(text, q) for q in asked)


def _holding(parts: list[Unit], asked: list[Quantity]) -> Unit | None:
    """The part whose condition holds most of the values the question states (first on ties)."""
    best, count = None, 0
    for unit in parts:
        if unit.text.rstrip().endswith(":"):
            continue
        n = _held(unit.text, asked)
        if n > count:
            best, count = unit, n
    return best


def value_answer(
    passages: list[Passage], order: list[int], asked: list[Quantity]
) -> tuple[str, int] | None:
    """ "Bolos 15 hari, sanksinya apa?": the item whose condition holds the stated value, read with
    its lead-in, from the first provision in `order` that has one."""
    if not asked:
        return None
    for i in order:
        unit = _holding(units(passages[i].chunk.text), asked)
        if unit is not None:
            return sentence(shorten(_value_piece(joined(unit), asked), DIRECT_LIMIT)), i
    return None


def _value_piece(text: str, asked: list[Quantity]) -> str:
    """Of a long part whose sub-items OCR ran into one line ("... berupa: 1) ... 6 (enam) bulan bagi
    ... 11 (sebelas) sampai dengan 13 (tiga belas) hari kerja ...; 2l ..."), the sub-item that holds
    the value, after the part's lead-in."""
    if len(text) <= DIRECT_LIMIT:
        return text
    pieces = [p for p in _SUB_ITEM.split(text) if p.strip()]
    best = max(pieces, key=lambda p: _held(p, asked))
    colon = text.find(":")
    if best == text or not 0 < colon < text.find(best):
        return text
    return f"{text[:colon]}: {best.strip().rstrip(';')}"


def _refers_to_ayat(text: str, ayat: str) -> bool:
    """ "Hak atas cuti sakit sebagaimana dimaksud pada ayat (2) ...": the text builds on that ayat
    (OCR's "ayatl2l", "ayat (41")."""
    return bool(re.search(rf"\bayat\s*[(l]\s*{re.escape(ayat)}\s*[)l1]", text, re.I))


# "(2) Hak atas manfaat JKK sebagaimana dimaksud pada ayat (1) diberikan apabila ...": an ayat that
# sets the condition of the one before it
_CONDITION = re.compile(r"\b(?:apabila|jika|dengan\s+ketentuan|sepanjang|asalkan)\b", re.I)


def _with_condition(answer: str, source: int, passages: list[Passage]) -> str:
    """A yes ("Ya, dapat. Peserta ... berhak atas manfaat JKK meskipun telah diberhentikan ...")
    with the condition another chosen ayat of its Pasal sets on it ("... diberikan apabila Penyakit
    Akibat Kerja timbul dalam jangka waktu paling lama 5 (lima tahun) ...")."""
    chunk = passages[source].chunk
    if not answer.startswith("Ya") or not chunk.ayat:
        return answer
    for p in passages:
        if (
            p.chunk.id != chunk.id
            and _same_pasal(p, passages[source])
            and _refers_to_ayat(p.chunk.text, chunk.ayat)
            and _CONDITION.search(p.chunk.text)
        ):
            parts = units(p.chunk.text)
            if parts:
                return f"{answer} {sentence(shorten(joined(parts[0]), DIRECT_LIMIT))}"
    return answer


def _same_pasal(a: Passage, b: Passage) -> bool:
    return (a.chunk.doc, a.chunk.pasal) == (b.chunk.doc, b.chunk.pasal) and bool(a.chunk.pasal)


def _read_with_referent(passage: Passage, others: list[Passage]) -> str:
    """An ayat's text with the ayat of its Pasal it builds on ("(2) Lamanya hak atas cuti tahunan
    sebagaimana dimaksud pada ayat (1) paling lama 6 (enam) hari kerja" reads with ayat (1)'s
    "mertua sakit keras ... Melangsungkan perkawinan pertama")."""
    referred = [
        p.chunk.text
        for p in others
        if p is not passage
        and _same_pasal(p, passage)
        and p.chunk.ayat
        and _refers_to_ayat(passage.chunk.text, p.chunk.ayat)
    ]
    return " ".join([passage.chunk.text, *referred])


def condition_answers(
    question: str, passages: list[Passage], kind: str | None, values: list[Quantity]
) -> list[int]:
    """ "PPPK sakit lebih dari dua minggu, paling lama berapa?": the provisions that give the asked
    number for the condition the question states. The ayat whose condition holds the value
    ("(2) PPPK yang menderita sakit lebih dari 14 hari berhak atas cuti sakit ...") when it states
    the number itself, or another ayat of its Pasal that builds on it and does ("(4) Hak atas cuti
    sakit sebagaimana dimaksud pada ayat (2) diberikan untuk waktu paling lama 1 (satu) bulan")."""
    if not values or kind not in _NUMBER_TYPES:
        return []
    holders = [p for p in passages if _holding(units(p.chunk.text), values)]
    out = []
    for i, p in enumerate(passages):
        fits = _fits(question, p, kind) is not None
        builds = any(
            h.chunk.ayat and _same_pasal(p, h) and _refers_to_ayat(p.chunk.text, h.chunk.ayat)
            for h in holders
            if h is not p
        )
        if fits and (p in holders or builds):
            out.append(i)
    return out


# whether a value the question tells still holds ("bobot SKP 60% … masih sama sekarang?")
_STILL_HOLDS = re.compile(
    r"\b(?:masih\s+(?:sama|berlaku|dipakai|dipake|begitu|segitu|gitu)|(?:sudah|udah|udh)\s+berubah|"
    r"berubah\s+(?:gak|ga|gk|nggak|tidak)|still\s+(?:the\s+same|apply|applies|valid))\b",
    re.I,
)
_DURATION_UNITS = frozenset(UNITS.values()) - {"persen"}  # a told value's units of time


def _told_value_kind(question: str) -> str | None:
    """The kind of a value the question tells and asks whether it still holds: the answer is the
    value as it stands now, of the same kind ("masih 2 bulan?" -> a duration)."""
    if not _STILL_HOLDS.search(question):
        return None
    units = {q.unit for q in asked_quantities(question)}
    if "persen" in units:
        return AnswerType.PERCENT
    return AnswerType.DURATION if units & _DURATION_UNITS else None


def expected_kind(question: str, kind: str | None) -> str:
    """The kind of answer expected; "siapa saja" / "ke mana saja" asks for a list."""
    kind = kind or answer_type(question)
    if kind in (AnswerType.OPEN, AnswerType.PERMISSION) and (told := _told_value_kind(question)):
        return told
    if kind in (AnswerType.ACTOR, AnswerType.OPEN, AnswerType.TIME) and _ASKS_MANY.search(question):
        return AnswerType.LIST
    if kind in (AnswerType.OPEN, AnswerType.PERMISSION) and _ASKS_PARTS.search(question):
        return AnswerType.LIST
    if kind == AnswerType.OPEN and _ASKS_SAME.search(question):
        return AnswerType.LIST  # "fungsinya masih sama gak?": the list as it stands, to compare
    return kind


def direct_answer(
    question: str,
    passages: list[Passage],
    kind: str | None = None,
    values: list[Quantity] | None = None,
) -> tuple[str, int]:
    """One to three sentences answering the question, and the index of the passage they come from.

    The expected kind of answer is looked for in the best provision first, then in the runners-up
    (a list starts from the first part of its Pasal); when no provision has it, the best sentence of
    the best provision stands in.
    """
    question = expand_shorthand(question)
    kind = expected_kind(question, kind)
    values = asked_quantities(question) if values is None else values
    terms = question_terms(question)
    relevance = [overlap(terms, p.chunk.text) for p in passages]
    order = list(range(len(passages)))
    first = passages[0].chunk
    if kind == AnswerType.LIST and first.pasal:  # a Pasal split in parts: its best part, then order
        same = [
            i
            for i in order
            if (passages[i].chunk.doc, passages[i].chunk.pasal) == (first.doc, first.pasal)
        ]
        shared = {i: len(terms & set(tokenize(passages[i].chunk.text))) for i in same}
        same.sort(key=lambda i: (-shared[i], passages[i].chunk.order))
        order = same + [i for i in order if i not in same]
    if kind not in (AnswerType.DEFINITION, AnswerType.LIST) and not wants_definition(question):
        # a definition (Pasal 1 of the batang tubuh) says what a word means, not the rule asked:
        # the other sources are read first ("cuti bersama, ada gantinya?" is not "Cuti adalah …")
        order.sort(key=lambda i: passages[i].chunk.in_general_provisions)
    if kind == AnswerType.PERMISSION and _YES_NO.search(question):
        # a yes or no from the best provision, unless the rule of a runner-up (an article of the
        # regulation itself, not an explanation) names more of the question
        looked = (
            order[:PERMISSION_SOURCES]
            + [  # and an ayat fetched for its yes or no
                i for i in order[PERMISSION_SOURCES:] if passages[i].via == "neighbour"
            ]
        )
        rules = {
            i: found
            for i in looked
            if (i == order[0] or _states_rules(passages[i]))
            and (found := _permission_found(units(passages[i].chunk.text), terms, None, question))
        }
        if not rules and not _states_rules(passages[order[0]]):
            # the best source explains (a Penjelasan) and sets no rule: an article among the next
            # ones that allows or forbids what the question names answers, on a lower bar
            rules = {
                i: found
                for i in order[1:PERMISSION_SOURCES]
                if _states_rules(passages[i])
                and (
                    found := _permission_found(
                        units(passages[i].chunk.text), terms, RULE_OVERLAP, question
                    )
                )
            }
        if rules:
            first = max(rules, key=lambda i: (rules[i][0], -i))
            return _with_condition(rules[first][1], first, passages), first
        unmet = _unmet_requirement(question, passages, looked)
        if unmet:
            return unmet
    if kind == AnswerType.PERMISSION:
        order = order[:1]
    lists = list(range(len(passages))) if kind == AnswerType.LIST else []
    # another ayat of the best Pasal, fetched as such or retrieved on its own
    sibling = [p.via == "neighbour" or _same_pasal(p, passages[0]) for p in passages]
    counted = _counted_noun(question) if kind in _NUMBER_TYPES else None  # "berapa anak"
    order = [
        i
        for i in order
        if relevance[i] >= RELEVANT_SHARE * relevance[0]
        or sibling[i]
        or (counted and _counts(passages[i].chunk.text, counted))
    ]
    if kind == AnswerType.ACTOR:
        # who receives what the question names ("banding ... diajukan ke mana": "... mengajukan
        # banding administratif kepada Badan Pertimbangan Kepegawaian") before a mere "oleh PPK"
        # of a better-ranked provision; of the law of the time asked (the chain put it first)
        for i in order:
            if is_old(passages[i]) != is_old(passages[order[0]]):
                continue
            whom = _actor_found(units(passages[i].chunk.text), terms)
            if whom and whom[0]:
                return whom[1], i
    if kind == AnswerType.LIST:
        listed = _list_answer(question, passages, order + [i for i in lists if i not in order])
        if listed:
            return listed
    if kind not in _NUMBER_TYPES:
        valued = value_answer(passages, order, values)
        if valued:
            return valued
    conditioned = condition_answers(question, passages, kind, values)
    if conditioned:  # the number given for the condition the question states comes first
        return _fits(question, passages[conditioned[0]], kind) or "", conditioned[0]
    for answer in (_fits, typed_answer) if _limit_asked(question, kind) else (typed_answer,):
        found = [(text, i) for i in order if (text := answer(question, passages[i], kind))]
        # "Dalam hal Pejabat Penilai Kinerja berhalangan, ...": an exception the question does
        # not state answers after the rule itself (a stable sort: the order stays otherwise)
        found.sort(key=lambda f: _unasked_case(f[0], terms))
        if order:  # the law of the time asked answers (the chain put it first), not another's
            found = [f for f in found if is_old(passages[f[1]]) == is_old(passages[order[0]])]
        if found and kind in _NUMBER_TYPES:
            # "jatahnya brp hari": a number counted in the unit asked answers before another
            wanted = _wanted_units(question.lower())
            found = [f for f in found if _in_units(f[0], wanted)] or found
            found = [f for f in found if _counts(f[0], counted)] or found
            # a number of the law of another time does not take over by its words: the chain has
            # put the time asked about first ("waktu masih PP 24/1976 … berapa lama?")
            found = [f for f in found if is_old(passages[f[1]]) == is_old(passages[found[0][1]])]
            # "PPPK dpt cuti tahunan ... brp hari": a number of a provision naming the topic as the
            # question words it ("cuti tahunan") before one of a provision on another ("cuti sakit")
            # (first the provisions saying most of its three-word phrases: "Rencana Induk SPBE
            # Nasional ... jangka waktu berapa lama" is its definition's 20 years, not the 5 years
            # of "Peta Rencana SPBE Nasional ... untuk jangka waktu")
            triples = question_phrases(question)
            said = [
                phrases_said(triples, _read_with_referent(passages[f[1]], passages)) for f in found
            ]
            most = max(said)
            found = [f for f, n in zip(found, said, strict=True) if n == most]
            pairs = question_phrases(question, 2)
            found = [
                f for f in found if says_a_phrase_of(pairs, passages[f[1]].chunk.text)
            ] or found
            if ASKS_SHARE.search(question):  # "dibagi brp": a share before "selama dua tahun"
                found = [f for f in found if SHARE.search(f[0])] or found
            if _asks_minimum(question):  # "syarat masa kerja brp tahun": a lower bound answers
                found = [f for f in found if _MINIMUM.search(f[0])] or found
            return _named_number(found, terms, _asked_numbers(question))
        if found:
            return found[0]
    return best_sentence(question, passages[0]), 0


# ---------------------------------------------------------------------------- the basis
def focused_quote(
    question: str, passage: Passage, limit: int = QUOTE_LIMIT, numbers: bool = False
) -> str:
    """The parts of a provision that carry the answer, in their order, gaps marked with '…'.

    A short provision is quoted whole; otherwise the sentences, ayat and items that share the most
    question terms (with their list lead-in), until `limit`; with `numbers`, the parts that state
    a number first.
    """
    text = clean(passage.chunk.text)
    if len(text) <= SHORT_PROVISION:
        return re.sub(r"\s*\n\s*", " ", text)
    parts = units(text)
    terms = question_terms(expand_shorthand(question))
    scores = [  # a list lead-in counts through its items (it is quoted with them)
        0.0
        if u.text.rstrip().endswith(":")
        else overlap(terms, u.text) + (2.0 if numbers and _NUMBER.search(u.text) else 0.0)
        for u in parts
    ]
    top = max(scores, default=0.0)
    ranked = sorted(range(len(parts)), key=lambda i: -scores[i])
    keep: set[int] = set()
    used = 0
    for i in ranked:
        if keep and scores[i] < top * FOCUS_SHARE:
            break
        extra = {i} | {j for j in range(i) if parts[i].lead and parts[j].text == parts[i].lead}
        cost = sum(len(parts[j].text) + 1 for j in extra - keep)
        if keep and used + cost > limit:
            continue
        keep |= extra
        used += cost
    out: list[str] = []
    last = -1
    for i in sorted(keep):
        if i != last + 1:
            out.append("…")
        out.append(parts[i].text)
        last = i
    if last != len(parts) - 1:
        out.append("…")
    return shorten(" ".join(out), limit)


def _quote(question: str, passage: Passage, limit: int, kind: str | None, source: bool) -> str:
    if source and kind == AnswerType.LIST:  # the list the direct answer gave, from its start
        return shorten(re.sub(r"\s*\n\s*", " ", clean(passage.chunk.text)), limit)
    return focused_quote(question, passage, limit, numbers=kind in _NUMBER_TYPES)


def _carries(question: str, passage: Passage, kind: str | None, relevant: bool) -> bool:
    """Whether a runner-up is worth quoting: it holds an answer of the expected kind (a number, a
    list, a definition), or for other questions it shares enough of the question's terms."""
    if kind in (*_NUMBER_TYPES, AnswerType.LIST, AnswerType.DEFINITION):
        return relevant and typed_answer(expand_shorthand(question), passage, kind) is not None
    return relevant


def _said(quote: str, direct: str) -> bool:
    """Whether the direct answer already says what a quote says (its words, bar a few)."""
    words = re.findall(r"\w+", plain(quote).lower())
    said = set(re.findall(r"\w+", direct.lower()))
    return bool(words) and sum(w in said for w in words) >= SAID_SHARE * len(words)


def _anchor(quote: str) -> str:
    """The first words of a quote, enough to find it in the provision (no dangling 'dan')."""
    words = quote.split()
    if len(words) <= ANCHOR_WORDS + 2:
        return quote
    words = words[:ANCHOR_WORDS]
    while words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:") + " …"


def basis_lines(
    question: str,
    passages: list[Passage],
    source: int,
    kind: str | None,
    english: bool,
    direct: str = "",
) -> list[str]:
    """A short quote of the direct answer's provision and of the runners-up that share enough of
    the question's terms (at most MAX_QUOTED); the other sources are named."""
    terms = question_terms(expand_shorthand(question))
    relevance = [overlap(terms, p.chunk.text) for p in passages]
    best = max(relevance, default=0.0)
    quoted = [source] + [
        i
        for i in range(len(passages))
        if i != source
        and _carries(question, passages[i], kind, relevance[i] >= QUOTED_SHARE * best)
    ]
    quoted = sorted(quoted[:MAX_QUOTED])
    lines = []
    for i in quoted:
        limit = QUOTE_LIMIT if i == source else SECOND_QUOTE_LIMIT
        quote = _quote(question, passages[i], limit, kind, i == source)
        if i == source and _said(quote, direct):  # the answer is its words: where, not again
            quote = _anchor(quote)
        lines.append(f'- {passages[i].chunk.label}: "{quote}" [{i + 1}]')
    others = [i for i in range(len(passages)) if i not in quoted]
    if others:
        see = "See also" if english else "Lihat juga"
        names = "; ".join(f"{passages[i].chunk.label} [{i + 1}]" for i in others)
        lines.append(f"- {see}: {names}.")
    return lines


def with_sibling(
    question: str,
    passages: list[Passage],
    siblings: list[Passage],
    kind: str | None,
    values: list[Quantity],
) -> list[Passage]:
    """When no chosen source has the expected kind of answer but another ayat of the best Pasal
    has it ("(3) Lamanya cuti melahirkan ... adalah 3 (tiga) bulan."), that ayat joins the sources."""
    question = expand_shorthand(question)
    ids = {p.chunk.id for p in passages}
    # the ayat whose condition holds a value the question states, when no chosen source has one
    if (
        values
        and kind not in _NUMBER_TYPES
        and not any(_holding(units(p.chunk.text), values) for p in passages)
    ):
        for sibling in siblings:
            if sibling.chunk.id not in ids and _holding(units(sibling.chunk.text), values):
                return [*passages, sibling]
    if values and kind in _NUMBER_TYPES and not condition_answers(question, passages, kind, values):
        # the ayat holding the stated value, and the ayat of its Pasal that gives its number
        pool = [*passages, *(s for s in siblings if s.chunk.id not in ids)]
        found = condition_answers(question, pool, kind, values)
        if found:
            holders = [
                p
                for p in pool[len(passages) :]
                if _holding(units(p.chunk.text), values) and _same_pasal(p, pool[found[0]])
            ]
            added = [p for p in [pool[found[0]], *holders[:1]] if p.chunk.id not in ids]
            return [*passages, *added]
    if kind == AnswerType.PERMISSION and _YES_NO.search(question):
        return passages + _sibling_rule(question, passages, siblings)
    formed = kind == AnswerType.OPEN and open_form(question) is not None
    typed = (*_NUMBER_TYPES, AnswerType.LIST, AnswerType.DEFINITION, AnswerType.ACTOR)
    if kind not in typed and not formed:
        return passages
    if kind == AnswerType.LIST:  # the ayat whose list the question names better than any source's
        asked = _asked_words(question)
        rank = [_best_list(units(p.chunk.text), asked) for p in passages]
        best = max((r[0] for r in rank if r), default=None)
        chosen = None
        for sibling in siblings:
            found = _best_list(units(sibling.chunk.text), asked)
            if sibling.chunk.id not in ids and found and (best is None or found[0] > best):
                best, chosen = found[0], sibling
        return [*passages, chosen] if chosen else passages
    # a number must be in the unit asked when one is ("berapa hari": not "1 1/2 bulan")
    wanted = _wanted_units(question.lower()) if kind in _NUMBER_TYPES else set()

    def fits(p: Passage) -> bool:
        found = _fits(question, p, kind)
        return bool(found) and (not wanted or _in_units(found, wanted))

    fitting = [p for p in passages if fits(p)]
    named = question_phrases(question) if kind in _NUMBER_TYPES else set()
    if fitting and (not named or any(says_a_phrase_of(named, p.chunk.text) for p in fitting)):
        return passages
    # none has it, or (for a number) none that names the question's three-word phrase does: the
    # ayat that does ("uang duka tewas ... berapa": (2) Uang duka tewas ... 6 (enam) kali Gaji,
    # not another Pasal's "uang duka wafat ... 3 (tiga) kali")
    for sibling in siblings:
        if (
            sibling.chunk.id not in ids
            and fits(sibling)
            and (
                not fitting
                or says_a_phrase_of(named, _read_with_referent(sibling, [*passages, sibling]))
            )
        ):
            return [*passages, sibling]
    return passages


def _sibling_rule(question: str, passages: list[Passage], siblings: list[Passage]) -> list[Passage]:
    """For a yes or no that no chosen source gives ("Sudah boleh ambil cuti tahunan belum?" beside
    "(2) Lamanya hak atas cuti tahunan ..."): the other ayat of the best Pasal that allows or
    forbids what the question names ("(1) PNS dan calon PNS yang telah bekerja ... berhak atas
    cuti tahunan.")."""
    terms = question_terms(question)
    chosen = passages[:PERMISSION_SOURCES]
    if any(_permission_found(units(p.chunk.text), terms) for p in chosen):
        return []
    ids = {p.chunk.id for p in passages}
    found = [
        (rule[0], -n, sibling)
        for n, sibling in enumerate(siblings)
        if sibling.chunk.id not in ids
        and _states_rules(sibling)
        and (rule := _permission_found(units(sibling.chunk.text), terms))
    ]
    return [max(found, key=lambda f: f[:2])[2]] if found else []


# "(2) Upaya administratif sebagaimana dimaksud pada ayat (1) terdiri atas keberatan dan banding
# administratif.": an ayat that spells out what the one before it names
_SPELLS_OUT = re.compile(r"\b(?:terdiri\s+atas|terdiri\s+dari|meliputi|yaitu|berupa)\b", re.I)


def _with_elaboration(
    passages: list[Passage], siblings: list[Passage], answered: list[tuple[str, int]]
) -> list[Passage]:
    """When the direct answer names something ("diselesaikan melalui upaya administratif") that
    the next ayat of its Pasal spells out ("Upaya administratif sebagaimana dimaksud pada ayat (1)
    terdiri atas keberatan dan banding administratif"), that ayat is appended to the answer."""
    text, source = answered[0]
    base = passages[source]
    if not base.chunk.ayat or not text:
        return passages
    said = set(tokenize(text))
    for other in [*passages, *siblings]:
        body = other.chunk.text
        if (
            other is base
            or not _same_pasal(other, base)
            or not _refers_to_ayat(body[:ELABORATION_WINDOW], base.chunk.ayat)
            or not _SPELLS_OUT.search(body)
        ):
            continue
        opening = re.sub(r"^\s*\(\d+\)\s*", "", body).split("sebagaimana")[0]
        if not set(tokenize(opening)) or not set(tokenize(opening)) <= said:
            continue  # it spells out something else than what the answer names
        if other not in passages:
            passages = [*passages, other]
        answered.append((sentence(shorten(plain(body), PART_LIMIT)), passages.index(other)))
        break
    return passages


def _topic(part: str) -> str:
    """The words of the first question that a later, shorter one leaves out ("trs jatahnya brp
    hr?" is about "PPPK ... cuti tahunan"): its words without numbers, units and frame words."""
    words = [
        w
        for w in re.findall(r"[A-Za-z][\w/-]*", expand_shorthand(part))
        if w.lower() not in _FRAME_WORDS | _BOUND_WORDS and w.lower() not in UNITS
    ]
    return " ".join(words)


# what the first question asks of its topic ("maksimal berapa lama"), not the topic itself: a later
# question ("syarat masa kerjanya berapa tahun?") asks its own bound, if any
_BOUND_WORDS = frozenset(
    [
        "maksimal",
        "maks",
        "minimal",
        "min",
        "paling",
        "lama",
        "singkat",
        "lambat",
        "cepat",
        "sedikit",
        "banyak",
        "selambat-lambatnya",
        "sekurang-kurangnya",
    ]
)


def _own_terms(part: str) -> set[str]:
    """The terms a question names itself, the civil servants' classes ("PNS", "ASN") aside."""
    return set(tokenize(expand_shorthand(part))) - _CLASS_TERMS


def _answer_parts(
    parts: list[str],
    passages: list[Passage],
    siblings: list[Passage],
    values: list[Quantity],
    answered: list[tuple[str, int]],
) -> list[Passage]:
    """After the answer to the whole message (`answered`, extended in place), the answer of each
    question it asks (a later one read with the first one's topic), from the same sources (each
    may bring the sibling ayat that holds its answer), when it adds something: an answer already
    given is not repeated, and one that names too few of its question's words is no answer."""
    topic = _topic(parts[0])
    for n, part in enumerate(parts):
        asked = part if n == 0 else f"{part} {topic}"
        kind = expected_kind(expand_shorthand(part), None)
        passages = with_sibling(asked, passages, siblings, kind, values)
        text, source = direct_answer(asked, passages, kind, values)
        # no stray sentence for a question the sources do not speak to: its answer names two of
        # its words (the first question: one), or one and a number in the unit it asks
        # ("batas waktunya brp hari?")
        wanted = _wanted_units(expand_shorthand(part).lower())
        counted = kind in _NUMBER_TYPES and wanted and _in_units(text, wanted)
        needed = (PART_OVERLAP if n else 1) - bool(counted)
        # a later question that names nothing itself ("..., berapa lama?") is read with the first
        # one's topic: a number in its unit that names that topic answers it
        own = _own_terms(part)
        if n and counted and not own:
            own = _own_terms(asked)
        if len(own & set(tokenize(text))) < needed:
            continue
        if text and not any(_said(text, t) or _said(t, text) for t, _ in answered):
            answered.append((shorten(text, PART_LIMIT), source))
    return passages


def compose_answer(
    question: str,
    passages: list[Passage],
    english: bool = False,
    kind: str | None = None,
    siblings: list[Passage] | None = None,
    values: list[Quantity] | None = None,
    given: str = "",
) -> Composed:
    """The direct answer (cited) followed by the basis: short focused quotes of the provisions
    that carry it, the other sources named after them. `siblings` (the other ayat of the best
    Pasal) are searched for the direct answer when the chosen sources lack it. `values`: the
    quantities the question states of the case it asks about (default: every one it states).
    `given`: a direct answer the caller already has from the first passage (a document's status,
    read from its revoking clause); it leads, and that clause is quoted as its basis."""
    if not passages:
        return Composed("", None)
    expanded = expand_shorthand(question)
    kind = expected_kind(expanded, kind)
    if given:
        composed = _given_answer(question, passages, given, english)
        return Composed(composed, f"{given} [1]", passages, kind)
    values = asked_quantities(expanded) if values is None else values
    if _limit_asked(expanded, kind):
        values = _conditions_of_limit(expanded, values)
    passages = with_sibling(question, passages, siblings or [], kind, values)
    answered = [direct_answer(question, passages, kind, values)]
    if kind == AnswerType.OPEN:
        passages = _with_elaboration(passages, siblings or [], answered)
    parts = asked_parts(question)
    if len(parts) > 1:  # each question the message asks gets its own answer, when it adds one
        passages = _answer_parts(parts, passages, siblings or [], values, answered)
    source = answered[0][1]
    if english:
        answered[0] = (f"According to {passages[source].chunk.label}: {answered[0][0]}", source)
    direct = " ".join(f"{text} [{i + 1}]" for text, i in answered)
    lines = basis_lines(question, passages, source, kind, english, direct)
    basis = BASIS_EN if english else BASIS_ID
    form = open_form(expanded) if kind == AnswerType.OPEN else None
    text = f"{direct}\n\n{basis}\n" + "\n".join(lines)
    return Composed(text, direct, passages, kind, form.name if form else None)


def _given_answer(question: str, passages: list[Passage], given: str, english: bool) -> str:
    lines = basis_lines(question, passages, 0, None, english, given)
    return f"{given} [1]\n\n{BASIS_EN if english else BASIS_ID}\n" + "\n".join(lines)


# ---------------------------------------------------------------------------- unchanged helpers
def select(passages: list[Passage], max_sources: int = 3, ratio: float = 0.6) -> list[Passage]:
    """The top passage plus close runners-up from other provisions."""
    if not passages:
        return []
    chosen = [passages[0]]
    top = passages[0].score or 1e-9
    for p in passages[1:]:
        if len(chosen) >= max_sources:
            break
        if p.score < top * ratio:
            break
        if any(p.chunk.id == c.chunk.id for c in chosen):
            continue
        chosen.append(p)
    return chosen


def _frame(p: Passage, n: int, first: bool, english: bool) -> str:
    c = p.chunk
    quote = trim(clean(c.text))
    quote = re.sub(r"\s*\n\s*", " ", quote) if len(quote) < 200 else quote
    if english:
        lead = "According to" if first else "In addition,"
        return f'{lead} {c.label}: "{quote}" [{n}]'
    if first:
        return f'Menurut {c.label}: "{quote}" [{n}]'
    verb = "menjelaskan" if c.part in ("penjelasan", "materi") else "mengatur"
    return f'Selain itu, {c.label} {verb}: "{quote}" [{n}]'


def compose_extractive(passages: list[Passage], english: bool = False) -> str:
    """Quote each passage whole with its label and marker [n] (the general rule beside a refusal)."""
    parts = [_frame(p, n, n == 1, english) for n, p in enumerate(passages, 1)]
    return "\n\n".join(parts)


def format_sources(passages: list[Passage]) -> str:
    """Numbered sources for an LLM prompt; the text is fenced so that it reads as data."""
    blocks = []
    for n, p in enumerate(passages, 1):
        c = p.chunk
        status = "" if c.doc_status == "berlaku" else f" (status: {c.doc_status.value})"
        blocks.append(f"[{n}] {c.label}{status}\n<<<\n{c.text}\n>>>")
    return "\n\n".join(blocks)
