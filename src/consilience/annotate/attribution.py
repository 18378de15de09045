"""Attributions in English text: who is said to have said what, and how it is framed.

Lexical patterns over each sentence, no parse: "according to X", "X said/told/claimed ...",
inverted "..., said X", quote-final "..., X said", passive "denied by X", and cues without a
named source ("reportedly", "there were rumours that"). Entity mentions, when given, keep names
whole. Each sentence gets one stance (denied, rumoured or reported) that its records share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Attribution, EntityMention, Sentence, Stance

__all__ = ["find_attributions", "sentence_stance"]

# Reporting verbs (past and present forms), normalised to themselves as the cue.
_VERB_CUES = frozenset(
    """
said says stated reported announced announces claimed insisted insists confirmed confirms
added adds affirmed affirms warned warns denied denies refuted refutes wrote writes posted
told tells declared declares noted stressed stresses assured assures acknowledged asserted
asserts alleged alleges explained emphasized emphasised maintained argued argues
""".split()
)
# Forms that are nouns as often as verbs; cues only in a verb's position.
_NOUNISH = frozenset({"reports", "claims"})
# Bare forms: cues only after a plural or pronoun subject ("officials say", "they deny").
_BASE_CUES = frozenset("say report claim confirm insist warn deny".split())
_SOURCELESS = re.compile(
    r"\b(?P<reported>reportedly|allegedly|purportedly)\b"
    r"|\b(?P<rumour>rumou?rs?|rumou?red|speculation|unconfirmed\s+reports?"
    r"|it\s+is\s+(?:said|rumou?red))\b",
    re.IGNORECASE,
)
_CUE = re.compile(
    r"\b(?:according\s+to|(?:dismissed|rejected)(?=\s+(?:the\s+|these\s+|such\s+)?"
    r"(?:reports?|claims?|allegations?|rumou?rs?|accusations?|suggestions?|speculation)\b)|"
    + "|".join(sorted(_VERB_CUES | _BASE_CUES | _NOUNISH, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)

_DENIED = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ials?)|refut(?:e|es|ed|ing)|dismiss(?:ed|es|ing)"
    r"|reject(?:ed|s|ing)\s+(?:the\s+|these\s+|such\s+)?(?:reports?|claims?|allegations?"
    r"|rumou?rs?|accusations?|suggestions?|speculation)"
    r"|unfounded|baseless|untrue|not\s+true|no\s+truth|fake\s+news"
    # "false" denies as a verdict ("the reports were false"), not as in "false certificates"
    r"|(?:is|are|was|were|be|been|as)\s+(?:\w+ly\s+)?false"
    r"|false\s+(?:reports?|claims?|information|news|rumou?rs?|allegations?|accusations?))\b"
    # "insisted (that) ... had not ...": an insistence against something, within a clause.
    r"|\binsist(?:s|ed|ing)?\s+(?!on\b)[^.;:!?]{0,80}?(?:\b(?:not|never|no\s+longer)\b|n['’]t\b)",
    re.IGNORECASE,
)
_RUMOURED = re.compile(
    r"\b(?:rumou?r(?:s|ed)?|speculat(?:ion|ions|e|ed|ing)|unconfirmed\s+reports?"
    r"|it\s+is\s+(?:said|rumou?red))\b",
    re.IGNORECASE,
)

# Tokens: abbreviations ("U.S.", "Gen."), words with inner hyphens/apostrophes/dots, a plural
# possessive apostrophe, or one punctuation character.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Prof|Rep|Sen|Gov|Jr|Sr|Rev|Adm|Cpl|St)\."
    r"|\d{1,3}(?:,\d{3})+"
    r"|\w(?:[\w'’\-.]*\w)?(?:(?<=s)['’](?!\w))?"
    r"|[^\w\s]"
)
# Adverbs and auxiliaries that sit between a subject and its verb ("X, however, has said").
_BETWEEN = frozenset(
    """
also however later earlier then again further previously repeatedly has have had reportedly
allegedly publicly officially separately too once already subsequently quickly simply flatly
firmly strongly categorically immediately thus therefore swiftly promptly initially first
originally just recently now very
""".split()
)
# Words in -ly that are not adverbs, so never skipped between a subject and its verb.
_LY_NOT_ADVERBS = frozenset(
    """
