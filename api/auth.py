"""API keys: ``ASISTEN_API_KEYS="key1:admin,key2:user"``; Bearer tokens compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from enum import StrEnum

from pydantic import SecretStr

from assistant.errors import ConfigError


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


@dataclass(frozen=True)
class Principal:
    role: Role
    key_index: (
        int | None
    )  # position of the key in the setting (never the key itself); None = no auth
    owner: str | None = None  # pseudonymous, stable id of the key (a hash prefix); None = no auth

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def scope(self) -> str | None:
        """Whose conversations this caller may see: its own owner id, or None for all of them
        (admins, and every caller when no keys are configured)."""
        return None if self.is_admin or self.owner is None else self.owner


def owner_id(key: bytes) -> str:
    """A stable pseudonym for a key: survives re-ordering the keys, reveals nothing about the key."""
    return hashlib.sha256(b"asisten-asn/owner/" + key).hexdigest()[:16]


ANONYMOUS_ADMIN = Principal(Role.ADMIN, None)
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{16,128}")  # the web chat's random per-browser id


class KeyRing:
    """The configured keys. Empty means: no authentication (localhost use only).

    `shared_key` (the workshop's participant key) is used by many people at once: its callers'
    conversations belong to the key *and* the browser's session id, so participants never see
    each other's questions."""

    def __init__(self, setting: SecretStr, shared_key: str | None = None) -> None:
        self._shared = shared_key.encode() if shared_key else None
        self._keys: list[tuple[bytes, Role]] = []
        for n, item in enumerate(setting.get_secret_value().split(","), 1):
            item = item.strip()
            if not item:
                continue
            key, _, role = item.rpartition(":") if ":" in item else (item, "", "user")
            if not key.strip() or role.strip() not in (Role.USER, Role.ADMIN):
                raise ConfigError(
                    f"ASISTEN_API_KEYS entri ke-{n} tidak valid: gunakan kunci:user atau kunci:admin"
                )
            self._keys.append((key.strip().encode(), Role(role.strip())))

    @property
    def enabled(self) -> bool:
        return bool(self._keys)

    def identify(self, token: str, session: str | None = None) -> Principal | None:
        """The principal for a token, or None. Every key is compared, so timing reveals nothing."""
        given = token.encode()
        found: Principal | None = None
        for i, (key, role) in enumerate(self._keys):
            if hmac.compare_digest(given, key) and found is None:
                found = Principal(role, i, self._owner(key, session))
        return found

    def _owner(self, key: bytes, session: str | None) -> str:
        shared = self._shared is not None and hmac.compare_digest(key, self._shared)
        if shared and session and SESSION_ID.fullmatch(session):
            return owner_id(key + b"/session/" + session.encode())
        return owner_id(key)


def bearer_token(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
