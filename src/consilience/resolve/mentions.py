"""Mentions of a story: the annotation step's entity spans, repaired, plus the spans found by
propagating known names. Every mention stays a real span of its article's text.

Repairs (each general, each noted on the mention):

* **edges** - a leading "the", quotes, a possessive "'s", a trailing dash or comma are cut;
* **parentheses** - "Name (ACR" missing its ")" is extended to it, and "Name (ACR)" is split
  into the name and the acronym;
* **commas** - "X, Y" (two one-word names) is split into X and Y;
* **headlines** - in a title-cased line, where capitals say nothing, "X Wavers" is cut to X when
  X is a name known from running text;
* **foreign articles** - "Il X", "Le X" (a source-language article left by a translation) is cut
  to X when X, and not the whole span, is a known name or a gazetteer place; "TheX" (a missing
  space) likewise;
* **acronym definitions** - "Long Name (ACR)" and "ACR (Long Name)" make both spans mentions;
* **handles** - an "@handle" that spells the name of exactly one person of the story
  ("@janed", "@JaneDoe") is a mention of that person;
* **unread names** - in articles of a language with no entity model, a person's name that
  two articles write alike, once in mid-sentence, and whose surname the story names alone
  ("Korvic's lawyer") is a mention, and so is that surname (``find_unread_names``);
* **propagation** - every exact occurrence of a known name (a surface already seen in the story,
  a defined acronym, an alias from the alias table) that no mention covers becomes a mention; an
  occurrence that strictly contains mentions replaces them ("Liberation Front" inside "National
  Liberation Front").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Article
from .names import (
    ARABIC_ARTICLES,
    FUNCTION_WORDS,
    TITLES,
    acronym_letters,
    ascii_word,
    core_tokens,
    initials,
    is_acronym,
    name_tokens,
)

PROPAGATE_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Administrative nouns after a place name: "Tartu county" is keyed as Tartu.
ADMIN_NOUNS = frozenset(
    """province provinces governorate governorates district region county prefecture oblast
    department municipality""".split()
)
# Source-language articles that a translation may leave before a name.
FOREIGN_ARTICLES = frozenset(
    {"le", "la", "les", "il", "lo", "gli", "der", "die", "das", "los", "las", "het", "i"}
)
# Capitalised words that open sentences and are no names (general English).
_OPENERS = frozenset(
    """a an this that these those it its he she they we i you his her their our my your but or
    if when while after before since as so then also however meanwhile according despite
    although though yet still thus there here what which who whom whose where why how all some
    many most several both each every no not only even just once now today yesterday tomorrow
    tonight last next early late new old former other another such more less january february
    march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday reports report sources source officials
    residents witnesses analysts instead unlike like despite under against without within
    clearly later earlier soon again afterwards afterward""".split()
)
_MAX_ACRONYM_NAME = 12  # words
_WORD = re.compile(r"[^\W_]+")
_LINE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Mention:
    """A span of one article, with the annotation step's label (None when this stage added
    it), its gazetteer id if any, where it came from and how it was repaired."""

    article: str
    order: int  # the article's position in the story
    start: int
    end: int
    label: str | None
    geonameid: int | None = None
    origin: str = "model"  # model | gazetteer | rule | acronym | propagated
    note: str | None = None
    # the key of the name this span was found as when it is written otherwise (another script)
    key: str | None = None


@dataclass(frozen=True, slots=True)
class AcronymDef:
    """An acronym defined in an article: the long name's span and the acronym's span."""

    article: str
    long: tuple[int, int]
    short: tuple[int, int]
    exact: bool  # the letters are the long name's initials


@dataclass(slots=True)
class Doc:
    """One article of the story as this stage sees it."""

    id: str
    order: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    acronyms: list[AcronymDef] = field(default_factory=list)
    published: str | None = None  # ISO date
    language: str | None = None
    headline_lines: dict[int, bool] = field(default_factory=dict)  # line start -> title-cased

    def surface(self, m: Mention) -> str:
        return self.text[m.start : m.end]


# Courtesy titles that only ever stand before a person's name (several languages).
COURTESY_TITLES = frozenset(
    "mr mrs ms mme mlle messrs herr frau sig signor signora sr sra senor senora dott".split()
)


def courtesy_titled(surface: str) -> bool:
    """Return whether a span is a courtesy title and two words or more ("Ms Jane Doe"): a
    person, whatever label the model gave it."""
    words = name_tokens(surface)
    return len(words) >= 3 and ascii_word(words[0].rstrip(".")) in COURTESY_TITLES


@lru_cache(maxsize=65536)
def surface_key(surface: str, label: str | None) -> str:
    """Return the exact-match key of a mention: lower-case ASCII core tokens (honorifics dropped
    for persons, a trailing administrative noun dropped for places)."""
    words = name_tokens(surface, person=label == "PERSON" or courtesy_titled(surface))
    if label in PLACE_LABELS and len(words) > 1 and words[-1].lower() in ADMIN_NOUNS:
        words = words[:-1]
    return " ".join(core_tokens(words))


# ----------------------------------------------------------------------------- edges


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span without surrounding blanks, quotes, a leading "the", a possessive or
    a trailing dash or punctuation."""
    s, e = start, end
    for _ in range(4):
        before = (s, e)
        while s < e and (text[s].isspace() or text[s] in "\"'“‘«*#[–—-"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ',;:!?"“”»*–—-]'):
            e -= 1
        if e - s > 2 and text[e - 2 : e] in ("'s", "’s", "'S", "’S"):
            e -= 2
        elif e - s > 2 and text[e - 1] in "'’" and text[e - 2] in "sS":
            e -= 1
        if e - s > 1 and text[e - 1] == "." and "." not in text[s : e - 1]:
            e -= 1
        m = re.match(r"(?:the|The|THE)\s+(?=\S)", text[s:e])
        if m and e - s > m.end():
            s += m.end()
        if (s, e) == before:
            break
    return s, e