family ally rally supply assembly monopoly anomaly early only daily weekly monthly yearly likely
elderly friendly lonely costly deadly holy ugly belly jelly bully lily reply italy july folly
homily tally
""".split()
)
_PRE_CUE = re.compile(
    r"(?:[\s,]*\b(?:" + "|".join(sorted(_BETWEEN)) + r"|in\s+turn"
    r"|(?!(?:" + "|".join(sorted(_LY_NOT_ADVERBS)) + r")\b)(?-i:[a-z]{2,}ly)"
    r"|for\s+(?:its|his|her|their)\s+part"
    # time adjuncts: "X on Friday said", "X in November said", "X this week said"
    r"|(?:(?:on|in|at|during|this|last|early|late|earlier|later)\s+)?(?:(?:this|last|next)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|morning|afternoon"
    r"|evening|night|week|weekend|month|year)"
    r")\b)*[\s,]*$",
    re.IGNORECASE,
)
_INTERVIEW = re.compile(r"\bin\s+an?\s+(?:exclusive\s+)?interview\s+with\s+", re.IGNORECASE)

_DETERMINERS = frozenset("the a an this that these those its their his her our my your".split())
_PREPOSITIONS = frozenset(
    """
of for in at from with within near on to by under over among between inside outside across
""".split()
)
_PRONOUNS = frozenset("he she they we i you it".split())
_AUX = frozenset("is are was were be been being am".split())
_ATTRIBUTIVE = _DETERMINERS | {"no", "any", "some", "all", "unconfirmed", "such", "other"}
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten dozens hundreds thousands".split()
)
_NEGATING_PREV = frozenset(
    "to not never did does do would could will can may might should must cannot".split()
)
# Common irregular past tenses: verbs, so never inside a source.
_IRREGULAR = frozenset(
    """
took went came made gave got ran met saw held sent fell rose lost won began became fought
brought kept stood struck left fled knew thought grew
""".split()
)
# Words that end a subject read leftwards from its verb.
_LEFT_STOP = (
    frozenset(
        """
that which who whom whose when while where whereas because although though if unless as but or
nor so than then is are was were be been being am has have had will would could can may might
should must shall do does did not according there here meanwhile however additionally moreover
furthermore yet also despite after before since until during without yesterday today tonight
remains remained seized captured entered
""".split()
    )
    | (_VERB_CUES - _NOUNISH)
    | (_BASE_CUES - {"report", "claim"})
    | _IRREGULAR
)
# Words that end a source read rightwards from its cue.
_RIGHT_STOP = frozenset(
    """
that which who whom whose when while where as after before because since until but if though
although is are was were has have had will would could can may might should must did does do
not said says told on at during yesterday today tonight earlier later adding citing saying
stating via
""".split()
)
_VERBISH = frozenset(
    """
that is are was were has have had will would could can may might should must did does do not
""".split()
)
# Words that end a source only when a time word follows ("this Saturday", but "this NGO").
_BEFORE_TIME = frozenset("this last late early next".split())
_EARLY_LATE = frozenset("early late".split())
_TIME_WORDS = frozenset(
    """
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week
weekend month year day
""".split()
)
# Words that may stand between a participle cue and its agent: "posted online late on Sunday by".
_ADJUNCT_WORDS = (
    _TIME_WORDS
    | _BEFORE_TIME
    | frozenset(
        """
on in at online earlier later today yesterday tonight overnight january february march april may
june july august september october november december
""".split()
    )
)
# Participles that commonly modify a noun inside a source ("a Turkish-backed group" is caught by
# its hyphen); other lowercase "-ed" words read leftwards are taken for verbs.
_ADJECTIVE_ED = frozenset(
    """
armed based backed affiliated allied linked united unnamed unidentified detained displaced
wounded injured concerned related supported led appointed elected exiled retired
""".split()
)
# People's roles: they mark an appositive ("X, head of Y, said") and coordinated sources.
_ROLES = frozenset(
    """
head director spokesman spokeswoman spokesperson leader chief commander minister mayor official
officials envoy president founder secretary adviser advisor governor ambassador analyst expert
professor correspondent member chairman chairwoman chair representative general colonel officer
researcher activist resident witness monitor source sources deputy coordinator editor
""".split()
)
_MEDIA = frozenset(
    """
