"""What a claim's wording asserts: the part of its sentence that its reports share.

A claim is worded by one report's sentence (``support.ranked`` picks the one with the fewest
details of its own), but that sentence often says more than the fact the others back: a
relative clause ("23 pirates who threatened a merchant vessel in the Gulf of Aden"), a clause
of time or cause ("while catching 52 passes"), a second clause of the same subject ("and had
been in declining health"), a participle ("dodging arrest after ..."), a day ("late
Thursday") or who said it (", officials announced Saturday"). Shown as the claim, every
report cited for it would be read as backing those details too.

``core_wording`` leaves out each such part that another article's report of the fact does not
state: the wording then asserts what the reports share, and the details stay in the passage
of the report that gives them. A part is *stated* by a report of the same language when the
report's sentence writes every number of the part and most of its content words; by a report
of another language only when the part is a day the report also names (the words of two
languages cannot be compared). The figure a claim is about is never left out, nor is
anything of a denial (what it contests stays whole), nor a clause or a day of a sentence that
negates ("no passengers were evacuated before the pier collapsed"), nor who said it when the
verb hedges ("..., the rebels claimed"). A part opened without a comma that holds every word of
an event the claim tells stays (it ran into the main verb); a clause ending at a comma goes
only when what opens at that comma goes too, or is who said it; a part never opens inside
quotes or brackets. A wording that would keep fewer than ``MIN_WORDS`` words, whose quotes or
brackets no longer balance, or with a cut right after a function word ("evacuated since"),
stays whole. The words that open and keep a part are per language in
``data/detachable.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..annotate.language import function_words
from ..model import Article
from . import lexicon as lx
from .records import ClaimCandidate
from .support import states

# A wording shorter than this many words says too little to stand for the claim: kept whole.
MIN_WORDS = 5
# Share of a part's content words a report must write for the part to be stated by it.
STATED_SHARE = 0.6

_COMMAS = ",،;؛"
_QUOTES = "\"'“”‘’«»„`"
# Words before the opener of a part written without a comma: at least this many (a part at
# the head of a sentence, "Shortly before the capture, ...", or after its subject alone, "The
# pirates who fired were caught", runs into the main clause).
MIN_WORDS_BEFORE = 5
_END = re.compile(r"[\s.!?…\"'”’»]*$")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class _Openers:
    """The words of one language that open a part a wording may leave out, and those that
    keep one (see ``data/detachable.json``)."""

    after_comma: re.Pattern[str] | None  # right after a comma (relative, subordinate, ...)
    relative: re.Pattern[str] | None  # the relatives among them (between commas: enclosed)
    complement: frozenset[str]  # relatives that also open a complement ("que", "die")
    after_space: re.Pattern[str] | None  # after a space too ("pirates who threatened")
    not_before: frozenset[str]  # a word before an opener that keeps it ("in which")
    # "and" opening a second clause of the same subject or another figure: group "word" holds
    # the word after it when that word is one only by its ending ("and needed")
    conj: re.Pattern[str] | None
    and_words: re.Pattern[str] | None  # "and" alone (a list goes on)
    and_verb: re.Pattern[str] | None  # "and" before a second verb ("and caused")
    endings: tuple[str, ...]  # the endings of ``and_then_endings``
    not_participle: frozenset[str]
    date_lead: re.Pattern[str] | None  # words written right before a date ("on", "late")
    date_tail: re.Pattern[str] | None  # words written right after it ("night", "morning")
    lead_in: re.Pattern[str] | None  # a date's own words open with a lead ("late Thursday")
    keep_after: re.Pattern[str] | None  # a period or a deadline before a date ("until")
    negators: re.Pattern[str] | None
    hedges: re.Pattern[str] | None


def _words_pattern(words: Iterable[str]) -> str | None:
    """Return an alternation of ``words`` that ends each at a word's end, or right after a
    final apostrophe (French "qu'", "lorsqu'")."""
    words = [w for w in words if w]
    if not words:
        return None
    whole = [w for w in words if w[-1] not in "'’"]
    elided = [w for w in words if w[-1] in "'’"]
    alts = []
    if whole:
        alts.append(rf"(?:{lx.word_alternation(whole)})(?!\w)")
    if elided:
        alts.append(rf"(?:{lx.word_alternation(elided)})")
    return "|".join(alts)


@functools.lru_cache(maxsize=32)
def _openers(language: str | None) -> _Openers | None:
    """Return the openers of ``language`` (``data/detachable.json``), or None when it has
    none."""
    data = lx.language_words("detachable")
    code = language or "en"
    if not any(k.startswith(code + ":") for k in data):
        return None

    def get(kind: str) -> tuple[str, ...]:
        return data.get(f"{code}:{kind}", ())

    def compiled(pattern: str | None, template: str) -> re.Pattern[str] | None:
        return re.compile(template.format(pattern), re.IGNORECASE) if pattern else None

    relative = _words_pattern(get("relative"))
    subordinate = _words_pattern(get("subordinate"))
    conj, then = _words_pattern(get("and")), _words_pattern(get("and_then"))
    endings = tuple(get("and_then_endings"))
    participle = "|".join(re.escape(e) for e in get("participle"))
    heads = [p for p in (relative, subordinate) if p]
    if participle:
        heads.append(rf"(?-i:(?P<participle>[^\W\d_A-Z]{{3,}}(?:{participle})))(?!\w)")
    bare = _words_pattern(get("relative_bare") + get("subordinate_bare"))
    after: list[str] = []
    if then:
        after.append(then)
    if endings:
        ends = "|".join(re.escape(e) for e in endings)
        after.append(rf"(?-i:(?P<word>[^\W\d_A-Z][^\W\d_]+(?:{ends})))(?!\w)")
    verbs = "|".join(after)
    after.append(r"\d")
    lead = _words_pattern(get("date_lead"))
    return _Openers(
        after_comma=compiled("|".join(heads) if heads else None, r"\s*(?:{})"),
        relative=compiled(relative, r"\s*(?:{})"),
        complement=frozenset(w.lower() for w in get("complement")),
        after_space=compiled(bare, r"(?<=\w)\s+(?:{})"),
        not_before=frozenset(w.lower() for w in get("not_before_relative")),
        conj=compiled(f"(?:{conj})\\s+(?:{'|'.join(after)})" if conj else None, r"[\s,]+{}"),
        and_words=compiled(conj, r"(?<!\w)(?:{})"),
        and_verb=compiled(f"(?:{conj})\\s+(?:{verbs})" if conj and verbs else None, r"(?<!\w){}"),
        endings=endings,
        not_participle=frozenset(w.lower() for w in get("not_participle")),
        date_lead=compiled(lead, r"(?<!\w)(?:{})\s+$"),
        date_tail=compiled(_words_pattern(get("date_tail")), r"\s+(?:{})"),
        lead_in=compiled(lead, r"(?:{})\s"),
        keep_after=compiled(_words_pattern(get("date_keep_after")), r"(?<!\w)(?:{})\s+$"),
        negators=compiled(_words_pattern(get("negators")), r"(?<!\w)(?:{})"),
        hedges=compiled(_words_pattern(get("hedge")), r"(?<!\w)(?:{})"),
    )


def _is_comma(text: str, i: int) -> bool:
    """Return True for a comma or semicolon at ``i`` that parts clauses (not "1,000", "7,1")."""
    if text[i] not in _COMMAS:
        return False
    return not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


def _part_end(text: str, start: int) -> int:
    """Return where a part opening at ``start`` ends: at the next comma or semicolon (not
    inside brackets), or before the sentence's closing punctuation."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif _is_comma(text, i) and not depth:
            return i
    end = _END.search(text, start)
    return end.start() if end else len(text)


