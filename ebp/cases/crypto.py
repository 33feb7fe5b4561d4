"""Passphrase encryption of one workspace's content: Fernet (AES-128-CBC with HMAC-SHA256, from the
``cryptography`` package) under a key derived from the passphrase by scrypt with a random salt per save.

Nothing is kept of the passphrase. A wrong passphrase and a tampered content give the same clear error:
Fernet's HMAC cannot tell them apart, and neither can anyone without the passphrase.
"""

from __future__ import annotations

import base64
import os

from ebp.errors import EbpError

SALT_BYTES = 16
# scrypt work factors: about 0.1 s and 32 MiB per derivation on a laptop, so guessing is slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class WrongPassphrase(EbpError):
    """The passphrase does not open this workspace (or its content was changed)."""


def derive_key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not passphrase:
        raise ValueError("a passphrase is needed to encrypt or open an encrypted workspace")
    raw = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))
    return base64.urlsafe_b64encode(raw)


def encrypt(data: bytes, passphrase: str) -> tuple[bytes, bytes]:
    """(salt, token) for ``data``.

    Example: ``decrypt(*reversed(encrypt(b"x", "pw")), "pw") == b"x"``
    """
    from cryptography.fernet import Fernet

    salt = os.urandom(SALT_BYTES)
    return salt, Fernet(derive_key(passphrase, salt)).encrypt(data)


def decrypt(token: bytes, salt: bytes, passphrase: str) -> bytes:
    from cryptography.fernet import Fernet, InvalidToken

    try:
        return Fernet(derive_key(passphrase, salt)).decrypt(token)
    except InvalidToken as exc:
        raise WrongPassphrase("wrong passphrase: this workspace cannot be opened with it") from exc
