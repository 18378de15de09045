"""The outlet an article's head line names beside its date.

Real articles open with a headline, then a line of parts set apart by bars, dashes, middle
dots or brackets: a writer ("By Jane Doe", "Von Max Muster"), a place ("ARVELLE",
"Valdora"), the date and time, and the outlet or agency ("Meridian Press", "(ndp)",
"— ИА «Новый вестник»"). ``head_outlet`` reads that line at ingest, before the text's
language or dates are known, from its shape and the byline words of ``data/bylines.json``.
The date itself is read later with the text's dates (``consilience.annotate.published``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..text import ascii_digits

# Lines of the head (after the headline) that may be the outlet's line, and its length at most.
_HEAD_LINES = 3
_LINE_CHARS = 160
# Words an outlet's name has at most.
_NAME_WORDS = 6
# A year of a date, in any script's digits once read as ASCII.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DAY = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)")
# What sets a head line's parts apart: a bar, a spaced dash or hyphen, a middle dot or a
# bullet; a bracketed part is a part of its own.
_SEPARATOR = re.compile(
    r"\s*(?:\||\u00b7|\u2022)\s*|\s+[-\u2013\u2014]+(?:\s+|$)|[-\u2013\u2014]+\s+"
    r"|\s*[.]?[-\u2013\u2014]+$"
)
_BRACKETED = re.compile(r"\(([^()]{1,60})\)")


def head_outlet(body: str) -> str | None:
    """Return the outlet the head line of ``body`` names, or None.

    The head line is one of the lines after the first (a headline) among the first
    ``_HEAD_LINES``, short, holding a date (a year and a day in digits). Its outlet is, in
    order: the last bracketed part after its date or after a byline ("Arvelle, 2 de març de
    2027 (CatPress)", "dal nostro inviato M. B. (Cronaca Europea)"); a bracketed part right
    after the line's first part, before its date ("Arvelle (ndp) – Mittwoch, 3. März 2027");
    else a part naming nothing else: the first before the date ("Daily Star | 12.11.2026",
    "By J. Doe, Wire | The Herald | 3 March 2027"), or the last after it ("04.03.2027, 18:45
    | Arvelle – Kervan Haber"). Parts holding digits (dates, times), bylines, names in
    capitals (a dateline's place) and labels ending in a colon are not outlets."""
    lines = [line.strip() for line in body.split("\n") if line.strip()][:_HEAD_LINES]
    for line in lines[1:]:
        found = _line_outlet(line)
        if found is not None:
            return found
    return None


def _line_outlet(line: str) -> str | None:
    digits = ascii_digits(line)
    if len(line) > _LINE_CHARS or not _YEAR.search(digits):
        return None
    if not _DAY.search(_YEAR.sub(" ", digits, count=1)):
        return None
    parts = _parts(line)
    dated = [i for i, (text, _) in enumerate(parts) if _YEAR.search(ascii_digits(text))]
    if not dated or len(parts) < 2:
        return None
    first_date = dated[0]
    kinds = [_kind(text, bracketed) for text, bracketed in parts]
    if any(k == "sentence" for k in kinds):
        return None  # a sentence that holds a date ("The war is not over — it began in 2019")
    # a credit after the date: bracketed, behind the date, a byline or another bracket
    after = [
        i
        for i in range(first_date + 1, len(parts))
        if kinds[i] == "bracketed" and kinds[i - 1] in ("date", "byline", "bracketed")
    ]
    if after:
        return _name(parts[after[-1]][0])
    if len(parts) > 2 and kinds[1] == "bracketed" and first_date == 2 and kinds[0] == "name":
        return _name(parts[1][0])  # "Arvelle (ndp) – Mittwoch, 3. März 2027"
    before = [i for i in range(first_date) if kinds[i] == "name"]
    if before:
        return _name(parts[before[0]][0])
    later = [i for i in range(first_date + 1, len(parts)) if kinds[i] == "name"]
    if later:
        return _name(parts[later[-1]][0])
    return None


def _parts(line: str) -> list[tuple[str, bool]]:
    """Return the parts of a head line in order, each with whether brackets set it off."""
    out: list[tuple[str, bool]] = []
    at = 0
    for m in _BRACKETED.finditer(line):
        out.extend((p, False) for p in _split(line[at : m.start()]))
        out.append((m.group(1).strip(), True))
        at = m.end()
    out.extend((p, False) for p in _split(line[at:]))
    return [(p, b) for p, b in out if p.strip(" ,;.:")]


def _split(chunk: str) -> list[str]:
    return [p.strip(" ,;") for p in _SEPARATOR.split(chunk) if p and p.strip(" ,;.")]


def _kind(text: str, bracketed: bool) -> str:
    """Return what a part of a head line is: "date" (it holds digits: a date, a time),
    "byline", "label" ("Published:"), "place" (in capitals), "sentence" (a verb phrase, too
    long for a name), "bracketed" (a bracketed name) or "name"."""
    if any(ch.isdigit() for ch in text):
        return "date"
    if _byline().match(text):
        return "byline"
    if text.rstrip().endswith(":"):
        return "label"
    words = text.split()
    if len(words) > _NAME_WORDS or re.search(r"[.!?]\s", text):
        return "sentence"
    if bracketed:
        return "bracketed"  # "(ndp)", "(TCN)", "(Agencja Informacyjna Wschód)"
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters) and " " not in text.strip():
        return "place"  # a dateline's place in capitals ("ARVELLE")
    opens = text.lstrip(" \"'«„“")[:1]
    if opens.islower():
        return "sentence"
    return "name"


def _name(text: str) -> str | None:
    name = " ".join(text.split()).strip(" ,;:.-\u2013\u2014")
    return name or None


@lru_cache(maxsize=1)
def _byline() -> re.Pattern[str]:
    """One pattern for the byline words of every language of ``data/bylines.json``."""
    path = resources.files("consilience.ingest").joinpath("data/bylines.json")
    data = json.loads(path.read_text("utf-8"))
    words = sorted(
        {w for lang, ws in data.items() if not lang.startswith("_") for w in ws},
        key=len,
        reverse=True,
    )
    alternation = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?:{alternation})(?:\s*:)?\s+(?=\w)", re.IGNORECASE)