def _inside(text: str, at: int) -> bool:
    """Return True when ``at`` lies inside quotes or brackets of ``text``."""
    head = text[:at]
    straight = head.count('"') % 2 == 1
    curly = head.count("“") > head.count("”") or head.count("«") > head.count("»")
    return straight or curly or head.count("(") > head.count(")")


def _last_word(text: str) -> str:
    words = lx.words(text)
    return words[-1].lower() if words else ""


def _clause_parts(text: str, op: _Openers) -> list[tuple[int, int, bool]]:
    """Return the clauses of ``text`` a wording may leave out: (start, end, enclosed), where
    ``enclosed`` is True for a relative clause between two commas (its closing comma goes
    with it: "Bush, who missed games, wraps up" -> "Bush wraps up")."""
    parts: list[tuple[int, int, bool]] = []
    if op.after_comma is not None:
        for i in range(len(text)):
            if not _is_comma(text, i) or _inside(text, i):
                continue
            m = op.after_comma.match(text, i + 1)
            if m is None or _last_word(text[:i]) in op.not_before:
                continue
            word = m.groupdict().get("participle")
            if word and word.lower() in op.not_participle:
                continue
            opener = _last_word(text[i + 1 : m.end()]) if not word else ""
            if opener in op.complement and _complement(text, i, m.end()):
                continue
            end = _part_end(text, i + 1)
            relative = op.relative is not None and op.relative.match(text, i + 1) is not None
            enclosed = relative and end < len(text) and text[end] in _COMMAS
            if enclosed and _list_goes_on(text, end, op):
                continue  # "who sailed to Dorrin, Varling and Mossby, was": a list, not its end
            parts.append((i, end, enclosed))
    if op.after_space is not None:
        for m in op.after_space.finditer(text):
            before = lx.words(text[: m.start()])
            if len(before) < MIN_WORDS_BEFORE or before[-1].lower() in op.not_before:
                continue
            if text[: m.start()].rstrip()[-1:] in _COMMAS or _inside(text, m.start()):
                continue  # read above, from its comma
            parts.append((m.start(), _part_end(text, m.start() + 1), False))
    if op.conj is not None:
        for m in op.conj.finditer(text):
            head = text[: m.start()].rstrip(" ,").split()
            last = head[-1].lower() if head else ""
            if len(head) < MIN_WORDS_BEFORE or last[-1:].isdigit() or _inside(text, m.start()):
                continue  # "between 30 and 40": one range
            if m.group().rstrip()[-1:].isdigit() and not _same_count(text, m.start(), m.end()):
                continue  # "12 Somali and 11 Yemeni nationals": one count of two parts
            word = m.groupdict().get("word")
            if word and op.endings and last.endswith(op.endings):
                continue  # "killed and injured 12": one clause of two verbs
            parts.append((m.start(), _part_end(text, m.start() + 1), False))
    return parts


