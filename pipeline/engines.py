"""Where a batch runs: local worker processes, or a Dask cluster.

Both engines run the same pure task, `pipeline.batch.process`, so both give
byte-identical records. An engine only submits tasks; `stream` keeps a bounded
number of files in flight, enforces the time limit and yields results.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, CancelledError, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.batch import BatchSettings, FileResult, Progress, failed, process, timed_out
from pipeline.discover import Job
from pipeline.resources import DEFAULT_RESOURCES, Resources

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from models import PlanRecord
    from pipeline.errors import PlanError
    from pipeline.limits import Limits

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"
# How often `stream` looks at the clock when no result arrives (for engines that cannot kill).
POLL_SECONDS = 0.5


class Engine(Protocol):
    """Runs `process` for one job at a time somewhere, returning a future."""

    slots: int
    """How many files to keep in flight: the number of parallel workers."""
    kills_overdue: bool
    """Whether the engine itself ends a task that exceeds the time limit."""

    def submit(self, job: Job, settings: BatchSettings) -> Future[FileResult]: ...

    def close(self) -> None: ...


def warm_up(resources: Resources = DEFAULT_RESOURCES) -> None:
    """Build the spaCy pipeline of a worker process, with the batch's reference data, before its first plan."""
    from pipeline.nlp import build_nlp

    build_nlp(resources)
    keep_out_of_collections()


def keep_out_of_collections() -> None:
    """Exempt everything built so far (pipeline, word lists) from the garbage collector's full passes.

    The reference data lives as long as the worker, yet a full collection walks all of it: about
    70 ms, once every few plans a worker has not seen before. Frozen objects are never freed,
    so call this only once what exists will be needed until the process ends.
    """
    gc.freeze()


def worker_context() -> BaseContext:
    """Start workers from a clean server process that has built the spaCy pipeline once.

    Forking the caller directly is unsafe when it runs threads (Dask, progress
    bars); spawning from scratch pays seconds of spaCy start-up in every worker,
    again after each worker killed for a time-out.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.batch", "pipeline.compose", "pipeline.warm"])
    return context


class LocalEngine:
    """Worker processes on this machine; a file over the time limit has its worker killed."""

    kills_overdue = True

    def __init__(self, workers: int, resources: Resources = DEFAULT_RESOURCES) -> None:
        from pebble import ProcessPool

        self.slots = max(1, workers)
        self._pool = ProcessPool(
            max_workers=self.slots, initializer=warm_up, initargs=(resources,), context=worker_context()
        )

    def submit(self, job: Job, settings: BatchSettings) -> Future[FileResult]:
        """Schedule `job` on a free worker process."""
        future: Future[FileResult] = self._pool.schedule(
            process, (job, settings), timeout=settings.timeout
        )
        return future

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.stop()
        self._pool.join()


class DaskEngine:
    """A Dask cluster: the one at `address`, else a LocalCluster of `workers` processes.

    Dask cannot kill a running task, so a file over the time limit is abandoned:
    it is recorded as timed out and its result ignored when it arrives.
    """

    kills_overdue = False

    def __init__(
        self, address: str | None = None, workers: int = 1, processes: bool = True
    ) -> None:
        from distributed import Client, LocalCluster

        address = address or os.environ.get(SCHEDULER_VARIABLE) or None
        self._cluster = None
        if address is None:
            self._cluster = LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            self._client = Client(self._cluster)
        else:
            self._client = Client(address)
        self.slots = max(1, sum(self._client.nthreads().values()))
        self._executor = self._client.get_executor(pure=False)

    def submit(self, job: Job, settings: BatchSettings) -> Future[FileResult]:
        """Send `job` to the cluster."""
        future: Future[FileResult] = self._executor.submit(process, job, settings)
        return future

    def close(self) -> None:
        """Disconnect, and shut down the cluster if this engine started it."""
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(
    name: str, workers: int, scheduler: str | None = None, resources: Resources = DEFAULT_RESOURCES
) -> Engine:
    """The engine called `name` ("local" or "dask"); local workers build their pipeline with `resources`."""
    if name == "dask":
        # Dask workers build theirs with the first plan: the files must be readable there too.
        return DaskEngine(scheduler, workers)
    return LocalEngine(workers, resources)


def stream(
    engine: Engine, jobs: Iterable[Job], settings: BatchSettings, progress: Progress
) -> Generator[FileResult, None, None]:
    """Run `jobs` on `engine`, a bounded number at a time, yielding results as they finish."""
    pending = deque(jobs)
    flight: dict[Future[FileResult], tuple[Job, float]] = {}
    try:
        while pending or flight:
            while pending and len(flight) < engine.slots:
                job = pending.popleft()
                flight[engine.submit(job, settings)] = (job, time.monotonic())
                progress.started(job)
            poll = None if engine.kills_overdue or not settings.timeout else min(POLL_SECONDS, settings.timeout)
            done, _ = wait(flight, timeout=poll, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda future: flight[future][1]):
                job, _ = flight.pop(future)
                yield settle(job, future, settings)
            if not engine.kills_overdue and settings.timeout:
                yield from _abandon_overdue(flight, settings.timeout)
    finally:
        # Reached early when the failure policy stops the batch or on Ctrl-C.
        for future in flight:
            future.cancel()


def _abandon_overdue(
    flight: dict[Future[FileResult], tuple[Job, float]], timeout: float
) -> Iterator[FileResult]:
    now = time.monotonic()
    for future, (job, submitted) in list(flight.items()):
        if now - submitted > timeout:
            del flight[future]
            future.cancel()
            yield timed_out(job, timeout)


def settle(job: Job, future: Future[FileResult], settings: BatchSettings) -> FileResult:
    """The result of a finished task, or a failure when the engine lost it."""
    try:
        return future.result()
    except FutureTimeout:
        return timed_out(job, settings.timeout)
    except CancelledError as error:
        return failed(job, error)
    except Exception as error:  # a worker died or a task could not be sent
        return failed(job, error, error.__traceback__)


def extract_in_pool(
    paths: Iterable[Any], limits: Limits, workers: int, resources: Resources = DEFAULT_RESOURCES
) -> Iterator[PlanRecord | PlanError]:
    """Extract `paths` in `workers` processes, yielding records or errors in input order."""
    from pebble import ProcessPool

    task = partial(_extract_or_error, limits=limits, resources=resources)
    with ProcessPool(
        max_workers=workers, initializer=warm_up, initargs=(resources,), context=worker_context()
    ) as pool:
        yield from pool.map(task, paths, chunksize=1).result()


def _extract_or_error(path: Any, limits: Limits, resources: Resources) -> PlanRecord | PlanError:
    from pipeline.compose import extract
    from pipeline.errors import PlanError

    try:
        return extract(path, limits, resources)
    except PlanError as error:
        return error
