"""``form4 batch --dask ADDRESS``: the same tasks on a Dask distributed cluster.

The client (this process) walks the inputs, keeps the ledger and writes every output, exactly
as a local run does; only :func:`~extractor.batch.worker.run_task` runs on the cluster's
workers.  The workers read the inputs from a path they share with the client (the default),
or get each input's bytes with its task (``--send-bytes``).  Each worker needs form4 installed
(the same version), and ``OMP_THREAD_LIMIT=1`` is set by the task itself.

A worker that dies mid-task loses nothing: the scheduler hands its tasks to another worker
(Dask's own retry); a task that has killed several workers comes back as ``KilledWorker``,
which is recorded as a failure of that input.  Each task's key is unique, and each result is
booked once by the client, so nothing is written twice.
"""

from __future__ import annotations

import uuid
from typing import Any

from extractor.batch.worker import Task, TaskResult, run_task


class DaskBackend:
    """Tasks submitted to the scheduler at ``address`` (``tcp://host:8786``), or to a
    :class:`distributed.Client` given instead."""

    def __init__(self, address: str | Any) -> None:
        from distributed import Client, as_completed

        self._own = isinstance(address, str)
        self.client: Client = (Client(address, set_as_default=False)
                               if isinstance(address, str) else address)
        threads = sum(self.client.nthreads().values()) or 1
        self.capacity = 2 * threads
        self._completed = as_completed(loop=self.client.loop)
        self._tasks: dict[str, Task] = {}

    def submit(self, task: Task) -> None:
        key = f"form4-{task.sha256[:16]}-{uuid.uuid4().hex}"  # unique: never taken as cached
        future = self.client.submit(run_task, task, key=key, pure=False, retries=0)
        self._tasks[str(future.key)] = task
        self._completed.add(future)

    def wait(self) -> list[tuple[Task, TaskResult | None]]:
        finished: list[tuple[Task, TaskResult | None]] = []
        for future in self._completed.next_batch(block=True):
            task = self._tasks.pop(str(future.key))
            try:
                finished.append((task, future.result()))
            except Exception as err:  # KilledWorker, or the worker could not run the task
                message = (str(err).splitlines() or [""])[0][:300]
                finished.append((task, TaskResult(
                    task.path, False, "bug",
                    f"the Dask cluster could not run it ({type(err).__name__}: {message})")))
            future.release()
        return finished

    def close(self, cancel: bool = False) -> None:
        if cancel and self._tasks:
            futures = list(self._completed.futures)
            self.client.cancel(futures)
        if self._own:
            self.client.close()
