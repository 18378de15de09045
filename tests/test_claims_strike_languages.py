"""One invented strike told in five languages, each report written apart: international bodies
named in every language are one body, a demand told in four languages is one claim, a denial
quoted by several outlets is said to be one side's word, tolls read through Arabic vowel
marks and a German verb after the figure, and an earlier strike the reports recall is left out.
The readers behind it are tested one by one below the story."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, holding, one_story_claims

from consilience.annotate.dates import foreign_date_spans, parse_foreign
from consilience.annotate.quantities_lang import find_quantities_in
from consilience.claims import lexicon as lx

FILES = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-05-11",
        "A strike hit the central market of Brelvik on Saturday, killing 14 people, local "
        "officials said. The United Nations called for an independent investigation into the "
        "attack. Rescuers searched the rubble of the market through the night. Army spokesman "
        "Jaan Kask denied that the army had carried out any strike near "
        "Brelvik on Saturday. In March 2029, a strike on a bus station in the town of Tartu "
        "killed 31 people.",
    ),
    "es.txt": doc(
        "Diario Sur",
        "2031-05-11",
        "Al menos 14 personas murieron el sábado en un ataque contra el mercado central de "
        "Brelvik, según las autoridades locales. La ONU pidió una investigación independiente "
        "sobre el ataque. Los equipos de rescate buscaron supervivientes durante toda la noche. "
        "El portavoz del Ejército, el coronel Jaan Kask, negó que sus tropas "
        "hubieran atacado la zona el sábado.",
    ),
    "de.txt": doc(
        "Abendblatt",
        "2031-05-12",
        "Nach dem Angriff auf den Markt von Brelvik ist die Zahl der Toten auf 17 gestiegen, "
        "wie die Behörden am Sonntag mitteilten. Die Vereinten Nationen riefen zur "
        "unabhängigen Untersuchung des Angriffs auf. Rettungskräfte suchten die ganze Nacht in den "
        "Trümmern. Armeesprecher Jaan Kask bestritt, dass die "
        "Armee am Samstag in der Gegend angegriffen habe.",
    ),
    "ru.txt": doc(
        "Vestnik",
        "2031-05-12",
        "Число погибших в результате удара по рынку в Брелвике выросло до 17, сообщили в "
        "воскресенье местные власти. ООН призвала провести независимое расследование удара. "
        "Спасатели всю ночь разбирали завалы рынка. "
        "В марте 2029 года в результате удара по автовокзалу в городе Тарту погиб 31 человек.",
    ),
    "ar.txt": doc(
        "Al Ufuq",
        "2031-05-11",
        "قُتل 14 شخصا يوم السبت في قصف استهدف السوق المركزي في بريلفيك، وفقا لمسؤولين محليين. "
        "ودعت الأمم المتحدة إلى تحقيق مستقل في الهجوم.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):  # noqa: ANN201
    report = analysed(tmp_path_factory, "strike-languages", FILES)
    return report, by_name(report), one_story_claims(report)


def test_an_international_body_is_one_entity_in_every_language(story) -> None:
    report, _, _ = story
    (un,) = [e for e in report.stories[0].entities if "United Nations" in e.aliases]
    assert {"ONU", "Vereinten Nationen", "ООН", "الأمم المتحدة"} <= set(un.aliases)


def test_a_demand_told_in_four_languages_is_one_claim(story) -> None:
    _, articles, claims = story
    claim = claim_with(claims, articles["en"], "called for an independent investigation")
    assert holding(claims, articles["es"], "pidió una investigación") == [claim]
    assert holding(claims, articles["ru"], "призвала провести") == [claim]
    assert holding(claims, articles["ar"], "ودعت الأمم المتحدة") == [claim]
    assert (claim.status, claim.independent_sources) == ("corroborated", 4)


def test_tolls_read_through_vowel_marks_and_a_verb_after_the_figure(story) -> None:
    _, articles, claims = story
    toll = claim_with(claims, articles["en"], "killing 14 people")
    # "قُتل 14 شخصا": the passive's vowel mark; "auf 17 gestiegen": no noun after the figure
    assert claim_with(claims, articles["ar"], "14 شخصا") == toll
    assert claim_with(claims, articles["de"], "auf 17 gestiegen") == toll
    assert toll.status == "updated"


def test_an_earlier_strike_the_reports_recall_is_no_claim(story) -> None:
    _, articles, claims = story
    assert holding(claims, articles["en"], "bus station") == []
    assert holding(claims, articles["ru"], "автовокзалу") == []


def test_a_denial_only_is_the_word_of_whoever_denies_it(story) -> None:
    _, articles, claims = story
    denial = claim_with(claims, articles["es"], "negó que sus tropas")
    assert denial.status == "single_source"
    assert denial.why.startswith("Single source: a denial (El portavoz del Ejército")
    assert "no report aligned with it states what it denies" in denial.why
    assert "share that origin" not in denial.why


# ----------------------------------------------------------------------------- the readers


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The United Nations called for an independent investigation.", {"warn"}),
        ("es", "La ONU pidió una investigación independiente.", {"warn"}),
        ("it", "L'Onu ha chiesto un'indagine indipendente.", {"warn"}),
        # the German toll idiom "forderte 30 Todesopfer" is no demand
        ("de", "Das Erdbeben forderte mindestens 30 Todesopfer.", {"quake", "kill"}),
        ("ar", "قُتل 14 شخصا في القصف", {"kill", "attack"}),
        ("ar", "قُتِلَ 14 شخصا", {"kill"}),
        # measures a government takes: a curfew, a state of emergency
        ("en", "The president declared a nationwide curfew.", {"curfew"}),
        ("fr", "La présidente a instauré un couvre-feu.", {"curfew"}),
        ("pt", "A presidente decretou toque de recolher.", {"curfew"}),
        ("ru", "Президент ввела комендантский час.", {"curfew"}),
        ("ar", "وأعلنت الرئيسة حظر التجول.", {"curfew"}),
        ("es", "El gobierno declaró el estado de emergencia.", {"emergency"}),
        ("de", "Die Regierung rief den Ausnahmezustand aus.", {"emergency"}),
    ],
)
def test_event_words_of_demands_and_marked_arabic(language, text, expected) -> None:
    assert lx.event_classes(text, language) == expected


def test_a_german_figure_followed_by_a_verb_counts_the_toll_named_before_it() -> None:
    text = "Nach dem Angriff ist die Zahl der Toten auf 17 gestiegen."
    (q,) = find_quantities_in("de", text)
    assert (q.value, q.counted, q.concept) == (17.0, "Toten", "dead")
    (q,) = find_quantities_in("de", "Bei dem Angriff wurden 17 Menschen getötet.")
    assert (q.value, q.counted) == (17.0, "Menschen")


def test_a_russian_month_in_the_locative_is_a_date() -> None:
    text = "В марте 2029 года в городе погиб 31 человек."
    ((start, end),) = foreign_date_spans(text, "ru")
    parsed = parse_foreign(text[start:end], "ru")
    assert (parsed.year, parsed.month, parsed.day) == (2029, 3, None)


def test_an_acronym_names_a_body_only_in_capitals() -> None:
    from consilience.resolve.institutions import kind_of_body

    assert kind_of_body("ONU") == "united_nations"
    assert kind_of_body("UN") == "united_nations"
    assert kind_of_body("Un") is None
    assert kind_of_body("Onu") == "united_nations"  # as Italian writes it
    assert kind_of_body("Media Luna Roja") == "red_crescent"
    # a society of one country is no body of the world: two of them are two bodies
    assert kind_of_body("Turkish Red Crescent") is None


def test_an_acronym_in_a_line_of_capitals_names_no_body() -> None:
    from consilience.resolve.institutions import _phrases

    assert _phrases("UN AÑO DESPUÉS DEL SISMO") == []
    assert _phrases("Un incendio destruyó el mercado.") == []
    assert _phrases("L'Onu ha chiesto un'indagine.") == [(2, 5, "united_nations")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le bilan du crash du vol TA 412 s'est alourdi à 51 morts.", [(51.0, "morts")]),
        ("es", "El vuelo TA 412 llevaba a bordo a 68 personas.", [(68.0, "personas")]),
        ("it", "Il volo TA 412 trasportava 64 persone.", [(64.0, "persone")]),
        # a code before a count with no label before it stays a count
        ("nl", "Het bedrijf heeft GM 6246 dealers.", [(6246.0, "dealers")]),
    ],
)
def test_a_flight_number_after_its_code_is_no_count(language, text, expected) -> None:
    assert [(q.value, q.counted) for q in find_quantities_in(language, text)] == expected


CRASH = {
    "es.txt": doc(
        "El Diario Austral",
        "2031-09-05",
        "Un avión de pasajeros de la aerolínea Tartu Air se estrelló este sábado cerca de la "
        "localidad de Brelvik, en Valdoria, y causó al menos 38 muertos, según la agencia de "
        "protección civil. El vuelo TA 412, que cubría la ruta entre la capital, Solvana, y Port "
        "Meren, llevaba a bordo a 68 personas, según la policía regional. El Sindicato de Pilotos "
        "de Valdoria aseguró que el aparato tenía una avería conocida en uno de sus motores, "
        "reportada varias veces en las últimas semanas. Los equipos de rescate trabajaban entre "
        "los restos del aparato, un turbohélice Aerion 220. La ministra de Transportes, Petra "
        "Halvik, anunció la creación de una comisión de investigación.",
    ),
    "fr.txt": doc(
        "Le Courrier Continental",
        "2031-09-05",
        "Le bilan du crash du vol TA 412 de la compagnie Tartu Air, survenu samedi près de "
        "Brelvik, s'est alourdi à 51 morts, a annoncé samedi soir la protection civile. "
        "L'appareil, un turbopropulseur Aerion 220, s'est écrasé dans un champ peu après son "
        "décollage de la capitale Solvana. Tartu Air a démenti les informations selon lesquelles "
        "l'avion présentait une panne de moteur connue, affirmant que tous les contrôles de "
        "maintenance avaient été effectués. Plusieurs blessés ont été transportés à l'hôpital "
        "régional de Brelvik. Les causes de l'accident restent inconnues.",
    ),
}


def test_a_denial_saying_what_it_denies_does_not_deny_the_sentence_before(tmp_path_factory):
    report = analysed(tmp_path_factory, "crash-denial", CRASH)
    articles = by_name(report)
    claims = one_story_claims(report)
    # "a démenti les informations selon lesquelles ..." denies an engine fault, not the crash
    # the sentence before it tells: no dispute
    assert [c.status for c in claims if c.status == "disputed"] == []
    assert all(c.status != "disputed" for c in holding(claims, articles["fr"], "s'est écrasé"))


def test_a_vague_number_takes_the_unit_after_its_connector() -> None:
    text = "Valdoria est située à une trentaine de kilomètres au nord de la capitale."
    assert [(q.value, q.unit, q.approximate) for q in find_quantities_in("fr", text)] == [
        (30.0, "km", True)
    ]
    text = "Une trentaine de personnes ont été blessées."
    assert [(q.value, q.unit, q.counted) for q in find_quantities_in("fr", text)] == [
        (30.0, None, "personnes")
    ]
