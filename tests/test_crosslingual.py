"""One story in every language: gists, places in any script, translations, grouping across
languages. Every text here is written by the team (invented events in real places)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

import consilience
from consilience.annotate.gazetteer_places import find_places
from consilience.annotate.gist import gist_text, pack, unpack
from consilience.annotate.language import LanguageDetector, function_words
from consilience.gazetteer import Gazetteer
from consilience.model import Annotations, Article, Sentence, SourceRef
from consilience.settings import DEFAULT_LANGUAGES, Settings
from consilience.sources.translations import translation_pairs

# GeoNames ids, as the data has them (test expectations, not product rules)
CHILE, VALPARAISO, TURKEY, ITALY, ROME, RIETI = 3895114, 3868626, 298795, 3175395, 3169070, 3169412
CAPE_TOWN, SOUTH_AFRICA = 3369157, 953987

QUAKE_EN = (
    "Earthquake kills 14 near Valparaíso\n\n"
    "A magnitude 6.8 earthquake struck near Valparaíso, Chile, on Tuesday, killing 14 people "
    "and injuring 230, the national emergency office said. The quake hit at 3:42 p.m. at a "
    "depth of 35 km, about 40 km west of the port city. More than 1,200 homes were damaged and "
    "power was cut to 90,000 households across the Valparaíso region.\n"
)
QUAKE_ES = (
    "Un sismo deja 14 muertos cerca de Valparaíso\n\n"
    "Un terremoto de magnitud 6,8 sacudió el martes la zona de Valparaíso, en Chile, y dejó 14 "
    "muertos y 230 heridos, informó la oficina nacional de emergencias. El sismo se produjo a "
    "las 15:42 a una profundidad de 35 km, unos 40 km al oeste de la ciudad portuaria. Más de "
    "1.200 viviendas resultaron dañadas y 90.000 hogares quedaron sin luz en la región.\n"
)
QUAKE_AR = (
    "زلزال يقتل 14 شخصا قرب فالبارايسو\n\n"
    "ضرب زلزال بقوة 6.8 درجات منطقة فالبارايسو في تشيلي يوم الثلاثاء، ما أسفر عن مقتل 14 "
    "شخصا وإصابة 230 آخرين، بحسب مكتب الطوارئ الوطني. ووقع الزلزال على عمق 35 كلم، على بعد "
    "نحو 40 كلم غرب المدينة الساحلية، وتضرر أكثر من 1200 منزل.\n"
)
OTHER_EN = (
    "Strong quake shakes Izmir, 3 dead\n\n"
    "A magnitude 5.9 earthquake shook Izmir in western Turkey on Wednesday, killing three "
    "people and injuring 48, the disaster agency said. The tremor struck at 10:05 a.m. at a "
    "depth of 12 km under the Gulf of Izmir; 37 buildings were damaged and schools were closed "
    "for two days across the province.\n"
)
OTHER_FR = (
    "Un séisme secoue Izmir, trois morts\n\n"
    "Un séisme de magnitude 5,9 a secoué mercredi Izmir, dans l'ouest de la Turquie, faisant "
    "trois morts et 48 blessés, selon l'agence des catastrophes. La secousse s'est produite à "
    "10h05 à 12 km de profondeur sous le golfe d'Izmir; 37 bâtiments ont été endommagés et les "
    "écoles fermées pendant deux jours dans la province.\n"
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open(Settings())


def places(text: str, gazetteer: Gazetteer, language: str) -> list[tuple[str, int | None]]:
    found = find_places(text, gazetteer, language, skip_words=function_words(language))
    return [(text[m.start : m.end], m.geonameid) for m in found]


def test_places_in_arabic_script_with_clitics_and_letter_variants(gazetteer):
    # "and in Italy" glued (و + ب), alef without hamza, a town of the named country
    text = "ضرب زلزال قوي وسط ايطاليا، وشعر به سكان روما وبإيطاليا كلها."
    assert places(text, gazetteer, "ar") == [
        ("ايطاليا", ITALY),
        ("روما", ROME),
        ("إيطاليا", ITALY),
    ]


def test_a_dateline_city_in_arabic_script_needs_no_country_named(gazetteer):
    # a one-word town in a script without capitals counts only in a country the article
    # names, unless it opens the text as a dateline
    assert places("روما - ضرب زلزال قوي المنطقة فجر اليوم.", gazetteer, "ar") == [("روما", ROME)]
    assert places("ضرب زلزال قوي روما فجر اليوم.", gazetteer, "ar") == []


def test_places_in_a_latin_language_keep_towns_of_the_named_country(gazetteer):
    # "Puente" and "Norte" are towns elsewhere, not in Chile: never read as places here
    text = "El Puente del Norte cayó en Valparaíso, Chile, según la Protección Civil."
    assert places(text, gazetteer, "es") == [("Valparaíso", VALPARAISO), ("Chile", CHILE)]


def test_places_without_a_named_country_follow_the_towns_that_agree(gazetteer):
    # no country named: two Italian towns agree, so the country is Italy
    text = "Scosse forti a Rieti e a Pescara nella notte."
    found = places(text, gazetteer, "it")
    assert [name for name, _ in found] == ["Rieti", "Pescara"]
    assert found[0][1] == RIETI


def test_place_names_go_on_across_joining_particles(gazetteer):
    # one city in three languages, each name written with a lower-case particle inside it
    spanish = "Una tormenta dejó sin luz a Ciudad del Cabo el domingo, según Sudáfrica."
    italian = "Una tempesta ha lasciato al buio Città del Capo domenica, in Sudafrica."
    portuguese = "Uma tempestade deixou a Cidade do Cabo sem luz no domingo, na África do Sul."
    assert places(spanish, gazetteer, "es") == [
        ("Ciudad del Cabo", CAPE_TOWN),
        ("Sudáfrica", SOUTH_AFRICA),
    ]
    assert places(italian, gazetteer, "it")[0] == ("Città del Capo", CAPE_TOWN)
    assert places(portuguese, gazetteer, "pt") == [
        ("Cidade do Cabo", CAPE_TOWN),
        ("África do Sul", SOUTH_AFRICA),
    ]


def test_country_names_in_many_languages(gazetteer):
    for name in ("Turquie", "Turquía", "تركيا", "Турция", "Türkei", "土耳其"):
        assert [p.geonameid for p in gazetteer.lookup(name)][:1] == [TURKEY], name


def test_catalan_is_told_from_spanish():
    assert {"ca", "es", "zh"} <= set(DEFAULT_LANGUAGES)
    detector = LanguageDetector(DEFAULT_LANGUAGES)
    catalan = (
        "Un incendi d'importants proporcions està devastant la catedral des d'aquest dilluns "
        "sense que de moment els bombers hagin pogut fer res per frenar les flames."
    )
    spanish = (
        "Un incendio de grandes proporciones está devastando la catedral desde este lunes sin "
        "que por el momento los bomberos hayan podido hacer nada para frenar las llamas."
    )
    assert detector.detect(catalan)[0] == "ca"
    assert detector.detect(spanish)[0] == "es"


def _article(aid: str, text: str, language: str, title: str | None = None) -> Article:
    sentences = []
    start = 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        sentences.append(Sentence(start, min(end, len(text))))
        start = end + 1
    return Article(
        id=aid,
        source=SourceRef(aid),
        kind="txt",
        raw_text=text,
        text=text,
        title=title,
        language=language,
        annotations=Annotations(sentences=tuple(sentences)),
    )


def test_gist_text_is_title_and_lead_up_to_the_cap():
    line = "Second one is longer than the first. "  # 36 characters stripped
    # the lead's first line is kept up to twice the cap (640), whatever its sentences
    body = "First sentence here. " + line * 20
    a = _article("a", body, "en", title="A headline")
    text = gist_text(a)
    assert text == "A headline. First sentence here. " + (line * 17).strip()
    # the next lines add sentences up to the cap (320) in all
    body = "First sentence here.\n" + line * 20
    text = gist_text(_article("c", body, "en", title="A headline"))
    assert text == "A headline. First sentence here. " + (line * 8).strip()
    assert gist_text(_article("b", "Too short.", "en")) == ""


def test_gist_packs_to_unit_float16_and_back():
    v = np.arange(512, dtype=np.float32) - 100.0
    packed = pack(v)
    back = unpack(packed)
    assert back is not None and back.shape == (512,)
    assert abs(float(np.linalg.norm(back)) - 1.0) < 1e-3
    assert np.allclose(back, v / np.linalg.norm(v), atol=1e-3)
    assert unpack("") is None
    with pytest.raises(ValueError):
        pack(np.zeros(3))


def _jsonl(tmp_path: Path, docs: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "pile.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for aid, text, day in docs:
            fh.write(json.dumps({"id": aid, "text": text, "published": day}) + "\n")
    return path


@pytest.fixture(scope="module")
def two_quakes(tmp_path_factory) -> consilience.model.Report:
    folder = tmp_path_factory.mktemp("quakes")
    path = _jsonl(
        folder,
        [
            ("chile-en", QUAKE_EN, "2031-03-04"),
            ("chile-es", QUAKE_ES, "2031-03-04"),
            ("chile-ar", QUAKE_AR, "2031-03-05"),
            ("izmir-en", OTHER_EN, "2031-03-05"),
            ("izmir-fr", OTHER_FR, "2031-03-05"),
        ],
    )
    return consilience.analyze([path], progress=False)


def test_one_event_in_three_languages_and_scripts_is_one_story(two_quakes):
    languages = {a.id: a.language for a in two_quakes.articles}
    assert languages == {
        "chile-en": "en",
        "chile-es": "es",
        "chile-ar": "ar",
        "izmir-en": "en",
        "izmir-fr": "fr",
    }
    stories = sorted(sorted(s.articles) for s in two_quakes.stories)
    # two earthquakes in the same week, each told in two or three languages: two stories
    assert stories == [["chile-ar", "chile-en", "chile-es"], ["izmir-en", "izmir-fr"]]
    assert all(s.title for s in two_quakes.stories)


def test_every_article_gets_a_gist(two_quakes):
    assert all(unpack(a.annotations.gist) is not None for a in two_quakes.articles)


def test_translation_is_linked_and_counted_once(two_quakes):
    story = next(s for s in two_quakes.stories if "izmir-en" in s.articles)
    relations = [r for src in story.sources for r in src.relations]
    assert relations == [("izmir-fr", "translation", "izmir-en")] or relations == [
        ("izmir-en", "translation", "izmir-fr")
    ]
    assert len(story.sources) == 1
    flagged = {a.id: [f.kind for f in a.flags] for a in two_quakes.articles}
    assert "translation" in flagged["izmir-fr"] + flagged["izmir-en"]


def test_independent_reports_in_two_languages_are_not_translations(two_quakes):
    by_id = {a.id: a for a in two_quakes.articles}
    # the Arabic report is shorter and gives fewer figures: not a translation of either
    arts = [by_id["chile-en"], by_id["chile-ar"], by_id["izmir-fr"]]
    pairs = translation_pairs(arts)
    assert (0, 2) not in [(i, j) for i, j, _ in pairs]
    assert (1, 2) not in [(i, j) for i, j, _ in pairs]


def test_sound_skeletons_meet_across_scripts():
    from consilience.resolve.scripts import sound_skeleton

    assert sound_skeleton("Merkel") == sound_skeleton("ميركل") == "mrkl"
    assert sound_skeleton("Navalny") == sound_skeleton("Навальный")
    assert sound_skeleton("Mazzini") == sound_skeleton("ماتزيني") == "mtsn"
    assert sound_skeleton("Marseille") == sound_skeleton("مرسيليا")
    assert sound_skeleton("Merkel") != sound_skeleton("Merlek")


def test_story_names_are_found_in_another_script(gazetteer):
    from consilience.model import EntityMention
    from consilience.resolve import resolve_story

    english_text = "Chancellor Angela Merkel visited Lyon on Monday. Merkel spoke to reporters."
    arabic_text = (
        "زارت المستشارة أنغيلا ميركل مدينة ليون يوم الاثنين. وميركل قالت للصحفيين إن الوضع صعب."
    )

    def at(name: str, nth: int = 0) -> tuple[int, int]:
        start = english_text.index(name, english_text.index(name) + 1 if nth else 0)
        return start, start + len(name)

    english = _article("en-1", english_text, "en")
    english = Article(
        **{
            **{f: getattr(english, f) for f in ("id", "source", "kind", "raw_text", "text")},
            "language": "en",
            "annotations": Annotations(
                sentences=english.annotations.sentences,
                entities=(
                    EntityMention(*at("Angela Merkel"), "PERSON"),
                    EntityMention(*at("Lyon"), "GPE"),
                    EntityMention(*at("Merkel", 1), "PERSON"),
                ),
            ),
        }
    )
    arabic = _article("ar-1", arabic_text, "ar")
    entities = resolve_story([english, arabic], gazetteer)
    merkel = next(e for e in entities if e.name == "Angela Merkel")
    spans = [
        (m.article, arabic_text[m.start : m.end]) for m in merkel.mentions if m.article == "ar-1"
    ]
    assert spans == [("ar-1", "أنغيلا ميركل"), ("ar-1", "ميركل")]
    # the clitic "و" ("and") stays outside the name
    assert all(not text.startswith("و") for _, text in spans)


def test_report_says_what_could_not_be_read_in_each_language(two_quakes):
    from consilience.report.json import reading_limits

    by_id = {a.id: a for a in two_quakes.articles}
    assert reading_limits(by_id["chile-en"]) == []
    arabic = reading_limits(by_id["chile-ar"])
    assert arabic == [
        "entities: places from the gazetteer and the story's names only (no spaCy model for 'ar')",
        "figures, attributions and denials: read in 'ar' from its word lists; event words of "
        "statements from its word list (statements align across languages by what happened, the "
        "entities, places and dates they name, and their meaning)",
    ]
    # a language with no data file for its figures says so
    zh = dataclasses.replace(by_id["chile-ar"], language="zh")
    assert reading_limits(zh)[1].startswith("figures, attributions and claims: read with English")


def test_names_of_several_words_across_scripts_need_every_word(gazetteer):
    from consilience.model import EntityMention
    from consilience.resolve import resolve_story

    english_text = "Laurent Fabius met Benedetta Castiglione in Rome."
    # "Laurent" loses its silent t in Arabic; "قالت" ("she said") before the surname is no
    # given name
    arabic_text = "التقى لوران فابيوس في روما، وقالت كاستيليوني إن العمل مستمر."
    english = Article(
        id="en-1",
        source=SourceRef("en-1"),
        kind="txt",
        raw_text=english_text,
        text=english_text,
        language="en",
        annotations=Annotations(
            sentences=(Sentence(0, len(english_text)),),
            entities=(
                EntityMention(0, 14, "PERSON"),
                EntityMention(19, 40, "PERSON"),
                EntityMention(44, 48, "GPE"),
            ),
        ),
    )
    arabic = _article("ar-1", arabic_text, "ar")
    entities = resolve_story([english, arabic], gazetteer)
    in_arabic = {
        e.name: [arabic_text[m.start : m.end] for m in e.mentions if m.article == "ar-1"]
        for e in entities
    }
    assert in_arabic["Laurent Fabius"] == ["لوران فابيوس"]
    assert in_arabic["Benedetta Castiglione"] == []


def test_short_place_names_and_names_written_as_one_word_across_scripts(gazetteer):
    from consilience.model import EntityMention
    from consilience.resolve import resolve_story

    # an Umbrian town too short for a consonant skeleton alone (t-d), written with the same
    # vowels in Arabic; an invented two-word place written as one word in Arabic; a person
    # named Kamal is never looked for by vowels ("كامل" is also "complete")
    italian_text = "A Todi e a Val-Fleury la scossa ha svegliato tutti; Kamal ha aiutato."
    arabic_text = "استيقظ سكان تودي وفالفلوري على الهزة، وقالت السلطات إن الضرر كامل."
    italian = Article(
        id="it-1",
        source=SourceRef("it-1"),
        kind="txt",
        raw_text=italian_text,
        text=italian_text,
        language="it",
        annotations=Annotations(
            sentences=(Sentence(0, len(italian_text)),),
            entities=(
                EntityMention(2, 6, "GPE"),
                EntityMention(11, 21, "LOC"),
                EntityMention(52, 57, "PERSON"),
            ),
        ),
    )
    arabic = _article("ar-1", arabic_text, "ar")
    entities = resolve_story([italian, arabic], gazetteer)
    in_arabic = {
        e.name: [arabic_text[m.start : m.end] for m in e.mentions if m.article == "ar-1"]
        for e in entities
    }
    assert in_arabic["Todi"] == ["تودي"]
    # "Val-Fleury" as one word, not "Val" or a one-word name its skeleton begins with
    assert in_arabic["Val-Fleury"] == ["فالفلوري"]
    assert in_arabic["Kamal"] == []


def test_a_longer_story_name_wins_over_a_town_read_inside_it(gazetteer):
    from consilience.model import EntityMention
    from consilience.resolve import resolve_story

    # an invented hamlet whose first word is also Rome in Arabic: the gazetteer alone reads
    # "روما" as Rome, the story's three-word name is found whole
    italian_text = "A Roma del Colle la scossa ha svegliato tutti."
    arabic_text = "استيقظ سكان روما ديل كولي على الهزة."
    italian = Article(
        id="it-1",
        source=SourceRef("it-1"),
        kind="txt",
        raw_text=italian_text,
        text=italian_text,
        language="it",
        annotations=Annotations(
            sentences=(Sentence(0, len(italian_text)),),
            entities=(EntityMention(2, 16, "LOC"),),
        ),
    )
    arabic = _article("ar-1", arabic_text, "ar")
    start = arabic_text.index("روما")
    arabic = dataclasses.replace(
        arabic,
        annotations=dataclasses.replace(
            arabic.annotations,
            entities=(EntityMention(start, start + 4, "GPE", "gazetteer", ROME),),
        ),
    )
    entities = resolve_story([italian, arabic], gazetteer)
    in_arabic = {
        e.name: [arabic_text[m.start : m.end] for m in e.mentions if m.article == "ar-1"]
        for e in entities
    }
    assert in_arabic == {"Roma del Colle": ["روما ديل كولي"]}


def test_a_word_goes_to_the_name_it_spells_not_to_one_it_begins_with(gazetteer):
    from consilience.model import EntityMention
    from consilience.resolve import resolve_story

    # invented places: "Valdorra" and "Valdorra Nuova", the second written as one word in Arabic
    italian_text = "Valdorra e Valdorra Nuova sono senza luce da ieri sera."
    arabic_text = "انقطعت الكهرباء في فالدورانوفا منذ مساء أمس."
    italian = Article(
        id="it-1",
        source=SourceRef("it-1"),
        kind="txt",
        raw_text=italian_text,
        text=italian_text,
        language="it",
        annotations=Annotations(
            sentences=(Sentence(0, len(italian_text)),),
            entities=(EntityMention(0, 8, "LOC"), EntityMention(11, 25, "LOC")),
        ),
    )
    arabic = _article("ar-1", arabic_text, "ar")
    entities = resolve_story([italian, arabic], gazetteer)
    in_arabic = {
        e.name: [arabic_text[m.start : m.end] for m in e.mentions if m.article == "ar-1"]
        for e in entities
    }
    assert in_arabic == {"Valdorra": [], "Valdorra Nuova": ["فالدورانوفا"]}


def test_a_day_with_a_two_digit_year_reads_as_the_full_year():
    """A translation that writes the dateline "09-Jun-08" keeps the original's figures in
    order ("June 9, 2008"): the two-digit year is read as the full one."""
    from consilience.stories.features import digit_figures

    assert digit_figures("Nieuw model 09-Jun-08 voor 199 dollar") == ["9", "2008", "199"]
    assert digit_figures("New model June 9, 2008 for 199 dollars") == ["9", "2008", "199"]
    assert digit_figures("Nuevo 8-mayo-96: 1.500 pesos") == ["8", "1996", "1500"]
    assert digit_figures("Rooms 12-14 and 08-09") == ["12", "14", "8", "9"]  # no month: no day


def test_a_short_report_whose_few_figures_another_tells_is_no_translation():
    from consilience.sources.translations import _score
    from consilience.tuning import TranslationParams

    params = TranslationParams()
    wire = ["12", "10", "40", "7", "40", "30", "2024", "150", "31"]
    # a report of the same event in another language, its lead's toll, time and distance
    # among the wire's nine figures: the figures agree, the report tells a third of them
    lead = ["12", "7", "40"]
    assert _score(0.76, wire, lead, params) is None
    # a translation renders (nearly) every figure, in order
    assert _score(0.76, wire, ["12", "10", "40", "7", "40", "30", "2024", "31"], params) == 1.0
    # a later report of the event: four of its six figures in the wire's order, two its own
    later = ["23", "40", "10", "40", "2024", "31"]
    assert _score(0.69, wire, later, params) is None
    # the same six figures of a seven-figure text: as many figures, most aligned
    seven = ["19", "40", "65", "10", "40", "30", "300"]
    assert _score(0.7, seven, seven[:6], params) == 1.0


def _found_in_russian(gazetteer, english_text, name, label, russian_text) -> list[str]:  # noqa: ANN001
    """Return the spans of ``russian_text`` resolved to ``name``, a mention (``label``) of an
    English article."""
    from consilience.model import EntityMention
    from consilience.resolve import resolve_story

    start = english_text.index(name)
    english = _article("en-1", english_text, "en")
    english = Article(
        **{
            **{f: getattr(english, f) for f in ("id", "source", "kind", "raw_text", "text")},
            "language": "en",
            "annotations": Annotations(
                sentences=english.annotations.sentences,
                entities=(EntityMention(start, start + len(name), label),),
            ),
        }
    )
    russian = _article("ru-1", russian_text, "ru")
    entities = resolve_story([english, russian], gazetteer)
    found = next(e for e in entities if e.name == name)
    return [russian_text[m.start : m.end] for m in found.mentions if m.article == "ru-1"]


def test_a_small_word_of_a_script_with_capitals_is_no_name(gazetteer):
    english_text = "The town lies 30 km north of the capital, Orvast. Orvast sent troops."
    # "провести" (to conduct) has the sound skeleton of "Orvast"; "Орваст" is the name
    russian_text = "ООН призвала провести расследование. Власти в Орваст не ответили."
    spans = _found_in_russian(gazetteer, english_text, "Orvast", "GPE", russian_text)
    assert spans == ["Орваст"]


def test_a_small_particle_inside_a_name_of_a_script_with_capitals(gazetteer):
    english_text = "Commander Karim al-Valdori spoke on Monday. Al-Valdori said the town was calm."
    russian_text = "Командир Карим аль-Валдори выступил в понедельник."
    spans = _found_in_russian(gazetteer, english_text, "Karim al-Valdori", "PERSON", russian_text)
    assert spans == ["Карим аль-Валдори"]


# One strike told apart in two languages: the same toll, wounded, distance and the town's
# earlier strike, in the same order, in sentences of their own (five figures in a row: a
# longer run in order is a translation's, ``sources.independence.find_links``).
APART_EN = (
    "Blast at Brelvik market kills 12\n\nA strike hit the central market of Brelvik on "
    "Saturday, killing 12 people and wounding 40, local officials said. The explosion came at "
    "10:40 local time, when the market was crowded. Brelvik lies about 30 km north of the "
    "capital. The army denied any role in the attack. In 2024, a strike on the town's bus "
    "station killed 31 people."
)
APART_ES = (
    "Doce muertos en un ataque en Brelvik\n\nAl menos 12 personas murieron y 40 resultaron "
    "heridas el sábado en Brelvik, según un médico del hospital. Testigos contaron que la "
    "explosión derrumbó la nave principal y provocó un incendio. La ciudad, a unos "
    "30 kilómetros de la capital, vive desde hace meses bajo el control de un grupo armado. El "
    "Gobierno prometió ayuda a las familias de las víctimas. Hace dos años, en 2024, otro ataque "
    "contra la estación de autobuses dejó 31 muertos."
)


def test_reports_written_apart_are_no_translation_though_their_figures_agree(tmp_path):
    from consilience.annotate.gist import SentenceEncoder
    from consilience.sources.independence import find_sources

    path = _jsonl(tmp_path, [("en", APART_EN, "2026-03-14"), ("es", APART_ES, "2026-03-14")])
    report = consilience.analyze([path], progress=False)
    articles = list(report.articles)
    # their figures and facts alone read as a translation ...
    assert [s.articles for s in find_sources(articles)] == [("es", "en")]
    # ... their sentences say other things: two sources, in the run too
    encoder = SentenceEncoder(threads=1).load()
    assert [s.articles for s in find_sources(articles, encoder=encoder)] == [("en",), ("es",)]
    assert [s.articles for st in report.stories for s in st.sources] == [("en",), ("es",)]
