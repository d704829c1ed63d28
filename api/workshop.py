"""Workshop mode: one participant key and one trainer key for this run, a link and its QR code.

The keys live only in the memory of the running server (and of its workers' environment): they stop
working when the server stops.
"""

from __future__ import annotations

import io
import ipaddress
import secrets
import socket
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import segno
from pydantic import SecretStr

from assistant.config import Settings

TRAINER_PAGE = "pelatih.html"


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), or 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


@dataclass(frozen=True)
class Workshop:
    participant_key: str
    trainer_key: str
    base_url: str

    @classmethod
    def create(cls, shown_host: str, port: int) -> Workshop:
        return cls(
            participant_key=secrets.token_urlsafe(12),
            trainer_key=secrets.token_urlsafe(24),
            base_url=f"http://{shown_host}:{port}",
        )

    @property
    def participant_url(self) -> str:
        return f"{self.base_url}/?key={self.participant_key}"

    @property
    def trainer_url(self) -> str:
        return f"{self.base_url}/{TRAINER_PAGE}?key={self.trainer_key}"

    def apply(self, settings: Settings) -> Settings:
        """`settings` with both keys added to the configured ones, and the participant link."""
        configured = settings.api_keys.get_secret_value().strip().strip(",")
        keys = f"{self.trainer_key}:admin,{self.participant_key}:user"
        return settings.model_copy(
            update={
                "api_keys": SecretStr(f"{configured},{keys}" if configured else keys),
                "workshop_url": SecretStr(self.participant_url),
            }
        )


def participant_key(settings: Settings) -> str | None:
    """The participant key inside the workshop link, or None when this is not a workshop."""
    url = settings.workshop_url.get_secret_value()
    if not url:
        return None
    return parse_qs(urlsplit(url).query).get("key", [None])[0]


def qr_text(url: str) -> str:
    """The QR code of `url` drawn with block characters, for the terminal."""
    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()


def qr_svg(url: str) -> str:
    """The QR code of `url` as an inline SVG element, for the trainer page."""
    return segno.make(url, error="m").svg_inline(scale=8, border=2)
