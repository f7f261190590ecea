"""Helpers the tests share with the benchmark: seeded scans (:mod:`scan`), filing variants
(:mod:`variants`), damaged text dumps (:mod:`text_dumps`) and the field-by-field comparison
(:mod:`compare`).  bench/ imports them from here; the tests never import bench/."""
