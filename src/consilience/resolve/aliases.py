"""Alias tables: names known to belong together before any text is read.

A table holds entries (canonical name, type, aliases). Two sources:

* the **built-in** table: common short forms of a few countries and international bodies that
  the gazetteer does not list ("UK", "Britain" for the United Kingdom; "Türkiye" for Turkey; "UN"
  for the United Nations). World knowledge, no story's names.
* a **user file** (JSON or TSV, see ``docs/entities.md``) read by :func:`load_aliases`: a
  newsroom's own list of people, groups and places with their spellings, noms de guerre and
  acronyms. A user entry also sets the entity's canonical name and type.

Entries are matched on the exact-match key of :func:`consilience.resolve.names.core_tokens`
(case, diacritics, hyphens, Arabic articles and a leading "the" do not matter).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SettingsError
from .names import core_tokens, name_tokens

__all__ = ["AliasEntry", "AliasTable", "BUILTIN", "alias_key", "load_aliases"]

KNOWN_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


def alias_key(name: str) -> str:
    """Return the key an alias is matched on (the same key mentions are grouped by)."""
    return " ".join(core_tokens(name_tokens(name)))


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One entity known in advance: its canonical name, its type (None: decided by the text)
    and its other names."""

    name: str
    type: str | None = None
    aliases: tuple[str, ...] = ()
    builtin: bool = False  # built-in entries do not impose their name on the entity

    def names(self) -> tuple[str, ...]:
        """Return the canonical name followed by the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class AliasTable:
    """Entries with an index from alias key to entry. When two entries claim one key, the
    later entry wins (a user file loaded after the built-in table overrides it)."""

    entries: tuple[AliasEntry, ...] = ()
    index: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, int] = {}
        for i, entry in enumerate(self.entries):
            for name in entry.names():
                key = alias_key(name)
                if key:
                    index[key] = i
        object.__setattr__(self, "index", index)

    def find(self, key: str) -> int | None:
        """Return the index of the entry that lists a name with this key, or None."""
        return self.index.get(key)

    def surfaces(self) -> Iterable[str]:
        """Yield every name of every entry as written."""
        for entry in self.entries:
            yield from entry.names()

    def __add__(self, other: AliasTable) -> AliasTable:
        return AliasTable(self.entries + other.entries)

    def __len__(self) -> int:
        return len(self.entries)


def _builtin() -> AliasTable:
    """Return the built-in table (country short forms, a few international bodies)."""
    rows = (
        ("United Kingdom", "GPE", ("UK", "U.K.", "Britain", "Great Britain")),
        ("United States", "GPE", ("US", "U.S.", "USA", "U.S.A.", "America")),
        ("United Arab Emirates", "GPE", ("UAE", "U.A.E.", "Emirates")),
        ("Turkey", "GPE", ("Türkiye", "Turkiye")),
        ("Russia", "GPE", ("Russian Federation",)),
        ("Netherlands", "GPE", ("Holland",)),
        ("Czechia", "GPE", ("Czech Republic",)),
        ("Myanmar", "GPE", ("Burma",)),
        ("Ivory Coast", "GPE", ("Côte d'Ivoire", "Cote d'Ivoire")),
        ("North Korea", "GPE", ("DPRK",)),
        ("South Korea", "GPE", ("Republic of Korea",)),
        ("Democratic Republic of the Congo", "GPE", ("DRC", "DR Congo")),
        ("Eswatini", "GPE", ("Swaziland",)),
        ("United Nations", "ORG", ("UN", "U.N.")),
        ("European Union", "ORG", ("EU", "E.U.")),
        ("North Atlantic Treaty Organization", "ORG", ("NATO", "Nato", "OTAN")),
    )
    return AliasTable(tuple(AliasEntry(n, t, a, builtin=True) for n, t, a in rows))


BUILTIN = _builtin()


def _entry(name: object, type_: object, aliases: object, where: str) -> AliasEntry:
    """Return a validated entry; raise SettingsError naming ``where`` otherwise."""
    if not isinstance(name, str) or not name.strip():
        raise SettingsError(f"{where}: 'name' must be a non-empty string")
    if type_ in ("", None):
        type_ = None
    elif not isinstance(type_, str) or type_.upper() not in KNOWN_TYPES:
        raise SettingsError(
            f"{where}: 'type' must be one of {', '.join(sorted(KNOWN_TYPES))} (got {type_!r})"
        )
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list | tuple) or not all(isinstance(a, str) for a in aliases):
        raise SettingsError(f"{where}: 'aliases' must be a list of strings")
    clean = tuple(dict.fromkeys(a.strip() for a in aliases if a.strip() and a.strip() != name))
    return AliasEntry(name.strip(), type_.upper() if type_ else None, clean)


def _from_json(text: str, path: Path) -> list[AliasEntry]:
    """Return the entries of a JSON alias file (a list, or an object with "entities")."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsError(f"{path}: not valid JSON ({exc})") from exc
    if isinstance(data, dict):
        data = data.get("entities")
    if not isinstance(data, list):
        raise SettingsError(f'{path}: expected a list of entries or {{"entities": [...]}}')
    out = []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise SettingsError(f"{path}: entry {i} is not an object")
        out.append(
            _entry(
                item.get("name"), item.get("type"), item.get("aliases", []), f"{path}: entry {i}"
            )
        )
    return out


def _from_tsv(text: str, path: Path) -> list[AliasEntry]:
    """Return the entries of a TSV alias file: name, type, then aliases (further columns, or
    one column separated by "|"); "#" starts a comment line; a first line "name<TAB>type..."
    is a header."""
    out = []
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    for lineno, row in enumerate(reader, 1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if lineno == 1 and cells[0].lower() == "name":
            continue
        aliases = [a for c in cells[2:] for a in c.split("|")]
        type_ = cells[1] if len(cells) > 1 else None
        out.append(_entry(cells[0], type_, aliases, f"{path}: line {lineno}"))
    return out


def load_aliases(path: str | Path) -> AliasTable:
    """Return the alias table in a user file: JSON (``.json``) or tab-separated values (any
    other name). Raises SettingsError, naming the file and the entry or line, when it cannot be
    read or an entry is malformed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read the alias file {path}: {exc}") from exc
    is_json = path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{"))
    entries = _from_json(text, path) if is_json else _from_tsv(text, path)
    return AliasTable(tuple(entries))
