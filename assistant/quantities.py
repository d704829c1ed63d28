"""Quantities a question states, and the provision parts whose conditions they meet.

"Bolos 15 hari kerja dalam setahun, sanksinya apa?" is answered by the item whose condition holds
that value: "... tidak Masuk Kerja ... selama 14 (empat belas) sampai dengan 20 (dua puluh) hari kerja
dalam 1 (satu) tahun", not by the first item of the list. "Nilai kinerja saya 95, predikatnya apa?"
by "Baik, apabila PNS memiliki nilai dengan angka 90 (sembilan puluh) s.d. angka 120". Read from the
texts: ranges ("N sampai dengan M", "N s.d. M", OCR's "N x M"), lower and upper bounds ("lebih dari
N", "kurang dari N", "paling sedikit N") and single values with their unit ("selama 3 (tiga) hari").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "hari": "hari",
    "hr": "hari",
    "hri": "hari",
    "minggu": "hari",  # counted in days (x 7)
    "pekan": "hari",
    "bulan": "bulan",
    "bln": "bulan",
    "tahun": "tahun",
    "thn": "tahun",
    "th": "tahun",
    "jam": "jam",
    "persen": "persen",
    "%": "persen",
}
_DAYS_IN = {"minggu": 7, "pekan": 7}
_WORDS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
}
# the words a stated quantity is written with ("dua minggu"): a question's typo in them is read
# back to them (spelling.py), though the regulations rarely write some ("minggu")
QUANTITY_WORDS = frozenset(
    [w for w in (*UNITS, *_WORDS) if w.isalpha() and len(w) > 2] + ["belas", "puluh", "ratus"]
)
# a share stated in words: "sepertiga untuk bekas isterinya", "seperdua dari gajinya", "dua pertiga"
FRACTION = (
    r"\bse(?:per(?:dua|tiga|empat|lima)|tengah)\b|\b(?:dua|tiga|empat)\s+per(?:tiga|empat|lima)\b"
)
# "gajinya dibagi brp", "bagiannya berapa": the answer is a share (a fraction or a percentage)
ASKS_SHARE = re.compile(
    r"\b(?:dibagi|dibagikan|bagian(?:nya)?|porsi(?:nya)?|pembagian(?:nya)?)\b", re.I
)
SHARE = re.compile(FRACTION + r"|%|\bpersen\b|\bper\s?seratus\b", re.I)
# how often: "tiap berapa tahun sekali", "setiap brp bulan", "berapa tahun sekali" (the unit is
# group 1 or 2); answered by "setiap 4 (empat) bulan", "1 (satu) kali dalam 2 (dua) tahun"
ASKS_FREQUENCY = re.compile(
    r"\b(?:se)?tiap\s+(?:berapa|brp)\s+(hari|bulan|tahun|taun|thn|minggu)\b|"
    r"\b(?:berapa|brp)\s+(hari|bulan|tahun|taun|thn|minggu)\s+sekali\b|\bhow\s+often\b",
    re.I,
)
_NUMBER_WORDS = r"\d+\s*(?:\([a-z\s]+\)\s*)?"
_ANY_FREQUENCY_UNIT = r"(?:hari|bulan|tahun|minggu)"


def _states_frequency(unit: str) -> re.Pattern[str]:
    """How often a text says something happens, in `unit` (a regex)."""
    return re.compile(
        rf"\b(?:setiap|tiap|sekali\s+dalam|kali\s+dalam)\s+(?:{_NUMBER_WORDS})?{unit}\b|"
        rf"\b{_NUMBER_WORDS}{unit}\s+sekali\b",
        re.I,
    )


STATES_FREQUENCY = _states_frequency(_ANY_FREQUENCY_UNIT)  # in any unit


# how many in each week or day: "berapa hari seminggu", "brp jam sehari", "dalam seminggu ... berapa
# hari" (count unit, period); answered by "5 (lima) hari kerja dalam 1 (satu) minggu", "per minggu"
# (weeks and days only: an annual or monthly entitlement is stated without its period, "12 (dua
# belas) hari kerja" is a year's leave)
_PERIOD = r"(?:(?:dalam|per|tiap|setiap)\s+(?:se|1\s+|satu\s+)?|se)(minggu|pekan|hari)"
ASKS_RATE = re.compile(
    rf"\b(?:berapa|brp)\s+(hari|jam|kali)\s+(?:kerja\s+)?{_PERIOD}\b|"
    rf"\b{_PERIOD}\b[^?.!]{{0,40}}\b(?:berapa|brp)\s+(hari|jam|kali)\b",
    re.I,
)


def _states_rate(unit: str, period: str) -> re.Pattern[str]:
    """A count per period in a text: "6 (enam) hari kerja dalam 1 (satu) tahun", "37,5 jam per
    minggu", "2 (dua) kali sebulan"."""
    return re.compile(
        rf"\b\d[\d,.]*\s*(?:\([a-z\s,]+\)\s*)?{unit}(?:\s+kerja)?\s+(?:dalam\s+(?:{_NUMBER_WORDS})?|"
        rf"per\s+|setiap\s+|tiap\s+|se){period}\b",
        re.I,
    )


