"""Ingest stage: recognise the input kind and turn bytes into words or lines for layout."""
