"""Alias tables: the user's alias file (JSON and TSV), its errors, the built-in table, and what a
table does to resolution."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from consilience.errors import SettingsError
from consilience.gazetteer import Gazetteer
from consilience.model import Annotations, Article, EntityMention, SourceRef
from consilience.resolve import BUILTIN, AliasEntry, AliasTable, load_aliases, resolve_story
from consilience.resolve.aliases import alias_key
from consilience.settings import Settings


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Settings())


def article(aid: str, text: str, specs: list[tuple[str, str]]) -> Article:
    """An annotated article; entities given as (substring, label), first occurrence each."""
    ents = []
    for sub, label in specs:
        start = text.index(sub)
        ents.append(EntityMention(start, start + len(sub), label))
    return Article(
        id=aid,
        source=SourceRef(f"{aid}.txt"),
        kind="txt",
        raw_text=text,
        text=text,
        annotations=Annotations(entities=tuple(ents)),
    )


def test_json_file(tmp_path: Path) -> None:
    path = tmp_path / "aliases.json"
    path.write_text(
        json.dumps(
            {
                "entities": [
                    {
                        "name": "Ahmed al-Sharaa",
                        "type": "person",
                        "aliases": ["Abu Mohammed al-Golani", "al-Jolani", "Ahmed al-Sharaa"],
                    },
                    {"name": "Lagarina Valley", "aliases": "Vallagarina"},
                ]
            }
        ),
        encoding="utf-8",
    )
    table = load_aliases(path)
    assert table.entries == (
        AliasEntry("Ahmed al-Sharaa", "PERSON", ("Abu Mohammed al-Golani", "al-Jolani")),
        AliasEntry("Lagarina Valley", None, ("Vallagarina",)),
    )
    assert table.find(alias_key("AL-JOLANI")) == 0
    assert table.find(alias_key("the Vallagarina")) == 1
    assert table.find(alias_key("Golani")) is None


def test_json_list_without_wrapper(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        '[{"name": "Alpine News Agency", "type": "ORG", "aliases": ["ANA"]}]', encoding="utf-8"
    )
    assert load_aliases(path).entries == (AliasEntry("Alpine News Agency", "ORG", ("ANA",)),)


def test_tsv_file_with_header_comments_and_both_alias_layouts(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text(
        "name\ttype\taliases\n"
        "# people\n"
        "Ahmed al-Sharaa\tPERSON\tAbu Mohammed al-Golani|al-Jolani\n"
        "\n"
        "Regional Emergency Agency\tORG\tREA\tthe agency of the region\n"
        "Rovereto\t\n",
        encoding="utf-8",
    )
    assert load_aliases(path).entries == (
        AliasEntry("Ahmed al-Sharaa", "PERSON", ("Abu Mohammed al-Golani", "al-Jolani")),
        AliasEntry("Regional Emergency Agency", "ORG", ("REA", "the agency of the region")),
        AliasEntry("Rovereto", None, ()),
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", "{not json", "not valid JSON"),
        ("bad.json", '{"entities": [{"type": "ORG"}]}', "entry 0: 'name' must be"),
        ("bad.json", '[{"name": "X", "type": "CITY"}]', "entry 0: 'type' must be one of"),
        ("bad.json", '[{"name": "X", "aliases": [1, 2]}]', "'aliases' must be a list"),
        ("bad.json", "[1]", "entry 0 is not an object"),
        ("bad.tsv", "X\tTOWN\tY\n", "line 1: 'type' must be one of"),
    ],
)
def test_malformed_files_name_the_place(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_aliases(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read the alias file"):
        load_aliases(tmp_path / "nope.json")


def test_builtin_table_knows_country_short_forms() -> None:
    uk = BUILTIN.find(alias_key("Britain"))
    assert uk is not None and BUILTIN.entries[uk].name == "United Kingdom"
    assert BUILTIN.find(alias_key("U.K.")) == uk
    assert BUILTIN.entries[BUILTIN.find(alias_key("Türkiye"))].name == "Turkey"


def test_later_table_overrides_earlier_on_a_shared_key() -> None:
    table = BUILTIN + AliasTable((AliasEntry("Uganda Kobs", "ORG", ("UK",)),))
    assert table.entries[table.find("uk")].name == "Uganda Kobs"


def test_user_aliases_join_names_no_rule_could_and_set_name_and_type(gaz: Gazetteer) -> None:
    a = article(
        "a", "Ahmed al-Sharaa addressed fighters on Saturday.", [("Ahmed al-Sharaa", "PERSON")]
    )
    b = article("b", "The commander al-Jolani spoke to reporters.", [("al-Jolani", "PERSON")])
    c = article("c", "Later, Golani Brigade officers gave a briefing.", [("Golani Brigade", "ORG")])
    without = resolve_story([a, b, c], gaz)
    assert [e.aliases for e in without] == [
        ("Ahmed al-Sharaa",),
        ("al-Jolani",),
        ("Golani Brigade",),
    ]
    table = AliasTable(
        (AliasEntry("Ahmed al-Sharaa (HTS leader)", "PERSON", ("Ahmed al-Sharaa", "al-Jolani")),)
    )
    ents = resolve_story([a, b, c], gaz, table)
    assert [(e.name, e.type, e.aliases, len(e.mentions)) for e in ents] == [
        (
            "Ahmed al-Sharaa (HTS leader)",
            "PERSON",
            ("Ahmed al-Sharaa (HTS leader)", "Ahmed al-Sharaa", "al-Jolani"),
            2,
        ),
        ("Golani Brigade", "ORG", ("Golani Brigade",), 1),
    ]
    assert "the user's alias file" in ents[0].reasons[-1]


def test_user_aliases_are_searched_for_in_the_text(gaz: Gazetteer) -> None:
    """An alias from the user's file is found where the annotation step missed it."""
    a = article("a", "Residents said the Valley Watch group had warned them.", [])
    table = AliasTable((AliasEntry("Valley Watch", "ORG", ()),))
    ents = resolve_story([a], gaz, table)
    assert [(e.name, e.type, [(m.start, m.end) for m in e.mentions]) for e in ents] == [
        ("Valley Watch", "ORG", [(19, 31)])
    ]
