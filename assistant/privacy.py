"""Personal data in questions: NIP, NIK, e-mail and phone numbers masked before logging or answering."""

from __future__ import annotations

import re

_PII_PATTERNS = [
    (
        "NIP",
        re.compile(r"(?<!\d)\d{8}\s?\d{6}\s?\d\s?\d{3}(?!\d)"),
    ),  # 18 digits, often spaced 8-6-1-3
    ("NIK", re.compile(r"(?<!\d)\d{16}(?!\d)")),
    ("EMAIL", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")),
    ("TELEPON", re.compile(r"(?<![\w])(?:\+62|62|0)8\d{1,3}[-\s]?\d{3,4}[-\s]?\d{3,5}(?!\d)")),
]


def mask_pii(text: str) -> tuple[str, list[str]]:
    """Replace NIP, NIK, e-mail and phone numbers with placeholders; returns (masked, kinds found)."""
    found: list[str] = []
    for kind, pattern in _PII_PATTERNS:
        text, n = pattern.subn(f"[{kind}]", text)
        if n:
            found.append(kind)
    return text, found
