"""Times of day an event began at: read in several languages, put on one clock (UTC), and
claims that corroborate or dispute them (consilience.claims.clock)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, one_story_claims

from consilience.claims import clock


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a time given twice: the one on a named clock
        (
            "en",
            "The blast struck the depot at 09:42 local time (14:42 GMT) on Friday.",
            ("14:42 GMT", 882, "utc", 0, False, None),
        ),
        (
            "es",
            "La explosión se registró a las 10.25 hora local (15.25 GMT).",
            ("15.25 GMT", 925, "utc", 0, False, None),
        ),
        (
            "es",
            "La explosión se registró a las 10.25 hora local.",
            ("10.25 hora local", 625, "local", None, False, None),
        ),
        (
            "fr",
            "L'incendie a pris vers 21h35, selon les pompiers.",
            ("21h35", 1295, None, None, True, None),
        ),
        ("ca", "L'incendi es va declarar a les 22.05h.", ("22.05h", 1325, None, None, False, None)),
        (
            "ar",
            "اندلعت النيران في المصنع في حوالي الساعة 11,20 بتوقيت غرينتش.",
            ("11,20 بتوقيت غرينتش", 680, "utc", 0, True, None),
        ),
        (
            "ar",
            "وقع الانفجار بعد الساعة 5:40 بتوقيت جرينتش",
            ("5:40 بتوقيت جرينتش", 340, "utc", 0, False, "after"),
        ),
        (
            "en",
            "The storm hit at 4:50 a.m. HST.",
            ("4:50 a.m. HST", 290, "zone", -600, False, None),
        ),
        ("en", "The blast struck at 0452 GMT.", ("0452 GMT", 292, "utc", 0, False, None)),
        (
            "it",
            "Il crollo è avvenuto alle 4.12 di notte.",
            ("4.12", 252, None, None, False, None),
        ),
        (
            "de",
            "Der Unfall ereignete sich um 5.48 Uhr Ortszeit.",
            ("5.48 Uhr Ortszeit", 348, "local", None, False, None),
        ),
        # said again on another clock: as approximate, and as much a bound, as the first
        (
            "fr",
            "L'explosion, qui s'est produite peu après 05h15 (03h15 GMT), était forte.",
            ("03h15 GMT", 195, "utc", 0, True, "after"),
        ),
        # a typographic apostrophe in the onset words
        (
            "fr",
            "L’explosion, qui s’est produite à 16h05, heure locale, était forte.",
            ("16h05, heure locale", 965, "local", None, False, None),
        ),
        (
            "en",
            "The fire broke out shortly before 9 pm.",
            ("9 pm", 1260, None, None, True, "before"),
        ),
        # Turkish "saat" before the time, a suffix after it; Persian digits; Hebrew "בשעה"
        (
            "tr",
            "Deprem sabah saat 04.17'de meydana geldi.",
            ("04.17", 257, None, None, False, None),
        ),
        ("tr", "Yangın saat 14:30'da çıktı.", ("14:30", 870, None, None, False, None)),
        (
            "fa",
            "زلزله ساعت ۴:۱۷ بامداد به وقت محلی رخ داد.",
            ("۴:۱۷ بامداد به وقت محلی", 257, "local", None, False, None),
        ),
        (
            "fa",
            "انفجار حوالی ساعت ۱۴:۳۰ به وقت گرینویچ روی داد.",
            ("۱۴:۳۰ به وقت گرینویچ", 870, "utc", 0, True, None),
        ),
        (
            "he",
            "רעידת האדמה הורגשה בשעה 04:17 שעון מקומי.",
            ("04:17 שעון מקומי", 257, "local", None, False, None),
        ),
        (
            "he",
            "השריפה פרצה בסביבות השעה 14:30 GMT.",
            ("14:30 GMT", 870, "utc", 0, True, None),
        ),
        # Ukrainian "о" and "за місцевим часом"; Polish "o godzinie" and "czasu lokalnego"
        (
            "uk",
            "Землетрус стався о 04:17 за місцевим часом.",
            ("04:17 за місцевим часом", 257, "local", None, False, None),
        ),
        ("uk", "Пожежа спалахнула близько 14:30 GMT.", ("14:30 GMT", 870, "utc", 0, True, None)),
        ("uk", "Вибух пролунав невдовзі після 10:15.", ("10:15", 615, None, None, True, "after")),
        (
            "pl",
            "Trzęsienie ziemi nastąpiło o godzinie 4:17 czasu lokalnego.",
            ("4:17 czasu lokalnego", 257, "local", None, False, None),
        ),
        ("pl", "Pożar wybuchł około godz. 14.30 GMT.", ("14.30 GMT", 870, "utc", 0, True, None)),
        ("pl", "Do eksplozji doszło tuż po 10:15.", ("10:15", 615, None, None, True, "after")),
        # a boat sinking or capsizing is an event's onset in every language
        ("en", "The barge capsized at 6.40 a.m.", ("6.40 a.m.", 400, None, None, False, None)),
        ("es", "La lancha se hundió hacia las 16.10.", ("16.10", 970, None, None, True, None)),
        ("fr", "Le chalutier a chaviré vers 5 h 50.", ("5 h 50", 350, None, None, True, None)),
        (
            "de",
            "Der Kutter kenterte gegen 16.10 Uhr.",
            ("16.10 Uhr", 970, None, None, True, None),
        ),
        ("it", "Il peschereccio è affondato alle 6.40.", ("6.40", 400, None, None, False, None)),
        ("nl", "De boot zonk rond 16.10 uur.", ("16.10 uur", 970, None, None, True, None)),
        ("ru", "Баржа затонула около 16:10.", ("16:10", 970, None, None, True, None)),
        ("tr", "Tekne saat 16.10'da battı.", ("16.10", 970, None, None, False, None)),
        # a German perfect or pluperfect: the participle is the onset ("hatte sich ereignet")
        (
            "de",
            "Die Explosion hatte sich um 10:40 Uhr Ortszeit ereignet.",
            ("10:40 Uhr Ortszeit", 640, "local", None, False, None),
        ),
        # Turkish names the clock before the time ("yerel saatle": by local time)
        (
            "tr",
            "Patlama pazar günü yerel saatle 10.40'ta meydana geldi.",
            ("10.40", 640, "local", None, False, None),
        ),
        # Arabic-Indic digits, and "بعد الظهر" (in the afternoon)
        (
            "ar",
            "وغرق القارب نحو الساعة ٤:١٠ بعد الظهر.",
            ("٤:١٠ بعد الظهر", 970, None, None, True, None),
        ),
        # a plane lost from the radar: the time its crash began; its take-off is not it
        (
            "en",
            "The jet took off at 6:05 and disappeared from the radar at 6:17.",
            ("6:17", 377, None, None, False, None),
        ),
        (
            "de",
            "Laut der Behörde verschwand die Maschine um 6:47 Uhr vom Radar.",
            ("6:47 Uhr", 407, None, None, False, None),
        ),
    ],
)
def test_the_time_an_event_began_is_read_with_its_clock(language, text, expected) -> None:
    (t,) = clock.event_times(text, 0, len(text), language)
    assert (text[t.start : t.end], t.minutes, t.zone, t.offset, t.approximate, t.bound) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The magnitude 7.1 quake struck 12 km southeast of the town."),  # no time
        ("en", "Rescuers arrived at 15.55 and searched the rubble."),  # no onset of an event
        ("en", "A 5.5 aftershock struck at 4:33 a.m."),  # another event's time
        ("fr", "Le feu a été maîtrisé à 3h du matin."),  # not when it began
        ("es", "El sismo, de magnitud 5.8, se registró en Arequipa."),
        ("en", "The fire, which broke out on the 14th floor, est."),  # "est" is no zone
        ("en", "Trading began and the index fell by 4.37 percent."),  # a share
        ("uk", "Вибух стався, і індекс упав о 4.37 відсотка."),
        ("es", "El índice comenzó a las 9 y cayó a las 4,37 %."),
        ("tr", "Artçı deprem saat 05.10'da meydana geldi."),  # another event's time
        ("fa", "پس‌لرزه ساعت ۵:۱۰ رخ داد."),
        ("he", "רעידת משנה הורגשה בשעה 05:10."),
        ("uk", "Афтершок стався о 05:10."),
        ("pl", "Wstrząs wtórny nastąpił o 5:10."),
        # a number that sank, a state a thing turned into, a ban a court overturned
        ("de", "Die Zahl der Vermissten sank bis 18 Uhr auf 27."),
        ("pt", "A situação virou um caos por volta das 18h."),
        ("en", "The court overturned the ban at 4 p.m."),
        # the time a trip began, not the event's
        ("en", "It took off at 06:40 local time and came down four miles from the runway."),
        ("es", "Despegó a las 06:40 hora local y se estrelló a cuatro millas de la pista."),
        ("de", "Die Maschine startete um 6:40 Uhr und stürzte kurz darauf ab."),
    ],
)
def test_no_time_of_the_event(language, text) -> None:
    assert clock.event_times(text, 0, len(text), language) == []


def test_times_agree_within_rounding_and_bounds_on_a_clock_that_turns_at_midnight() -> None:
    assert clock.agree((882, False, None), (885, False, None))  # 14:42 / 14:45
    assert not clock.agree((882, False, None), (823, False, None))  # 14:42 / 13:43
    assert clock.agree((1130, True, None), (1140, False, None))  # around 18:50 / 19:00
    assert not clock.agree((340, False, "after"), (226, False, None))  # after 5:40 / 3:46
    assert clock.agree((1435, False, None), (2, False, None))  # 23:55 / 00:02
    # two times written to the minute five minutes apart are two accounts (06:47 / 06:52); a
    # time on a five-minute mark may round one of them (06:50 / 06:47)
    assert not clock.agree((407, False, None), (412, False, None))
    assert clock.agree((410, False, None), (407, False, None))
    # "about" is as wide as the time is round: about 8 o'clock / 8:25 agree, about 8:40 and
    # about 8:15 (two accounts of one blast) do not, about 8:30 / 8:44 agree, about 8:30 / 9:00
    # do not
    assert clock.agree((480, True, None), (505, False, None))
    assert not clock.agree((520, True, None), (495, True, None))
    assert clock.agree((510, True, None), (524, False, None))
    assert not clock.agree((510, True, None), (540, False, None))
    assert clock.apart(252, 640) and not clock.apart(226, 340)
    # a time of day tells events apart only on one day: both reports dated, close in time
    assert clock.near_days("2030-03-04", "2030-03-06T10:00:00")
    assert not clock.near_days("2030-03-04", "2030-03-07")
    assert not clock.near_days(None, "2030-03-04")


def test_country_offset_is_the_main_zone_of_the_country_that_day() -> None:
    assert clock.country_offset("PE", "2030-03-04") == -300
    assert clock.country_offset("FR", "2019-04-15") == 120
    assert clock.country_offset("FR", "2019-01-15") == 60
    assert clock.country_offset("XX", "2019-01-15") is None


QUAKE = {
    "a.txt": doc(
        "Andes Daily",
        "2030-03-04",
        "A powerful earthquake struck Peru on Monday, killing at least 12 people in Lima and "
        "injuring dozens. The quake struck at 14:20 local time (19:20 GMT), the national "
        "seismology institute said. Rescue teams searched collapsed buildings in Lima through "
        "the night.",
    ),
    "b.txt": doc(
        "Diario Sur",
        "2030-03-04",
        "Un fuerte sismo sacudió Perú el lunes y dejó al menos 12 muertos en Lima. El sismo se "
        "registró a las 14.20 hora local, según el instituto de sismología. Los rescatistas "
        "buscaron sobrevivientes en los edificios derrumbados de Lima.",
    ),
    "c.txt": doc(
        "Pacific Wire",
        "2030-03-04",
        "A deadly earthquake hit Peru on Monday, killing 12 people in Lima. The earthquake hit "
        "at 9:20 a.m. HST, according to the Pacific warning centre. Buildings collapsed across "
        "Lima and rescuers worked overnight.",
    ),
}
LATE = doc(
    "Evening Post",
    "2030-03-04",
    "An earthquake struck Peru on Monday and killed 12 people in Lima, officials said. The "
    "quake struck at around 3:05 p.m. local time, witnesses said. Rescuers searched the "
    "collapsed buildings of Lima.",
)


def test_one_time_in_three_languages_and_clocks_is_corroborated(tmp_path_factory) -> None:
    report = analysed(tmp_path_factory, "clock-agree", QUAKE)
    articles = by_name(report)
    claim = claim_with(one_story_claims(report), articles["a"], "19:20 GMT")
    # local time in Lima (UTC-5), GMT and Hawaii time (UTC-10): one moment, three sources
    assert claim.status == "corroborated"
    held = {(e.article, articles_text(report, e)) for e in claim.evidence}
    assert {article for article, _ in held} == {articles[n].id for n in "abc"}


def test_a_time_an_hour_off_disputes_it(tmp_path_factory) -> None:
    report = analysed(tmp_path_factory, "clock-dispute", {**QUAKE, "d.txt": LATE})
    articles = by_name(report)
    claim = claim_with(one_story_claims(report), articles["d"], "3:05 p.m.")
    assert claim.status == "disputed"
    (conflict,) = claim.conflicts
    assert sorted(v.value for v in conflict.values) == [
        "14.20 hora local",
        "19:20 GMT",
        "3:05 p.m. local time",
        "9:20 a.m. HST",
    ]


def articles_text(report, evidence) -> str:  # noqa: ANN001
    article = next(a for a in report.articles if a.id == evidence.article)
    return article.text[evidence.start : evidence.end]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the time nearest the onset word is the event's, not another event's of the sentence
        (
            "en",
            "Police held a press conference at 3 p.m. after the shooting began at 1:10 p.m.",
            ("1:10 p.m.", 790),
        ),
        ("en", "The plane took off at 6:05 p.m. and crashed at 6:50 p.m.", ("6:50 p.m.", 1130)),
        (
            "es",
            "El fuego comenzó a las 7 de la tarde y fue extinguido a las 11.15 de la noche.",
            ("7 de la tarde", 1140),
        ),
        # the part of the day said in words
        ("es", "El tiroteo comenzó a la 1.10 de la tarde.", ("1.10 de la tarde", 790)),
        ("es", "La bomba estalló a las 7 de la mañana.", ("7 de la mañana", 420)),
        ("it", "L'esplosione è avvenuta alle 7 di sera.", ("7 di sera", 1140)),
        # an hour word says a bare hour is a time; more onset words
        ("de", "Das Feuer brach um 19 Uhr aus.", ("19 Uhr", 1140)),
        ("de", "Das Flugzeug stürzte um 18.50 Uhr ab.", ("18.50 Uhr", 1130)),
        ("it", "L'aereo si è schiantato alle 19.50.", ("19.50", 1190)),
        ("pt", "O comboio descarrilou às 9h20.", ("9h20", 560)),
    ],
)
def test_the_event_time_is_the_onset_words_and_its_part_of_the_day(
    language, text, expected
) -> None:
    (t,) = clock.event_times(text, 0, len(text), language)
    assert (text[t.start : t.end], t.minutes) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # another place's clock: not the story's, and not known to this reader
        ("fr", "L'attentat a eu lieu à 14h, heure de Paris."),
        ("en", "The attack began at 2 p.m. Paris time."),
        ("es", "El tren descarriló a las 10.20 hora de Madrid."),
        ("ru", "Взрыв произошел в 10:15 по московскому времени."),
    ],
)
def test_a_time_on_another_places_clock_is_left_out(language, text) -> None:
    assert clock.event_times(text, 0, len(text), language) == []


# A town of a country no gazetteer knows: only the reports say what its clock is.
STATED = {
    "a.txt": doc(
        "North Wire",
        "2031-05-10",
        "A blast hit the market of Brelvik on Saturday, killing 9 people. The explosion struck "
        "shortly before 10:40 local time (07:40 GMT), when the market was crowded, officials said.",
    ),
    "b.txt": doc(
        "Diario Sur",
        "2031-05-10",
        "Una explosión alcanzó el mercado de Brelvik el sábado y mató a 9 personas. La explosión "
        "se produjo poco antes de las 10:40 hora local, según testigos.",
    ),
    "c.txt": doc(
        "Gazette du Nord",
        "2031-05-10",
        "Une explosion a frappé le marché de Brelvik samedi, faisant 9 morts. L'explosion s'est "
        "produite peu avant 07h40 GMT, selon des témoins.",
    ),
}


def test_a_local_clock_the_reports_state_puts_local_and_gmt_times_together(
    tmp_path_factory,
) -> None:
    report = analysed(tmp_path_factory, "clock-stated", STATED)
    articles = by_name(report)
    claim = claim_with(one_story_claims(report), articles["b"], "10:40 hora local")
    # "10:40 local time (07:40 GMT)" says the local clock is three hours ahead of GMT
    assert claim.status == "corroborated"
    held = {e.article for e in claim.evidence}
    assert held == {articles[n].id for n in "abc"}


def test_the_offset_a_time_said_on_two_clocks_states() -> None:
    text = "The explosion struck shortly before 10:40 local time (07:40 GMT) on Saturday."
    (time,) = clock.event_times(text, 0, len(text), "en")
    assert (time.minutes, time.offset, time.local_offset) == (460, 0, 180)
    assert clock.stated_offset(13 * 60 + 14, 18 * 60 + 14) == -300
    assert clock.stated_offset(30, 23 * 60) == 90  # across midnight
    assert clock.stated_offset(10 * 60 + 7, 7 * 60) is None  # no zone is 3 h 7 min ahead
