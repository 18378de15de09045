"""Attributions in languages other than English, read from one data file per language.

Everything a language contributes lives in ``data/attribution/<lang>.json``; the code here is
the same for every language:

- ``according_to``: phrases that put the source after them ("según", "по данным"); a phrase
  ending in "-" is a prefix written onto the next word (Arabic "وفقا ل-" in "وفقا لوزارة").
  ``according_after``: words that put it before them (German "zufolge").
- ``verbs``: reporting verb forms, as written ("dijo", "ha detto", "a déclaré", "قال");
  ``denials``: verb forms that deny ("negó", "a démenti", "نفى"). Both are cues; the source is
  the subject before the verb, or after it when the verb opens the sentence or follows a comma
  or a quote ("..., dijo el alcalde"), or always after it in a verb-first language
  (``verb_first``: Arabic). In a verb-last language (``verb_last``: Turkish) a verb that ends
  its sentence has the sentence's opening phrase as its subject ("Savunma Bakanlığı, ...
  iddialarını yalanladı": the ministry, not the claims it denies). ``prefixes``: conjunctions
  written onto a verb ("و" in "وقال").
  A word "..." inside a phrase stands for up to four words of the sentence: the object
  between the two parts of a separable verb ("wies ... zurück": "wies den Vorwurf zurück").
- ``denial_words`` ("es falso", "غير صحيح") make a sentence's stance ``denied`` as denial verbs
  do; ``rumours`` ("rumores", "слухи") make it ``rumoured``; ``hedges`` ("presuntamente",
  "якобы") are cues without a named source.
- How a source is read: ``determiners`` and ``connectors`` ("de", "von") may sit inside it,
  ``stop`` words and punctuation end it, ``pronouns`` are a source on their own, ``between``
  words sit between a subject and its verb ("también"). In a script with capitals a source
  holds at most two lowercase words (a role: "el portavoz", "i soccorritori") besides its
  capitalised words; in one without (``caseless_words``), at most that many words. An entity
  mention the source reaches into is kept whole.

The records are the English reader's (``consilience.annotate.attribution``): one per cue, the
sentence as the span, the source span (empty for a hedge), the cue as written, lowercased,
and the sentence's stance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Attribution, EntityMention, Sentence, Stance
from .datafile import language_data

__all__ = ["find_attributions_in", "has_attribution_language", "language_pronouns", "pronouns"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*['’]?|\d+(?:[.,]\d+)*|[^\w\s]")
_MAX_WORDS = 8
_MAX_LOWER = 2
_TITLE_LOWER = 4
# Letters of a title or an initial written with a dot before a name ("M.", "Dr.", "Sra.").
_TITLE_LETTERS = 3


@dataclass(frozen=True)
class _Lang:
    code: str
    according: re.Pattern[str]
    according_after: re.Pattern[str]
    verbs: re.Pattern[str]  # reporting and denial verbs, a named group "deny" for denials
    denied: re.Pattern[str]
    accusing: re.Pattern[str]  # verbs of accusing: "acusó", "ha accusato", "обвинил"
    rumoured: re.Pattern[str]
    hedges: re.Pattern[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    pronouns: frozenset[str]
    stop: frozenset[str]
    between: frozenset[str]
    reflexives: frozenset[str]
    verb_first: bool
    verb_second: bool  # German, Dutch: a verb after a fronted phrase has its subject after it
    verb_last: bool  # Turkish: a verb ending the sentence has the opening phrase as subject
    caseless_words: int
    lower_after_capital: bool


@lru_cache(maxsize=1)
def pronouns() -> frozenset[str]:
    """Return the personal pronouns that can stand as a source, in English and in every
    language with a data file, lowercased ("he", "she", "elle", "он" ...)."""
    out = set("he she they it we i you".split())
    for name in resources.files("consilience.annotate").joinpath("data/attribution").iterdir():
        if name.name.endswith(".json"):
            lang = _load(name.name[: -len(".json")])
            if lang is not None:
                out |= lang.pronouns
    return frozenset(out)


def language_pronouns(code: str) -> frozenset[str]:
    """Return the personal pronouns of one language, lowercased (English's for "en" and for a
    language with no data file)."""
    lang = _load(code) if code != "en" else None
    return lang.pronouns if lang is not None else frozenset("he she they it we i you".split())


def has_attribution_language(code: str | None) -> bool:
    """Return True when a data file reads attributions in language ``code``."""
    return code is not None and _load(code.split("-")[0].lower()) is not None


def find_attributions_in(
    text: str,
    sentences: list[Sentence] | tuple[Sentence, ...],
    entities: list[EntityMention] | tuple[EntityMention, ...],
    language: str,
) -> list[Attribution]:
    """Return the attributions of ``text`` in ``language``, sentence by sentence (as
    ``attribution.find_attributions`` does for English); [] for a language with no data file."""
    lang = _load(language.split("-")[0].lower())
    if lang is None:
        return []
    ents = sorted((e.start, e.end) for e in entities)
    out: list[Attribution] = []
    for sent in sentences:
        lo, hi = max(0, sent.start), min(len(text), sent.end)
        if lo < hi:
            out.extend(_sentence(text, lo, hi, lang, ents))
    return out


def stance_in(sentence: str, language: str) -> Stance:
    """Return how a sentence in ``language`` frames what it reports: denied, rumoured or
    reported (reported for a language with no data file)."""
    lang = _load(language.split("-")[0].lower())
    return "reported" if lang is None else _stance(sentence, lang)


def _letter_words(text: str) -> list[str]:
    """Return the words of ``text`` (letters, as the claims lexicon reads them)."""
    return re.findall(r"[^\W\d_]+", text)


def opens_with_rumour(sentence: str, language: str) -> bool:
    """Return True when a sentence in ``language`` opens with a word of rumour ("Se dice que
    ...", "Говорят, что ...", "Es heißt, ..."): a rumour nobody signs, not "Police say that"
    nor a rumour named inside a clause."""
    lang = _load(language.split("-")[0].lower())
    if lang is None:
        return False
    m = lang.rumoured.search(sentence)
    return m is not None and not _letter_words(sentence[: m.start()])


def _stance(sentence: str, lang: _Lang) -> Stance:
    if lang.denied.search(sentence):
        return "denied"
    if lang.rumoured.search(sentence):
        return "rumoured"
    return "reported"


# ----------------------------------------------------------------------------- one sentence


_Tok = tuple[int, int, str]  # start, end, text


def _sentence(
    text: str, lo: int, hi: int, lang: _Lang, ents: list[tuple[int, int]]
) -> list[Attribution]:
    toks: list[_Tok] = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]
    stance = _stance(text[lo:hi], lang)
    found: list[Attribution] = []
    taken: list[tuple[int, int]] = []

    def add(cue_span: tuple[int, int], src: tuple[int, int] | None) -> None:
        if src is None or any(s < cue_span[1] and cue_span[0] < e for s, e in taken):
            return
        taken.append(cue_span)
        cue = " ".join(text[cue_span[0] : cue_span[1]].lower().split())
        found.append(
            Attribution(
                start=lo, end=hi, source_start=src[0], source_end=src[1], cue=cue, stance=stance
            )
        )

    for m in lang.according.finditer(text, lo, hi):
        if _word_before(toks, m.start()) in lang.determiners:
            continue  # "un secondo crollo": an ordinal, not "according to"
        add((m.start(), m.end()), _right(text, toks, m.end(), lang, ents))
    for m in lang.according_after.finditer(text, lo, hi):
        add((m.start(), m.end()), _left(text, toks, m.start(), lang, ents))
    for m in lang.verbs.finditer(text, lo, hi):
        if _word_before(toks, m.start()) in lang.reflexives:
            continue  # "el foc es va declarar": a reflexive verb, not a report
        add((m.start("cue"), m.end("cue")), _verb_source(text, toks, m, lang, ents, lo))
    if not found:
        for m in lang.hedges.finditer(text, lo, hi):
            add((m.start(), m.end()), (lo, lo))
    return found


def _verb_source(
    text: str, toks: list[_Tok], m: re.Match[str], lang: _Lang, ents: list[tuple[int, int]], lo: int
) -> tuple[int, int] | None:
    """Return the source of a reporting verb: its subject, read on the side the language and
    the verb's place in the sentence put it."""
    before = _index_before(toks, m.start())
    if lang.verb_last and before is not None:
        src = _opening_subject(text, toks, m.end(), lang, ents, lo)
        if src is not None:
            return src
    opening = before is None or toks[before][2] in {",", "—", "–", '"', "”", "»", "«", "“", ":"}
    sides = ("right", "left") if lang.verb_first or opening else ("left", "right")
    if (
        not lang.verb_first
        and before
        and toks[before][2] == ","
        and toks[before - 1][2][:1].isalnum()
        and (lang.denied.fullmatch(m.group("cue")) or lang.accusing.fullmatch(m.group("cue")))
    ):
        # "Le porte-parole, le colonel X, a démenti toute frappe", "La Brigada, el grupo
        # armado, acusó al ejército": a denial or an accusation after an apposition has its
        # subject before it; what follows it is what it denies, or whom it accuses
        sides = ("left", "right")
    for side in sides:
        if side == "left":
            src = _left(text, toks, m.start(), lang, ents)
        else:
            src = _right(text, toks, m.end(), lang, ents)
        if src is not None:
            return src
    return None


def _opening_subject(
    text: str, toks: list[_Tok], end: int, lang: _Lang, ents: list[tuple[int, int]], lo: int
) -> tuple[int, int] | None:
    """Return the subject of a verb-last language's reporting verb that ends its sentence
    (only punctuation after ``end``): the phrase the sentence opens with, read rightwards
    past ``between`` words ("Kessari Kurtuluş Cephesi ise ... reddetti", "Vali, ...
    açıkladı"); None when the verb does not end the sentence, the sentence opens with a
    quotation or its opening is no source."""
    if any(t[0] >= end and t[2][:1].isalnum() for t in toks):
        return None
    cues = [c.start("cue") for c in lang.verbs.finditer(text, lo, end)]
    if len(cues) != 1:
        return None  # an earlier cue has the subject ("X yaptığı açıklamada, ... söyledi")
    run = [t for t in toks if t[0] >= lo and t[1] <= cues[0]]
    while run and _low(run[0][2]) in lang.between:
        run.pop(0)
    if not run or not run[0][2][:1].isalpha():
        return None
    picked = _pick(run, lang)
    return _whole(picked, ents) if picked is not None else None


def _word_before(toks: list[_Tok], pos: int) -> str:
    i = _index_before(toks, pos)
    return "" if i is None else _low(toks[i][2])


def _index_before(toks: list[_Tok], pos: int) -> int | None:
    found = None
    for i, (s, _, _) in enumerate(toks):
        if s >= pos:
            break
        found = i
    return found


def _right(
    text: str, toks: list[_Tok], pos: int, lang: _Lang, ents: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Return the source read rightwards from ``pos``, or None when none is there."""
    run = [t for t in toks if t[0] >= pos]
    # A prefix cue ("وفقا ل-") ends inside a word: the source starts with that word's rest.
    if pos < len(text) and pos > 0 and text[pos - 1].isalpha() and text[pos].isalpha():
        end = pos
        while end < len(text) and (text[end].isalnum() or text[end] in "'’"):
            end += 1
        run = [(pos, end, text[pos:end])] + [t for t in toks if t[0] >= end]
    run = _past_day(text, run, lang)
    picked = _pick(run, lang)
    return _whole(picked, ents) if picked else None


def _past_day(text: str, run: list[_Tok], lang: _Lang) -> list[_Tok]:
    """Return ``run`` without the day it opens with, and a word of the time of day after it,
    before the subject: "ha detto mercoledì mattina la ministra ...", "zei woensdag ...": a
    day is never who said it."""
    if not run:
        return run
    from .dates.foreign import foreign_date_spans

    lo = run[0][0]
    spans = foreign_date_spans(text[lo : run[-1][1]], lang.code)
    if not spans or spans[0][0] != 0:
        return run
    end = lo + spans[0][1]
    rest = [t for t in run if t[0] >= end]
    if (
        len(rest) > 1
        and rest[0][2][:1].islower()
        and _low(rest[0][2]) not in lang.determiners | lang.stop
        and _low(rest[1][2]) in lang.determiners
    ):
        rest = rest[1:]  # "mercoledì mattina la ministra": the part of the day
    return rest


def _left(
    text: str, toks: list[_Tok], pos: int, lang: _Lang, ents: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Return the source read leftwards from ``pos`` (the subject before a verb), or None. A
    comma right before the verb closes an apposition ("El portavoz del Ejército, el coronel
    X, negó que ...", "La Brigada, el grupo armado que controla la zona, acusó ..."): the
    subject is what stands before the apposition, else the apposition itself."""
    run = [t for t in toks if t[1] <= pos]
    while run and _low(run[-1][2]) in lang.between:
        run.pop()
    if run and run[-1][2] == "," and len(run) > 1 and run[-2][2][:1].isalnum():
        inner = run[:-1]
        opening = next(
            (i for i in range(len(inner) - 1, max(-1, len(inner) - 16), -1) if inner[i][2] == ","),
            None,
        )
        if not opening:
            return None  # one comma: no apposition ("Samedi soir, a démenti le ministère")
        part = inner[:opening]
        # a title before a name set off by commas runs longer ("el comisario de policía del
        # estado, X, aseguró")
        picked = _pick(list(reversed(part)), lang, leftwards=True, lower=_TITLE_LOWER)
        if picked is None:
            return None
        before = [t for t in part if t[1] <= picked[0]]
        if before and before[-1][2][:1].isalnum():
            return None  # "En Brelvik, la capital, negó el alcalde": a place it opens with
        first = next(t for t in part if t[0] == picked[0])
        if (
            lang.verb_second
            and _low(first[2]) not in lang.determiners
            and not any(s < picked[1] and picked[0] < e for s, e in ents)
        ):
            # "Zondag, een dag na de aanval, beschuldigde de regering": a language that puts
            # its verb second after any opening phrase; a subject there opens with an article
            # ("Der Sprecher der Armee, Oberst X, bestritt") or is a name
            return None
        return _whole(picked, ents)
    picked = _pick(list(reversed(run)), lang, leftwards=True)
    return _whole(picked, ents) if picked else None


def _pick(
    run: list[_Tok], lang: _Lang, leftwards: bool = False, lower: int = _MAX_LOWER
) -> tuple[int, int] | None:
    """Return the span of the source at the head of ``run`` (tokens in reading direction),
    with ``lower`` words in lower case at least allowed."""
    if not run:
        return None
    first = _low(run[0][2])
    if first in lang.pronouns:
        return run[0][0], run[0][1]
    taken: list[_Tok] = []
    lowers = 0
    cased = any(ch.isupper() for _, _, w in run[:3] for ch in w)
    for i, tok in enumerate(run):
        word, low = tok[2], _low(tok[2])
        if (
            word == "."
            and not leftwards
            and taken
            and len(taken[-1][2]) <= _TITLE_LETTERS
            and taken[-1][2][:1].isupper()
            and run[i + 1 : i + 2]
            and run[i + 1][2][:1].isupper()
        ):
            continue  # a title's or an initial's dot before a name: "M. Balarabe", "Dr. X"
        if not word[0].isalnum() or word[0].isdigit():
            break
        if low in lang.stop and not (taken and low in lang.connectors):
            break
        if len(taken) >= _MAX_WORDS:
            break
        if taken and low in lang.connectors:
            taken.append(tok)
            continue
        if low in lang.determiners:
            if leftwards:
                taken.append(tok)
                nxt = _low(run[i + 1][2]) if i + 1 < len(run) else ""
                if nxt not in lang.connectors:
                    break
                continue
            if taken and _low(taken[-1][2]) not in lang.connectors:
                break
            taken.append(tok)
            continue
        if low in lang.connectors:
            break
        if word[0].isupper():
            taken.append(tok)
            continue
        limit = max(lang.caseless_words if not cased else _MAX_LOWER, lower)
        if lowers >= limit:
            break
        if not lang.lower_after_capital and not leftwards and any(t[2][0].isupper() for t in taken):
            break  # "Laut Polizei wurden ...": a noun's adjectives come before it
        lowers += 1
        taken.append(tok)
    # Never end on a determiner or a connector (reading rightwards) or start on a connector.
    while not leftwards and taken and _low(taken[-1][2]) in lang.connectors | lang.determiners:
        taken.pop()
    while leftwards and taken and _low(taken[-1][2]) in lang.connectors - lang.determiners:
        taken.pop()
    if not any(_low(t[2]) not in lang.determiners | lang.connectors for t in taken):
        return None
    spans = [(s, e) for s, e, _ in taken]
    return min(s for s, _ in spans), max(e for _, e in spans)


def _whole(span: tuple[int, int], ents: list[tuple[int, int]]) -> tuple[int, int]:
    """Return ``span`` widened to the whole of each entity mention it reaches into."""
    start, end = span
    for s, e in ents:
        if s < end and start < e:
            start, end = min(start, s), max(end, e)
    return start, end


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


# ----------------------------------------------------------------------------- data files


# "..." in a phrase: up to four words of the sentence (no punctuation that ends a clause).
_GAP = r"(?:\s+[^\s.,;:!?\"«»“”]+){1,4}?"


def _phrases(items: list[str], prefixes: list[str] | None = None) -> re.Pattern[str]:
    """Return a case-insensitive pattern of ``items``, longest first, each at word bounds (a
    "-"-ended item is a prefix: no bound after it); ``prefixes`` may be written onto it."""
    parts = []
    for item in sorted(set(items), key=len, reverse=True):
        prefix = item.endswith("-")
        words = item.rstrip("-").replace("’", "'").split()
        body = r"\s+".join(
            _GAP if w == "..." else re.escape(w).replace("'", "['’]") for w in words
        ).replace(r"\s+" + _GAP + r"\s+", _GAP + r"\s+")
        parts.append(body + ("" if prefix else r"(?!\w)"))
    if not parts:
        return re.compile(r"(?!x)x")
    lead = "(?:" + "|".join(map(re.escape, prefixes)) + ")?" if prefixes else ""
    return re.compile(
        r"(?<!\w)" + lead + "(?P<cue>" + "|".join(parts) + ")", re.IGNORECASE | re.UNICODE
    )


def accusation_words(code: str) -> tuple[str, ...]:
    """Return the verbs of accusing of language ``code`` (``accusations`` in its data file),
    as written; empty for a language with none."""
    data = language_data("attribution", code)
    return tuple(data.get("accusations", [])) if data else ()


@lru_cache(maxsize=32)
def _load(code: str) -> _Lang | None:
    """Return the compiled data of language ``code``, or None when there is no data file."""
    found = language_data("attribution", code)
    if found is None:
        return None
    data: dict[str, Any] = found

    def words(key: str) -> frozenset[str]:
        return frozenset(_low(w) for w in data.get(key, []))

    prefixes = list(data.get("prefixes", []))
    return _Lang(
        code=code,
        according=_phrases(data.get("according_to", [])),
        according_after=_phrases(data.get("according_after", [])),
        verbs=_phrases(
            data.get("verbs", []) + data.get("denials", []) + data.get("accusations", []),
            prefixes,
        ),
        accusing=_phrases(data.get("accusations", []), prefixes),
        denied=_phrases(data.get("denials", []) + data.get("denial_words", []), prefixes),
        rumoured=_phrases(data.get("rumours", []), prefixes),
        hedges=_phrases(data.get("hedges", []), prefixes),
        determiners=words("determiners"),
        connectors=words("connectors"),
        pronouns=words("pronouns"),
        stop=words("stop"),
        between=words("between"),
        reflexives=words("reflexives"),
        verb_first=bool(data.get("verb_first", False)),
        verb_second=bool(data.get("verb_second", False)),
        verb_last=bool(data.get("verb_last", False)),
        caseless_words=int(data.get("caseless_words", _MAX_LOWER)),
        lower_after_capital=bool(data.get("lower_after_capital", True)),
    )
