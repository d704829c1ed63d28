"""`asisten serve`: run the API and the web chat with uvicorn (safe by default on a network)."""

from __future__ import annotations

import os
import sys

import uvicorn
from fastapi import FastAPI

from api.app import create_app
from api.auth import KeyRing
from api.workshop import Workshop, is_loopback, lan_address, qr_text
from assistant.config import Settings
from assistant.errors import ConfigError

NO_KEYS_WARNING = (
    "PERINGATAN: berjalan tanpa kunci API, hanya untuk localhost. "
    "Isi ASISTEN_API_KEYS (mis. 'kunci1:admin,kunci2:user') sebelum membuka akses jaringan."
)
NO_KEYS_ON_NETWORK = (
    "Menolak mendengarkan di {host} tanpa kunci API: setiap orang di jaringan akan menjadi admin "
    "(bisa mengindeks ulang dan membaca log audit serta pertanyaan semua orang).\n"
    "Pilih salah satu:\n"
    "  1. Isi kunci, mis.: export ASISTEN_API_KEYS='kunci-rahasia-admin:admin,kunci-peserta:user'\n"
    "     lalu jalankan lagi: asisten serve --host {host}\n"
    "  2. Untuk pelatihan: asisten serve --workshop (kunci peserta dan pelatih dibuat otomatis)\n"
    "  3. Hanya di komputer ini: asisten serve (mendengarkan di 127.0.0.1)"
)
WORKSHOP_BANNER = """
=== Mode lokakarya Asisten ASN ===
Peserta: pindai kode QR ini atau buka tautan berikut di ponsel/laptop (jaringan yang sama):
{participant_url}

{qr}
Halaman pelatih (kunci admin, JANGAN dibagikan): {trainer_url}
Kedua kunci hanya berlaku selama server ini berjalan.
"""

QR_ON_TRAINER_PAGE = (
    "(terminal ini tidak dapat menggambar kode QR: buka halaman pelatih di bawah)\n"
)


def url_for(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def check_bind(settings: Settings, host: str) -> None:
    """Refuse a non-loopback address when no API keys are set (every caller would be admin)."""
    if not is_loopback(host) and not KeyRing(settings.api_keys).enabled:
        raise ConfigError(NO_KEYS_ON_NETWORK.format(host=host or "0.0.0.0"))


def start_workshop(settings: Settings, host: str, port: int) -> tuple[Settings, str]:
    """Keys for this run, printed with the participant QR code; returns (settings, listen host)."""
    listen = "0.0.0.0" if is_loopback(host) else host
    shown = lan_address() if listen in ("0.0.0.0", "::", "") else host
    workshop = Workshop.create(f"[{shown}]" if ":" in shown else shown, port)
    links = {"participant_url": workshop.participant_url, "trainer_url": workshop.trainer_url}
    try:
        print(WORKSHOP_BANNER.format(qr=qr_text(workshop.participant_url), **links), flush=True)
    except UnicodeEncodeError:  # a terminal without block characters: the QR is on the trainer page
        print(WORKSHOP_BANNER.format(qr=QR_ON_TRAINER_PAGE, **links), flush=True)
    return workshop.apply(settings), listen


def worker_app() -> FastAPI:
    """App factory for uvicorn worker processes: settings from the environment `run` prepared.

    Each worker builds its own app, so the models are loaded once per worker (in its lifespan)."""
    return create_app(Settings())


def _export_for_workers(settings: Settings) -> None:
    """Worker processes re-read the settings from the environment: hand them this run's keys."""
    os.environ["ASISTEN_API_KEYS"] = settings.api_keys.get_secret_value()
    os.environ["ASISTEN_WORKSHOP_URL"] = settings.workshop_url.get_secret_value()


def run(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    workshop: bool = False,
    workers: int = 1,
) -> None:
    """Check the bind address, then serve (raises ConfigError before listening when unsafe)."""
    if workshop:
        settings, host = start_workshop(settings, host, port)
    check_bind(settings, host)
    app = create_app(settings)  # a malformed setting fails here, before any worker starts
    if not KeyRing(settings.api_keys).enabled:
        print(NO_KEYS_WARNING, file=sys.stderr)
    url = url_for(host, port)
    print(f"Asisten ASN: {url}  (dokumentasi API: {url}/docs)", flush=True)
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="info")
        return
    _export_for_workers(settings)
    uvicorn.run(
        "api.server:worker_app",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        timeout_graceful_shutdown=30,
    )
