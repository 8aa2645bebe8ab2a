"""``dyad serve`` as a user runs it: a real process, bound to 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.store.schema import MIGRATIONS
from tests.web_articles import build_store

PROC_TCP = Path("/proc/net/tcp")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening_addresses(port: int) -> set[str]:
    """The local IPv4 addresses (hex, as /proc/net/tcp writes them) listening on ``port``."""
    found = set()
    for line in PROC_TCP.read_text().splitlines()[1:]:
        fields = line.split()
        address, port_hex = fields[1].split(":")
        if int(port_hex, 16) == port and fields[3] == "0A":  # 0A: LISTEN
            found.add(address)
    return found


def test_serve_answers_on_127_0_0_1_only(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.db")
    port = _free_port()
    dyad = Path(sys.executable).parent / "dyad"
    proc = subprocess.Popen(
        [str(dyad), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/dyads", timeout=5) as r:
                    dyads = json.load(r)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert {(d["a"], d["b"]) for d in dyads} == {("BOL", "PER"), ("CHL", "PER")}
        if PROC_TCP.exists():
            assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1 and nothing else
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "read-only" in err and "Traceback" not in err


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no such database" in result.output and "Traceback" not in result.output


def test_serve_brings_an_older_database_to_the_current_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    conn.close()
    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(kw))
    result = CliRunner().invoke(cli, ["serve", "--db", str(old), "--port", "9"])
    assert result.exit_code == 0, result.output
    assert served == [
        {"host": "127.0.0.1", "port": 9, "log_level": "warning", "server_header": False}
    ]
    version = sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS)
