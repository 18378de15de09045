"""The spaCy parser the clauses are cut with."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..settings import DEFAULT_SPACY_MODEL

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    # A rule of ``RulerMatches``: its number and the tests of each token of one of its patterns
    Rule = tuple[int, list[list[Callable[[Token], bool]]]]


@lru_cache(maxsize=2)
def load_parser(model_name: str = DEFAULT_SPACY_MODEL) -> Language | None:
    """Return the spaCy model ``model_name`` (a run passes ``Settings.spacy_model``) with its
    tagger, parser and lemmatizer (no NER), or None when it is not installed (the timeline then
    uses whole sentences)."""
    import spacy

    try:
        nlp = spacy.load(model_name, exclude=["ner"])
    except OSError:
        return None
    if "attribute_ruler" in nlp.pipe_names:
        RulerMatches.install(nlp.get_pipe("attribute_ruler"))
    return nlp


# A token's attribute as the attribute ruler's patterns name it.
_ATTRS: dict[str, Callable[[Token], object]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


def _test(attr: str, value: object) -> Callable[[Token], bool] | None:
    """A test of one token for one attribute of a pattern (a value, IN, NOT_IN or REGEX, as
    spaCy's Matcher reads them); None for anything else."""
    get = _ATTRS.get(attr)
    if get is None:
        return None
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        ((op, arg),) = value.items()
        if op == "IN" and isinstance(arg, list):
            among = frozenset(arg)
            return lambda t: get(t) in among
        if op == "NOT_IN" and isinstance(arg, list):
            outside = frozenset(arg)
            return lambda t: get(t) not in outside
        if op == "REGEX" and isinstance(arg, str) and attr != "IS_SPACE":
            search = re.compile(arg).search
            return lambda t: search(str(get(t))) is not None
        return None
    if isinstance(value, bool) != (attr == "IS_SPACE") or not isinstance(value, str | bool):
        return None
    return lambda t: get(t) == value


class RulerMatches:
    """The matches of spaCy's attribute ruler (the part of speech, features and some lemmas
    from each fine tag and word), found by dictionary lookups on each token's tag and word
    instead of its Matcher, which cost about a quarter of the timeline's parse (1.0 of 4.3 CPU
    s over 2,000 sentences of the bench's news). The same matches in the same order
    (``AttributeRuler.match``: by rule, then by position), which the ruler applies as before;
    a ruler with a pattern this does not read (another attribute, an operator) keeps its
    Matcher."""

    def __init__(self, ruler: Any) -> None:
        # each pattern by the tag or the word its first token must have (None: any token):
        # (rule, the tests of each of its tokens, but the one looked up)
        self.by_tag: dict[str, list[Rule]] = {}
        self.by_word: dict[str, list[Rule]] = {}
        self.anywhere: list[Rule] = []
        self.ids: list[int] = []
        for rule, entry in enumerate(ruler.patterns):
            self.ids.append(ruler.vocab.strings[str(rule)])
            for pattern in entry["patterns"]:
                if not pattern or not all(isinstance(spec, dict) for spec in pattern):
                    raise ValueError(f"pattern not read here: {pattern!r}")
                first = pattern[0]
                index, keys = self._keys(first)
                tests: list[list[Callable[[Token], bool]]] = []
                for n, spec in enumerate(pattern):
                    checks = []
                    for attr, value in spec.items():
                        if n == 0 and attr == index:
                            continue  # looked up
                        test = _test(attr, value)
                        if test is None:
                            raise ValueError(f"pattern not read here: {pattern!r}")
                        checks.append(test)
                    tests.append(checks)
                if index is None:
                    self.anywhere.append((rule, tests))
                table = self.by_tag if index == "TAG" else self.by_word
                for key in keys:
                    table.setdefault(key, []).append((rule, tests))

    @staticmethod
    def _keys(spec: dict) -> tuple[str | None, list[str]]:
        """The attribute of a pattern's first token to look it up by (its word, else its tag,
        when it names one or a list) and the values that match; (None, []) for none."""
        for attr in ("LOWER", "TAG"):
            value = spec.get(attr)
            if isinstance(value, str):
                return attr, [value]
            if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
                if all(isinstance(v, str) for v in value["IN"]):
                    return attr, list(dict.fromkeys(value["IN"]))
        return None, []

    @classmethod
    def install(cls, ruler: Any) -> None:
        """Find ``ruler``'s matches this way from now on, unless a pattern is not read here."""
        try:
            fast = cls(ruler)
        except (ValueError, KeyError, TypeError, AttributeError):
            return
        ruler.match = fast.match

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule, its id, start, end) of every match in ``doc``, sorted."""
        found: list[tuple[int, int, int, int]] = []
        by_tag, by_word, anywhere, ids = self.by_tag, self.by_word, self.anywhere, self.ids
        size = len(doc)
        for token in doc:
            i = token.i
            for rules in (by_tag.get(token.tag_), by_word.get(token.lower_), anywhere):
                if not rules:
                    continue
                for rule, tests in rules:
                    width = len(tests)
                    if i + width > size:
                        continue
                    if all(test(token) for test in tests[0]) and (
                        width == 1
                        or all(all(test(doc[i + k]) for test in tests[k]) for k in range(1, width))
                    ):
                        found.append((rule, ids[rule], i, i + width))
        found.sort()
        return found


# The parses of the last articles' dated sentences, by model and sentences: a copy of an article
# (a wire story run by several outlets, a repost) is parsed once per process.
_PARSED: OrderedDict[tuple[int, tuple[str, ...]], list[Doc]] = OrderedDict()
PARSED_KEPT = 512


def parse_sentences(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    """The Docs of ``texts`` (one article's dated sentences), parsed in one batch by ``nlp``;
    the same sentences given again are not parsed again: the Docs of that batch are returned
    (the same parse, as spaCy gives the same Docs for the same batch)."""
    key = (id(nlp), tuple(texts))
    docs = _PARSED.get(key)
    if docs is None:
        docs = list(nlp.pipe(texts))
        _PARSED[key] = docs
        if len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)
    else:
        _PARSED.move_to_end(key)
    return docs
