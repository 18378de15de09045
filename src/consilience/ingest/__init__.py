"""Readers: files, folders, stdin -> ``RawDoc`` records (and ``Skipped`` for what is unreadable).

``read_inputs`` is the entry point the pipeline calls; ``read_bytes`` reads one input already in
memory (stdin, tests); ``to_article`` turns a record into an Article with its run id. The input
formats, skip codes and reasons are documented in docs/inputs.md.
"""

from __future__ import annotations

from .dispatch import read_bytes
from .files import read_inputs
from .ids import base_id, content_id, to_article

__all__ = ["base_id", "content_id", "read_bytes", "read_inputs", "to_article"]
