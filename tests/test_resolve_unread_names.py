"""A person named only in articles whose language has no entity model (German, Italian,
Portuguese, Dutch, Turkish ...) is still an entity when several articles write the name alike
and the story names the surname again alone (``consilience.resolve.mentions.
find_unread_names``). The sentences and names are invented for these tests."""

from __future__ import annotations

import pytest
from entity_support import article, by_alias, surfaces

from consilience.gazetteer import Gazetteer
from consilience.model import Article
from consilience.resolve import resolve_story
from consilience.settings import Settings


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Settings())


def test_a_captain_named_in_four_languages_without_a_model_is_one_person(gaz: Gazetteer) -> None:
    arts = [
        article("de", "Der Kapitän der Fähre, Ilvo Darrant, wurde am Abend festgenommen.", []),
        article("it", "Il comandante della nave, Ilvo Darrant, è stato arrestato venerdì.", []),
        article("pt", "O advogado de Darrant afirmou que o seu cliente fez tudo o que podia.", []),
        article("nl", "De kapitein, Ilvo Darrant, werd vrijdagavond gearresteerd.", []),
    ]
    captain = by_alias(resolve_story(arts, gaz), "Ilvo Darrant")
    assert captain.type == "PERSON"
    assert captain.name == "Ilvo Darrant"
    assert surfaces(captain, arts) == ["Ilvo Darrant", "Ilvo Darrant", "Darrant", "Ilvo Darrant"]


def test_a_role_noun_before_the_name_stays_out(gaz: Gazetteer) -> None:
    arts = [
        article(
            "de",
            "Das sagte am Freitag der Gewerkschaftssekretär Orlen Wehrle, der seit Jahren vor "
            "zu vollen Booten warnt.",
            [],
        ),
        article("nl", "Vakbondsman Orlen Wehrle zegt dat de boot overbeladen was.", []),
        article("es", "Según Wehrle, el barco llevaba demasiados pasajeros.", []),
    ]
    official = by_alias(resolve_story(arts, gaz), "Orlen Wehrle")
    assert official.type == "PERSON"
    assert surfaces(official, arts) == ["Orlen Wehrle", "Orlen Wehrle", "Wehrle"]


def test_what_one_article_alone_writes_is_no_person(gaz: Gazetteer) -> None:
    arts = [
        article("de", "Hafenmeister Ulrik Semmo sprach von Chaos. Semmo blieb im Hafen.", []),
        article("it", "Il capitano di porto ha parlato di caos.", []),
    ]
    ents = resolve_story(arts, gaz)
    assert not [e for e in ents if "Semmo" in " ".join(e.aliases)]


def test_capitals_never_in_mid_sentence_or_never_alone_are_no_person(gaz: Gazetteer) -> None:
    arts = [
        # "Laut Polizei" opens a sentence in both articles: its capital says nothing
        article("de", "Laut Polizei gab es neun Tote. Die Polizei sperrte den Markt.", []),
        article("de2", "Laut Polizei wurden zwölf Menschen verletzt.", []),
        # "Nova Terra" is written alike twice, but its last word never stands alone
        article("pt", "A empresa Nova Terra recusou comentar.", []),
        article("pt2", "Os navios da Nova Terra ficaram no porto.", []),
    ]
    ents = resolve_story(arts, gaz)
    names = [a for e in ents for a in e.aliases]
    assert not [n for n in names if n in ("Laut Polizei", "Nova Terra", "Polizei", "Terra")]


def test_a_name_a_model_read_is_the_models(gaz: Gazetteer) -> None:
    arts = [
        article("en", "Captain Ilvo Darrant was arrested.", [("Ilvo Darrant", "PERSON")]),
        article("de", "Der Kapitän, Ilvo Darrant, wurde festgenommen.", []),
        article("it", "Il comandante, Ilvo Darrant, è stato arrestato.", []),
    ]
    captain = by_alias(resolve_story(arts, gaz), "Ilvo Darrant")
    assert surfaces(captain, arts) == ["Ilvo Darrant"] * 3
    assert [m.article for m in captain.mentions] == ["en", "de", "it"]


def test_a_place_or_a_noun_is_no_person(gaz: Gazetteer) -> None:
    from dataclasses import replace

    def written(aid: str, text: str, language: str) -> Article:
        return replace(article(aid, text, []), language=language)

    # German capitalises every noun: "im Osten" is no surname standing alone
    german = [
        written("d1", "Die Lage im Nahen Osten bleibt angespannt, sagte ein Sprecher.", "de"),
        written("d2", "Der Konflikt im Nahen Osten dauert an, wie die Agentur meldete.", "de"),
        written("d3", "Kämpfe gab es im Osten des Landes, wo viele fliehen.", "de"),
    ]
    # "Cruz" in "la Cruz Roja" is part of another name, not "Santa Cruz" named again
    spanish = [
        written("e1", "La ciudad de Santa Cruz quedó sin luz durante horas.", "es"),
        written("e2", "Los vecinos de Santa Cruz pidieron ayuda a las autoridades.", "es"),
        written("e3", "La Cruz Roja envió equipos a la zona afectada.", "es"),
    ]
    for arts in (german, spanish):
        assert [e.name for e in resolve_story(arts, gaz) if e.type == "PERSON"] == []