def _complement(text: str, comma: int, opener_end: int) -> bool:
    """Return True when a relative word that also opens a complement ("que", "die") opens one
    after the comma at ``comma``: a capitalised noun follows it in German or Dutch (", die
    Männer seien"), or a verb of saying stands before the comma with a phrase set between
    ("dijo, en una rueda de prensa, que"): read as a complement, it is never left out."""
    after = text[opener_end:].lstrip()
    if after[:1].isupper():
        return True
    head = text[:comma]
    return any(_is_comma(text, i) for i in range(len(head)))


def _list_goes_on(text: str, end: int, op: _Openers) -> bool:
    """Return True when the words after the comma at ``end`` go on a list the clause began
    ("Dorrin, Varling and Mossby, was arrested"): a capitalised word, or a few words with an
    "and" before another comma."""
    nxt = _part_end(text, end + 1)
    segment = text[end + 1 : nxt].strip()
    if segment[:1].isupper():
        return True
    if op.and_verb is not None and op.and_verb.search(segment):
        return True  # "which killed 225, injured 1,000 and caused chaos": its verbs go on
    if op.after_comma is not None and op.after_comma.match(text, end + 1):
        return True  # ", que devastó la capital": what follows hangs on the clause
    if nxt >= len(text) or text[nxt] not in _COMMAS or len(lx.words(segment)) > 4:
        return False
    return op.and_words is not None and op.and_words.search(segment) is not None