media platform app television tv radio account website channel network newspaper agency
broadcaster reporters journalists press outlet
""".split()
)
_MAX_SOURCE_WORDS = 12  # read leftwards, where a runaway phrase is likelier
_MAX_RIGHT_WORDS = 16
_MAX_SEGMENT_WORDS = 8

_Tok = tuple[int, int, str, bool]  # start, end, text, is a word
_Ent = tuple[int, int, bool]  # start, end, is a person


def sentence_stance(sentence: str) -> Stance:
    """Return how a sentence frames what it attributes: denied, rumoured or reported. A word of
    rumour after a refusal ("it was too early to speculate", "declined to speculate") frames
    nothing as a rumour."""
    if _DENIED.search(sentence):
        return "denied"
    for m in _RUMOURED.finditer(sentence):
        if not _REFUSED_BEFORE.search(sentence, 0, m.start()):
            return "rumoured"
    return "reported"


# What before a word of rumour refuses it: "too early to speculate", "declined to speculate".
_REFUSED_BEFORE = re.compile(
    r"\b(?:too\s+(?:early|soon)\s+to|(?:refused|declined|refuses|declines)\s+to|not\s+to"
    r"|(?:would|will|did|does|do|could|can)\s*(?:not|n['’]t)|no)\s+$",
    re.IGNORECASE,
)


def find_attributions(
    text: str, sentences: Sequence[Sentence], entities: Sequence[EntityMention] = ()
) -> list[Attribution]:
    """Return the attributions in ``text``, sentence by sentence, at most one per cue.

    A record's ``start``/``end`` is its sentence; ``source_start``/``source_end`` is who said it
    (an empty span at the sentence start when no source is named, as for "reportedly").
    """
    ents = sorted((e.start, e.end, e.label == "PERSON") for e in entities)
    out: list[Attribution] = []
    for sent in sentences:
        lo, hi = max(0, sent.start), min(len(text), sent.end)
        if lo < hi:
            out.extend(_sentence_attributions(text, lo, hi, ents))
    return out


def _after_last_cue(text: str, src: tuple[int, int], cue: str) -> tuple[int, int]:
    """The source span cut after the last occurrence of its own cue word inside it ("The mayor
    who said the mayor said" names the second mayor): a source never contains its cue."""
    start, end = src
    words = cue.lower().split()
    if not words:
        return src
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    last = None
    for m in pattern.finditer(text, start, end):
        last = m
    if last is None:
        return src
    start = last.end()
    while start < end and text[start] in " ,;:\t\n":
        start += 1
    return (start, end) if start < end else (src[0], src[0])


def _sentence_attributions(text: str, lo: int, hi: int, ents: list[_Ent]) -> list[Attribution]:
    """Return the attributions of the sentence ``text[lo:hi]``."""
    toks = [
        (m.start(), m.end(), m.group(), m.group()[0].isalnum())
        for m in _TOKEN.finditer(text, lo, hi)
    ]
    sent_ents = [e for e in ents if e[0] >= lo and e[1] <= hi]
    stance = sentence_stance(text[lo:hi])
    found: list[Attribution] = []
    for m in _CUE.finditer(text, lo, hi):
        hit = _cue_source(text, m, toks, sent_ents, lo)
        if hit is None:
            continue
        cue, src, channel = hit
        src = _after_last_cue(text, src, cue)
        found.append(
            Attribution(
                start=lo,
                end=hi,
                source_start=src[0],
                source_end=src[1],
                cue=cue,
                stance=stance,
                channel=channel,
            )
        )
    if found:
        return found
    # Cues without a named source count only when nothing in the sentence names one.
    for m in _SOURCELESS.finditer(text, lo, hi):
        cue = " ".join(m.group().lower().split())
        found.append(
            Attribution(start=lo, end=hi, source_start=lo, source_end=lo, cue=cue, stance=stance)
        )
    return found


def _cue_source(
    text: str, m: re.Match[str], toks: list[_Tok], ents: list[_Ent], lo: int
) -> tuple[str, tuple[int, int], str | None] | None:
    """Return (cue, source span, channel) for the cue candidate ``m``, or None."""
    cue = " ".join(m.group().lower().split())
    i = _index_at(toks, m.start())
    if i is None:
        return None
    if cue == "according to":
        j = _index_at(toks, m.end(), after=True)
        src = _right_source(toks, j, ents)
        return (cue, src, None) if src else None
    if cue in ("dismissed", "rejected"):
        src = _left_source(text, toks, m.start(), ents, lo)
        return (cue, src, None) if src else None
    if cue not in _VERB_CUES and cue not in _BASE_CUES:
        return None
    if not _verb_position(toks, i, cue):
        return None
    src = _verb_source(text, toks, i, m, ents, lo)
    if src is None:
        return None
    return cue, src, _channel(text, toks, i, cue, ents)


def _verb_position(toks: list[_Tok], i: int, cue: str) -> bool:
    """Return True when the reporting word at token ``i`` is used as a finite verb."""
    prev = _prev_word(toks, i)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prev_low = prev[2].lower() if prev else ""
    if (
        prev_low in _NEGATING_PREV
        or _negated_aux(prev_low)
        or (
            prev is toks[i - 1]
            and (prev_low in _ATTRIBUTIVE or prev_low[:1].isdigit() or prev_low in _NUMBER_WORDS)
        )
    ):
        return False  # "refused to say", "no reported injuries", "nine alleged violations"
    if (
        cue == "alleged"
        and nxt is not None
        and nxt[2][:1].islower()
        and nxt[2].lower() not in ("that", "to", "in", "on", "at")
    ):
        return False  # "alleged abuses"
    if cue in _NOUNISH or cue in ("report", "claim"):
        if prev is None or nxt is None or not nxt[3]:
            return False
        if nxt[2].lower() in ("of", "from", "by", "about", "on", "in", "were", "was", "are"):
            return False
        if (
            prev_low in _DETERMINERS
            or prev_low in _PREPOSITIONS
            or prev_low in _VERB_CUES
            or prev_low.endswith("ed")
        ):
            return False
    if cue in _BASE_CUES:
        return _plural_subject(toks, i, prev, nxt)
    return True


def _plural_subject(toks: list[_Tok], i: int, prev: _Tok | None, nxt: _Tok | None) -> bool:
    """Return True when a bare reporting verb follows a plural subject or precedes "that"."""
    if prev is None:
        return False
    low = prev[2].lower()
    if low in ("they", "we", "i", "you", "people", "police", "media") or _plural(low):
        return True
    before = _prev_word(toks, toks.index(prev))
    if before is not None and before[2].lower() in _DETERMINERS:
        return False  # "a UN report that ..."
    return nxt is not None and nxt[2].lower() in ("that", ":")


def _verb_source(
    text: str, toks: list[_Tok], i: int, m: re.Match[str], ents: list[_Ent], lo: int
) -> tuple[int, int] | None:
    """Return the source span of a reporting verb: before it, after it when inverted, or after
    "by" when passive."""
    by = _agent_by(toks, i)
    if by is not None:
        return _right_source(toks, by + 1, ents)
    if i > 0 and (toks[i - 1][2].lower() in _AUX or _negated_aux(toks[i - 1][2])):
        return None  # passive without an agent: "were reported", "wasn't announced"
    cue = m.group().lower()
    if cue not in ("told", "tells") and cue not in _BASE_CUES and _inverted(text, m.start(), lo):
        c = _clause_comma(toks, i - 2)
        if c is not None:  # "Jo Ray, who farms here, said ..." names the speaker first
            return _antecedent(toks, c - 1, ents)
        src = _right_source(toks, i + 1, ents)
        if src and _closes_clause(toks, src[1]):
            return src
    return _left_source(text, toks, m.start(), ents, lo)


def _negated_aux(word: str) -> bool:
    """Return True for a contracted negative auxiliary ("wasn't", "don’t")."""
    return word.lower().endswith(("n't", "n’t"))


def _agent_by(toks: list[_Tok], i: int) -> int | None:
    """Return the index of the "by" that names the agent of a participle cue: "denied by X",
    "posted online last night by X"; None when there is none within a few words."""
    if not toks[i][2].lower().endswith("ed") and toks[i][2].lower() != "told":
        return None
    for k in range(i + 1, min(len(toks), i + 7)):
        low = toks[k][2].lower()
        if low == "by":
            return k
        adjunct = low in _ADJUNCT_WORDS or (low.endswith("ly") and low not in _LY_NOT_ADVERBS)
        if not (toks[k][3] and adjunct):
            return None  # an object comes first: "claimed victory by nightfall"
    return None


def _closes_clause(toks: list[_Tok], end: int) -> bool:
    """Return True when a source read after an inverted cue ends its clause: the sentence or a
    punctuation mark follows, or an adjunct ("in a statement", "on Friday", "which ...").
    A verb or another word after it means the cue's object was read, not its subject."""
    k = _index_at(toks, end, after=True)
    if k is None or not toks[k][3]:
        return True
    low = toks[k][2].lower()
    return low in _RIGHT_STOP and low not in _VERBISH


def _inverted(text: str, cue_start: int, lo: int) -> bool:
    """Return True when the cue directly follows a comma or closing quote ("..., said X"), but
    not a parenthetical adverb ("X, however, said")."""
    before = text[lo:cue_start].rstrip()
    if not before or before[-1] not in ",”\"’'":
        return False
    last = re.search(r"(\w+)\W*$", before)
    return not (before[-1] == "," and last and last.group(1).lower() in _BETWEEN)


def _channel(text: str, toks: list[_Tok], i: int, cue: str, ents: list[_Ent]) -> str | None:
    """Return the medium the cue names: "AFP" in "told AFP", "CNN" in "in an interview with
    CNN", "Telegram messaging app" in "announced on the Telegram messaging app"."""
    j = i + 1
    on = j < len(toks) and toks[j][2].lower() == "on"
    if cue in ("told", "tells") or on:
        chan = _channel_at(text, toks, j + 1 if on else j, ents)
        if chan:
            return chan
    m = _INTERVIEW.search(text, toks[i][1], toks[-1][1])
    if m:
        return _channel_at(text, toks, _index_at(toks, m.end(), after=True), ents)
    return None


def _channel_at(text: str, toks: list[_Tok], j: int | None, ents: list[_Ent]) -> str | None:
    """Return the noun phrase at token ``j`` as a channel name, when it names a medium."""
    if j is None or j >= len(toks):
        return None
    span = _walk_right(toks, j, ents)
    if span is None or any(es <= span[0] < ee and person for es, ee, person in ents):
        return None  # "told Jo Ray" names who heard it, not a medium
    words = _medium_words(text[span[0] : span[1]].split())
    return " ".join(words) or None


def _medium_words(words: list[str]) -> list[str]:
    """Return the words that name a medium: the longer of the leading capitalised run
    ("Radio Nord") and the words up to the last media noun ("Reuters news agency")."""
    while words and words[0] in _DETERMINERS:  # a capitalised "The" belongs to the name
        words = words[1:]
    media = [k + 1 for k, w in enumerate(words) if w.lower() in _MEDIA]
    run = 0
    while run < len(words) and (words[run][:1].isupper() or words[run][:1].isdigit()):
        run += 1
    return words[: max([run, *media])]


def _right_source(toks: list[_Tok], j: int | None, ents: list[_Ent]) -> tuple[int, int] | None:
    """Return the source noun phrase starting at token ``j``, with a role appositive after a
    name ("X, head of Y,") included."""
    if j is None or j >= len(toks):
        return None
    span = _walk_right(toks, j, ents)
    if span is None:
        return None
    k = _index_at(toks, span[1], after=True)
    if k is not None and k + 1 < len(toks) and toks[k][2] == "," and _is_name(toks, j, k - 1):
        app = _walk_right(toks, k + 1, ents)
        if app is not None:
            e = _index_at(toks, app[1], after=True)
            closes = e is None or toks[e][2] in ",.;:"
            words = [t[2].lower() for t in toks[k + 1 : k + 4] if t[3]]
            if closes and any(w in _ROLES for w in words):
                span = (span[0], app[1])
    return span


def _walk_right(toks: list[_Tok], j: int, ents: list[_Ent]) -> tuple[int, int] | None:
    """Return the span of the noun phrase read rightwards from token ``j``, or None."""
    last = None
    n = 0
    i = j
    while i < len(toks) and n < _MAX_RIGHT_WORDS:
        s, e, raw, is_word = toks[i]
        ent = _covering(ents, s, e)
        if ent is not None:
            while i + 1 < len(toks) and toks[i + 1][1] <= ent[1]:
                i += 1
            last, n, i = i, n + 1, i + 1
            continue
        if not is_word:
            if raw == "&" and last is not None:
                i += 1
                continue
            break
        if _ends_right(toks, i, raw, started=last is not None):
            break
        last, n, i = i, n + 1, i + 1
    return _trim_right(toks, j, last)


def _ends_right(toks: list[_Tok], i: int, raw: str, started: bool) -> bool:
    """Return True when the word at ``i`` cannot continue a source read rightwards."""
    low = raw.lower()
    nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
    nxt_cap = i + 1 < len(toks) and toks[i + 1][2][:1].isupper()
    if (
        low in _RIGHT_STOP
        or low in _IRREGULAR
        or (low == "in" and (nxt in ("a", "an") or nxt[:1].isdigit()))
    ):
        return True
    if (low in _TIME_WORDS and not nxt_cap) or (low in _BEFORE_TIME and nxt in _TIME_WORDS):
        return True  # "on Saturday", "this morning"; but "the Sunday Times"
    if low in _EARLY_LATE and (nxt in _BEFORE_TIME or nxt in ("on", "in")):
        return True
    if low == "and" and (nxt in _PRONOUNS or nxt in _LEFT_STOP):
        return True
    if raw[0].islower() and low.endswith("ing") and len(low) > 4:
        return True  # "citing", "adding"
    prev_det = i > 0 and toks[i - 1][2].lower() in _DETERMINERS
    if (
        raw[0].islower()
        and low.endswith("ed")
        and "-" not in low
        and low not in _ADJECTIVE_ED
        and not prev_det
    ):
        return True  # a verb: "said Jo Ray moved in years ago"
    # A determiner after a name opens a new phrase: "told Reuters the cranes were safe".
    return started and low in _DETERMINERS and _phrase_starts_here(toks, i)


def _trim_right(toks: list[_Tok], j: int, last: int | None) -> tuple[int, int] | None:
    """Return the span of tokens ``j..last`` without dangling prepositions, determiners,
    conjunctions or participles at its end."""
    while last is not None and last >= j:
        low = toks[last][2].lower()
        dangling = (
            low in _PREPOSITIONS
            or low in _DETERMINERS
            or low in ("and", "or")
            or (low.endswith("ed") and toks[last][2][0].islower() and last > j)
        )
        if not dangling:
            return toks[j][0], toks[last][1]
        last -= 1
    return None


def _left_source(
    text: str, toks: list[_Tok], cue_start: int, ents: list[_Ent], lo: int
) -> tuple[int, int] | None:
    """Return the subject of the cue at ``cue_start``, read leftwards, or None."""
    skip = _PRE_CUE.search(text, max(lo, cue_start - 80), cue_start)
    subj_end = skip.start() if skip else cue_start
    j = _index_before(toks, subj_end)
    if j is None:
        return None
    if "," in text[subj_end:cue_start]:
        c = _clause_comma(toks, j, broad=True)
        if c is not None:  # "Jo Ray, who has lived here for years, said"
            return _antecedent(toks, c - 1, ents)
    first, reason, b = _walk_left(toks, j, ents)
    seg = (toks[first][0], toks[j][1]) if first is not None else None
    relative = _relative_source(toks, seg, reason, b, ents)
    if relative is not None or seg is None or first is None:  # no seg: no first
        return relative
    if reason == "comma" and b > 0:
        return _with_appositive(toks, first, j, b, ents) or seg
    return seg


def _clause_comma(toks: list[_Tok], j: int, broad: bool = False) -> int | None:
    """Return the index of the comma that opens a ", who ..." or ", which ..." clause ending
    at token ``j``, or None. With ``broad``, a clause opened by a preposition or a participle
    counts too ("The union, at odds with studios, said")."""
    for k in range(j, max(-1, j - 30), -1):
        if toks[k][2] == ",":
            raw = toks[k + 1][2] if k + 1 <= j else ""
            nxt = raw.lower()
            opens = nxt in ("who", "which") or (
                broad
                and (nxt in _PREPOSITIONS or (raw[:1].islower() and nxt.endswith(("ing", "ed"))))
            )
            return k if opens and k > 0 else None
        if not toks[k][3] and toks[k][2] not in "'’-":
            return None
    return None


def _relative_source(
    toks: list[_Tok],
    seg: tuple[int, int] | None,
    reason: str,
    b: int,
    ents: list[_Ent],
) -> tuple[int, int] | None:
    """Return the source when a relative or participle clause sits before the cue, else None.

    "the OSDH, which added" -> the OSDH; "Residents who fled said" -> Residents who fled;
    "The resident, fearing reprisals, insisted" -> The resident.
    """
    comma_before = b > 0 and toks[b - 1][2] == ","
    if reason in ("which", "who", "participle") and comma_before:
        return _antecedent(toks, b - 2, ents)
    if seg is None:
        return None
    who = b if reason == "who" else (_relative_who(toks, b) if reason == "det" else None)
    if who is None:
        return None
    head = _walk_left(toks, who - 1, ents)[0] if who > 0 else None
    return (toks[head][0], seg[1]) if head is not None else seg


def _relative_who(toks: list[_Tok], b: int) -> int | None:
    """Return the index of a "who" a few words before ``b`` with only words between."""
    for k in range(b, max(-1, b - 4), -1):
        if not toks[k][3]:
            return None
        if toks[k][2].lower() == "who":
            return k
    return None


def _antecedent(toks: list[_Tok], j: int, ents: list[_Ent]) -> tuple[int, int] | None:
    """Return the noun phrase that ends at token ``j`` (before a relative clause)."""
    if j < 0:
        return None
    first = _walk_left(toks, j, ents)[0]
    return (toks[first][0], toks[j][1]) if first is not None else None


def _with_appositive(
    toks: list[_Tok], first: int, j: int, b: int, ents: list[_Ent]
) -> tuple[int, int] | None:
    """Return the name plus its role appositive ("Rami X, director of Y") when the segment
    before the comma at ``b`` and the segment ``first..j`` form one, else None."""
    first0, reason0, _ = _walk_left(toks, b - 1, ents)
    if first0 is None or reason0 not in ("start", "comma", "punct"):
        return None
    if (b - first0 > _MAX_SEGMENT_WORDS + 2) or (j - first > _MAX_SEGMENT_WORDS + 2):
        return None
    name_then_role = _is_name(toks, first0, b - 1) and (
        _is_role(toks, first, j) or (_described(toks, first, j) and _long_name(toks, first0, b - 1))
    )
    role_then_name = (_is_role(toks, first0, b - 1) or _described(toks, first0, b - 1)) and (
        _is_name(toks, first, j)
    )
    if name_then_role or role_then_name:
        return toks[first0][0], toks[j][1]
    return None


def _walk_left(toks: list[_Tok], j: int, ents: list[_Ent]) -> tuple[int | None, str, int]:
    """Read a noun phrase leftwards from token ``j``.

    Return (index of its first token or None, why it stopped, index of the token it stopped
    at, -1 at the sentence start). The reason is "start", "comma", "punct", "det" (a determiner
    begins the phrase), "participle", "long", or the stop word itself ("which", "who", ...).
    """
    first: int | None = None
    n = 0
    i = j
    while i >= 0:
        s, e, raw, is_word = toks[i]
        ent = _covering(ents, s, e)
        if ent is not None:
            while i > 0 and toks[i - 1][0] >= ent[0]:
                i -= 1
            first, n, i = i, n + 1, i - 1
            continue
        if not is_word:
            k = _paren_open(toks, i) if raw == ")" and first is not None else None
            if k is not None:
                first, i = k, k - 1
                continue
            return first, ("comma" if raw == "," else "punct"), i
        low = raw.lower()
        if low == "and" and first is not None and i > 0 and toks[i - 1][3]:
            # "a resident and sources from the army": coordinate only when the left conjunct
            # itself reaches the start of a clause; otherwise "and" joins two clauses.
            sub = _walk_left(toks, i - 1, ents)
            if sub[0] is not None and sub[1] in ("start", "comma", "punct"):
                return sub
            return first, "and", i
        reason = _left_stop_reason(toks, i, raw, low, first)
        if reason:
            return first, reason, i
        first, n = i, n + 1
        if low in _DETERMINERS and _phrase_starts_here(toks, i):
            return first, "det", i - 1
        if n >= _MAX_SOURCE_WORDS:
            return first, "long", i - 1
        i -= 1
    return first, "start", -1


def _left_stop_reason(
    toks: list[_Tok], i: int, raw: str, low: str, first: int | None
) -> str | None:
    """Return why the word at ``i`` cannot belong to a subject read leftwards, or None."""
    if low in _LEFT_STOP or _negated_aux(low):
        return low
    prev = toks[i - 1] if i > 0 else None
    after_det = prev is not None and prev[2].lower() in _DETERMINERS  # "the leading group"
    if raw[0].islower() and low.endswith("ing") and len(low) > 4 and not after_det:
        return "participle"
    if (
        raw[0].islower()
        and low.endswith("ed")
        and "-" not in low
        and low not in _ADJECTIVE_ED
        and not after_det
        and not _reduced_relative(toks, i, first)
    ):
        return "participle" if first is None or i == 0 or toks[i - 1][2] == "," else "verb"
    if low in _PREPOSITIONS:
        # "sources in Baghdad" continues; a phrase-initial "In Lisbon," does not.
        if first is None or prev is None or not prev[3]:
            return "prep"
        p = prev[2].lower()
        if p in _LEFT_STOP or p in _PREPOSITIONS or p in _DETERMINERS:
            return "prep"
        if low == "by" and p.endswith("ed"):
            return "prep"  # an agent: "backed by state media, which said"
    if low == "and":
        return "and"
    return None


def _reduced_relative(toks: list[_Tok], i: int, first: int | None) -> bool:
    """Return True for a participle that modifies the noun before it and is followed by a
    preposition already read: "people briefed on the talks", "families displaced by floods"."""
    if first is None or i == 0 or i + 1 >= len(toks):
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    return (
        prev[3]
        and prev[2].lower() not in _LEFT_STOP
        and prev[2].lower() not in _PREPOSITIONS
        and nxt[2].lower() in _PREPOSITIONS
    )


def _phrase_starts_here(toks: list[_Tok], i: int) -> bool:
    """Return True when the determiner at ``i`` begins a phrase (not "head of the ...")."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if not prev[3]:
        return False
    return prev[2].lower() not in _PREPOSITIONS and prev[2].lower() not in ("and", "both")


def _paren_open(toks: list[_Tok], i: int) -> int | None:
    """Return the index of the "(" that closes at ``i`` within a few tokens, or None."""
    for k in range(i - 1, max(-1, i - 7), -1):
        if toks[k][2] == "(":
            return k
    return None


def _is_name(toks: list[_Tok], a: int, b: int) -> bool:
    """Return True when tokens ``a..b`` look like a proper name ("Rami Abdel Rahmane")."""
    words = [t[2] for t in toks[a : b + 1] if t[3]]
    if not words or words[0].lower() in _DETERMINERS or not words[0][0].isupper():
        return False
    return all(
        w[0].isupper()
        or w.lower() in ("al", "bin", "ibn", "de", "van", "von", "el")
        or w.lower().startswith(("al-", "el-"))
        for w in words
    )


def _described(toks: list[_Tok], a: int, b: int) -> bool:
    """Return True when tokens ``a..b`` are a description opened by "the"/"a"/"an" that is
    not a time adverbial ("The next day, ...")."""
    if toks[a][2].lower() not in ("the", "a", "an"):
        return False
    return not any(t[2].lower() in _TIME_WORDS for t in toks[a : b + 1])


def _long_name(toks: list[_Tok], a: int, b: int) -> bool:
    """Return True for a name of two words or more ("National Liberation Front")."""
    return sum(1 for t in toks[a : b + 1] if t[3]) >= 2


def _is_role(toks: list[_Tok], a: int, b: int) -> bool:
    """Return True when tokens ``a..b`` describe a role ("the leader of the NLF")."""
    words = [t[2] for t in toks[a : b + 1] if t[3]]
    if not words:
        return False
    if _is_name(toks, a, b):  # a title-cased role: "Chief Executive", "President Acme Corp"
        return words[0].lower() in _ROLES
    return any(w.lower() in _ROLES for w in words)


def _plural(low: str) -> bool:
    """Return True for a word that looks like a plural noun."""
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _prev_word(toks: list[_Tok], i: int) -> _Tok | None:
    """Return the word before token ``i``, skipping commas and the adverbs and auxiliaries
    that sit between a subject and its verb."""
    k = i - 1
    while k >= 0 and (
        toks[k][2] == ","
        or toks[k][2].lower() in _BETWEEN
        or (
            toks[k][2].endswith("ly") and toks[k][2].islower() and toks[k][2] not in _LY_NOT_ADVERBS
        )
    ):
        k -= 1
    return toks[k] if k >= 0 and toks[k][3] else None


def _covering(ents: list[_Ent], s: int, e: int) -> tuple[int, int] | None:
    """Return the entity span that contains the token ``[s, e)``, if any."""
    for es, ee, _ in ents:
        if es <= s and e <= ee and ee - es > e - s:
            return es, ee
        if es > e:
            break
    return None


def _index_at(toks: list[_Tok], pos: int, after: bool = False) -> int | None:
    """Return the index of the token starting at ``pos`` (or the first one after it)."""
    for k, t in enumerate(toks):
        if t[0] == pos or (after and t[0] >= pos):
            return k
    return None


def _index_before(toks: list[_Tok], pos: int) -> int | None:
    """Return the index of the last token that ends at or before ``pos``."""
    found = None
    for k, t in enumerate(toks):
        if t[1] <= pos:
            found = k
        else:
            break
    return found
