"""Why a must-refuse item must be refused: its class, given in the dataset or inferred for old items."""

from __future__ import annotations

import re

PERSONAL_RECORD = "personal_record"
NOT_IN_CORPUS = "not_in_corpus"
OUT_OF_DOMAIN = "out_of_domain"
INJECTION = "injection"
UNCLASSIFIED = "unclassified"
REFUSE_CLASSES = (PERSONAL_RECORD, NOT_IN_CORPUS, OUT_OF_DOMAIN, INJECTION)
ANSWERABLE = "answerable"  # the expected "class" of an answerable item in the confusion tables

# Answer.reason -> the refuse class it claims; generic reasons (weak_sources, ...) claim none.
REASON_CLASS = {
    "personal_record": PERSONAL_RECORD,
    "injection": INJECTION,
    "out_of_domain": OUT_OF_DOMAIN,
    "not_in_corpus": NOT_IN_CORPUS,
    "unknown_document": NOT_IN_CORPUS,
    "missing_document": NOT_IN_CORPUS,
    "document_missing": NOT_IN_CORPUS,
    "pasal_not_found": NOT_IN_CORPUS,
}

_INJECTION = re.compile(
    r"abaikan|lupakan|ignore|system ?override|system prompt|prompt sistem|anggap kamu|"
    r"pretend|kamu sekarang|mulai sekarang|instruksi|databasemu|karang|fiktif|jailbreak",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"\bnip\b|\bsaya\b.*\b(cek|status|sisa|slip)\b|\bcek\b.*\bsaya\b", re.I)
_DOMAIN = re.compile(
    r"\b(uu|pp|perpres|peraturan|pasal|undang|asn|pns|pppk|cpns|bkn|lan|menpan\w*|"
    r"kepegawaian|pegawai|civil serv\w*|government regulation|law)\b",
    re.IGNORECASE,
)


def infer_refuse_class(question: str, refuse_status: str | None) -> str:
    """A best guess for must-refuse items written before classes existed (old dev/holdout lines)."""
    if refuse_status == "missing_document":
        return NOT_IN_CORPUS
    if _INJECTION.search(question):
        return INJECTION
    if _PERSONAL.search(question):
        return PERSONAL_RECORD
    if refuse_status == "refused":
        return INJECTION
    if _DOMAIN.search(question):
        return NOT_IN_CORPUS
    return OUT_OF_DOMAIN if refuse_status == "no_source" else UNCLASSIFIED


def reason_class(reason: str | None) -> str | None:
    """The refuse class an Answer.reason claims, or None for generic or absent reasons."""
    return REASON_CLASS.get(reason) if reason else None
