"""The SQLite write gate is first come, first served, and argon2 yields the CPU (docs/saving.md "Retry").

Issue 10: with 16 people signing in (argon2id on 2 cores) and 8 workstations saving,
saves were refused as busy: a writer that had just let go of the gate took it straight
back while the waiters it woke were not yet running.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from services import accounts
from services.db import WriteGate

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the gate is POSIX only")


def _tickets(gate: WriteGate) -> int:
    raw = gate.path.read_bytes()[:8] if gate.path.exists() else b""
    return int.from_bytes(raw, "little") if len(raw) == 8 else 0


def _queue_behind(gate: WriteGate, order: list[str], name: str, done: threading.Event) -> threading.Thread:
    """A writer that queues now (its ticket is taken before this returns) and records when it gets in."""
    before = _tickets(gate)

    def run() -> None:
        fd = gate.acquire(30.0)
        assert fd is not None
        order.append(name)
        gate.release(fd)
        done.set()

    t = threading.Thread(target=run)
    t.start()
    deadline = time.monotonic() + 10
    while _tickets(gate) == before and time.monotonic() < deadline:
        time.sleep(0.001)
    return t


def test_a_writer_that_lets_go_does_not_take_the_gate_back_before_those_waiting(tmp_path: Path) -> None:
    gate = WriteGate(tmp_path / "branch.sqlite3")
    first = gate.acquire(1.0)
    assert first is not None
    order: list[str] = []
    waited = threading.Event()
    waiter = _queue_behind(gate, order, "waiter", waited)
    # The holder saves in a loop: it lets go and at once wants the gate again.
    gate.release(first)
    again = gate.acquire(5.0)
    assert again is not None
    order.append("holder again")
    gate.release(again)
    waiter.join(10)
    assert order == ["waiter", "holder again"]


def test_waiters_get_the_gate_in_the_order_they_came(tmp_path: Path) -> None:
    gate = WriteGate(tmp_path / "branch.sqlite3")
    held = gate.acquire(1.0)
    assert held is not None
    order: list[str] = []
    threads = [_queue_behind(gate, order, f"w{i}", threading.Event()) for i in range(6)]
    gate.release(held)
    for t in threads:
        t.join(10)
    assert order == [f"w{i}" for i in range(6)]


def test_a_waiter_that_gave_up_does_not_hold_up_those_behind_it(tmp_path: Path) -> None:
    gate = WriteGate(tmp_path / "branch.sqlite3")
    held = gate.acquire(1.0)
    assert held is not None
    assert gate.acquire(0.05) is None  # gave up: its place in the queue is let go when reached
    order: list[str] = []
    behind = _queue_behind(gate, order, "behind", threading.Event())
    gate.release(held)
    behind.join(10)
    assert order == ["behind"]


def test_a_holder_that_dies_lets_the_next_in(tmp_path: Path) -> None:
    gate = WriteGate(tmp_path / "branch.sqlite3")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        if gate.acquire(1.0) is None:
            os._exit(1)
        time.sleep(30)
        os._exit(0)
    try:
        deadline = time.monotonic() + 10
        while _tickets(gate) == 0 and time.monotonic() < deadline:
            time.sleep(0.001)
        assert gate.acquire(0.1) is None  # the child holds it
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        fd = gate.acquire(5.0)
        assert fd is not None
        gate.release(fd)
    finally:
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread nice values are Linux's")
def test_argon2_work_runs_at_a_lower_cpu_priority_than_its_caller() -> None:
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    if mine >= 19:
        pytest.skip("already at the lowest priority")
    seen = accounts._yielding(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
    assert seen == min(19, mine + accounts.HASH_NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine  # the caller is unchanged


def test_argon2_failures_reach_the_caller() -> None:
    def boom() -> int:
        raise ValueError("bad hash")

    with pytest.raises(ValueError, match="bad hash"):
        accounts._yielding(boom)
