"""Name normalisation: keys for exact matching, skeletons for proposing spelling variants, and
initials for acronyms.

Everything here is general: English function words and honorifics, the articles of a few
languages, and transliteration equivalences that hold for any name (Mohammed / Muhammad, Abdel /
Abdul / Abd al-, ou / u, j / g, ï / i, vowel quality). No name of any particular person or place.

* :func:`name_tokens` - the words of a name as written, split at spaces and hyphens, with a
  leading honorific (for persons), a leading "the" and a possessive ending removed.
* :func:`consilience.text.ascii_key` over those words - the exact-match key: lower-case ASCII,
  Arabic articles (al-, el-, as- ...) dropped.
* :func:`skeleton` - a coarse consonant skeleton that several transliterations of one name share
  ("Qadhafi", "Kadhafi" -> "kadhafa"). Equal skeletons only *propose* a match.
* :func:`soft_form` - a finer form that keeps vowels (grouped in classes) so that
  :func:`variant_similarity` can tell "Hassan" from "Hussein" although their skeletons agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from ..text import ARABIC_ARTICLES as TRANSLITERATED_ARTICLES

__all__ = [
    "DOTTED",
    "FUNCTION_WORDS",
    "TITLES",
    "acronym_letters",
    "initials",
    "is_acronym",
    "kind_nouns",
    "name_tokens",
    "skeleton",
    "soft_form",
    "token_skeleton",
    "variant_similarity",
]

# Arabic definite-article forms in Latin script (as glued by a hyphen or standing alone), and
# "ul" ("Abd-ul").
ARABIC_ARTICLES = TRANSLITERATED_ARTICLES | {"ul"}
# Articles that stand alone before a name ("al Assad", "El Zor"); the short forms above that are
# also English words ("as", "an", "at") count only when glued by a hyphen.
_FREE_ARTICLES = frozenset({"al", "el"})

# Function words of several languages: skipped when reading initials ("Regional Emergency Agency"
# -> REA, "Organisation des Nations unies" -> ONU) and never taken for names on their own.
FUNCTION_WORDS = frozenset(
    """of for the and on in at to by with from a an
    de des du la le les l d del della delle dei degli di da dal dello per e ed il lo gli
    et y o en al el los las do dos das no na nas nos
    und fur für der die das den dem zu im am van von voor het een ter""".split()
)


@lru_cache(maxsize=1)
def kind_nouns() -> frozenset[str]:
    """The nouns naming the kind of a building or landmark in every language of the packaged
    data file (``annotate/data/kind_nouns.json``), as name tokens (ASCII lower case)."""
    import json
    from importlib import resources

    raw = json.loads(
        resources.files("consilience.annotate").joinpath("data/kind_nouns.json").read_text("utf-8")
    )
    words = (w for lang, ws in raw.items() if not lang.startswith("_") for w in ws)
    return frozenset(t for w in words for t in (ascii_word(w),) if t)


# Honorifics and titles that come before a person's name (general, several languages).
TITLES = frozenset(
    """mr mrs ms miss mme mlle dr prof professor sir dame lord lady president vice prime minister
    premier chancellor senator sen rep representative congressman congresswoman governor gov
    mayor judge justice king queen prince princess emperor sheikh sheik shaikh emir imam
    ayatollah rabbi pope cardinal bishop general gen colonel col major maj captain capt
    lieutenant lt sergeant sgt commander admiral ambassador envoy secretary chairman chairwoman
    chief spokesman spokeswoman spokesperson president-elect first herr frau signor signora
    monsieur madame senor señor sra sr dott doctor reverend rev father brother sister saint st
    foreign defence defense interior finance deputy constable officer detective det inspector
    insp superintendent supt councilman councilwoman councillor councilor alderman
    undersheriff sheriff marshal trooper corporal cpl private pvt coordinator""".split()
)

# Transliteration families of a whole name token: one spelling stands for all.
_TOKEN_FAMILIES = {
    **dict.fromkeys(
        (
            "muhammad",
            "mohammed",
            "mohammad",
            "mohamed",
            "muhammed",
            "mohamad",
            "mouhamed",
            "mohamad",
            "mehmet",
            "mehmed",
            "muhamed",
            "mohammet",
        ),
        "muhammad",
    ),
    **dict.fromkeys(("ahmed", "ahmad", "ahmet"), "ahmad"),
    **dict.fromkeys(("hussein", "husein", "hussain", "husain", "houssein", "hossein"), "husayn"),
    **dict.fromkeys(
        ("yusuf", "youssef", "yousef", "youssouf", "yousuf", "yusef", "yussef"), "yusuf"
    ),
    **dict.fromkeys(("abu", "abou", "abo"), "abu"),
    **dict.fromkeys(("bin", "ben", "ibn"), "bin"),
}
# "Abdel", "Abdul", "Abd al-", "Abdur", "Abdou" ... : the servant-of prefix in its spellings,
# glued or not to the next word; the article after "abd" is dropped ("Abdurrahman" ->
# "abd" + "rahman").
_ABD = re.compile(r"^abd(?:[aeiou]{1,2}[lrsztdn](?=[a-z]{3})|[aeiou]{1,2}[lrsztdn]$|ou$|u$)?")

DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
_SPLIT = re.compile(r"[\s\u2010-\u2015/]+")
_HYPHEN = re.compile(r"-+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"['\u2019][sS]?$")
_VOWELS = frozenset("aeiouyw")
# Letter groups rewritten before skeletons: longest first.
_DIGRAPHS = (
    ("sch", "s"),
    ("tch", "s"),
    ("ch", "s"),
    ("sh", "s"),
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("ck", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("dj", "g"),
    ("q", "k"),
    ("c", "k"),
    ("j", "g"),
    ("x", "ks"),
    ("z", "s"),
    ("v", "f"),
)
_VOWEL_CLASS = str.maketrans({"o": "u", "e": "i", "y": "i", "w": "u"})


def ascii_word(word: str) -> str:
    """Return a word as lower-case ASCII letters and digits (apostrophes, ayn marks and
    diacritics removed): "Dar‘ā" -> "dara", "Sergueï" -> "serguei"."""
    return _NOT_WORD.sub("", anyascii(word).lower())


def is_acronym(text: str) -> bool:
    """Return whether ``text`` is written like an acronym: two to eight capitals, possibly with
    dots, digits, "&" or a lower-case letter inside ("NLF", "U.N.", "OCHA", "NGOs" without s)."""
    letters = text.replace(".", "").replace("&", "")
    if not 2 <= len(letters) <= 8 or not letters[0].isupper():
        return False
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper >= len(letters) - 1 and letters.isalnum()


def acronym_letters(text: str) -> str:
    """Return the upper-case letters of an acronym ("U.N." -> "UN")."""
    return "".join(ch for ch in text if ch.isupper() or ch.isdigit())


def _strip_title_words(words: list[str]) -> list[str]:
    """Return the words without leading honorifics ("President", "Sheikh", "Foreign
    Minister"), keeping at least one word."""
    i = 0
    while i < len(words) - 1 and ascii_word(words[i].rstrip(".")) in TITLES:
        i += 1
    return words[i:]


def name_tokens(surface: str, person: bool = False) -> list[str]:
    """Return the words of a name as written: split at spaces, the leading "the" and a
    possessive ending removed, and (for persons) leading honorifics dropped.

    Hyphenated words stay whole here ("al-Hadi"); :func:`core_tokens` splits them.
    """
    text = _POSSESSIVE.sub("", surface.strip().strip(",;:-\u2013\u2014 "))
    words = [w for w in _SPLIT.split(text) if w]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if person:
        words = _strip_title_words(words)
    return words


def core_tokens(words: list[str]) -> list[str]:
    """Return the normalised tokens of a name's words: ASCII lower case, split at hyphens,
    Arabic articles dropped (glued ones always, free-standing "al"/"el" too), at least one
    token kept."""
    out: list[str] = []
    for word in words:
        parts = [ascii_word(p) for p in _HYPHEN.split(word)]
        parts = [p for p in parts if p]
        for j, part in enumerate(parts):
            glued = j < len(parts) - 1
            if (glued and part in ARABIC_ARTICLES) or (not glued and part in _FREE_ARTICLES):
                continue
            out.append(part)
    if out:
        return out
    return [p for p in (ascii_word(w) for w in words) if p]


def normal_tokens(tokens: list[str]) -> list[str]:
    """Return tokens with transliteration families merged and the "abd" prefix split off:
    ["abdurrahman"] -> ["abd", "rahman"], ["mohammed"] -> ["muhammad"]."""
    out: list[str] = []
    for tok in tokens:
        tok = _TOKEN_FAMILIES.get(tok, tok)
        m = _ABD.match(tok)
        if m and tok.startswith("abd"):
            out.append("abd")
            rest = tok[m.end() :]
            if rest:
                out.append(_TOKEN_FAMILIES.get(rest, rest))
            continue
        out.append(tok)
    return out


@lru_cache(maxsize=65536)
def _rewrite(token: str) -> str:
    """Return a token with letter groups that transliterations swap rewritten to one letter."""
    out = []
    i = 0
    while i < len(token):
        for src, dst in _DIGRAPHS:
            if token.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            out.append(token[i])
            i += 1
    return "".join(out)


@lru_cache(maxsize=65536)
def token_skeleton(token: str) -> str:
    """Return the consonant skeleton of one normalised token: letter groups rewritten, vowels
    and semivowels (w, y) dropped except a leading one (a leading vowel kept as "a", a leading
    w or y as itself), a final "h" after a vowel dropped, doubled letters collapsed: "jolani"
    -> "gln", "suwayda" -> "sd", "idleb" -> "adlb"."""
    if not token:
        return ""
    word = _rewrite(token)
    if len(word) > 2 and word.endswith("h") and word[-2] in _VOWELS:
        word = word[:-1]
    out = ["a"] if word[0] in "aeiou" else []
    for i, ch in enumerate(word):
        if ch in _VOWELS and not (i == 0 and ch in "wy"):
            continue  # a leading w or y is a consonant ("West" is not "East")
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def skeleton(tokens: list[str]) -> str:
    """Return the skeleton of a whole name (normalised tokens joined without spaces, so that
    "Abdel Rahmane" and "Abdurrahman" agree)."""
    return "".join(token_skeleton(t) for t in normal_tokens(tokens))


@lru_cache(maxsize=65536)
def _soft_token(token: str) -> str:
    """Return a token with letter groups rewritten, vowels folded into classes (o/u, e/i/y),
    doubled letters collapsed."""
    word = _rewrite(token).translate(_VOWEL_CLASS)
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def soft_form(tokens: list[str]) -> str:
    """Return the finer comparison form of a name: normalised tokens with vowel classes kept,
    joined without spaces."""
    return "".join(_soft_token(t) for t in normal_tokens(tokens))


def variant_similarity(a: list[str], b: list[str]) -> float:
    """Return the similarity (0..1) of two names' soft forms (an indel ratio)."""
    return fuzz.ratio(soft_form(a), soft_form(b)) / 100


def initials(words: list[str], keep_function_words: bool = False) -> str:
    """Return the upper-case initials of a name's words, function words and Arabic articles
    skipped unless ``keep_function_words``; hyphenated parts count as words ("Tahrir al-Sham"
    -> "TS"); a dotted abbreviation gives all its letters ("U.N. Security Council" -> "UNSC")."""
    out = []
    for word in words:
        for part in _HYPHEN.split(word):
            low = ascii_word(part)
            if not low:
                continue
            if DOTTED.fullmatch(part):
                out.append(low.upper())
                continue
            if not keep_function_words and (low in FUNCTION_WORDS or low in ARABIC_ARTICLES):
                continue
            out.append(low[0].upper())
    return "".join(out)


def is_titlecase_word(word: str) -> bool:
    """Return whether a word starts with an upper-case letter."""
    return bool(word) and word[0].isupper()


def fold(text: str) -> str:
    """Return text case-folded without diacritics (for comparing words as written)."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch)
    )
