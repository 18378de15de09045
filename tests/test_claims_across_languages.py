"""Facts told in several languages found as one claim (issue 12): when an event began, read
in every language and shown on one clock; sentences of a language the event lexicon cannot
read that report news beside a describing participle; figures of an earlier event dated by a
year the date reader does not read. Every sentence is written by the team for these tests
(made-up quakes, fires and floods; real place names)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_stories import analysed, by_name, candidate, claim_with, doc, figure, holding

from consilience.claims import clock

# ----------------------------------------------------------------------------- when it began


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # what followed, told after the time and its onset word, is no other event's time
        (
            "en",
            "It was 4:12am when the quake hit, followed by dozens of aftershocks.",
            ("4:12am", 252),
        ),
        (
            "en",
            "The blast struck at 9.05 am, and another one an hour later.",
            ("9.05 am", 545),
        ),
        # a participle that says when the event was recorded or happened
        (
            "es",
            "El sismo, registrado a las 10.25 hora local (15.25 GMT), se sintió en la costa.",
            ("15.25 GMT", 925),
        ),
        ("it", "La scossa, avvenuta alle 4.12, ha svegliato la valle.", ("4.12", 252)),
        ("fr", "Le séisme, survenu à 16h05, a été ressenti jusqu'à la côte.", ("16h05", 965)),
        ("pt", "O sismo, registrado às 7h40, assustou a cidade.", ("7h40", 460)),
        # a live report's present tense
        ("it", "L'incubo inizia alle 2.50: la terra trema per venti secondi.", ("2.50", 170)),
    ],
)
def test_the_time_an_event_began_beside_what_followed_and_in_a_participle(
    language, text, expected
) -> None:
    (t,) = clock.event_times(text, 0, len(text), language)
    assert (text[t.start : t.end], t.minutes) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # another event's word before the time and its onset: that event's time
        ("en", "Another strong quake hit at 6:20 a.m."),
        ("en", "A second blast struck at 9.05 am, witnesses said."),
        ("es", "Una réplica, registrada a las 5.10, asustó a los vecinos."),
        ("it", "Una nuova scossa, avvenuta alle 5.10, ha svegliato la valle."),
    ],
)
def test_another_events_time_is_still_left_out(language, text) -> None:
    assert clock.event_times(text, 0, len(text), language) == []


def _time(article: str, minutes: float, unit: str, base: float, country: str = "PE"):
    return candidate(
        article,
        kind="figure",
        published="2030-03-04",
        event_places=((0, 1, country),),
        figure=figure(minutes, dimension="clock", unit=unit, base=base, counted="time"),
    )


def test_a_time_on_one_clock_shows_its_utc_minute_as_its_value() -> None:
    # 14:20 in Lima (UTC-5) and 19:20 GMT: one moment, shown alike beside each passage
    local, named = clock.on_one_clock(
        [_time("a", 860, "local", 860), _time("b", 1160, "utc", 1160)]
    )
    assert local.figure is not None and named.figure is not None
    assert (local.figure.value, local.figure.base, local.figure.unit) == (1160, 1160, "utc")
    assert (named.figure.value, named.figure.base, named.figure.unit) == (1160, 1160, "utc")
    # a time written on a named clock keeps its text; its value is the UTC minute
    (hst,) = clock.on_one_clock([_time("c", 560, "utc", 1160)])
    assert hst.figure is not None and (hst.figure.value, hst.figure.base) == (1160, 1160)
    # a local time of no known country stays as written
    (unknown,) = clock.on_one_clock(
        [candidate("d", kind="figure", figure=figure(860, dimension="clock", unit="local"))]
    )
    assert unknown.figure is not None and (unknown.figure.value, unknown.figure.unit) == (
        860,
        "local",
    )


# ----------------------------------------------------------------------- beside a participle

BESIDE = {
    "fr.txt": doc(
        "Journal du Sud",
        "2030-05-02",
        "Un séisme de magnitude 5,9 a frappé le nord du Pérou jeudi. À Trujillo, située à 40 km "
        "de l'épicentre, de fortes secousses ont réveillé les habitants. La ville se trouve à "
        "500 km de la capitale.",
    ),
    "es.txt": doc(
        "Diario Norte",
        "2030-05-02",
        "Un sismo de magnitud 5,9 sacudió el norte de Perú el jueves. En Trujillo, situada a 40 "
        "kilómetros del epicentro, el temblor despertó a los vecinos.",
    ),
}


@pytest.fixture(scope="module")
def beside(tmp_path_factory):  # noqa: ANN201
    return analysed(tmp_path_factory, "beside", BESIDE)


def test_news_told_beside_a_describing_participle_is_a_claim(beside) -> None:
    articles = by_name(beside)
    claims = beside.stories[0].claims
    fr = claim_with(claims, articles["fr"], "40 km")
    es = claim_with(claims, articles["es"], "40 kilómetros")
    # the distance from the epicentre, in two languages: one corroborated fact
    assert fr is es
    assert fr.status == "corroborated" and fr.independent_sources == 2


def test_a_sentence_whose_verb_describes_a_place_is_still_left_out(beside) -> None:
    articles = by_name(beside)
    assert holding(beside.stories[0].claims, articles["fr"], "500 km") == []


# ----------------------------------------------------------------------------- earlier years


def _toll(article: str, text: str, value: float, language: str, at: int | None = None):
    """A dead count of ``value`` in ``text`` (the figure where ``at`` says, else at the first
    occurrence of its digits), of an article published in May 2030."""
    start = text.index(f"{value:g}") if at is None else at
    return candidate(
        article,
        kind="figure",
        text=text,
        end=len(text),
        published="2030-05-02",
        language=language,
        figure=figure(value, start=start, end=start + len(f"{value:g}"), event="kill"),
    )


@pytest.mark.parametrize(
    ("language", "text", "years"),
    [
        (
            "es",
            "Creo que habrá menos víctimas que en Lorca en 1998, cuando murieron 100.",
            ["1998"],
        ),
        ("ar", "وكان زلزال ضرب المنطقة نفسها عام 1998، قتل أكثر من 100 شخص.", ["1998"]),
        ("it", "Nel 1998 un sisma nella stessa valle fece 100 vittime.", ["1998"]),
        ("fr", "Un séisme avait fait 100 morts dans la région en 1998.", ["1998"]),
        # the start of a period dates no earlier event
        ("es", "Es el peor sismo desde 1998, con 100 muertos.", []),
        ("ar", "وهو أعنف زلزال منذ عام 1998، وقتل 100 شخص.", []),
        # a number that is no year: no year word before it, or the figure itself
        ("es", "El sismo dejó 1998 heridos y 100 muertos.", []),
        # a word of "of" makes a year only of one that closes its phrase
        ("es", "El terremoto de 1998, que dejó 100 muertos, fue el peor.", ["1998"]),
        ("es", "Murieron 100 de 1200 pasajeros del ferry.", []),
        ("en", "The flood of 1998 killed 100 people.", []),
        ("en", "100 people died in the flood of 1998.", ["1998"]),
    ],
)
def test_a_year_the_clause_writes_after_a_year_word(language, text, years) -> None:
    from consilience.claims.align import written_years

    c = _toll("a", text, 100, language)
    assert [d.value for d in written_years(c)] == years


def test_the_figure_itself_is_no_year() -> None:
    from consilience.claims.align import written_years

    text = "Las autoridades contaron un total de 1998 heridos."
    c = _toll("a", text, 1998, "es")
    assert written_years(c) == ()


def test_an_earlier_events_toll_stays_apart_in_any_language() -> None:
    from consilience.claims.align import figures_apart
    from consilience.tuning import AlignParams

    params = AlignParams()
    before_es = _toll("a", "Un sismo en la misma región mató en 1998 a 100 personas.", 100, "es")
    before_ar = _toll("b", "وكان زلزال ضرب المنطقة نفسها عام 1998، قتل 100 شخص.", 100, "ar")
    now_en = _toll("c", "The quake killed 96 people, officials said.", 96, "en")
    now_es = _toll("d", "El sismo dejó 100 muertos, según las autoridades.", 100, "es")
    # the earlier quake's toll, in two languages: one fact; never one with this quake's
    assert not figures_apart(before_es, before_ar, params)
    assert figures_apart(before_es, now_en, params)
    assert figures_apart(before_ar, now_es, params)
    # this quake's tolls, no year named: one fact as before
    assert not figures_apart(now_en, now_es, params)


# -------------------------------------------------------------------- what a source reports


def _reported(text: str, source: str, cue: str, language: str):
    from consilience.model import Attribution

    at = text.index(source)
    return candidate(
        "a",
        text=text,
        end=len(text),
        language=language,
        attribution=Attribution(0, len(text), at, at + len(source), cue),
    )


@pytest.mark.parametrize(
    ("language", "text", "source", "cue", "told"),
    [
        (
            "en",
            "Pacific Wire reported on Monday that two divers were rescued near the dam.",
            "Pacific Wire",
            "reported",
            "two divers were rescued near the dam.",
        ),
        (
            "es",
            "La agencia Sur informó que dos buzos fueron rescatados cerca de la presa.",
            "agencia Sur",
            "informó",
            "dos buzos fueron rescatados cerca de la presa.",
        ),
        (
            "it",
            "Il sindaco ha detto che due sommozzatori sono stati salvati vicino alla diga.",
            "sindaco",
            "ha detto",
            "due sommozzatori sono stati salvati vicino alla diga.",
        ),
        (
            "ar",
            "وقال الدفاع المدني إن غواصين اثنين أنقذا قرب السد.",
            "الدفاع المدني",
            "قال",
            "غواصين اثنين أنقذا قرب السد.",
        ),
        # a source named deep in the sentence is no opening of it: the sentence stays whole
        (
            "ca",
            "Ahir a la nit i avui l'agència Nord apunta que dos bussejadors han estat rescatats.",
            "agència Nord",
            "apunta",
            "Ahir a la nit i avui l'agència Nord apunta que dos bussejadors han estat rescatats.",
        ),
        # what follows the joining word must still say something
        (
            "en",
            "Officials said that it was true.",
            "Officials",
            "said",
            "Officials said that it was true.",
        ),
    ],
)
def test_a_statement_is_read_without_the_source_that_opens_it(
    language, text, source, cue, told
) -> None:
    from consilience.claims import meaning_text

    assert meaning_text(_reported(text, source, cue, language)) == told


def test_a_time_of_day_reads_as_a_clock_time() -> None:
    """A time figure's value is minutes since midnight: a reader sees "19:20 UTC" (or the
    local clock when no country gave its offset), not "1160 utc"."""
    from consilience.verdicts.judge import _normalised

    (on_utc,) = clock.on_one_clock([_time("a", 860, "local", 860)])
    assert _normalised(on_utc) == "19:20 UTC"
    assert _normalised(_time("b", 425, "local", 425, country="ZZ")) == "07:05 local time"
    about = _time("c", 1160, "utc", 1160)
    assert about.figure is not None
    about = replace(about, figure=replace(about.figure, qualifier="about"))
    assert _normalised(about) == "about 19:20 UTC"
