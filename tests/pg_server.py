"""A throwaway PostgreSQL server for the store tests, started and stopped by the test run.

Why a real server: SQLite forgives things PostgreSQL does not (types, NUL characters, lock
behaviour, transaction aborts after an error), so the same store tests run on both.

The cluster lives in a temporary folder (trust auth on 127.0.0.1, a free port, the unix socket
in the same folder). PostgreSQL refuses to run as root, so when the tests run as root, initdb and
pg_ctl run as the ``postgres`` user through ``runuser``. A missing server is an error, not a
skip: :class:`PostgresUnavailable` says what is missing.
"""
from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL binaries or the postgres user needed for the tests are missing."""


def find_bindir() -> Path:
    """Folder holding initdb and pg_ctl: ``pg_config --bindir``, else /usr/lib/postgresql/*/bin."""
    candidates: list[str] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                 timeout=10, check=True).stdout.strip()
            candidates.append(out)
        except (OSError, subprocess.SubprocessError):
            pass
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found; install the postgresql "
        "package (the Makefile does) to run the store tests on PostgreSQL.")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """One temporary cluster: ``start()``, ``create_database()``, ``restart()``, ``stop()``,
    ``resume()``, ``cleanup()``."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                self._user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PostgresUnavailable(
                    "Running as root needs a 'postgres' user to run the test server.") from exc
        self.tmp = Path(tempfile.mkdtemp(prefix="presslens-pg-"))
        self.data = self.tmp / "data"
        self.log = self.tmp / "server.log"
        self.port = _free_port()
        self._n = 0
        if self.as_root:
            os.chown(self.tmp, self._user.pw_uid, self._user.pw_gid)
            os.chmod(self.tmp, 0o700)

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}\n{log}")
        return done

    def start(self) -> "PostgresServer":
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8" if _has_c_utf8() else "--no-locale")
        self._start()
        atexit.register(self.cleanup)   # also when the test run ends without its fixtures
        return self

    def _start(self) -> None:
        options = (f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                  "-w", "-t", "60", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        """Start the cluster again after ``stop()``."""
        self._start()

    def restart(self) -> None:
        """Stop and start the cluster (every open connection is cut)."""
        self.stop()
        self._start()

    def cleanup(self) -> None:
        if not self.tmp.exists():
            return
        try:
            self.stop()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        self._n += 1
        name = f"presslens_test_{os.getpid()}_{self._n}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        for _ in range(3):
            try:
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except Exception:  # noqa: BLE001 - a busy database is dropped on the next try
                time.sleep(0.2)


def _has_c_utf8() -> bool:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return any(line.lower() in ("c.utf8", "c.utf-8") for line in out.split())