def _same_count(text: str, at: int, number: int) -> bool:
    """Return True when the figure after "and" (its digits open at ``number - 1``) counts what
    the figure before "and" (ending before ``at``) counts, the same word after each ("404
    yards rushing and 440 yards receiving"): the second is a figure of its own."""
    before = list(_DIGITS.finditer(text, 0, at))
    if not before:
        return False
    between = {w.lower() for w in lx.words(text[before[-1].end() : at])}
    digits = _DIGITS.match(text, number - 1)
    after = lx.words(text[digits.end() :] if digits else "")
    return bool(after) and after[0].lower() in between


def _date_parts(
    text: str, offset: int, article: Article, op: _Openers | None
) -> list[tuple[int, int, str | None]]:
    """Return the days ``text`` (at ``offset`` in the article) names as parts: (start, end,
    ISO day or None when the day is not placed), each with the words of ``date_lead`` right
    before it (a day without one is inside a phrase and no part) and of ``date_tail`` after;
    never a day after a word of a period or a deadline ("until late Thursday", "desde el
    lunes"), nor one that names something ("Wednesday's quake")."""
    out: list[tuple[int, int, str | None]] = []
    if op is None or op.date_lead is None:
        return out
    for d in article.annotations.dates:
        if d.kind != "date" or (d.value and len(d.value) != 10):
            continue  # a month, a year, a span of time: no day
        s, e = d.start - offset, d.end - offset
        if s < 0 or e > len(text) or _inside(text, s):
            continue
        if re.match(r"['’]s(?!\w)", text[e:]):
            continue  # "Wednesday's quake": the day names the quake
        lead = op.date_lead.search(text, 0, s)
        if lead is not None:
            s = lead.start()
        elif op.lead_in is None or not op.lead_in.match(text, s):
            continue  # a day inside a phrase ("di mercoledì 24 agosto") leaves no gap
        if op.keep_after is not None and op.keep_after.search(text, 0, s):
            continue  # "until late Thursday", "entro il 9 marzo": a deadline, not a day
        if op.date_tail is not None:
            tail = op.date_tail.match(text, e)
            if tail is not None:
                e = tail.end()
        out.append((s, e, d.value))
    return out


def _numbers(text: str) -> set[str]:
    return {re.sub(r"\D", "", m) for m in _DIGITS.findall(text)}


def _stated(part: str, sentence: str) -> bool:
    """Return True when ``sentence`` (a report of the same language) states ``part``: it
    writes every number of the part and most of its content words."""
    if not _numbers(part) <= _numbers(sentence):
        return False
    words = lx.content_stems(part)
    if not words:
        return True
    return len(words & lx.content_stems(sentence)) >= STATED_SHARE * len(words)


def _attribution_part(
    rep: ClaimCandidate, text: str, offset: int, op: _Openers | None
) -> tuple[int, int] | None:
    """Return who said it as a part of ``text``: a tail after a comma (", officials announced
    Saturday", ", sources told the Daily News") or a head before one ("According to the
    agency, ..."), or None; never a hedge ("..., the rebels claimed": the claim is theirs)."""
    attr = rep.attribution
    if attr is None:
        return None
    if op is not None and op.hedges is not None and op.hedges.search(attr.cue):
        return None
    s, e = attr.source_start - offset, attr.source_end - offset
    if s < 0 or e > len(text) or s >= e:
        return None
    comma = max((text.rfind(ch, 0, s) for ch in _COMMAS), default=-1)
    end = _END.search(text, e)
    stop = end.start() if end else len(text)
    if comma >= 0 and (text[comma + 1 : comma + 2] in _QUOTES or text.lstrip()[:1] in _QUOTES):
        return None  # a quote keeps who said it
    if (
        comma >= 0
        and len(lx.words(text[comma:s])) <= 2
        and len(lx.words(text[e:stop])) <= 6
        and not any(_is_comma(text, i) for i in range(e, stop))
    ):
        return comma, stop
    after = [i for i in (text.find(ch, e) for ch in _COMMAS) if i >= 0]
    cue = [w.lower() for w in lx.words(attr.cue)]
    head = [w.lower() for w in lx.words(text[:s])]
    if after and len(lx.words(text[e : min(after)])) <= 2 and cue and head[: len(cue)] == cue:
        return 0, min(after) + 1  # "According to the agency, ..."
    return None


