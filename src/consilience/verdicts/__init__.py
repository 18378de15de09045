"""Story-level verdicts: which reports are independent, what is established, what is disputed.

``judge(candidates, articles, sources)`` turns aligned claim candidates (see
``consilience.claims``) into the story's ``Claim`` records; ``independence`` finds which
articles copy or rewrite another.
"""

from __future__ import annotations

from .judge import judge

__all__ = ["judge"]
