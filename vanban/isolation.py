"""Extraction in child processes, so that a file that crashes, exhausts memory or hangs
costs only itself.

Each worker is a long-lived child (reused across files, so small files stay fast) under
an address-space limit; the parent gives each file a time limit and replaces a worker
that died or was stopped. Results come back in input order, so the same batch always
loads the same way.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from vanban.settings import ExtractSettings

# (status, record JSON, error): a record travels as JSON, cheap to pickle.
Wire = tuple[str, str | None, str | None]
OUT_OF_MEMORY = "out of memory"
Job = Callable[[str, ExtractSettings], Wire]  # a module-level function (it is pickled)


def extract_in_child(path: str, settings: ExtractSettings) -> Wire:
    """One file, in the worker: the record as JSON, or the one-line reason."""
    from vanban.pipeline import extract_file

    result = extract_file(path, settings)
    payload = result.record.model_dump_json() if result.record is not None else None
    return result.status.value, payload, result.error


def _child_main(conn: Connection, memory_mb: int, job: Job) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory_mb:
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import vanban.pipeline  # noqa: F401  (the parsers once per worker)

    # Freezing the warmed heap keeps the collector from rescanning the models every file.
    gc.freeze()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        path, settings = request
        try:
            conn.send(job(path, settings))
        except MemoryError:
            # The heap may be left fragmented: answer, then let the parent start a fresh worker.
            conn.send(("failed", None, f"{OUT_OF_MEMORY} (limit {memory_mb} MB per file)"))
            return
        except Exception as exc:  # noqa: BLE001 - a bug outside the reader: this file only
            conn.send(("failed", None, f"internal error: {type(exc).__name__}: {exc}"))


@dataclass
class _Job:
    index: int
    path: str
    deadline: float


class _Worker:
    def __init__(self, ctx: mp.context.BaseContext, memory_mb: int, job: Job) -> None:
        self._ctx, self._memory_mb, self._job = ctx, memory_mb, job
        self.proc: mp.process.BaseProcess | None = None
        self.conn: Connection | None = None
        # The running job, then one queued: the worker reads the next file while the
        # parent loads the last one. A queued job's clock starts when the one before ends.
        self.jobs: deque[_Job] = deque()

    def submit(self, index: int, path: str, settings: ExtractSettings) -> None:
        if self.proc is None:
            self._start()
        assert self.conn is not None
        deadline = time.monotonic() + settings.timeout if not self.jobs else float("inf")
        self.jobs.append(_Job(index, path, deadline))
        # A worker that died since its last answer: wait() sees its pipe closed, and the
        # job goes back in line.
        with contextlib.suppress(OSError):
            self.conn.send((path, settings))

    def finish(self, timeout: float) -> _Job:
        """The running job is answered (or abandoned): the queued one starts its clock."""
        job = self.jobs.popleft()
        if self.jobs:
            self.jobs[0].deadline = time.monotonic() + timeout
        return job

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_child_main, args=(child, self._memory_mb, self._job),
                                 daemon=True)
        proc.start()
        child.close()
        self.proc, self.conn = proc, parent

    def collect(self) -> Wire:
        """The answer of a worker whose pipe is readable (an answer, or its death)."""
        assert self.conn is not None
        try:
            return self.conn.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError):
            return "failed", None, self._death()

    def _death(self) -> str:
        assert self.proc is not None
        self.proc.join(5)
        code = self.proc.exitcode
        self.stop()
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            return f"the reader crashed on this file ({name})"
        return f"the reader stopped on this file (exit code {code})"

    def stop(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        if self.conn is not None:
            self.conn.close()
        self.proc, self.conn = None, None

    def close(self) -> None:
        if self.conn is not None and self.proc is not None and self.proc.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.proc.join(2)
        self.stop()


def _context() -> mp.context.BaseContext:
    # fork is cheapest, but not safe once the parent runs threads (Dask, rich); the
    # forkserver starts workers from a clean process that has the parsers loaded.
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["vanban.pipeline"])
        return ctx
    return mp.get_context("spawn")


def extract_isolated(paths: Sequence[str], settings: ExtractSettings, *, workers: int = 1,
                     job: Job = extract_in_child) -> Iterator[Wire]:
    """The wire result of each path, in input order, each file in a worker process."""
    ctx = _context()
    pool = [_Worker(ctx, settings.memory_mb, job) for _ in range(max(1, workers))]
    pending = deque(enumerate(paths))
    done: dict[int, Wire] = {}
    next_out = 0
    try:
        while next_out < len(paths):
            for depth in (1, 2):  # first every worker busy, then one file queued on each
                for worker in pool:
                    if len(worker.jobs) < depth and pending:
                        index, path = pending.popleft()
                        worker.submit(index, path, settings)
            _wait_for_answers(pool, done, pending, settings.timeout)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for worker in pool:
            worker.close()


def _wait_for_answers(pool: list[_Worker], done: dict[int, Wire],
                      pending: deque[tuple[int, str]], timeout: float) -> None:
    busy = [w for w in pool if w.jobs]
    soonest = min(w.jobs[0].deadline for w in busy)
    ready = wait([w.conn for w in busy if w.conn is not None],
                 max(0.0, soonest - time.monotonic()))
    now = time.monotonic()
    for worker in busy:
        if worker.conn in ready:
            answer = worker.collect()
            died = worker.conn is None  # collect() found the worker dead
            done[worker.finish(timeout).index] = answer
            if answer[2] and answer[2].startswith(OUT_OF_MEMORY):
                worker.stop()  # it is exiting: the next file goes to a fresh one
                died = True
        elif now >= worker.jobs[0].deadline:
            worker.stop()
            done[worker.finish(timeout).index] = (
                "failed", None, f"took longer than {timeout:g} s: stopped")
            died = True
        else:
            continue
        if died:  # files queued on a dead worker go back to the front of the line
            pending.extendleft(reversed([(j.index, j.path) for j in worker.jobs]))
            worker.jobs.clear()
