"""Understand the request before retrieving: what kind of request it is, and what kind of answer it
expects. Every decision is a list of named signals with the words that fired them, so a trainer can
show why a question was treated as a personal-record request (Mode Pelatihan, ``--trace``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from assistant.injection import injection_signals, is_injection


class RequestClass(StrEnum):
    REGULATION = "regulation"  # a question the regulations may answer
    PERSONAL_RECORD = "personal_record"  # the asker's own data: balances, statuses, payslips...
    INJECTION = "injection"  # tries to change the assistant's rules


class AnswerType(StrEnum):
    DURATION = "durasi"  # berapa lama / berapa hari
    PERCENT = "persen"
    MONEY = "nominal"  # berapa rupiah / besaran tunjangan
    COUNT = "jumlah"  # berapa (orang, kali, jenis)
    TIME = "waktu"  # kapan
    ACTOR = "pihak"  # siapa / pejabat mana
    LIST = "daftar"  # apa saja
    PERMISSION = "boleh_tidak"  # apakah boleh / bisa
    DEFINITION = "definisi"  # apa itu
    OPEN = "terbuka"  # anything else: how, why, what does X say


# A personal-record request asks to LOOK UP the asker's own data. Each signal has a weight; the
# request is personal when the weights reach PERSONAL_THRESHOLD. A question about a rule asked in the
# first person ("saya PNS, boleh cuti besar?") carries the rule frame and stays a regulation question.
PERSONAL_THRESHOLD = 3.0
_FIRST_PERSON = r"(?:saya|sy|aku|gue|gw|gua|kami|ku)"
_RECORD_NOUN = (
    r"(?:sisa\s+cuti|saldo\s+cuti|ni\s+pppk|nomor\s+peserta|cuti|gaji|slip\s+gaji|slip|tpp|tukin|tunjangan|sk|skp|nilai|"
    r"predikat|rapor|kinerja|usulan|usul|pengajuan|permohonan|berkas|dokumen|data|status|pangkat|"
    r"golongan|mutasi|pensiun|taspen|nip|nik|nomor\s+induk|riwayat|absen|absensi|presensi|kehadiran|"
    r"potongan|jabatan|penilaian|akun|password|kata\s+sandi|ijazah|karpeg|karis|karsu|kenaikan\s+pangkat|"
    r"kenaikan\s+gaji|kgb|rekening|angka\s+kredit|pak|izin|hukuman|perjanjian\s+kerja|kontrak|nama)"
)
# a word between "nilai kinerja saya" and "berapa" that is neither a condition ("kalau") nor a value the
# asker gives ("nilai kinerja saya 95, predikatnya apa": a rule question, not a look-up)
# nor when it takes effect ("SK hukdis sy ... mulai berlakunya kapan": the rule's answer)
_WORD = r"[^\s.?!]+"  # a word that does not end a sentence: "cuti tahunan. Kalau saya" is two
_NOT_VALUE_OR_IF = r"(?!(?:kalau|klo|kalo|jika|apabila|mulai|berlakunya|brlakunya)\b|\d{1,3}\b)"
_PERSONAL_SIGNALS: list[tuple[str, float, re.Pattern[str]]] = [
    (
        "data milik penanya",
        2.0,
        re.compile(
            rf"\b{_RECORD_NOUN}(?:\s+{_WORD}){{0,4}}?\s+{_FIRST_PERSON}\b|\b{_RECORD_NOUN}(?:\s+{_WORD})?ku\b|"
            rf"\bpunya(?:ku|\s+saya|\s+sy)\b|\bdata(?:nya|\s+saya)\b|\b(?:catatan|data)\s+kepegawaian\b|"
            rf"\b(?:cuti|gaji|tpp|skp|sk|pangkat|berkas|usulan|data|nilai|status|tunjangan)(?:nya)?\s+"
            rf"(?:bapak|ibu|pak|bu)\s+[a-z]+|"
            # in English: "my current rank", "my leave balance", "my PPPK contract renewal"
            rf"\bmy\s+(?:\w+\s+){{0,2}}?(?:leave|salary|pay|payslip|rank|grade|step|application|"
            rf"status|records?|data|performance|rating|allowance|contract|pension|balance|file|"
            rf"promotion|transfer|transcript)\b",
            re.I,
        ),
    ),
    (
        "minta dicek / dilacak",
        1.5,
        re.compile(
            r"\b(?:cek|cekin|ceknya|dicek|dicekin|check|lacak|dilacak|tracking|track|periksakan|"
            r"lihatkan|carikan|tolong\s+(?:lihat|dilihat|lihatkan|carikan|periksa|diperiksa)|bisa\s+dilihat)\b",
            re.I,
        ),
    ),
    (
        "menanyakan status berkas",
        1.5,
        re.compile(
            r"\b(?:udah|udh|uda|sudah|sdh|dah|wis|apakah\s+sudah)\s+(?:\S+\s+){0,5}?(?:belum|blm|"
            r"durung)\b|"
            r"\b(?:kapan|kpn)\s+(?:\S+\s+){0,4}?(?:cair|keluar|turun|terbit|diproses|selesai|masuk)\b|"
            r"\b(?:sampai|sampe|nyampe)\s+mana\b|\bstatus(?:nya)?\b|\b(?:ditolak|dikembalikan|"
            # how much has piled up so far: "angka kredit saya yang sudah terkumpul sampai sekarang"
            r"terkumpul|sampai\s+(?:sekarang|saat\s+ini)|sampe\s+(?:sekarang|skrg)|"
            r"masih\s+diproses|di-?approve|diverifikasi|di-?acc)\b|\b(?:masuk|ada\s+di|termasuk)\s+"
            r"(?:daftar|data)\b|\b(?:belum|blm)\s+(?:cair|masuk|keluar|terbit)\b",
            re.I,
        ),
    ),
    (
        "minta data diubah",
        1.5,
        re.compile(
            r"\b(?:tolong|tlg|mohon|bantu|minta|please|pls|bisa|bisakah|coba)\s+(?:di)?(?:hapus|"
            r"hapuskan|ubah|ubahkan|ganti|gantikan|perbarui|perbaiki|koreksi|update|edit|input|"
            r"inputkan|masukkan|batalkan|hilangkan|delete|remove|change|correct)\s+(?:\S+\s+){0,3}?"
            r"(?:catatan|data|riwayat|nilai|status|nama|nip|golongan|pangkat|hukuman|absen|absensi|"
            r"presensi|records?)(?:nya)?\b",
            re.I,
        ),
    ),
    (
        # "Tolong ajukan cuti besar saya mulai 1 Juli", "tolong daftarkan saya ikut pelatihan": an
        # errand in the personnel system for the asker, which no regulation answers
        "minta diurus untuk penanya",
        3.0,
        re.compile(
            r"\b(?:tolong|tlg|mohon|bantu|minta|please|pls)\s+"
            r"(?:di)?(?:ajukan|ajuin|ajukanin|daftarkan|daftarin|urus|uruskan|urusin|proses|"
            r"proseskan|prosesin|kirimkan|kirimin|teruskan|usulkan|usulin|mintakan|submit|register|"
            r"enrol+|apply|file)\s+(?:(?!kalau|klo|kalo|jika|apabila|if)\S+\s+){0,3}?"
            rf"(?:{_FIRST_PERSON}|\S+ku|me|my)\b",
            re.I,
        ),
    ),
    (
        "NIP/NIK disebut",
        2.0,
        re.compile(
            r"(?<!\d)\d{8}\s?\d{6}\s?\d\s?\d{3}(?!\d)|(?<!\d)\d{16}(?!\d)|\bnip\s*[:.]?\s*\d|"
            rf"\b(?:nomor|no|nmr)\.?\s+(?:peserta|pendaftaran|registrasi|ujian|induk)\s*"
            rf"(?:{_FIRST_PERSON}\s*)?[:.]?\s*\d{{6,}}|"
            r"\b(?:ni\s+pppk|nip\s+pppk)\s*[:.]?\s*\d{6,}"
        ),
    ),
    (
        "minta dicek tentang dirinya",  # "tolong cek apakah saya pernah kena hukuman disiplin"
        1.5,
        re.compile(
            rf"\b(?:cek|cekin|dicek|check|periksa|lihat)(?:kan)?\s+(?:apakah|apa|kalau|kalo|klo|"
            rf"whether|if)\s+{_FIRST_PERSON}\b|\bcheck\s+(?:if|whether)\s+i\b|"
            # "Apakah SK pengangkatan PPPK saya sudah terbit?": whether the asker's own file moved
            rf"\b(?:apakah|apa)\s+(?:{_WORD}\s+){{0,5}}?{_FIRST_PERSON}\s+(?:sudah|udah|udh|sdh|dah)\s+"
            r"(?:terbit|keluar|cair|turun|disetujui|diproses|diverifikasi)\b",
            re.I,
        ),
    ),
    (
        "penanya di suatu daftar",  # "Saya masuk daftar talent pool gak ya?": the asker's own entry
        2.0,
        re.compile(
            rf"\b{_FIRST_PERSON}\s+(?:\S+\s+){{0,2}}?(?:masuk|termasuk|ada|terdaftar|tercantum)\s+"
            r"(?:di\s+|dalam\s+)?(?:\S+\s+)?(?:daftar|list|nominasi|penerima)\b",
            re.I,
        ),
    ),
    (
        "atas nama seseorang",
        2.0,
        re.compile(
            r"\b(?:atas\s+nama|a\.n\.?|an\.)\s+[a-z]{3,}|\bjeneng(?:ku|\s+saya)\b|\bnama\s+saya\b",
            re.I,
        ),
    ),
    (
        "sisa / saldo / periode berjalan",
        1.0,
        re.compile(
            r"\b(?:sisa|saldo|tinggal\s+berapa|masih\s+berapa|bulan\s+ini|bln\s+ini|tahun\s+ini|"
            r"bulan\s+(?:kemarin|lalu|depan)|kemarin|minggu\s+ini|hari\s+ini)\b",
            re.I,
        ),
    ),
    (
        "aplikasi kepegawaian",
        1.0,
        re.compile(
            r"\b(?:simpeg|siasn|my\s?asn|sapk|mysapk|e-?kinerja|e-?cuti|e-?presensi|e-?absen|"
            r"sipd|e-?office|simaster|e-?skp|sim-?asn|i-?mut|docu?-?digital|e-?tpp)\b",
            re.I,
        ),
    ),
    (
        "nilai data sendiri ditanyakan",
        1.0,
        re.compile(
            rf"\b{_RECORD_NOUN}(?:\s+{_WORD}){{0,3}}?\s+{_FIRST_PERSON}(?:\s+{_NOT_VALUE_OR_IF}{_WORD}){{0,5}}?"
            # "SK saya ... kapan mulai berlakunya": when a decision takes effect is the rule's answer
            # nor "syarat ... permohonan saya disetujui apa aja": a list of the rule's conditions
            rf"\s+(?:berapa|brp|apa|kapan|kpn)\b(?!\s+(?:mulai\s+)?(?:berlaku|berlakunya)\b)"
            r"(?!\s+(?:saja|aja|aj|sj)\b)|"
            rf"\bjatuh\s+tempo(?:nya)?\b",
            re.I,
        ),
    ),
]
_OWN_DATA = (
    "data milik penanya",
    "minta dicek tentang dirinya",
    "NIP/NIK disebut",
    "atas nama seseorang",
    "penanya di suatu daftar",
    "minta diurus untuk penanya",
)
_LOOKUP = (
    "minta diurus untuk penanya",
    "minta dicek / dilacak",
    "minta data diubah",
    "menanyakan status berkas",
    "nilai data sendiri ditanyakan",
)
# What makes a first-person question a question about a rule (lowers the personal score).
_RULE_FRAME = re.compile(
    r"\b(?:boleh|bolehkah|berhak|bisa\s*kah|bisakah|syarat(?:nya)?|aturan(?:nya)?|ketentuan(?:nya)?|"
    r"menurut(?!\s+(?:catatan|data|sistem|aplikasi|absen|absensi|presensi|simpeg|siasn|e-?kinerja))|"
    r"dasar\s+hukum(?:nya)?|bagaimana\s+cara|gimana\s+cara|prosedur(?:nya)?|pasal|peraturan|"
    r"regulasi|undang|apakah\s+(?:saya|sy|pns|asn|pppk)\s+(?:wajib|harus|dapat|bisa|boleh|berhak)|"
    r"maksimal|paling\s+lama|hukum(?:an)?nya|sanksi(?:nya)?|kalau|jika|apabila|seandainya|"
    # what follows from the asker's situation: "predikat saya Kurang, konsekuensinya apa?"
    r"konsekuensi(?:nya)?|akibat(?:nya)?|dampak(?:nya)?|"
    # what the rule makes of the asker's situation: "sisa cuti sy ilang gk?"
    r"hangus|hilang|ilang|batal|gugur|dihitung|diperhitungkan|berlakunya|mulai\s+berlaku)\b",
    re.I,
)
RULE_FRAME_WEIGHT = -1.5
# "aturannya berapa hari sih": the personal request also asks for the general rule
_ALSO_ASKS_RULE = re.compile(
    r"\b(?:aturan(?:nya)?|ketentuan(?:nya)?|menurut\s+(?:aturan|peraturan|pp|uu)|dasar\s+hukum(?:nya)?|"
    r"seharusnya|harusnya|normalnya|umumnya|berapa\s+(?:hari|lama)\s+(?:sih|sebenarnya|seharusnya))\b",
    re.I,
)

# Where a civil servant looks their own data up, by what the request is about.
_WHERE_TO_ASK: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"\bcuti\b", re.I),
        "aplikasi cuti di instansi Anda (mis. e-Cuti/SIASN) atau pengelola kepegawaian unit kerja",
    ),
    (
        re.compile(r"\b(?:gaji|slip|tpp|tukin|tunjangan|potongan|rekening|kgb)\b", re.I),
        "bendahara/pengelola keuangan satuan kerja Anda atau aplikasi penggajian instansi",
    ),
    (
        re.compile(r"\b(?:skp|kinerja|nilai|predikat|penilaian)\b", re.I),
        "atasan langsung Anda atau aplikasi e-Kinerja instansi Anda",
    ),
    (
        re.compile(
            r"\b(?:pangkat|golongan|mutasi|pensiun|sk|karpeg|nip|data|usulan|berkas)\b", re.I
        ),
        "BKPSDM/BKD instansi Anda, atau MyASN/SIASN BKN",
    ),
]


@dataclass
class Signal:
    name: str
    weight: float
    text: str  # the words that fired it


@dataclass
class Understanding:
    request: RequestClass
    answer_type: AnswerType
    signals: list[Signal] = field(default_factory=list)
    personal_score: float = 0.0
    also_asks_rule: bool = False
    where_to_ask: str = "pengelola kepegawaian di instansi Anda atau BKPSDM"
    read_as: str = (
        ""  # the corrected question the class was read from, when it was not the typed one
    )

    def trace(self) -> dict[str, object]:
        return {
            "kelas": self.request.value,
            "dibaca_sebagai": self.read_as or None,
            "jenis_jawaban": self.answer_type.value,
            "skor_data_pribadi": round(self.personal_score, 2),
            "ambang_data_pribadi": PERSONAL_THRESHOLD,
            "sinyal": [{"nama": s.name, "bobot": s.weight, "teks": s.text} for s in self.signals],
            "juga_menanyakan_aturan": self.also_asks_rule,
        }


_ANSWER_TYPES: list[tuple[AnswerType, re.Pattern[str]]] = [
    (
        AnswerType.PERCENT,
        re.compile(r"\b(?:berapa|brp)\s+(?:\w+\s+){0,2}(?:persen|%)|\bpersentase\b", re.I),
    ),
    (
        AnswerType.MONEY,
        re.compile(
            r"\b(?:berapa|brp)\s+(?:\w+\s+){0,3}?(?:rupiah|rp|duit|uang|nominal|besaran|tarif|biaya|"
            r"gaji|tunjangan|tpp|tukin|honor|uang\s+\w+)\b|\bjumlah\s+uang\b|"
            r"\b(?:gaji|tunjangan|tpp|tukin|honor(?:arium)?|uang\s+(?:harian|makan|lembur|saku|transport))"
            r"\s+(?:\w+\s+){0,5}?(?:berapa|brp)\b",
            re.I,
        ),
    ),
    (
        AnswerType.DURATION,
        re.compile(
            r"\b(?:berapa|brp)\s+(?:lama|hari|bulan|tahun|minggu|jam|kali)\b|\bberapa\s+lamanya\b|"
            r"\bpaling\s+(?:lama|singkat)\s+(?:berapa|brp)\b|\b(?:lama|lamanya|durasi|jangka\s+waktu)\s+"
            r"(?:\w+\s+){0,4}?(?:berapa|brp)\b|\bhow\s+(?:long|many\s+days)\b|"
            # "syarat dan lamanya gimana?": how long it lasts ("lama gimana" alone may be the old rule)
            r"\b(?:lamanya|durasinya|jangka\s+waktunya)\s+(?:\w+\s+){0,2}?(?:gimana|bagaimana|gmn)\b",
            re.I,
        ),
    ),
    (
        AnswerType.COUNT,
        re.compile(
            r"\b(?:berapa|brp)\s+(?:banyak|jumlah|orang|jenis|macam)\b|\bhow\s+many\b", re.I
        ),
    ),
    (
        AnswerType.TIME,
        re.compile(
            r"\b(?:kapan|tanggal\s+berapa|sejak\s+kapan|when|"
            r"(?:bulan|tanggal|hari|tahun)\s+(?:apa|berapa|brp))\b",  # "ditetapkan bulan apa"
            re.I,
        ),
    ),
    (
        AnswerType.ACTOR,  # "banding diajukan ke mana": to whom it goes
        re.compile(
            r"\b(?:siapa|pejabat\s+mana|instansi\s+mana|lembaga\s+mana|badan\s+mana|who|"
            r"(?:diajukan|ajukan|ngajuin|diajuin|banding|lapor|melapor|mengadu|ngadu)\s+(?:ke\s*mana|kmn))\b",
            re.I,
        ),
    ),
    (
        AnswerType.DEFINITION,
        re.compile(
            r"\b(?:apa\s+itu|apa\s+sih|apa\s+yang\s+dimaksud|yang\s+dimaksud|pengertian|definisi|"
            r"artinya|arti\s+dari|singkatan|kepanjangan|what\s+(?:exactly\s+)?is|what\s+does\s+\S+\s+mean|what\s+is\s+meant\s+by)\b",
            re.I,
        ),
    ),
    (
        AnswerType.LIST,
        re.compile(
            r"\b(?:(?:apa|mana)\s+(?:saja|aja|ajah|aj)|apa2|apa-apa|jenis-jenis|macam-macam|"
            r"what\s+are\s+the)\b",
            re.I,
        ),
    ),
    (
        AnswerType.PERMISSION,
        re.compile(
            r"\b(?:apakah|apa|apa\s+iya|emang|memang)?\s*(?:boleh|bolehkah|bisa|bisakah|dapat|dapatkah|"
            r"diperbolehkan|dibolehkan|dilarang|diizinkan|berhak|may|can|allowed)\b",
            re.I,
        ),
    ),
]
# A bare "berapa" with an amount-like subject is a count or amount; otherwise leave it open.
_BERAPA = re.compile(r"\b(?:berapa|brp)\b", re.I)


# An amount of money is asked when a money word and a "how much" word both occur ("gaji pokok
# golongan II/a masa kerja 0 tahun berapa?", "rumus hitung uang pensiun").
_MONEY_NOUN = re.compile(
    r"\b(?:gaji|tunjangan|tpp|tukin|honor(?:arium)?|uang|insentif|iuran|biaya|tarif|thr|rupiah|"
    r"sbm|pesangon|santunan|remunerasi)\b",
    re.I,
)
_HOW_MUCH = re.compile(
    r"\b(?:berapa|brp|besarnya|besaran|nominal|rumus|how\s+much)\b|"
    r"\b(?:cara|gimana|gmn|bagaimana)\s+(?:\w+\s+)?(?:hitung|menghitung|ngitung|dihitung|perhitungan)\b",
    re.I,
)


# "eselon berapa", "sampai golongan apa", "ujian dinas tingkat berapa": a grade ("eselon V",
# "IV/b", "tingkat I"), named, not counted
ASKS_GRADE = re.compile(
    r"\b(?:eselon|golongan|gol\.?|ruang|tingkat|tingkatan|jenjang)\s+(?:apa|berapa|brp)\b|"
    r"\b(?:sampai|sampe|mentok\s+di|hingga)\s+golongan\b",
    re.I,
)


# "diatur di pasal brp?", "PP nomor berapa?": a place or a name, answered by the citation
_ASKS_PLACE = re.compile(r"\b(?:pasal|ayat|nomor|no)\s+(?:berapa|brp|apa)\b", re.I)


def answer_type(question: str) -> AnswerType:
    """The kind of answer the question expects, from its question words."""
    if ASKS_GRADE.search(question) or _ASKS_PLACE.search(question):
        return AnswerType.OPEN
    for kind, pattern in _ANSWER_TYPES[:3]:  # percent, money, duration: the explicit forms
        if pattern.search(question):
            return kind
    if _MONEY_NOUN.search(question) and _HOW_MUCH.search(question):
        return AnswerType.MONEY
    for kind, pattern in _ANSWER_TYPES[3:]:
        if pattern.search(question):
            return kind
    if _BERAPA.search(question):
        return AnswerType.COUNT
    return AnswerType.OPEN


# "Kalau dua tahun berturut-turut predikat kinerja saya Sangat Baik, ada keuntungannya apa?": the
# asker supposes a value of their own and asks what the rules make of it, not what their record holds
_SUPPOSES = re.compile(
    r"\b(?:kalau|kalo|klo|jika|jikalau|apabila|seandainya|andaikan|misal(?:nya)?|umpama(?:nya)?|"
    r"if|suppose)\b[^.?!,;]*$",  # in the value's own clause: "Kalau mau cuti lagi, sisa cuti saya
    re.I,  # tinggal berapa?" states a condition, then looks the asker's balance up
)
_SUPPOSABLE = frozenset({"nilai data sendiri ditanyakan"})
# ... but "kalau boleh tahu", "kalau bisa", "jika berkenan", "kalau tidak salah" are courtesy or
# hedging, not a supposition ("Kalau boleh tahu, nilai SKP saya tahun lalu berapa?" looks it up)
_COURTESY = re.compile(
    r"\b(?:kalau|kalo|klo|jika|kl)\s+(?:boleh\s+(?:tahu|tau|tanya|nanya)|bisa|berkenan|sempat|"
    r"(?:tidak|gak|ga|nggak|ndak|tdk)\s+salah|ada\s+waktu)\b",
    re.I,
)


def _up_to_asker(m: re.Match[str]) -> str:
    """The question up to the asker's own word in a signal ("... predikat kinerja saya"): a
    supposition must reach it within one clause."""
    own = re.search(rf"\b{_FIRST_PERSON}\b", m.group(0), re.I)
    return m.string[: m.start() + (own.end() if own else 0)]


def personal_signals(question: str) -> tuple[float, list[Signal]]:
    signals: list[Signal] = []
    for name, weight, pattern in _PERSONAL_SIGNALS:
        m = pattern.search(question)
        supposed = (
            m and name in _SUPPOSABLE and _SUPPOSES.search(_COURTESY.sub(" ", _up_to_asker(m)))
        )
        if m and not supposed:
            signals.append(Signal(name, weight, m.group(0).strip()))
    score = sum(s.weight for s in signals)
    # a first-person question about a rule ("gaji saya dipotong, boleh?") is not a lookup; a request
    # to check or track something stays one even when it also asks for the rule
    if signals and not any(s.name in _LOOKUP for s in signals):
        m = _RULE_FRAME.search(question)
        if m:
            signals.append(Signal("kerangka pertanyaan aturan", RULE_FRAME_WEIGHT, m.group(0)))
            score += RULE_FRAME_WEIGHT
    return score, signals


def where_to_ask(question: str) -> str:
    for pattern, where in _WHERE_TO_ASK:
        if pattern.search(question):
            return where
    return "pengelola kepegawaian di instansi Anda atau BKPSDM"


def understand(question: str) -> Understanding:
    """Classify the request: injection, personal-record lookup, or a regulation question."""
    kind = answer_type(question)
    if is_injection(question):  # the signals name the family that fired (Mode Pelatihan, --trace)
        fired = [Signal(*signal) for signal in injection_signals(question)]
        return Understanding(RequestClass.INJECTION, kind, fired)
    score, signals = personal_signals(question)
    own_data = any(s.name in _OWN_DATA for s in signals)
    if score >= PERSONAL_THRESHOLD and own_data:
        return Understanding(
            RequestClass.PERSONAL_RECORD,
            kind,
            signals,
            score,
            also_asks_rule=bool(_ALSO_ASKS_RULE.search(question)),
            where_to_ask=where_to_ask(question),
        )
    return Understanding(RequestClass.REGULATION, kind, signals, score)


_PERSONAL_STRIP = re.compile(
    rf"(?<!\d)\d{{8}}\s?\d{{6}}\s?\d\s?\d{{3}}(?!\d)|(?<!\d)\d{{16}}(?!\d)|\bnip\b|"
    rf"\b(?:tolong|mohon|min|kak|pak|bu|dong|ya|yah|sih|nih|udah|sudah|sampai\s+mana|sampe\s+mana|"
    rf"cek|cekin|dicek|lihat(?:kan)?|carikan|lacak|sisa|saldo|punya(?:ku)?|{_FIRST_PERSON})\b",
    re.I,
)


def general_question(question: str) -> str:
    """The rule behind a personal request: 'cek sisa cuti saya, aturannya berapa hari' -> 'sisa cuti
    aturannya berapa hari'. Used to find the general rule to show beside the refusal."""
    text = _PERSONAL_STRIP.sub(" ", question)
    return re.sub(r"\s+", " ", text).strip(" ,.?!")


