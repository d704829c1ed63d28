"""Mentions of regulations in a text ("Peraturan Pemerintah Nomor 53 Tahun 2010") and their manifest ids."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.manifest import Manifest

_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "i": "1", "L": "1"})

_TYPES = {
    "undang-undang": "UU",
    "peraturan pemerintah pengganti undang-undang": "Perppu",
    "peraturan pemerintah": "PP",
    "peraturan presiden": "Perpres",
    "keputusan presiden": "Keppres",
    "peraturan lembaga administrasi negara": "PerLAN",
}
REG_RE = re.compile(
    r"\b(Undang-?\s?Undang|Peraturan\s+Pemerintah(?:\s+Pengganti\s+Undang-?\s?Undang)?"
    r"|Peraturan\s+Presiden|Keputusan\s+Presiden|Peraturan\s+Lembaga\s+Administrasi\s+Negara)"
    r"\s+(?:Republik\s+Indonesia\s+)?Nomor\s+([0-9OolIiL]{1,4})\s+Tahun\s+([0-9OolIiL]{4})\b",
    re.I,
)


@dataclass(frozen=True)
class RegRef:
    type: str  # UU | PP | Perpres ...
    number: str
    year: int
    start: int
    end: int

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.type, self.number, self.year)

    @property
    def short(self) -> str:
        return f"{self.type} {self.number}/{self.year}"


def _digits(token: str) -> str:
    return token.translate(_OCR_DIGITS)


def find_regulations(text: str) -> list[RegRef]:
    """Every 'Peraturan Pemerintah Nomor N Tahun YYYY' (and UU, Perpres ...) in order."""
    out: list[RegRef] = []
    for m in REG_RE.finditer(text):
        kind = re.sub(r"\s+", " ", m.group(1).lower())
        kind = re.sub(r"undang-?\s?undang", "undang-undang", kind)
        number, year = _digits(m.group(2)), _digits(m.group(3))
        if not (number.isdigit() and year.isdigit()):
            continue
        out.append(RegRef(_TYPES.get(kind, kind), str(int(number)), int(year), m.start(), m.end()))
    return out


def manifest_id(manifest: Manifest, ref: RegRef) -> str | None:
    """The manifest id of a mentioned regulation, when the manifest lists it."""
    for doc in manifest.documents.values():
        if doc.type == ref.type and doc.number == ref.number and doc.year == ref.year:
            return doc.id
    return None