def asks_how_often(question: str) -> bool:
    """ "tiap brp tahun sekali", "how often", or a count per period ("berapa hari seminggu")."""
    return bool(ASKS_FREQUENCY.search(question) or ASKS_RATE.search(question))


def frequency_evidence(question: str) -> re.Pattern[str] | None:
    """For a question asking how often, what a source must say: a frequency in the unit asked
    ("tiap brp taun" -> "setiap 2 (dua) tahun"), in any unit for "how often", a count in the
    period asked ("berapa hari seminggu" -> "... hari ... dalam 1 (satu) minggu"); else None."""
    rate = ASKS_RATE.search(question)
    if rate:
        unit = (rate.group(1) or rate.group(4)).lower()
        period = (rate.group(2) or rate.group(3)).lower()
        return _states_rate(unit, {"pekan": "minggu"}.get(period, period))
    often = ASKS_FREQUENCY.search(question)
    if not often:
        return None
    unit = (often.group(1) or often.group(2) or "").lower()
    unit = {"taun": "tahun", "thn": "tahun"}.get(unit, unit)
    return _states_frequency(unit) if unit else STATES_FREQUENCY


_UNIT_WORD = r"(hari|hr|hri|minggu|pekan|bulan|bln|tahun|thn|th|jam|persen|%)"
# what the asker states: "15 hari", "dua minggu", "setahun" is not a condition value; "nilai 95"
_ASKED = re.compile(
    rf"\b(\d{{1,3}}(?:[.,]\d+)?|{'|'.join(_WORDS)})\s*{_UNIT_WORD}(?![a-z])"
    r"|\b(?:nilai|nilainya|skor|angka|angkanya|usia|umur)\s+(?:\w+\s+){0,2}?(?:saya\s+|sy\s+|ku\s+)?"
    r"(\d{1,3}(?:[.,]\d+)?)\b",
    re.I,
)
_NAMES_PLACE = re.compile(
    r"pasal|psl|ayat|nomor|no\.?|nmr|huruf|angka|pp|uu|perpres|permen\w*|perka"
)
_NUM = r"(\d[\dO]{0,3}(?:[.,]\d+)?)(?:\s*\([^()]{1,40}\))?"
_RANGE = re.compile(
    rf"{_NUM}\s*(?:{_UNIT_WORD}\s*)?(?:sampai\s+dengan|s\.?\s*/?\s*d\.?|hingga|s?\s*x|[-–])\s*"
    rf"(?:angka\s+)?{_NUM}\s*(?:{_UNIT_WORD})?",
    re.I,
)
_LOWER = re.compile(
    rf"\b(?:lebih\s+dari|paling\s+(?:sedikit|singkat|rendah)|sekurang-kurangnya|minimal|di\s+atas)"
    rf"\s+(?:angka\s+)?{_NUM}\s*(?:{_UNIT_WORD})?",
    re.I,
)
_UPPER = re.compile(
    rf"\b(?:kurang\s+dari|di\s+bawah)\s+(?:angka\s+)?{_NUM}\s*(?:{_UNIT_WORD})?", re.I
)
_SINGLE = re.compile(rf"{_NUM}\s*{_UNIT_WORD}(?![a-z])", re.I)
# "lebih dari 1 (satu) hari sampai dengan 14 (empat belas) hari": the start of a range, not a bound
_RANGE_GOES_ON = re.compile(r"\s*(?:sampai\s+dengan|s\.?\s*/?\s*d\.?|hingga|[-–])", re.I)
# the asker states a bound: "lebih dari dua minggu", "di atas 60 hari", "> 14 hari"
_ASKED_ABOVE = re.compile(r"(?:lebih\s+dari|lbh\s+dari|melebihi|di\s+atas|diatas|>)\s*$", re.I)