# Two capitalised one-word names with a comma between them.
_TWO_NAMES = re.compile(r"([^\W\d_][^\W\d_]{2,}),\s+([^\W\d_][^\W\d_]{2,})")


def _repair(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Return the repaired span(s) of one annotated entity: edges trimmed, a missing closing
    parenthesis added, "Name (ACR)" split in two."""
    s, e = _trim_edges(text, start, end)
    note = None if (s, e) == (start, end) else "edges trimmed"
    span = text[s:e]
    if "(" in span and ")" not in span:
        close = re.match(r"[^()\n]{0,12}?\)", text[e : e + 14])
        if close:
            e += close.end()
            span = text[s:e]
            note = "extended to the closing parenthesis"
    comma = _TWO_NAMES.fullmatch(span)
    if (
        comma and comma.group(1)[0].isupper() and comma.group(2)[0].isupper()
    ):  # "Lazio, Umbria": two names in one span, never one name
        return [
            (s + comma.start(1), s + comma.end(1), "split at a comma"),
            (s + comma.start(2), s + comma.end(2), "split at a comma"),
        ]
    paren = re.fullmatch(r"(.+?)\s*\(\s*([^()]+?)\s*\)", span)
    if paren:
        a0, a1 = _trim_edges(text, s + paren.start(1), s + paren.end(1))
        b0, b1 = _trim_edges(text, s + paren.start(2), s + paren.end(2))
        return [(a0, a1, "split at a parenthesis"), (b0, b1, "split at a parenthesis")]
    if "(" in span or ")" in span:
        inner = re.search(r"[^()]+", span)
        if inner is None:
            return []
        a0, a1 = _trim_edges(text, s + inner.start(), s + inner.end())
        return [(a0, a1, "unbalanced parenthesis dropped")]
    return [(s, e, note)] if e > s else []


def collect(articles: Sequence[Article]) -> list[Doc]:
    """Return the story's articles with their entity mentions, edges repaired."""
    docs = []
    for order, article in enumerate(articles):
        doc = Doc(
            article.id,
            order,
            article.text,
            published=article.published.date,
            language=article.language,
        )
        seen: set[tuple[int, int]] = set()
        for ent in article.annotations.entities:
            for s, e, note in _repair(article.text, ent.start, ent.end):
                if (s, e) in seen or e <= s:
                    continue
                seen.add((s, e))
                doc.mentions.append(
                    Mention(article.id, order, s, e, ent.label, ent.geonameid, ent.source, note)
                )
        doc.mentions.sort(key=lambda m: (m.start, m.end))
        docs.append(doc)
    return docs


# ----------------------------------------------------------------------------- story facts


def lower_words(docs: Iterable[Doc]) -> frozenset[str]:
    """Return the words written in lower case somewhere in the story: an ordinary word is no
    evidence of a name even when a headline or a sentence start capitalises it."""
    words: set[str] = set()
    for doc in docs:
        words.update(w for w in _WORD.findall(doc.text) if w[0].islower())
    return frozenset(words)


def _titlecase_line(doc: Doc, pos: int) -> bool:
    """Return whether the line around ``pos`` is title-cased (a headline): three or more words
    of four letters or more, at least 70% of them capitalised. Cached per line."""
    text = doc.text
    line_start = text.rfind("\n", 0, pos) + 1
    cached = doc.headline_lines.get(line_start)
    if cached is not None:
        return cached
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    found = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
    doc.headline_lines[line_start] = found
    return found


def known_keys(docs: Iterable[Doc], in_headlines: bool = True) -> Counter[str]:
    """Return how many name mentions (PERSON, ORG, places) the story has under each key,
    optionally leaving out mentions in headlines."""
    keys: Counter[str] = Counter()
    for doc in docs:
        for m in doc.mentions:
            if m.label not in PROPAGATE_LABELS:
                continue
            if not in_headlines and _titlecase_line(doc, m.start):
                continue
            keys[surface_key(doc.surface(m), m.label)] += 1
    return keys


# ----------------------------------------------------------------------------- repairs


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of the blank-separated words of text[start:end]."""
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def trim_headlines(docs: Sequence[Doc], known: Collection[str]) -> None:
    """Cut name mentions in title-cased lines to their longest leading known name ("X Wavers"
    -> "X" when X is known from running text)."""
    for doc in docs:
        for m in doc.mentions:
            words = _word_spans(doc.text, m.start, m.end)
            if len(words) < 2 or not _titlecase_line(doc, m.start):
                continue
            if surface_key(doc.surface(m), m.label) in known:
                continue
            for k in range(len(words) - 1, 0, -1):
                s, e = _trim_edges(doc.text, m.start, words[k - 1][1])
                if surface_key(doc.text[s:e], m.label) in known:
                    m.start, m.end, m.note = s, e, "headline words after a known name cut"
                    break


# Words that stand before a person's name like a title but are no given names (general English
# role, rank and kinship words; the honorifics themselves are names.TITLES).
ROLE_WORDS = frozenset(
    """coach speaker chair chairperson director manager ceo founder leader commissioner attorney
    prosecutor solicitor counsel pastor archbishop patriarch mufti cleric grand supreme crown
    royal acting interim former late then ex opposition rebel militant warlord tycoon
    billionaire mogul star singer actor actress rapper striker midfielder defender goalkeeper
    player boss chef dean rector principal agent nurse uncle aunt auntie grandma grandpa mother
    mum mom dad granny cousin veteran activist journalist reporter correspondent analyst
    editor author writer poet artist dr commodore brigadier marshall advocate senior junior
    skipper teammate compatriot countryman countrywoman englishman englishwoman frenchman
    frenchwoman irishman irishwoman scotsman scotswoman welshman welshwoman dutchman
    dutchwoman owner executive assistant candidate suspect defendant victim witness quarterback
    receiver linebacker safety guard tackle pitcher catcher winger fullback""".split()
)
# Endings of English adverbs and agent nouns that no given name has ("Ironically",
# "Moviemaker", "Novelist").
_NOT_NAME_ENDINGS = (
    "ically",
    "ally",
    "ously",
    "edly",
    "ingly",
    "ately",
    "ively",
    "fully",
    "lessly",
    "ently",
    "antly",
    "ist",
    "ists",
    "maker",
    "makers",
)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)*")
_GIVEN_BEFORE = 2  # at most this many given names are added before a person's name
_BREAK_BEFORE = ".!?:;…•—–-"
_QUOTES = "\"'“”‘’«»([*#"


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Return spaCy's English stop words (with the openers above): never a given name."""
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover - spaCy is a dependency
        STOP_WORDS = set()
    return frozenset(STOP_WORDS) | _OPENERS


def sentence_initial(text: str, pos: int) -> bool:
    """Return whether the word at ``pos`` opens a line or a sentence (after end punctuation,
    a colon, a dash or opening quotes), where a capital says nothing about a name."""
    before = text[text.rfind("\n", 0, pos) + 1 : pos].rstrip()
    for _ in range(2):
        if not before or before[-1] in _BREAK_BEFORE:
            return True
        before = before.rstrip(_QUOTES + " \t")
    return not before or before[-1] in _BREAK_BEFORE


def _name_like(word: str) -> bool:
    """Return whether a word is written like a given name: capitalised, then lower case (each
    hyphenated part capitalised: "Jean-Luc"), letters only."""
    if not _NAME_WORD.fullmatch(word):
        return False
    return all(p[0].isupper() and p[1:].islower() for p in word.split("-") if p) and (
        len(word) >= 2
    )


class _GivenNames:
    """What the story says about words that may be given names left out of a person's span."""

    def __init__(self, docs: Sequence[Doc], ordinary: Collection[str]) -> None:
        self.docs = docs
        self.ordinary = {w.lower() for w in ordinary}
        self.stop = _stop_words()
        # Capitalised words the story uses as names of something other than a person: the
        # one-word non-person mentions, and every word of a group of people ("Peruvian").
        # Plurals of any word of those names are members of groups ("Seahawk", "Democrat").
        self.other: set[str] = set()
        self.plurals: set[str] = set()
        for doc in docs:
            for m in doc.mentions:
                if m.label in (None, "PERSON"):
                    continue
                words = _WORD.findall(doc.surface(m))
                if m.label == "NORP" or len(words) == 1:
                    self.other.update(words)
                self.plurals.update(w for w in words if w.endswith("s"))
        self._running: dict[str, list[tuple[int, int]]] = {}
        self._at: dict[str, list[tuple[int, int]]] = {}
        # Persons' names of two words or more as the model found them.
        self.persons = {
            doc.surface(m)
            for doc in docs
            for m in doc.mentions
            if m.label == "PERSON" and " " in doc.surface(m)
        }

    def plausible(self, word: str) -> bool:
        """Return whether ``word`` may be a given name: written like one, no title, role,
        function word, opener, month or weekday, no name of anything else in the story."""
        low = ascii_word(word)
        return (
            _name_like(word)
            and not is_title(word)
            and not (word.endswith("s") and is_title(word[:-1]))
            and low not in FUNCTION_WORDS
            and low not in ARABIC_ARTICLES
            and word.lower() not in self.stop
            and not low.endswith(_NOT_NAME_ENDINGS)
            and word not in self.other
            and not {word + "s", word + "es"} & self.plurals
        )

    def boundary(self, doc: Doc, start: int) -> bool:
        """Return whether a person's name may begin at ``start``: the word before it (if any
        on the line, blanks between) is no capitalised word, or is a title or a stop word;
        a name inside a longer run of capitals ("State Fire Marshall John Bond") belongs to
        something else."""
        word = self.word_before(doc, start)
        if word is None:
            return True
        token = doc.text[word[0] : word[1]]
        if token.lower() == "the":
            return False  # "the Matanuska Maid Creamery": no person's name
        if not token[:1].isupper():
            return True
        core = token.strip(_QUOTES).rstrip(".,;:")
        return (
            token != core
            or is_title(core)
            or core.lower() in self.stop
            or sentence_initial(doc.text, start)
        )

    def index(self, words: Collection[str]) -> None:
        """Record where each of ``words`` (possible given names) is written in the story, in
        one pass over each article."""
        self._at = {}
        if not words:
            return
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(r"(?<![\w'’-])(?:" + alternation + r")(?=[ \t])")
        for d in self.docs:
            for hit in pattern.finditer(d.text):
                self._at.setdefault(hit.group(), []).append((d.order, hit.start()))

    def in_running_text(self, surface: str, doc: Doc, pos: int) -> bool:
        """Return whether ``surface`` is written somewhere else in the story (than at ``pos``
        of ``doc``) inside a sentence, not at its start nor in a headline, where its capitals
        are evidence of a name. Its first word must have been indexed (:meth:`index`)."""
        found = self._running.get(surface)
        if found is None:
            found = []
            first = surface.split(None, 1)[0]
            for order, at in self._at.get(first, ()):
                text = self.docs[order].text
                end = at + len(surface)
                if (
                    text.startswith(surface, at)
                    and (end == len(text) or not text[end].isalnum())
                    and not sentence_initial(text, at)
                    and not _titlecase_line(self.docs[order], at)
                ):
                    found.append((order, at))
                    if len(found) > 1:
                        break
            self._running[surface] = found
        return any(at != (doc.order, pos) for at in found)

    def word_before(self, doc: Doc, start: int) -> tuple[int, int] | None:
        """Return the span of the word right before ``start`` on the same line, separated
        from it by blanks only (no punctuation), or None."""
        line_start = doc.text.rfind("\n", 0, start) + 1
        m = re.search(r"(\S+)[ \t]+$", doc.text[line_start:start])
        if m is None:
            return None
        return line_start + m.start(1), line_start + m.end(1)

    def accept(self, doc: Doc, word: tuple[int, int], end: int) -> bool:
        """Return whether the word at ``word`` is a given name of the name ending at ``end``:
        a plausible word that no other mention covers; in a headline only when the longer
        name is written in running text; elsewhere also when the story never writes the
        word in lower case and names no person with other given names before that name
        ("Geir Pedersen" known: "Later Pedersen" is no new name)."""
        text = doc.text
        token = text[word[0] : word[1]]
        if not self.plausible(token):
            return False
        if any(m.start < word[1] and word[0] < m.end for m in doc.mentions):
            return False
        longer = text[word[0] : end]
        if self.in_running_text(longer, doc, word[0]):
            return True
        if _titlecase_line(doc, word[0]):
            return False
        name = text[word[1] : end].lstrip()
        if any(p.endswith(" " + name) and p != longer for p in self.persons):
            return False
        return token.lower() not in self.ordinary


def add_given_names(docs: Sequence[Doc], ordinary: Collection[str]) -> None:
    """Extend person mentions leftwards over given names the model left out ("Tayyip Erdogan"
    -> "Recep Tayyip Erdogan"): up to two adjacent words written like names that are no
    title, role, common word (a stop word, or a word the story writes in lower case) or name
    of something else. A capital in a headline counts only when the longer name is written in
    running text."""
    persons = [
        (doc, m)
        for doc in docs
        for m in doc.mentions
        if m.label == "PERSON" and m.end > m.start and _extensible(doc, m)
    ]
    if not persons:
        return
    facts = _GivenNames(docs, ordinary)
    words: set[str] = set()
    for doc, m in persons:
        start = m.start
        for _ in range(_GIVEN_BEFORE):
            word = facts.word_before(doc, start)
            if word is None or not facts.plausible(doc.text[word[0] : word[1]]):
                break
            words.add(doc.text[word[0] : word[1]])
            start = word[0]
    facts.index(words)
    for doc, m in persons:
        start = m.start
        for _ in range(_GIVEN_BEFORE):
            word = facts.word_before(doc, start)
            if word is None or not facts.accept(doc, word, m.end):
                break
            start = word[0]
        if start != m.start and facts.boundary(doc, start):
            m.start, m.note = start, "given name before the name added"


def _extensible(doc: Doc, m: Mention) -> bool:
    """Return whether a person mention may lack given names: it starts with a word that is
    no title and no abbreviation in capitals ("Trooper X", "GM X": words before a title are
    no given names)."""
    if m.note == _UNREAD_NOTE:
        return False  # already the longest name the articles write alike
    first = _WORD.match(doc.text, m.start)
    return first is not None and not is_title(first.group()) and not first.group().isupper()


def is_title(word: str) -> bool:
    """Return whether a word is an honorific, a title or a role word ("Mr.", "Coach")."""
    low = ascii_word(word.rstrip("."))
    return low in TITLES or low in ROLE_WORDS


def trim_foreign_articles(docs: Sequence[Doc], known: Counter[str], gazetteer) -> None:  # noqa: ANN001
    """Cut a leading source-language article ("Il X", "Le X") or a glued "The" ("TheX") when
    the rest, and not the whole span, is a known name or a gazetteer place."""

    def is_known(surface: str, label: str | None, itself: int = 0) -> bool:
        return known[surface_key(surface, label)] > itself or bool(gazetteer.lookup(surface))

    for doc in docs:
        for m in doc.mentions:
            span = doc.surface(m)
            glued = re.match(r"(?:The|the)(?=[A-Z][a-z])", span)
            first = re.match(r"(\w+)\s+(?=\S)", span)
            cut = None
            if glued:
                cut = glued.end()
            elif (
                first
                and first.group(1).lower() in FOREIGN_ARTICLES
                and (first.group(1)[0].isupper())
            ):
                cut = first.end()
            if cut is None or is_known(span, m.label, itself=1):
                continue
            if is_known(span[cut:], m.label):
                m.start += cut
                m.note = "source-language article cut"


def _capitalised_run(text: str, end: int, line_start: int) -> list[tuple[int, int]]:
    """Return the words (spans) of the name-like run that ends at ``end``: capitalised words,
    function words and Arabic-article compounds ("al-Sham"), at most a dozen, read backwards
    to a punctuation mark or a lower-case word."""
    words: list[tuple[int, int]] = []
    pos = end
    for m in reversed(list(re.finditer(r"\S+", text[line_start:end]))):
        s, e = line_start + m.start(), line_start + m.end()
        if e != pos and text[e:pos].strip():
            break
        word = text[s:e]
        if re.search(r"[,.;:!?\"”)]$", word) and e != end:
            break
        core = word.strip("\"“”'‘’(")
        last_part = core.split("-")[-1]
        if not core or not (
            core[0].isupper() or last_part[:1].isupper() or core.lower() in FUNCTION_WORDS
        ):
            break
        words.insert(0, (s, e))
        pos = s
        if len(words) >= _MAX_ACRONYM_NAME:
            break
    while words and text[words[0][0] : words[0][1]].lower() in FUNCTION_WORDS:
        words.pop(0)
    return words


def _letter_overlap(acronym: str, letters: str) -> int:
    """Return how many letters of ``acronym`` appear among ``letters`` (as multisets)."""
    pool = list(letters)
    hits = 0
    for ch in acronym:
        if ch in pool:
            pool.remove(ch)
            hits += 1
    return hits


def _long_name_before(doc: Doc, paren: int, letters: str) -> tuple[int, int, bool] | None:
    """Return (start, end, exact) of the name a parenthesised acronym at ``paren`` defines, or
    None. The shortest run of words whose initials are the acronym's letters wins; failing that
    (an acronym of a translated name: letters in another order or language), a name mention or
    the capitalised run right before the parenthesis sharing at least half of the letters."""
    text = doc.text
    end = paren
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    run = _capitalised_run(text, end, text.rfind("\n", 0, end) + 1)
    for i in range(len(run) - 1, -1, -1):
        words = [text[s:e] for s, e in run[i:]]
        if words[0].lower() in FUNCTION_WORDS:
            continue
        if letters in (initials(words), initials(words, keep_function_words=True)):
            return run[i][0], run[-1][1], True
    shared_needed = max(2, (len(letters) + 1) // 2)
    for m in doc.mentions:
        if m.end == end and m.label in ("ORG", "FAC", "GPE", "LOC", "NORP", None):
            s, e = _trim_edges(text, m.start, m.end)
            words = text[s:e].split()
            if len(words) >= 2 and _letter_overlap(letters, initials(words)) >= shared_needed:
                return s, e, False
    if len(run) >= 2:
        words = [text[s:e] for s, e in run]
        if _letter_overlap(letters, initials(words)) >= shared_needed:
            return run[0][0], run[-1][1], False
    return None


def find_acronyms(doc: Doc) -> list[AcronymDef]:
    """Return the acronyms defined in an article: "Long Name (ACR)" (initials in order, or a
    translated name right before the parenthesis) and "ACR (Long Name)" (initials in order)."""
    text = doc.text
    found: list[AcronymDef] = []
    for m in re.finditer(r"\(\s*([A-Z][A-Za-z0-9.&-]{1,11})\s*\)", text):
        short = m.group(1)
        if not is_acronym(short):
            continue
        long = _long_name_before(doc, m.start(), acronym_letters(short))
        if long:
            found.append(AcronymDef(doc.id, long[:2], (m.start(1), m.end(1)), long[2]))
    for m in re.finditer(r"\b([A-Z][A-Za-z0-9.&]{1,9})\s*\(([^()\n]{3,100})\)", text):
        short = m.group(1)
        if not is_acronym(short):
            continue
        s, e = _trim_edges(text, m.start(2), m.end(2))
        words = text[s:e].split()
        if not words or not all(w[0].isupper() or w.lower() in FUNCTION_WORDS for w in words):
            continue
        if acronym_letters(short) == initials(words):
            found.append(AcronymDef(doc.id, (s, e), (m.start(1), m.end(1)), True))
    return found


def place_span(doc: Doc, start: int, end: int, label: str | None, origin: str, note: str) -> bool:
    """Make ``[start, end)`` a mention of ``doc``: kept if present, replacing the mentions it
    contains or that contain it, added if nothing overlaps. A replacement takes ``label`` and
    ``origin`` when a label is given, else those of the mention it replaces. Return False (and
    change nothing) when it crosses a mention's edge."""
    inside, around, crossing = [], [], []
    for m in doc.mentions:
        if m.end <= start or m.start >= end:
            continue
        if (m.start, m.end) == (start, end):
            return True
        if start <= m.start and m.end <= end:
            inside.append(m)
        elif m.start <= start and end <= m.end:
            around.append(m)
        else:
            crossing.append(m)
    if crossing:
        return False
    replaced = inside + around
    keep = next((m for m in replaced if m.label is not None), replaced[0] if replaced else None)
    for m in replaced:
        doc.mentions.remove(m)
    if keep is not None and label is None:
        doc.mentions.append(
            Mention(doc.id, doc.order, start, end, keep.label, keep.geonameid, keep.origin, note)
        )
    else:
        doc.mentions.append(Mention(doc.id, doc.order, start, end, label, None, origin, note))
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    return True


def apply_acronyms(docs: Sequence[Doc]) -> None:
    """Find each article's acronym definitions and make both of their spans mentions."""
    for doc in docs:
        doc.acronyms = find_acronyms(doc)
        kept = []
        for d in doc.acronyms:
            ok = place_span(doc, *d.long, None, "acronym", "long name of a defined acronym")
            if ok and place_span(doc, *d.short, None, "acronym", "defined acronym"):
                kept.append(d)
        doc.acronyms = kept


def _propagation_surfaces(
    docs: Sequence[Doc], extra: Iterable[str], ordinary: Collection[str]
) -> dict[str, dict[str, str | None]]:
    """Return first word -> {known surface: its label} for the names worth searching for:
    name mentions' surfaces, defined acronyms and the extra names given, without ordinary
    single words."""
    surfaces: dict[str, str | None] = dict.fromkeys(extra)
    for doc in docs:
        for m in doc.mentions:
            if m.label in PROPAGATE_LABELS or m.origin == "acronym":
                surface = doc.surface(m)
                if surfaces.get(surface) is None:
                    surfaces[surface] = m.label
    index: dict[str, dict[str, str | None]] = {}
    for s, label in surfaces.items():
        words = _WORD.findall(s)
        if not words or not s[0].isupper():
            continue
        if len(words) == 1:
            low = words[0].lower()
            if (
                low in ordinary
                or low in _OPENERS
                or low in FUNCTION_WORDS
                or low in TITLES
                or (len(words[0]) < 3 and not is_acronym(s))
            ):
                continue
        index.setdefault(words[0], {})[s] = label
        upper = s.upper()
        if upper != s and sum(ch.isalpha() for ch in s) >= 4:
            # The same name in capitals: a dateline ("ROVERETO, Italy") or a shouted headline.
            index.setdefault(_WORD.findall(upper)[0], {}).setdefault(upper, label)
    return index


def propagate(docs: Sequence[Doc], extra: Iterable[str], ordinary: Collection[str]) -> None:
    """Add a mention for every occurrence of a known name that no mention covers; an
    occurrence that strictly contains mentions (and crosses none) replaces them."""
    index = _propagation_surfaces(docs, extra, ordinary)
    if not index:
        return
    for doc in docs:
        text = doc.text
        tokens = list(_WORD.finditer(text))
        i = 0
        while i < len(tokens):
            word = tokens[i].group()
            cands = index.get(word) if word[0].isupper() else None
            best: tuple[int, str | None] | None = None
            if cands:
                start = tokens[i].start()
                for s, label in cands.items():
                    end = start + len(s)
                    if (
                        text.startswith(s, start)
                        and (end == len(text) or not text[end].isalnum())
                        and (best is None or end > best[0])
                    ):
                        best = (end, label)
            if best is None:
                i += 1
                continue
            _propagate_one(doc, tokens[i].start(), *best)
            while i < len(tokens) and tokens[i].start() < best[0]:
                i += 1


def propagate_surnames(docs: Sequence[Doc]) -> None:
    """Make each later occurrence of a person's last name, in an article that gave the name in
    full before it, a mention of that person ("Topman Darius Kelmann hield vol ... Kelmann
    ontkende opnieuw", "داريوس كيلمان ... ونفى كيلمان"): news writing names a person in full
    once, then by the surname, and a language read without a model has no mention of it. Not
    a surname of fewer than three letters, one written in lower case, nor one the article also
    writes in lower case ("Berg", "berg"); an occurrence a mention covers or crosses is left."""
    for doc in docs:
        text = doc.text
        for m in [m for m in doc.mentions if m.label == "PERSON"]:
            words = _WORD.findall(text[m.start : m.end])
            surname = words[-1] if len(words) >= 2 else ""
            if len(surname) < 3 or not surname[0].isalpha() or surname[0].islower():
                continue
            lower = surname.lower()
            if lower != surname and re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text):
                continue
            for w in _WORD.finditer(text, m.end):
                if w.group() != surname:
                    continue
                same = [o for o in doc.mentions if (o.start, o.end) == w.span()]
                if same and same[0].origin == "propagated" and same[0].label != "PERSON":
                    # the surname found as a known name of some other kind: this person's
                    doc.mentions.remove(same[0])
                elif any(o.start < w.end() and w.start() < o.end for o in doc.mentions):
                    continue
                if (
                    place_span(
                        doc,
                        w.start(),
                        w.end(),
                        "PERSON",
                        "rule",
                        "the surname of a full name before",
                    )
                    and m.key
                ):
                    # a name found in another script is keyed by its writing there
                    # ("Дариус Кельман": "darius kelmann"): its surname by the key's last word
                    for o in doc.mentions:
                        if (o.start, o.end) == w.span():
                            o.key = m.key.split()[-1]


def _propagate_one(doc: Doc, start: int, end: int, label: str | None) -> None:
    """Make one occurrence of a known name a mention unless it crosses a mention's edge or
    lies inside a longer mention."""
    for m in doc.mentions:
        if m.start <= start and end <= m.end:
            return  # already covered (exactly or by a longer name)
    place_span(doc, start, end, label, "propagated", "known name found in the text")


# ----------------------------------------------------------------------------- unread names

SHARED_NAME_WORDS = (2, 3)  # words of a name no model read
# What joins two words of one name: a space, or a hyphen ("Jean-Luc").
_NAME_GAP = frozenset({" ", "-", "\u00a0"})


def _unread_runs(doc: Doc, ordinary: Collection[str]) -> list[list[tuple[int, int]]]:
    """Return the runs of adjacent capitalised words of ``doc`` that may be a name: letters
    only, capitalised then lower case, no word the story writes in lower case, no title or
    role word, outside title-cased lines (headlines, where capitals say nothing)."""
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    text = doc.text
    for m in _WORD.finditer(text):
        w = m.group()
        namelike = (
            w.isalpha()
            and len(w) >= 2
            and w[0].isupper()
            and w[1:].islower()
            and w.lower() not in ordinary
            and not is_title(w)
            and not _titlecase_line(doc, m.start())
        )
        if namelike and run and text[run[-1][1] : m.start()] in _NAME_GAP:
            run.append(m.span())
            continue
        if len(run) >= SHARED_NAME_WORDS[0]:
            runs.append(run)
        run = [m.span()] if namelike else []
    if len(run) >= SHARED_NAME_WORDS[0]:
        runs.append(run)
    return runs


def find_unread_names(docs: Sequence[Doc], ordinary: Collection[str]) -> None:
    """Make a person's name that no entity model read a mention: in the articles whose
    language has no model (no mention came from one), two or three adjacent capitalised words
    (``_unread_runs``) that at least two articles of the story write alike, once at least in
    mid-sentence, and whose last word the story also writes alone (a surname named again:
    "Korvic's lawyer", "O advogado de Korvic") are a PERSON, and so is that word alone. A name
    a model read somewhere is left to propagation; a span that overlaps a mention is left
    as it is."""
    unread = [d for d in docs if not any(m.origin == "model" for m in d.mentions)]
    if not unread:
        return
    known = {doc.surface(m) for doc in docs for m in doc.mentions}
    # name (its words) -> the articles writing it, and whether once in mid-sentence
    seen: dict[tuple[str, ...], set[str]] = {}
    inside: set[tuple[str, ...]] = set()
    spans: dict[tuple[str, ...], list[tuple[Doc, int, int]]] = {}
    for doc in unread:
        for run in _unread_runs(doc, ordinary):
            words = [doc.text[s:e] for s, e in run]
            for i in range(len(run)):
                for j in range(
                    i + SHARED_NAME_WORDS[0], min(len(run), i + SHARED_NAME_WORDS[1]) + 1
                ):
                    name = tuple(words[i:j])
                    seen.setdefault(name, set()).add(doc.id)
                    spans.setdefault(name, []).append((doc, run[i][0], run[j - 1][1]))
                    if not sentence_initial(doc.text, run[i][0]):
                        inside.add(name)
    shared = [n for n, ids in seen.items() if len(ids) >= 2 and n in inside]
    # the longest names first: a shorter one inside a kept name is that name's part
    shared.sort(key=lambda n: -len(n))
    kept: list[tuple[str, ...]] = []
    for name in shared:
        surface = " ".join(name)
        if any(surface in k for k in known) or any(" ".join(name) in " ".join(k) for k in kept):
            continue
        kept.append(name)
    if not kept:
        return
    alone = _lone_words(docs, {n[-1] for n in kept})
    for name in kept:
        lone = [
            (doc, s, e)
            for doc, s, e in alone.get(name[-1], [])
            if not any(ds <= s and e <= de for d, ds, de in spans[name] if d is doc)
        ]
        if not lone:
            continue
        for doc, s, e in spans[name] + lone:
            if not any(m.start < e and s < m.end for m in doc.mentions):
                doc.mentions.append(
                    Mention(doc.id, doc.order, s, e, "PERSON", None, "rule", _UNREAD_NOTE)
                )
    for doc in unread:
        doc.mentions.sort(key=lambda m: (m.start, m.end))


_UNREAD_NOTE = "a person's name that articles of a language without a model write alike"


def _lone_words(
    docs: Sequence[Doc], words: Collection[str]
) -> dict[str, list[tuple[Doc, int, int]]]:
    """Return where ``docs`` write each of ``words`` alone: a whole word with no capitalised
    word right before or after it ("la Cruz Roja" is no "Cruz" alone), in a language that
    does not capitalise every noun ("im Osten" is no surname)."""
    from ..annotate.quantities_lang import capitalises_nouns

    out: dict[str, list[tuple[Doc, int, int]]] = {}
    for doc in docs:
        if capitalises_nouns((doc.language or "").split("-")[0]):
            continue
        found = list(_WORD.finditer(doc.text))
        for n, m in enumerate(found):
            if m.group() not in words:
                continue
            near = [
                found[k]
                for k in (n - 1, n + 1)
                if 0 <= k < len(found)
                and doc.text[min(found[k].end(), m.end()) : max(found[k].start(), m.start())]
                in _NAME_GAP
            ]
            if any(
                w.group()[0].isupper() and not sentence_initial(doc.text, w.start()) for w in near
            ):
                continue  # part of a longer name ("la Cruz Roja"), not "Según Wehrle"
            out.setdefault(m.group(), []).append((doc, m.start(), m.end()))
    return out


# ----------------------------------------------------------------------------- handles

# A social-media handle: "@" and 3-30 letters, digits or underscores, not inside a word or an
# e-mail address.
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{3,30})(?![\w@])")
MIN_HANDLE_LETTERS = 6


