"""Readers: files, folders, stdin -> ``RawDoc`` records (and ``Skipped`` for what is unreadable).

``read_inputs`` is the entry point the pipeline calls; ``read_bytes`` reads one input already in
memory (stdin, tests). The input formats, skip codes and reasons are documented in
docs/inputs.md.
"""

from __future__ import annotations

from .dispatch import read_bytes
from .files import read_inputs

__all__ = ["read_bytes", "read_inputs"]