# The units a question's words ask a number in ("berapa lama" -> days to years, "usia" -> years)
ASKED_UNITS = {
    "lama": ("hari", "minggu", "bulan", "tahun"),
    "hari": ("hari",),
    "minggu": ("minggu",),
    "bulan": ("bulan",),
    "tahun": ("tahun",),
    "umur": ("tahun",),
    "usia": ("tahun",),
    "jam": ("jam",),
    "kali": ("kali",),
    "orang": ("orang",),
    "persen": ("persen", "%"),
}


@dataclass(frozen=True)
class Quantity:
    """A value the question states, in a normalised unit (weeks are counted in days). `above`:
    the question states only that its value exceeds it ("sakit lebih dari dua minggu")."""

    value: float
    unit: str | None  # hari | bulan | tahun | jam | persen | None (a score)
    above: bool = False

    def __str__(self) -> str:
        number = int(self.value) if self.value == int(self.value) else self.value
        stated = f"{number} {self.unit}" if self.unit else str(number)
        return f"> {stated}" if self.above else stated


def _number(text: str) -> float:
    text = text.lower()
    if text in _WORDS:
        return float(_WORDS[text])
    return float(text.replace("o", "0").replace(",", "."))


def _unit(word: str | None) -> str | None:
    return UNITS.get(word.lower()) if word else None


def asked_quantities(question: str) -> list[Quantity]:
    """The values with a unit (or a score) the question states: "bolos 15 hari", "nilai saya 95"."""
    out: list[Quantity] = []
    for m in _ASKED.finditer(question):
        before = question[: m.start()].split()[-1:]
        if before and _NAMES_PLACE.fullmatch(before[0].strip("(").lower()):
            continue  # "Pasal 38 tahun 2010", "PP 53 tahun 2010": a name, not a value
        if re.match(r"\s*(?:19|20)\d\d\b", question[m.end() :]):
            continue
        if m.group(3):
            out.append(Quantity(_number(m.group(3)), None))
            continue
        unit = m.group(2).lower()
        value = _number(m.group(1)) * _DAYS_IN.get(unit, 1)
        above = bool(_ASKED_ABOVE.search(question[: m.start()]))
        out.append(Quantity(value, _unit(unit), above))
    return out


def _compatible(asked: str | None, stated: str | None) -> bool:
    """A score (no unit) fits any range; "60%" does not fit a range of scores ("50 s.d. 70")."""
    return asked is None or asked == stated


def holds(text: str, q: Quantity) -> bool:
    """Whether a provision part states a condition that the value meets: a range holding it, a bound
    it passes, or (with a unit) the very value. A value stated as a bound ("lebih dari 14 hari")
    meets a range reaching beyond it and a lower bound it implies, not a range ending at it."""
    for m in _RANGE.finditer(text):
        lo, hi = _number(m.group(1)), _number(m.group(3))
        unit = _unit(m.group(4)) or _unit(m.group(2))
        inside = hi > q.value if q.above else lo <= q.value <= hi
        if lo < hi and _compatible(q.unit, unit) and inside:
            return True
    for m in _LOWER.finditer(text):
        unit = _unit(m.group(2))
        if _RANGE_GOES_ON.match(text, m.end()):
            continue
        if q.unit and unit == q.unit and q.value >= _number(m.group(1)):
            return True
    if q.above:
        return False  # "lebih dari 14 hari" is neither below a bound nor one value
    for m in _UPPER.finditer(text):
        unit = _unit(m.group(2))
        if q.unit and unit == q.unit and q.value < _number(m.group(1)):
            return True
    if q.unit:
        for m in _SINGLE.finditer(text):
            if _unit(m.group(2)) == q.unit and _number(m.group(1)) == q.value:
                return True
    return False


def holds_any(text: str, asked: list[Quantity]) -> bool:
    return any(holds(text, q) for q in asked)


