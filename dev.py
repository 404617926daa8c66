#!/usr/bin/env python3
"""Set up and run Lobby Referral Desk from a checkout: one command each for the app and the tests.

    python3 dev.py run  [main.py arguments]   start the application (embedded SQLite by default)
    python3 dev.py test [pytest arguments]    run the whole test suite
    python3 dev.py bench [bench.py arguments] run the benchmark
    python3 dev.py setup                      only create/refresh the virtual environment

The virtual environment lives in .venv and is (re)installed whenever setup.cfg
or pyproject.toml change; it needs nothing but Python 3.11+ and the network
to PyPI.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".lobbydesk-installed"


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _fingerprint() -> str:
    h = hashlib.sha256()
    for name in ("setup.cfg", "pyproject.toml"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def setup() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 the machine has
        sys.exit("Python 3.11 or newer is needed (python3 --version).")
    if not _python().exists():
        print("creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _fingerprint():
        print("installing Lobby Referral Desk and its test tools …", flush=True)
        subprocess.run([str(_python()), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(_python()), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(_fingerprint())
    return _python()


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command not in {"run", "test", "bench", "setup"}:
        print(__doc__)
        return 2
    python = setup()
    if command == "setup":
        return 0
    env = dict(os.environ)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "bench":
        return subprocess.call([str(python), str(ROOT / "bench" / "bench.py"), *rest], cwd=ROOT, env=env)
    return subprocess.call([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
