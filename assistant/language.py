"""Which language a question is written in (English questions get an English note)."""

from __future__ import annotations

import re

_EN_WORDS = {
    "what",
    "how",
    "is",
    "are",
    "the",
    "of",
    "for",
    "can",
    "does",
    "do",
    "which",
    "who",
    "when",
    "a",
    "civil",
    "servant",
    "servants",
    "according",
    "law",
    "must",
    "may",
    "allowed",
    "rights",
    "to",
    "in",
    "many",
    "much",
    "long",
    "government",
    "employee",
    "employees",
    "regulation",
    "under",
    "be",
    "their",
}
_ID_WORDS = {
    "apa",
    "yang",
    "dan",
    "di",
    "untuk",
    "dengan",
    "bagaimana",
    "berapa",
    "apakah",
    "pns",
    "asn",
    "boleh",
    "tidak",
    "menurut",
    "adalah",
    "dalam",
    "bagi",
    "siapa",
    "kapan",
    "ini",
    "itu",
    "ke",
    "dari",
    "hak",
}


def is_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    idn = sum(w in _ID_WORDS for w in words)
    return en >= 2 and en > idn
