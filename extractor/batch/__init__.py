"""Batch conversion: many inputs, all cores (or a Dask cluster), a ledger so nothing is lost.

``form4 batch IN... -o OUTDIR`` is :func:`extractor.batch.runner.run_batch`:

* :mod:`~extractor.batch.inputs` finds the inputs and names their outputs (the input tree
  mirrored under OUTDIR, so no two inputs collide);
* :mod:`~extractor.batch.ledger` records every input by content hash in
  ``OUTDIR/form4-ledger.sqlite``;
* :mod:`~extractor.batch.worker` is the task run for one document, in a worker process;
* :mod:`~extractor.batch.runner` hands tasks to a local process pool, or
  :mod:`~extractor.batch.dask_runner` to a Dask cluster, and writes what comes back;
* :mod:`~extractor.batch.tables` and :mod:`~extractor.batch.combined` make the analysts'
  tables (JSON Lines, CSV, Parquet);
* :mod:`~extractor.batch.progress` shows a live bar, or plain lines, and the summary.
"""