# Where a question asks a second thing: after a "?" that more text follows, or at "terus/lalu/dan"
# right before a question word ("udh bs ambil cuti taunan blm? trs jatahnya brp hr?", "bisa
# ditunda, dan berapa lama?"; not "pengangkatan, pemindahan, dan pemberhentian ... kepada siapa").
_QUESTION_WORD = (
    r"(?:berapa|brp|apa|apakah|kapan|kpn|gimana|gmn|bagaimana|siapa|mana|bolehkah|bisakah)"
)
_AFTER_YES_NO = "|".join(
    rf"(?<=\b{w})"
    for w in [
        "gak",
        "ga",
        "gk",
        "nggak",
        "ngga",
        "enggak",
        "engga",
        "tidak",
        "tdk",
        "ndak",
        "kah",
        "belum",
        "blm",
    ]
)
_PART_BREAK = re.compile(
    # "... maksimal berapa lama dan syarat masa kerjanya berapa tahun?": a second question after
    # "dan"/"terus", its question word within its first four words
    rf"\?+\s+(?=\S)|[,;]?\s+(?:trs|terus|trus|lalu|kemudian|dan|&)\s+"
    rf"(?=(?:\S+\s+){{0,3}}{_QUESTION_WORD}\b)|"
    # "dapat cuti melahirkan nggak, berapa lama?": a yes-or-no question, then a second one
    rf"(?:{_AFTER_YES_NO})[,;]\s+"
    rf"(?=(?:\S+\s+)?{_QUESTION_WORD}\b)|"
    # "masih dpt gaji gak, trs masa kerjanya dihitung gak?": a yes-or-no question, then another
    rf"(?:{_AFTER_YES_NO})[,;]?\s+(?:trs|terus|trus|lalu|terus\s+kalau|trs\s+klo)\s+",
    re.I,
)
# what makes a piece a question of its own
_ASKS = re.compile(
    rf"\b{_QUESTION_WORD}\b|\?|\b(?:gak|ga|gk|nggak|ngga|enggak|tidak|kah|blm|belum|boleh|"
    r"bisa|bs|perlu|wajib|harus)\b",
    re.I,
)
MAX_PARTS = 2
MIN_PART_WORDS = 2


