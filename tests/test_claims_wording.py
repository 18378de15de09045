"""A claim's wording asserts what its reports share (issue 13, ``claims.wording``): a relative
clause, a clause of time, a second clause of the same subject, a participle, a day or who
said it that another report does not state is left out of the wording (it stays in the
passage of the report that gives it); what every report states stays. Every story and
sentence here is invented for these tests (real place names, made-up events)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, holding, in_file_order
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.claims.wording import _clause_parts, _cut, _openers, _reads_whole
from consilience.model import Article
from consilience.verdicts import analyze_story

STORIES: dict[str, dict[str, str]] = {
    # a relative clause and who said it, given by one report only
    "relative": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "The coast guard captured 14 smugglers who had fired on a ferry near Saaremaa, "
            "officials announced on Monday. Ferries were delayed.",
        ),
        "b.txt": _doc(
            "Northern Courier",
            "2030-03-06",
            "The coast guard captured 14 smugglers near Saaremaa. The port stayed open.",
        ),
        "c.txt": _doc(
            "Harbour Post",
            "2030-03-06",
            "The coast guard captured 14 smugglers near Saaremaa, a spokesman said. "
            "Fishing boats stayed in port.",
        ),
    },
    # a second clause of the same subject, and a source all three name
    "and": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "The former mayor of Tartu died in his sleep and had been ill for months, "
            "spokesman Jaan Tamm said. Flags flew at half mast.",
        ),
        "b.txt": _doc(
            "Northern Courier",
            "2030-03-06",
            "The former mayor of Tartu died in his sleep at home in the old town, according "
            "to spokesman Jaan Tamm. The council met.",
        ),
        "c.txt": _doc(
            "Harbour Post",
            "2030-03-06",
            "The former mayor of Tartu, a veteran of the city council, has died in his sleep, "
            "his spokesman Jaan Tamm said. A book of condolence opened.",
        ),
    },
    # the report with the fewest details of its own reads garbled ("TheNavy"): the other
    # words the claim, without what only it gives
    "garbled": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "TheNavy of Estonia seized the smugglers' boat near Saaremaa. Ferries were delayed.",
        ),
        "b.txt": _doc(
            "Northern Courier",
            "2030-03-06",
            "The navy of Estonia seized the smugglers' boat near Saaremaa on Monday, a "
            "spokesman said. The port stayed open.",
        ),
    },
    # the report with the fewest details of its own names a day the other does not: worded
    # without that day, it words the claim (not the report whose subject is a pronoun)
    "dated": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "On Monday, rebels seized Narva and Rakvere. Ferries were delayed.",
        ),
        "b.txt": _doc(
            "Northern Courier",
            "2030-03-06",
            "In two days, they seized the strategic border towns of Narva and Rakvere in the "
            "north. "
            "The port stayed open.",
        ),
    },
    # one report alone: its wording is its own sentence, whole
    "alone": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "The coast guard captured 14 smugglers who had fired on a ferry near Saaremaa, "
            "officials announced on Monday. Ferries were delayed.",
        ),
    },
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> dict[str, list[Article]]:
    """Every mini-story through the real pipeline, once: name -> articles in file order."""
    return {
        name: in_file_order(analysed(tmp_path_factory, name, files))
        for name, files in STORIES.items()
    }


def test_a_relative_clause_and_a_source_one_report_gives_are_left_out(stories):
    a, b, c = stories["relative"]
    claims = analyze_story([a, b, c], gazetteer=_gazetteer())
    (claim,) = holding(claims, a, "captured 14 smugglers")
    assert holding(claims, b, "captured 14 smugglers") == [claim]
    assert holding(claims, c, "captured 14 smugglers") == [claim]
    assert claim.status == "corroborated"
    assert claim.independent_sources == 3
    assert claim.text == "The coast guard captured 14 smugglers near Saaremaa."
    # the details stay in the passage of the report that gives them
    (passage,) = [e for e in claim.evidence if e.article == a.id]
    assert "who had fired on a ferry" in a.text[passage.start : passage.end]


def test_a_second_clause_one_report_gives_is_left_out_and_a_shared_source_stays(stories):
    a, b, c = stories["and"]
    claims = analyze_story([a, b, c], gazetteer=_gazetteer())
    (claim,) = holding(claims, a, "died in his sleep")
    assert holding(claims, b, "died in his sleep") == [claim]
    assert holding(claims, c, "died in his sleep") == [claim]
    assert claim.text == "The former mayor of Tartu died in his sleep, spokesman Jaan Tamm said."


def test_a_garbled_report_words_no_claim_another_report_can_word(stories):
    a, b = stories["garbled"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    (claim,) = holding(claims, a, "seized the smugglers")
    assert holding(claims, b, "seized the smugglers") == [claim]
    assert claim.status == "corroborated"
    assert claim.text == "The navy of Estonia seized the smugglers' boat near Saaremaa."


def test_a_report_worded_without_its_own_day_can_word_the_claim(stories):
    a, b = stories["dated"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    (claim,) = holding(claims, a, "rebels seized Narva")
    assert holding(claims, b, "they seized the strategic border") == [claim]
    assert claim.status == "corroborated"
    assert claim.text == "Rebels seized Narva and Rakvere."
    # the day stays in the passage of the report that gives it
    (passage,) = [e for e in claim.evidence if e.article == a.id]
    assert a.text[passage.start : passage.end] == "On Monday, rebels seized Narva and Rakvere."


def test_one_report_alone_is_worded_whole(stories):
    (a,) = stories["alone"]
    claims = analyze_story([a], gazetteer=_gazetteer())
    (claim,) = holding(claims, a, "captured 14 smugglers")
    assert claim.text == (
        "The coast guard captured 14 smugglers who had fired on a ferry near Saaremaa, "
        "officials announced on Monday."
    )


# ----------------------------------------------------------------------------- the parts


def _parts(language: str, text: str) -> list[str]:
    op = _openers(language)
    assert op is not None
    return [text[s:e] for s, e, _ in _clause_parts(text, op)]


def test_the_parts_a_wording_may_leave_out_per_language():
    assert _parts("en", "Bush, who missed four games, ran for 404 yards this season.") == [
        ", who missed four games"
    ]
    # "and" before another figure of the same unit is a figure of its own
    assert _parts("en", "He ended the year with 404 yards rushing and 440 yards receiving.") == [
        " and 440 yards receiving"
    ]
    # never one count of two parts, a range, or two verbs of one clause
    assert _parts("en", "Police held 12 Somali and 11 Yemeni nationals on the boat.") == []
    assert _parts("en", "Officials said that between 30 and 40 people were hurt.") == []
    assert _parts("en", "The gunmen in the northern town killed and injured 12 people.") == []
    # a relative opens without a comma after five words, never after a verb of knowing
    assert _parts("en", "The coast guard has captured 23 pirates who threatened a cargo ship.") == [
        " who threatened a cargo ship"
    ]
    assert _parts("en", "The pirates who threatened a cargo ship were caught.") == []
    assert _parts("en", "Investigators in the capital remain unclear who fired first.") == []
    # a word that also opens a complement is a relative only after a comma
    assert _parts("es", "El gobierno dijo que 40 personas murieron en el ataque.") == []
    assert _parts("es", "Murieron 40 personas, que viajaban en un autobús.") == [
        ", que viajaban en un autobús"
    ]
    assert _parts("fr", "Le maire, qui était sur place, a parlé de 40 morts.") == [
        ", qui était sur place"
    ]
    assert _parts("de", "Der Bürgermeister, der vor Ort war, sprach von 40 Toten.") == [
        ", der vor Ort war"
    ]


def test_a_cut_keeps_a_sentence():
    text = "Bush, who missed four games, ran for 404 yards."
    assert _cut(text, [(4, 28)]) == "Bush ran for 404 yards."
    text = "On Monday, rebels took the town."
    assert _cut(text, [(0, 9)]) == "Rebels took the town."


@pytest.mark.parametrize(
    ("language", "text", "parts"),
    [
        # a preposition, not a clause: never a part after a space
        ("en", "Smugglers arrested at the Velmora quay appeared before a judge in Dorrin.", []),
        ("en", "The old pier at Velmora collapsed the day after the storm hit the bay.", []),
        # an indirect question after a verb of knowing or saying, in several languages
        (
            "en",
            "Police arrested two smugglers in Velmora but have not established who hired them.",
            [],
        ),
        (
            "it",
            "La polizia ha fermato due uomini a Velmora ma non ha spiegato perché li ha fermati.",
            [],
        ),
        (
            "ru",
            "Полиция задержала двух контрабандистов в Велморе, но не сообщила, где их держат.",
            [],
        ),
        # a complement after a phrase set between commas, or before a capitalised noun
        (
            "es",
            "El alcalde de Velmora dijo, en una rueda de prensa, que los agentes detuvieron a 3.",
            [],
        ),
        (
            "de",
            "Die Polizei von Velmora teilte am Montag mit, die Männer seien verhaftet worden.",
            [],
        ),
        # names are no participles nor verbs after "and"
        ("en", "Floods forced the evacuation of Dorrin, Varling and Mossby.", []),
        (
            "es",
            "La policía de Velmora detuvo a Lucía Varga, Fernando Quirell y Ana Soto en el puerto.",
            [],
        ),
        ("en", "Talks between the mayor of Velmora and Ahmed Varis ended without agreement.", []),
        # a relative clause whose list goes on after its comma, or whose verbs do (the last verb
        # after "and" is a part of its own)
        (
            "en",
            "The skipper of the Kestrel, who had sailed to Dorrin, Varling and Mossby, was held.",
            [],
        ),
        (
            "en",
            "The storm hit the bay, which flooded 20 homes, cut 300 lines and closed the port.",
            [" and closed the port"],
        ),
        # what follows a comma hangs on the clause before it (and "que" after an earlier comma
        # may open a complement: no part either)
        (
            "es",
            "El sismo se sintió en la capital, donde hubo pánico tras el simulacro del terremoto "
            "de 1985, que devastó la capital.",
            [],
        ),
        # a part never opens inside quotes
        (
            "en",
            'The mayor called the fall of the pier "a disaster which nobody foresaw" in Velmora.',
            [],
        ),
        # French elided openers
        (
            "fr",
            "Les pêcheurs ont été évacués de Velmora, alors qu'il pleuvait encore sur la baie.",
            [", alors qu'il pleuvait encore sur la baie"],
        ),
    ],
)
def test_what_is_no_part(language: str, text: str, parts: list[str]):
    assert _parts(language, text) == parts


def test_a_cut_that_reads_badly_keeps_the_sentence():
    text = "Residents of Velmora have been evacuated since early Monday, officials said."
    at = text.index(" early Monday")
    assert not _reads_whole(text, [(at, at + len(" early Monday"))], "x", "en")
    text = 'The mayor said "the pier is gone, and the quay too" in Velmora.'
    assert not _reads_whole(text, [(30, 48)], 'The mayor said "the pier is gone in Velmora.', "en")


@pytest.mark.parametrize(
    ("sentence", "worded"),
    [
        (
            "TOLMARO, Varkesh, March 14 (Harbour Wire) - An explosion tore through the market.",
            "An explosion tore through the market.",
        ),
        ("KALVIK (Harbour Wire) - rebels took the town.", "Rebels took the town."),
        # no dateline, or nothing worth a claim after it: as written
        ("Rebels took the town on Monday.", "Rebels took the town on Monday."),
        ("KALVIK (Harbour Wire) - Updated.", "KALVIK (Harbour Wire) - Updated."),
        # a name in capitals and an aside, or a name and its acronym, are no dateline
        (
            "ISIS - not the rebels - carried out the bombing, police said.",
            "ISIS - not the rebels - carried out the bombing, police said.",
        ),
        (
            "The World Health Organization (WHO): at least 11 people were killed.",
            "The World Health Organization (WHO): at least 11 people were killed.",
        ),
    ],
)
def test_a_claim_is_worded_without_the_dateline_of_its_sentence(sentence, worded) -> None:
    from consilience.verdicts.judge import _without_dateline

    assert _without_dateline(sentence) == worded
