"""Per-article warnings: signals a reader should weigh, each with the evidence that raised it.

``article_flags(articles, sources)`` returns, for every article of a story, its flags
(``model.Flag``: kind, detail, spans into the article's cleaned text, related article ids). A
flag is a signal with its evidence, never a verdict on an outlet. Kinds:

* ``copy`` / ``rewrite``: the article republishes / paraphrases another article of the set (from
  the story's Sources); spans are the copied stretches or the sentences whose facts align;
  ``related`` names the article it was taken from (then the origin, when that is another one).
* ``machine_translation``: traces of automatic translation in an English text, scored (weights
  in ``FlagParams``): function words of French, Italian, Spanish, Portuguese or German left
  before an English word ("Le volunteers", "fu the"), numbers in a continental format ("12.000
  people", "6,4 metres"), French spacing before ``! ? ; :``, "this Saturday" for a day already
  past (a calque of "ce samedi" / "questo sabato"), "the" before a country that takes none,
  a place name left in another language and lower-cased, a name spelled with foreign
  diacritics where the article spells it otherwise too, sentences in another language.
* ``unsupported_content``: a section (a block introduced by a heading, or the whole text) that
  the story's other independent reports barely carry (share of its words, names and figures
  found in them), large enough (``unsupported_share`` of the article or
  ``unsupported_sentences``), with signs of padding: a dialogue of speaker labels, answers cut
  off mid-sentence, stock filler ("stay tuned"), an expert no other report names.
* ``low_quality``: typing and editing errors per 1,000 words: spaces missing after punctuation
  (as repaired by cleaning, or left), sentences starting in lower case, proper names written in
  lower case where the article capitalises them, misspellings one edit away from an English
  word, common confusions ("could of", "its only"), words glued to an article ("thealliance").

The English word list for typos comes from the spaCy model package's vocabulary and its
WordNet lemma index (``english_vocabulary``); without it the misspelling signal is skipped.
A gazetteer (optional) enables the place-name signals.
"""

from __future__ import annotations

from .helpers import attested_names, fixed_names
from .lexicons import (
    CONFUSIONS,
    ENGLISH_FUNCTION_WORDS,
    FILLER_PHRASES,
    FOREIGN_FUNCTION_WORDS,
    WEEKDAYS,
)
from .params import FLAG_KINDS, FlagParams, Signal
from .quality import quality_flag, quality_signals
from .story import article_flags
from .translation import q_is_comma, translation_flag, translation_signals
from .unsupported import Section, StorySupport, unsupported_flag, unsupported_sections
from .vocabulary import english_vocabulary, known_word

__all__ = [
    "CONFUSIONS",
    "ENGLISH_FUNCTION_WORDS",
    "FILLER_PHRASES",
    "FLAG_KINDS",
    "FOREIGN_FUNCTION_WORDS",
    "FlagParams",
    "Section",
    "Signal",
    "StorySupport",
    "WEEKDAYS",
    "article_flags",
    "attested_names",
    "english_vocabulary",
    "fixed_names",
    "known_word",
    "q_is_comma",
    "quality_flag",
    "quality_signals",
    "translation_flag",
    "translation_signals",
    "unsupported_flag",
    "unsupported_sections",
]