_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+")


def story_and_question(question: str) -> tuple[str, str]:
    """A question told with its background, split into its statements (the asker's story) and
    its sentences ending in "?" (what it asks): ("sy baru lulus CPNS, penempatan di pulau
    terluar.", "emang ASN wajib ditempatkan di mana aja?"). ("", question) when it is not told
    that way (one sentence, or no statement, or no sentence asking)."""
    sentences = [x.strip() for x in _SENTENCE_BREAK.split(question.strip()) if x.strip()]
    asked = [x for x in sentences if x.endswith("?")]
    if len(sentences) < 2 or not asked or len(asked) == len(sentences):
        return "", question
    return " ".join(x for x in sentences if not x.endswith("?")), " ".join(asked)


def asked_parts(question: str) -> list[str]:
    """The questions a message asks, in order (at most MAX_PARTS; a message asking one thing is
    one part). A part that asks nothing ("Mohon infonya.") stays with the part before it."""
    parts: list[str] = []
    for piece in _PART_BREAK.split(question.strip()):
        piece = piece.strip(" ,;")
        if not piece:
            continue
        asks = _ASKS.search(piece) and len(piece.split()) >= MIN_PART_WORDS
        if parts and (not asks or not _ASKS.search(parts[-1])):  # context joins its question
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts[:MAX_PARTS] if len(parts) > 1 else [question]
