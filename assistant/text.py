"""Indonesian text normalisation and tokenisation for the keyword index."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Domain words kept even though generic stop-word lists drop them (they carry legal meaning).
_KEEP = {
    "tidak",
    "wajib",
    "dilarang",
    "boleh",
    "dapat",
    "harus",
    "paling",
    "sedikit",
    "lama",
    "setiap",
    "belum",
    "bukan",
    "hak",
    "atas",
}
_EXTRA_STOP = {
    "apa",
    "apakah",
    "bagaimana",
    "gimana",
    "berapa",
    "siapa",
    "kapan",
    "mana",
    "dimana",
    "kah",
    "sih",
    "dong",
    "ya",
    "yg",
    "gak",
    "ga",
    "nggak",
    "enggak",
    "kalau",
    "kalo",
    "tolong",
    "jelaskan",
    "sebutkan",
    "menurut",
    "aturan",
    "peraturan",
    "ketentuan",
    "diatur",
    "mengatur",
    "pasal",
    "ayat",
    "huruf",
    "angka",
    "tentang",
    "nomor",
    "tahun",
    "the",
    "what",
    "is",
    "are",
    "of",
    "a",
    "an",
    "in",
    "to",
    "for",
    "how",
    "does",
    "do",
}
# Colloquial spellings and abbreviations users type.
_SYNONYMS = {
    "pns": "pns",
    "asn": "asn",
    "p3k": "pppk",
    "pppk": "pppk",
    "cpns": "cpns",
    "thl": "honorer",
    "gaji": "gaji",
    "cuti": "cuti",
    "pensiun": "pensiun",
    "skp": "skp",
    "jp": "jam pelajaran",
    "bangkom": "pengembangan kompetensi",
    "diklat": "pelatihan",
    "pecat": "berhenti",
    "dipecat": "berhenti",
    "resign": "berhenti permintaan sendiri",
    "naik": "naik",
    "jabfung": "jabatan fungsional",
    "jpt": "jabatan pimpinan tinggi",
    "ppk": "pejabat pembina kepegawaian",
    "bkn": "badan kepegawaian negara",
    "lan": "lembaga administrasi negara",
    "kasn": "komisi aparatur sipil negara",
    "pemilu": "pemilihan umum",
}


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    words = set(StopWordRemoverFactory().get_stop_words()) | _EXTRA_STOP
    return frozenset(words - _KEEP)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if len(word) <= 3 or word.isdigit() or any(ch.isdigit() for ch in word):
        return word
    return _stemmer().stem(word) or word


def normalise(text: str) -> str:
    text = text.lower().replace("/", " ")
    return re.sub(r"\s+", " ", text)


def tokenize(text: str) -> list[str]:
    """Lower-case, expand colloquial abbreviations, drop stop-words, stem with Sastrawi."""
    out: list[str] = []
    stops = stopwords()
    for raw in _TOKEN_RE.findall(normalise(text)):
        for word in _SYNONYMS.get(raw, raw).split():
            for part in word.split("-") if "-" in word and not word[0].isdigit() else [word]:
                if part in stops or len(part) < 2:
                    continue
                out.append(stem(part))
    return out
