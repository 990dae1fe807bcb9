"""Two jobs at once: one in a forked child process, one here, on a machine with two cores or more.

The build's outputs are pure functions of the verified base, which a forked child already holds
(no copy, no pickling of the base), so half of them can be made beside the other half. Only the
child's result crosses back, pickled. Where a fork is unsafe or useless, both jobs run here, one
after the other, with the same results:
- no ``fork`` start method (Windows, and macOS where forking is unsafe);
- other threads running (``mkdocs serve``): a child gets copies of their locks, perhaps held;
- one usable core, or ``NQPF_JOBS=1`` in the environment.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import resource
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TypeVar

Here = TypeVar("Here")
Beside = TypeVar("Beside")


@dataclass(frozen=True)
class Ran:
    """How ``beside`` ran its jobs: whether a child ran one, and that child's CPU seconds."""

    forked: bool
    child_cpu_s: float = 0.0


def can_fork() -> bool:
    """Whether the second job can run in a forked child (see the module's docstring)."""
    if os.environ.get("NQPF_JOBS") == "1" or sys.platform != "linux":
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores > 1 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


class ChildFailed(RuntimeError):
    """The child raised something that cannot cross a pipe: its traceback, as text."""


def _run_and_send(job: Callable[[], object], sending: Connection) -> None:
    try:
        outcome: tuple[str, object] = ("returned", job())
    except BaseException as error:  # every failure goes back to the parent
        outcome = ("raised", error)
    try:
        sending.send(outcome)
    except (pickle.PicklingError, TypeError, AttributeError):  # it cannot cross: say what it was
        what = outcome[1]
        told = "".join(traceback.format_exception(what)) if isinstance(what, BaseException) else repr(type(what))
        sending.send(("raised", ChildFailed(f"the child's answer cannot be pickled:\n{told}")))
    finally:
        sending.close()


def _children_cpu_s() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def beside(
    here: Callable[[], Here], there: Callable[[], Beside], *, fork: bool | None = None
) -> tuple[Here, Beside, Ran]:
    """``here()`` in this process and ``there()`` in a forked child at the same time, when
    ``fork`` (by default, when ``can_fork()``); else both here. An exception of either is raised
    here, as it was raised; a child that dies without a word (killed, out of memory) is replaced
    by running ``there()`` here."""
    if not (can_fork() if fork is None else fork):
        return here(), there(), Ran(forked=False)
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    cpu_before = _children_cpu_s()
    child = context.Process(target=_run_and_send, args=(there, sending), name="nqpf-beside", daemon=True)
    child.start()
    sending.close()  # the child holds its own end: EOF here means it is gone
    try:
        first = here()
    except BaseException:
        child.kill()
        child.join()
        raise
    try:
        outcome, value = receiving.recv()
    except EOFError:  # the child died before it could answer
        child.join()
        return first, there(), Ran(forked=False)
    finally:
        receiving.close()
    child.join()
    if outcome == "raised":
        assert isinstance(value, BaseException)
        raise value
    return first, value, Ran(forked=True, child_cpu_s=_children_cpu_s() - cpu_before)