def handle_forms(words: Sequence[str]) -> set[str]:
    """Return the ways a handle spells a person's name of two to four words, in lower-case
    letters: all words whole ("janedoe"), the last one as its initial ("janed"), the first
    ones as initials ("jdoe"), the first and last words ("janedoe" for "Jane M. Doe")."""
    toks = [t for t in (ascii_word(w) for w in words) if t]
    if not 2 <= len(toks) <= 4:
        return set()
    forms = {
        "".join(toks),
        "".join(toks[:-1]) + toks[-1][0],
        "".join(t[0] for t in toks[:-1]) + toks[-1],
        toks[0] + toks[-1],
    }
    return {f for f in forms if len(f) >= MIN_HANDLE_LETTERS}


def find_handles(docs: Sequence[Doc]) -> None:
    """Make each "@handle" that spells the name of exactly one person of the story (see
    ``handle_forms``; digits and underscores aside) a mention of that person."""
    persons: dict[str, set[str]] = {}
    for doc in docs:
        for m in doc.mentions:
            if m.label != "PERSON":
                continue
            surface = doc.surface(m)
            for form in handle_forms(name_tokens(surface, person=True)):
                persons.setdefault(form, set()).add(surface_key(surface, "PERSON"))
    if not persons:
        return
    for doc in docs:
        for h in _HANDLE.finditer(doc.text):
            keys = persons.get(re.sub(r"[^a-z]", "", h.group(1).lower()))
            if not keys or len(keys) != 1:
                continue
            start, end = h.start(), h.end()
            note = "a handle that spells a person's name"
            if place_span(doc, start, end, "PERSON", "propagated", note):
                for m in doc.mentions:
                    if (m.start, m.end) == (start, end):
                        m.key = next(iter(keys))


