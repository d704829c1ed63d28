"""OCR confusions seen in this corpus, and the spelling candidates they generate.

The table was learned from the corpus: every unknown word of the OCR'd regulations was aligned with
its nearest known word (rapidfuzz Levenshtein opcodes, unique best match at distance <= 2), and the
differing character groups counted (``learn_confusions``). Pairs that are visual misreadings were kept
(counts in the comments); look-alike pairs that are really different words ("mutatis" ~ "mutasi")
were not. The textbook ones (rn/m, cl/d, li/h, ii/u, fr/fi, O/0) are included even when rare here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

# (what OCR printed, what the page said)
CONFUSIONS: tuple[tuple[str, str], ...] = (
    # single letters that look alike
    ("l", "i"),  # 28 lndonesia, sesual
    ("l", "k"),  # 28 dimalsud, alhir
    ("l", "f"),  # 20 kualilikasi
    ("l", "t"),
    ("l", "b"),  # selagaimana
    ("I", "l"),  # Iima, Iain
    ("I", "i"),
    ("i", "l"),  # 6 oieh, diiakukan
    ("i", "j"),  # Peiabat
    ("r", "i"),  # 18 kualifrkasi, darr
    ("t", "l"),  # 5 sembitan, Sosiat
    ("t", "f"),
    ("f", "t"),
    ("f", "j"),  # wafib
    ("f", "p"),  # fusat
    ("F", "P"),  # 12 Fusat, Frolil
    ("q", "u"),  # 8 persetqjuan
    ("q", "a"),  # wqjib
    ("q", "g"),
    ("c", "e"),  # kompetcnsi
    ("e", "c"),
    ("a", "n"),  # 4 Tuhaa, delapaa
    ("u", "v"),  # Motiuator
    ("u", "n"),  # Keweuangan
    ("n", "m"),  # Tanbahan
    ("o", "a"),
    ("1", "l"),  # 7 je1as, Sosia1
    ("1", "i"),
    ("0", "o"),
    ("O", "o"),
    ("4", "r"),  # beke4ja
    ("5", "s"),
    # groups of letters
    ("d", "rj"),  # 23 kineda, pedanjian
    ("d", "ri"),
    ("rn", "m"),  # 5 rnenyelenggarakan, norrna
    ("m", "rn"),
    ("rr", "n"),  # 6 kompeterrsi, pimpirran
    ("rr", "u"),  # hurrrf
    ("nr", "ru"),  # 5 hunrf, menrpakan
    ("zr", "a"),  # 5 pengetahuzrn
    ("zm", "an"),  # terlaksanzmya
    ("Er", "a"),  # 5 dalErm, seorErng
    ("El", "a"),  # wElrna
    ("Ll", "u"),  # 4 penurLlnan
    ("Lt", "u"),  # pengetahLtan
    ("ll", "u"),  # pemantallan
    ("tr", "u"),  # dibenttrk
    ("tr", "h"),  # kejatratan
    ("hr", "tu"),  # 5 puhrsan, dihrnda
    ("Jr", "y"),  # 20 menJrusun
    ("jr", "y"),  # menjrusun
    ("5r", "y"),  # 21 men5rusun
    ("3r", "y"),  # men3rusun
    ("lr", "y"),  # menlrusun
    ("lr", "k"),  # ralryat
    ("qj", "uj"),
    ("qi", "uj"),  # 4 persetqiuan
    ("qi", "aj"),  # prqiurit, wqiib
    ("qj", "aj"),
    ("sl", "eb"),  # 4 sslagaimana
    ("sf", "eb"),  # ssfagaimana
    ("Kc", "Ke"),  # Kcrja
    ("lVl", "M"),  # lVlanqjerial
    ("IVI", "M"),
    ("lVI", "M"),
    ("IVl", "M"),
    ("cl", "d"),
    ("li", "h"),
    ("ii", "u"),
    ("fr", "fi"),
    ("rt", "n"),  # penganggarart
)
# junk glued to the front of a word: "oDemi", "oditugaskan", "uhak", "nkelompok"
LEADING_JUNK = ("o", "u", "n")


def _matches(word: str) -> list[tuple[int, int, str]]:
    """Every place a confusion applies: (start, end, replacement) in the printed word."""
    out = []
    for wrong, right in CONFUSIONS:
        start = word.find(wrong)
        while start != -1:
            out.append((start, start + len(wrong), right))
            start = word.find(wrong, start + 1)
    return out


def _replace(word: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, right in sorted(edits, reverse=True):
        word = word[:start] + right + word[end:]
    return word


def candidates(word: str, max_edits: int = 2) -> dict[str, int]:
    """Every spelling reachable with up to ``max_edits`` confusions at separate places of the printed
    word (a replacement is never edited again), with its number of edits."""
    found: dict[str, int] = {}
    matches = _matches(word)
    for i, first in enumerate(matches):
        found.setdefault(_replace(word, [first]), 1)
        if max_edits < 2:
            continue
        for second in matches[i + 1 :]:
            if second[0] >= first[1] or second[1] <= first[0]:
                found.setdefault(_replace(word, [first, second]), 2)
    for junk in LEADING_JUNK:
        if word.startswith(junk) and len(word) > 4:
            found.setdefault(word[len(junk) :], 1)
    found.pop(word, None)
    return found


def learn_confusions(
    unknown: dict[str, int], targets: list[str], max_distance: int = 2
) -> Counter[tuple[str, str]]:
    """Count (printed, meant) character groups between unknown words and their unique nearest
    known word; how the table above was derived (see benchmarks/ocr_repair.py --learn)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    pairs: Counter[tuple[str, str]] = Counter()
    for word, n in unknown.items():
        best = process.extract(
            word, targets, scorer=Levenshtein.distance, limit=2, score_cutoff=max_distance
        )
        if not best or (len(best) > 1 and best[1][1] == best[0][1]):
            continue
        target = best[0][0]
        for pair in _diff_groups(word, target, Levenshtein.opcodes):
            pairs[pair] += n
    return pairs


def _diff_groups(src: str, dst: str, opcodes: Callable) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    groups, a, b = [], "", ""
    for op in opcodes(src, dst):
        if op.tag == "equal":
            if a or b:
                groups.append((a, b))
            a = b = ""
        else:
            a += src[op.src_start : op.src_end]
            b += dst[op.dest_start : op.dest_end]
    if a or b:
        groups.append((a, b))
    return groups
