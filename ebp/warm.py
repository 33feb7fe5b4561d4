"""The warm search process, seen from the command line: find it, ask it, start it, stop it.

Loading the model takes 10-15 s; a search with the model loaded takes a fraction of a second. So
``ebp search`` and ``ebp brief`` ask a background process (``ebp serve``, see ``ebp.serve``) that
keeps the model and the index open, and start one when none answers. It listens on a Unix-domain
socket that only this user can open (mode 0600, in the index folder, or in a private runtime folder
when that path is too long for a socket). The case text travels over that socket and nowhere else;
neither side logs it or writes it to disk. When the process is missing, still starting and fails,
belongs to another ebp version or model, or cannot answer, these functions return ``None`` and the
caller searches by itself, with the same output.

One message per connection, each way: a JSON object on one line.

This module is on the command line's path, so it imports only the standard library and settings.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ebp.config import Settings
from ebp.errors import EbpError

if TYPE_CHECKING:
    from ebp.answer import Request

PROTOCOL = 1
SOCKET_NAME = ".warm.sock"
LOCK_NAME = ".warm.lock"
START_WAIT_S = 20.0  # a process just started has this long to open its socket ...
REPLY_WAIT_S = 180.0  # ... and this long to answer (the first answer waits for the model to load)
STOP_WAIT_S = 5.0
MAX_MESSAGE = 256 << 20
SOCKET_PATH_MAX = 100  # bytes: Linux allows 107, macOS 103


def available() -> bool:
    """Whether this system has Unix-domain sockets (elsewhere every search runs in its own process)."""
    return os.name == "posix" and hasattr(socket, "AF_UNIX")


def socket_path(index_dir: Path) -> Path:
    """Where the warm process of ``index_dir`` listens: ``<index>/.warm.sock`` when that path is short
    enough for a socket, else a file named after the index in a private runtime folder."""
    index = index_dir.resolve()
    path = index / SOCKET_NAME
    if len(os.fsencode(path)) <= SOCKET_PATH_MAX:
        return path
    digest = hashlib.sha256(os.fsencode(index)).hexdigest()[:16]
    return _private_folder() / f"ebp-{digest}.sock"


def lock_path(index_dir: Path) -> Path:
    """The file the warm process of ``index_dir`` holds locked for as long as it runs."""
    return index_dir.resolve() / LOCK_NAME


def _private_folder() -> Path:
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    folder = Path(base) / f"ebp-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise OSError(f"{folder} is not a private folder of this user")
    return folder


def code_version() -> str:
    """A fingerprint of the installed ebp (its files' sizes and times): a process started before an
    update is of another version, and is replaced rather than asked."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(os.fsencode(package))
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".json", ".tsv"} and "__pycache__" not in path.parts:
            info = path.stat()
            digest.update(f"{path.relative_to(package)} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def settings_json(settings: Settings) -> dict[str, Any]:
    """The settings as JSON, for the process to search with the caller's own settings.
    PDF passwords stay out: a search never needs them."""
    out: dict[str, Any] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if f.name != "passwords":
            out[f.name] = str(value) if isinstance(value, Path) else value
    return out


def settings_from_json(data: dict[str, Any]) -> Settings:
    """``settings_json`` read back (a ``ValueError`` for values that do not fit)."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in data or f.name == "passwords":
            continue
        raw, default = data[f.name], getattr(defaults, f.name)
        if f.name == "evidence_hierarchy":
            values[f.name] = tuple((str(name), tuple(str(d) for d in designs)) for name, designs in raw)
        elif isinstance(default, Path):
            values[f.name] = Path(raw)
        elif not isinstance(raw, type(default)) and not (isinstance(default, float) and isinstance(raw, int)):
            raise ValueError(f"setting {f.name}: {raw!r} is not a {type(default).__name__}")
        else:
            values[f.name] = raw
    settings = replace(defaults, **values)
    settings.validate()
    return settings


def send(sock: socket.socket, message: dict[str, Any]) -> None:
    """One message: a JSON object on one line (JSON escapes the newlines inside strings)."""
    sock.sendall(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")


def receive(sock: socket.socket) -> dict[str, Any]:
    """The message on ``sock``; ``ValueError`` for anything that is not one JSON object."""
    chunks: list[bytes] = []
    size = 0
    while True:
        data = sock.recv(1 << 16)
        if not data:
            break
        end = data.find(b"\n")
        chunks.append(data if end < 0 else data[:end])
        size += len(data)
        if end >= 0:
            break
        if size > MAX_MESSAGE:
            raise ValueError("message too long")
    message = json.loads(b"".join(chunks).decode("utf-8")) if chunks else None
    if not isinstance(message, dict):
        raise ValueError("not a message")
    return message


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end of ``sock`` (Linux), or None where the system does not say."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    _, uid, _ = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i")))
    return int(uid)


def exchange(path: Path, message: dict[str, Any], wait: float = REPLY_WAIT_S) -> dict[str, Any] | None:
    """Send ``message`` to the process listening at ``path``; its reply, or None when none answers."""
    try:
        info = path.lstat()
        if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.getuid():
            return None  # not a socket of this user's: never send it a case
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(wait)
            sock.connect(str(path))
            if peer_uid(sock) not in (None, os.getuid()):
                return None  # the socket file was swapped for another user's
            send(sock, message)
            return receive(sock)
    except (OSError, ValueError):
        return None


def search(request: Request, settings: Settings, start: bool) -> str | None:
    """The text the warm process prints for ``request``, or None: then the caller searches by itself.

    ``start``: start a process when none answers, or when the one answering is of another ebp version
    or model (it is stopped first). Errors the process reports (an ``EbpError``, or a ``ValueError``
    for exit code 2) are raised here, as the search in this process would have raised them.
    """
    if not available():
        return None
    try:
        path = socket_path(settings.index_dir)
    except OSError:
        return None
    message = {
        "op": "search",
        "protocol": PROTOCOL,
        "version": code_version(),
        "model": settings.model,
        "index": str(settings.index_dir.resolve()),
        "settings": settings_json(settings),
        "request": request.as_json(),
    }
    reply = exchange(path, message)
    if start and (reply is None or reply.get("status") == "mismatch"):
        if reply is not None:
            stop(settings.index_dir)
        reply = _start_and_ask(settings, path, message)
    if reply is None:
        return None
    if reply.get("status") == "ok" and isinstance(reply.get("out"), str):
        return str(reply["out"])
    if reply.get("status") == "error":
        error = EbpError if reply.get("code") == 1 else ValueError
        raise error(str(reply.get("message", "")))
    return None


def _start_and_ask(settings: Settings, path: Path, message: dict[str, Any]) -> dict[str, Any] | None:
    process = start(settings)
    if process is None:
        return None
    deadline = time.monotonic() + START_WAIT_S
    while time.monotonic() < deadline:
        reply = exchange(path, message)
        if reply is not None:
            return reply
        if process.poll() not in (None, 0):  # 0: another process took the lock first; wait for its socket
            return None
        time.sleep(0.05)
    return None


def start(settings: Settings) -> subprocess.Popen[bytes] | None:
    """Start ``ebp serve`` for this index in the background, detached from the terminal (its output
    goes nowhere: it has nothing to say, and must not write cases anywhere)."""
    command = [sys.executable, "-m", "ebp", "serve", "--index", str(settings.index_dir.resolve())]
    command += ["--model", settings.model]
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return None


def status(index_dir: Path) -> dict[str, Any] | None:
    """What the warm process of ``index_dir`` says about itself, or None when none runs."""
    if not available():
        return None
    try:
        return exchange(socket_path(index_dir), {"op": "status", "protocol": PROTOCOL}, wait=STOP_WAIT_S)
    except OSError:
        return None


def stop(index_dir: Path) -> bool:
    """Ask the warm process of ``index_dir`` to exit and wait until it has; False when none ran."""
    if not available():
        return False
    try:
        path = socket_path(index_dir)
    except OSError:
        return False
    if exchange(path, {"op": "stop", "protocol": PROTOCOL}, wait=STOP_WAIT_S) is None:
        return False
    deadline = time.monotonic() + STOP_WAIT_S
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return True