# ----------------------------------------------------------------------------- groups of people

# Nouns for a community that a group's name stands before as an adjective ("the X minority",
# "X villages"); a person's name stands before other nouns ("the X administration").
PEOPLE_NOUNS = frozenset(
    """community communities minority minorities majority sect sects population populations
    people peoples diaspora tribe tribes tribesmen faith heartland homeland villages enclave
    enclaves areas regions clergy elders families women men civilians residents
    neighborhoods neighbourhoods towns mosques shrines""".split()
)
# Words after "the X" that read X as a plural group ("the X are", "the X, who", "the X.").
_GROUP_FOLLOWERS = frozenset(
    """who are were have had do did live lived remain remained make made form formed
    account accounted""".split()
)
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_COORDINATION = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or|/)\s*")


def reads_as_group(doc: Doc, m: Mention) -> bool:
    """Return whether a one-word "person" mention is written as a group of people (a
    community, a faith, an ethnic group): right before a noun for a community ("X minority"),
    after "the" as a plural ("the X are", "the X, who", "the X."), or in a list with a group
    the model did label so ("X and Christian")."""
    text = doc.text
    surface = text[m.start : m.end]
    if not _name_like(surface) or len(_WORD.findall(surface)) != 1:
        return False
    after = _NEXT_WORD.match(text, m.end)
    if after and after.group(1) in PEOPLE_NOUNS:
        return True
    if re.search(r"(?:^|\W)[Tt]he[ \t]+$", text[max(0, m.start - 5) : m.start]):
        rest = text[m.end : m.end + 1]
        if not rest or rest in ",.;:!?)\n" or (after and after.group(1) in _GROUP_FOLLOWERS):
            return True
    i = doc.mentions.index(m) if m in doc.mentions else -1
    for j in (i - 1, i + 1):
        if i < 0 or not 0 <= j < len(doc.mentions):
            continue
        other = doc.mentions[j]
        if other.label != "NORP":
            continue
        gap = text[m.end : other.start] if j > i else text[other.end : m.start]
        if _COORDINATION.fullmatch(gap):
            return True
    return False