# What the asker says of themselves against the least a rule requires: how long they have served
# ("CPNS baru 8 bulan", "udah 7 tahun jadi PNS") against "telah bekerja paling kurang 1 (satu)
# tahun", and their age ("umur saya 19 tahun") against "usia paling rendah 20 (dua puluh) tahun".
_DAYS_PER_UNIT = {"hari": 1, "bulan": 30, "tahun": 365}  # to compare a service with a minimum
_SERVED = re.compile(
    r"\b(?:baru|sudah|udah|udh|sdh|telah|masa\s+kerja(?:nya)?|kerja|bekerja|mengabdi)\s+"
    r"(?:(?:jadi|sebagai|menjadi)\s+\w+\s+)?(?:saya\s+|sy\s+|ku\s+)?(?:sekitar\s+|kurang\s+lebih\s+)?$",
    re.I,
)
_SERVED_AFTER = re.compile(r"^\s*(?:kerja|bekerja|masa\s+kerja|mengabdi)\b", re.I)
_AGED = re.compile(
    r"\b(?:umur|usia|umurnya|usianya)\s+(?:saya|sy|ku|aku|anak\s+saya|adik\s+saya|adikku)?\s*"
    r"(?:baru\s+|sudah\s+|udah\s+|skrg\s+|sekarang\s+)?(\d{1,2})\s*(?:tahun|thn|th)?\b",
    re.I,
)
_BOUND = (
    r"(?P<bound>(?:paling\s+(?:kurang|sedikit|singkat|rendah)|sekurang-kurangnya|minimal)\s+"
    r"(?P<digits>\d+|[Il])?\s*(?:\((?P<words>[a-z\s]+)\))?\s*(?P<unit>hari|bulan|tahun)\b)"
)
_SERVICE_MINIMUM = re.compile(
    rf"\b(?:bekerja|masa\s+kerja(?:nya)?)\s+(?:\S+\s+){{0,2}}?{_BOUND}", re.I
)
_AGE_MINIMUM = re.compile(rf"\b(?:usia|umur)\s+(?:\S+\s+){{0,2}}?{_BOUND}", re.I)


@dataclass(frozen=True)
class Shortfall:
    """What the asker states of themselves, below the least a rule requires."""

    what: str  # "masa kerja" | "usia"
    stated: Quantity
    required: str  # the rule's words: "paling kurang 1 (satu) tahun"

    def __str__(self) -> str:
        return f"Belum: {self.what} {self.stated}, syaratnya {self.required}."


def tenure(question: str) -> Quantity | None:
    """How long the asker says they have served, when they say it ("PNS baru 3 tahun")."""
    for m in _ASKED.finditer(question):
        if m.group(3) or not m.group(2) or _unit(m.group(2)) not in _DAYS_PER_UNIT:
            continue
        if _SERVED.search(question[: m.start()][-40:]) or _SERVED_AFTER.match(question[m.end() :]):
            value = _number(m.group(1)) * _DAYS_IN.get(m.group(2).lower(), 1)
            return Quantity(value, _unit(m.group(2)))
    return None


def stated_age(question: str) -> Quantity | None:
    """The age the asker gives ("Umur saya 19 tahun"), in years."""
    m = _AGED.search(question)
    return Quantity(float(m.group(1)), "tahun") if m else None


def _minimum(pattern: re.Pattern[str], text: str) -> tuple[float, str] | None:
    """The least a rule requires, in days, with its words ("paling kurang 1 (satu) tahun")."""
    m = pattern.search(text)
    if not m:
        return None
    digits, words = m.group("digits"), (m.group("words") or "").strip().lower()
    if digits and digits.isdigit():
        value = float(digits)
    elif words in _WORDS:
        value = float(_WORDS[words])
    else:
        return None
    said = m.group("bound")
    if digits and not digits.isdigit():  # OCR's "I (satu)"
        said = said.replace(digits, str(int(value)), 1)
    return value * _DAYS_PER_UNIT[m.group("unit").lower()], re.sub(r"\s+", " ", said)


def service_minimum(text: str) -> tuple[float, str] | None:
    return _minimum(_SERVICE_MINIMUM, text)


def shortfall(question: str, text: str) -> Shortfall | None:
    """The asker's service or age, when it is below the least the text requires."""
    for what, stated, pattern in (
        ("masa kerja", tenure(question), _SERVICE_MINIMUM),
        ("usia", stated_age(question), _AGE_MINIMUM),
    ):
        needed = _minimum(pattern, text) if stated and stated.unit else None
        if needed and stated.value * _DAYS_PER_UNIT[stated.unit] < needed[0]:  # type: ignore[index]
            return Shortfall(what, stated, needed[1])  # type: ignore[arg-type]
    return None
