"""Assemble a Form4 from what the layout stage located: one module per input kind."""
