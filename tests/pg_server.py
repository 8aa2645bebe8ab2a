"""A real PostgreSQL server for the tests: a throw-away cluster in a temporary folder on a free
local port (Debian's ``postgresql``; ``make test`` installs it where missing), or the server
``DYAD_TEST_PG_URL`` names. Nothing is mocked.

PostgreSQL refuses to run as root: when the tests run as root, ``initdb`` and ``pg_ctl`` run
as the ``postgres`` system user (created by the Debian package) in a folder it owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ENV_URL = "DYAD_TEST_PG_URL"


class NoPostgres(RuntimeError):
    """No PostgreSQL server can be started here."""


def find_bin(name: str) -> Path:
    """A PostgreSQL program: on PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return Path(found)
    versions = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not versions:
        raise NoPostgres(
            f"no {name}: install Debian's postgresql (`apt-get install -y postgresql`, "
            f"which `make test` does) or set {ENV_URL}"
        )
    return Path(versions[-1])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A running server: ``admin_url`` reaches its maintenance database."""

    admin_url: str
    folder: Path | None = None  # the cluster's folder when this process started it
    as_user: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)

    def new_database(self, prefix: str = "dyad_test") -> str:
        """A new empty database (UTF-8, byte-order text); returns its URL."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C' LC_CTYPE 'C'"
            )
        self.created.append(name)
        return self.admin_url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        if self.folder is None:  # a server we did not start: drop what we made
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                for name in self.created:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        data = self.folder / "data"
        subprocess.run(
            [*self.as_user, str(find_bin("pg_ctl")), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> PgServer:
    """The server of ``DYAD_TEST_PG_URL``, else a new cluster (stop it with ``.stop()``)."""
    url = os.environ.get(ENV_URL)
    if url:
        return PgServer(url)
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    folder = Path(tempfile.mkdtemp(prefix="dyad-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log = folder / "data", folder / "server.log"
    run = subprocess.run(
        [*as_user, str(initdb), "-D", str(data), "-U", "postgres", "--auth=trust",
         "--encoding=UTF8", "--no-locale", "--no-sync"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if run.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise NoPostgres(f"initdb failed: {run.stderr or run.stdout}")
    port = _free_port()
    # The tests kill dyad's processes, never the server: its own crash safety (fsync) is
    # PostgreSQL's business and only slows a throw-away cluster down.
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
    )
    run = subprocess.run(
        [*as_user, str(pg_ctl), "-D", str(data), "-o", options, "-l", str(log), "-w",
         "-t", "120", "start"],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    if run.returncode != 0:
        detail = log.read_text(errors="replace") if log.exists() else run.stderr
        shutil.rmtree(folder, ignore_errors=True)
        raise NoPostgres(f"pg_ctl start failed: {detail}")
    return PgServer(f"postgresql://postgres@127.0.0.1:{port}/postgres", folder, as_user)