def core_wording(
    rep: ClaimCandidate,
    text: str,
    offset: int,
    members: Sequence[ClaimCandidate],
    articles: Mapping[str, Article],
) -> str:
    """Return ``text`` (the wording chosen from ``rep``, at ``offset`` in its article) with
    each part some other article's report of the fact does not state left out (see the
    module docstring); ``text`` unchanged when there is nothing to leave out."""
    article = articles.get(rep.article)
    others = [c for c in members if c.article != rep.article and not c.contests]
    if article is None or not others or rep.contests:
        return text
    op = _openers(rep.language)
    # per other article: the sentences of its reports in the wording's language, and what
    # its reports state (days)
    sentences: dict[str, list[str]] = {c.article: [] for c in others}
    told: dict[str, set[str]] = {c.article: set() for c in others}
    for c in others:
        told[c.article] |= states(c)
        other = articles.get(c.article)
        if other is not None and c.language == rep.language:
            sentences[c.article].append(other.text[c.sentence[0] : c.sentence[1]])
    keep = (rep.figure.start - offset, rep.figure.end - offset) if rep.figure else None

    def kept(s: int, e: int) -> bool:
        return keep is not None and s < keep[1] and keep[0] < e

    def stated(part: str) -> bool:
        return all(any(_stated(part, x) for x in xs) for xs in sentences.values())

    # a sentence that negates keeps its days and clauses: "no passengers were evacuated
    # before the pier collapsed" is not "no passengers were evacuated"
    negated = op is not None and op.negators is not None and op.negators.search(text)
    drop: list[tuple[int, int]] = []
    for s, e, day in [] if negated else _date_parts(text, offset, article, op):
        if kept(s, e):
            continue
        # a placed day is stated by a report naming that day in any words; a day not placed
        # ("late Thursday" in an undated article) by one writing it
        if day is not None and all("d:" + day in t for t in told.values()):
            continue
        if day is None and stated(text[s:e]):
            continue
        drop.append((s, e))
    said = _attribution_part(rep, text, offset, op)
    clauses = _clause_parts(text, op) if op is not None and not negated else []
    said_drops = said is not None and not kept(*said) and not stated(text[said[0] : said[1]])
    loose = [(s, e, enc) for s, e, enc in clauses if not kept(s, e) and not stated(text[s:e])]
    # a clause that ends at a comma goes when what opens there goes too, or is who said it
    # (", adding that ..., "hoping ..."" would leave the quote hanging on the main clause)
    # (a relative clause set between commas there means the clause goes on)
    going = {s for s, e, enc in loose if enc or _END.fullmatch(text, e) is not None}
    tails = {s for s, e, enc in loose if not enc and s in going}
    tails |= {said[0]} if said is not None else set()
    while True:
        more = {s for s, e, enc in loose if not enc and s not in going and e in tails}
        if not more:
            break
        going |= more
        tails |= more
    drop += [(s, e + 1 if enc else e) for s, e, enc in loose if s in going]
    if said_drops and said is not None:
        drop.append(said)
    # a part opened without a comma may run into the main verb ("the residents who live near
    # the river were evacuated"): it stays when it holds the only words of a claimed event
    bare = [(s, e) for s, e in drop if s < len(text) and text[s] not in _COMMAS]
    kept_events = _keeping_events(text, bare, rep)
    drop = [d for d in drop if d not in bare or d in kept_events]
    if not drop:
        return text
    out = _cut(text, drop)
    if len(lx.words(out)) < MIN_WORDS or not _reads_whole(text, drop, out, rep.language):
        return text
    return out


def _keeping_events(
    text: str, drop: list[tuple[int, int]], rep: ClaimCandidate
) -> list[tuple[int, int]]:
    """Return ``drop`` without the parts that hold every word of an event the claim tells
    ("The 200 residents who live near the river were evacuated": the relative would take
    "evacuated" with it)."""
    classes = rep.classes - lx.WEAK_CLASSES
    if not classes or not drop:
        return drop
    positions = [(at, k) for at, k in lx.class_positions(text, rep.language) if k in classes]
    for k in classes:
        at_k = [at for at, kk in positions if kk == k]
        if at_k and all(any(s <= at < e for s, e in drop) for at in at_k):
            drop = [(s, e) for s, e in drop if not any(s <= at < e for at in at_k)]
    return drop


def _reads_whole(
    text: str, drop: Sequence[tuple[int, int]], out: str, language: str | None
) -> bool:
    """Return True when the cut wording still reads as a sentence: its quotes and brackets
    balance as they did (a sentence the splitter cut inside a quote keeps its open quote), and
    no cut follows a function word ("evacuated since", "vence el", "entro")."""

    def balance(t: str) -> tuple[int, int, int]:
        return t.count('"') % 2, t.count("“") - t.count("”"), t.count("(") - t.count(")")

    if balance(out) != balance(text):
        return False  # a cut took one of a pair of quotes or brackets
    known = function_words(language or "en")
    for s, _ in drop:
        head = text[:s].rstrip(" ,;،؛")
        if head and _last_word(head) in known:
            return False
    return True


@functools.lru_cache(maxsize=32)
def _connectors(language: str | None) -> re.Pattern[str] | None:
    """Return the pattern of a connector opening a sentence in ``language`` with its comma
    ("Instead, ", "Sin embargo, "), or None."""
    words = lx.language_words("detachable").get(f"{language or 'en'}:connectors", ())
    pattern = _words_pattern(words)
    return re.compile(rf"^[\s\"“«]*(?:{pattern})\s*[,،]\s*", re.IGNORECASE) if pattern else None


def readable(text: str, language: str | None) -> str:
    """Return a claim's wording ``text`` without what only reads with the sentence before it:
    a connector opening it ("Instead, three armed men ..."), its next letter a capital; and a
    full stop doubled after an abbreviation ("11:20 a.m.." after a cut)."""
    pattern = _connectors(language)
    quoted = text.lstrip()[:1] in _QUOTES  # '"However, we will not ..."': the quote's words
    m = pattern.match(text) if pattern is not None and not quoted else None
    if m is not None and len(lx.words(text[m.end() :])) >= MIN_WORDS:
        rest = text[m.end() :]
        text = rest[:1].upper() + rest[1:]
    return re.sub(r"(?<=[^\W\d_])\.\.$", ".", text)


def _cut(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Return ``text`` without ``spans`` (overlapping ones merged), its commas and spaces
    tidied and its first letter kept a capital."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    pieces, at = [], 0
    for s, e in merged:
        pieces.append(text[at:s])
        at = e
    pieces.append(text[at:])
    out = " ".join("".join(pieces).split())
    out = re.sub(r"\s+([,;.!?،؛])", r"\1", out)
    out = re.sub(r"([,;،؛])(?:\s*[,;،؛])+", r"\1", out)
    out = re.sub(r"[,;،؛]\s*([.!?])", r"\1", out)
    out = re.sub(r"^[\s,;،؛]+", "", out)
    out = re.sub(r"[,;،؛]\s*$", "", out)
    if text[:1].isupper() and out[:1].islower():
        out = out[0].upper() + out[1:]
    return out
