"""Titles a reader can use (issues 11 and 13): bylines, date and time stamps, datelines, outlet
names and addresses are never a headline, in any language; a headline opening with a stamp is
the headline without it; a story with no headline is named by its lead, never by a byline or a
date. On invented texts, through ``headline`` and ``title`` and through the real pipeline."""

from __future__ import annotations

import pytest

import consilience
from consilience.clean import headline, lead, lead_start, title
from consilience.clean.titles import is_stamp
from consilience.report.view import title_or_lead

BODY = "Rebels advance on Homs"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # bylines
        ("By Jane Doe and Omar Khalil", BODY, BODY),
        ("By JANE DOE, Associated Press", BODY, BODY),
        (
            "Par Jean Dupont, AFP",
            "Les rebelles avancent sur Homs",
            "Les rebelles avancent sur Homs",
        ),
        ("Por María López", "Los rebeldes avanzan hacia Homs", "Los rebeldes avanzan hacia Homs"),
        ("Von Anna Schmidt", "Rebellen rücken auf Homs vor", "Rebellen rücken auf Homs vor"),
        (
            "Di Marco Rossi e Anna Bianchi",
            "I ribelli avanzano su Homs",
            "I ribelli avanzano su Homs",
        ),
        ("Door Jan de Vries", "Rebellen rukken op naar Homs", "Rebellen rukken op naar Homs"),
        ("Per Joan Puig", "Els rebels avancen cap a Homs", "Els rebels avancen cap a Homs"),
        ("بقلم أحمد علي", "المتمردون يتقدمون نحو حمص", "المتمردون يتقدمون نحو حمص"),
        ("Автор: Иван Петров", "Повстанцы наступают на Хомс", "Повстанцы наступают на Хомс"),
        ("Yazan: Ahmet Yılmaz", "İsyancılar Humus'a ilerliyor", "İsyancılar Humus'a ilerliyor"),
        ("记者 张三", "叛军向霍姆斯推进", "叛军向霍姆斯推进"),
        # dates and times alone
        ("December 7, 2024 | Updated 3:45 PM", BODY, BODY),
        ("7 December 2024", BODY, BODY),
        ("07/12/2024 10:32", BODY, BODY),
        ("Publié le 7 décembre 2024 à 10h32", "Les rebelles avancent", "Les rebelles avancent"),
        ("Actualizado: 07/12/2024 10:32 h", "Los rebeldes avanzan", "Los rebeldes avanzan"),
        ("Aggiornato il 7 dicembre 2024 alle 10:32", "I ribelli avanzano", "I ribelli avanzano"),
        ("Veröffentlicht am 07.12.2024 um 10:32 Uhr", "Rebellen rücken vor", "Rebellen rücken vor"),
        ("7 декабря 2024, 10:32", "Повстанцы наступают", "Повстанцы наступают"),
        ("٧ ديسمبر ٢٠٢٤", "المتمردون يتقدمون", "المتمردون يتقدمون"),
        ("2024年12月7日 10:32", "叛军向霍姆斯推进", "叛军向霍姆斯推进"),
        # datelines, outlets, addresses
        ("LONDON (Reuters) -", BODY, BODY),
        ("Beirut (AFP) —", BODY, BODY),
        (
            "МОСКВА, 7 декабря. /ТАСС/.",
            "Повстанцы наступают на Хомс",
            "Повстанцы наступают на Хомс",
        ),
        ("بيروت (رويترز) -", "المتمردون يتقدمون نحو حمص", "المتمردون يتقدمون نحو حمص"),
        ("Reuters", BODY, BODY),
        ("AFP", BODY, BODY),
        ("Associated Press", BODY, BODY),
        ("Agence France-Presse", BODY, BODY),
        ("www.example.com", BODY, BODY),
        ("http : / / www . example . com / 2024 / 12 / 07 / rebels", BODY, BODY),
    ],
)
def test_stamps_before_the_headline(head: str, body: str, expected: str) -> None:
    assert headline(f"{head}\n{body}\nThe body of the article goes on here for a while.") == (
        expected
    )
    assert is_stamp(head)


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe and Omar Khalil",
        "Por María López",
        "Von Anna Schmidt",
        "Par Jean Dupont, AFP",
        "December 7, 2024 | Updated 3:45 PM",
        "7 December 2024",
        "Reuters",
        "LONDON (Reuters) -",
        "بقلم أحمد علي",
        "Автор: Иван Петров",
    ],
)
def test_a_stamp_alone_is_no_headline(line: str) -> None:
    assert headline(line) is None
    assert title(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 7 Dec 2024 Rebels advance on Homs", BODY),
        ("December 7, 2024 10:32 Rebels advance on Homs", BODY),
        ("Publié le 7 décembre 2024 Les rebelles avancent", "Les rebelles avancent"),
        ("Actualizado 07/12/2024 Los rebeldes avanzan", "Los rebeldes avanzan"),
        ("Aktualisiert am 07.12.2024 Rebellen rücken vor", "Rebellen rücken vor"),
        ("Aggiornato 07/12/2024 I ribelli avanzano", "I ribelli avanzano"),
        ("Опубликовано 7 декабря 2024 Повстанцы наступают на Хомс", "Повстанцы наступают на Хомс"),
        ("تحديث 07/12/2024 المتمردون يتقدمون", "المتمردون يتقدمون"),
    ],
)
def test_a_stamp_opening_the_headline_goes(text: str, expected: str) -> None:
    assert headline(f"{text}\nBody.") == expected
    assert title(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # words that open bylines elsewhere, opening headlines
        "Por qué cae Siria",
        "Von der Leyen warnt vor Russland",
        "Di Maio attacca Salvini",
        "Par for the course in Homs",
        "By the numbers: the fall of Homs",
        "Door-to-door searches in Homs",
        # a bare day or number is part of the headline
        "December 7 rally draws thousands",
        "7 dead in Homs clashes",
        "2024 elections: what to watch",
        "48 hours in Aleppo",
        "24 ore a Homs",
        "Автор книги о войне получил премию",
    ],
)
def test_headlines_that_look_like_stamps_stay(text: str) -> None:
    assert headline(f"{text}\nBody.") == text
    assert title(text) == text


@pytest.mark.parametrize(
    ("text", "outlet", "expected"),
    [
        ("Rebels advance on Homs - Reuters", "Reuters", BODY),
        ("Rebels advance on Homs | The Guardian", "theguardian.com", BODY),
        ("Rebels advance on Homs - The Guardian", "The Guardian", BODY),
        ("Rebels advance on Homs | BBC News", None, BODY),
        ("Rebels advance on Homs - AFP", None, BODY),
        ("Rebels advance on Homs | 7 December 2024", None, BODY),
        ("Les rebelles avancent sur Homs - Le Monde", "Le Monde", "Les rebelles avancent sur Homs"),
        ("Real Madrid - Barcelona", None, "Real Madrid - Barcelona"),
        ("Rebels advance on Homs - The Guardian", None, "Rebels advance on Homs - The Guardian"),
        ("By Jane Doe", "Reuters", None),
        ("Reuters", "Reuters", None),
        ("7 December 2024", None, None),
        ("date 2019-04-17 Register", None, None),
        ("7 Dec 2024 | By Jane Doe", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_metadata_titles(text: str | None, outlet: str | None, expected: str | None) -> None:
    assert title(text, outlet) == expected


def test_only_the_head_is_searched() -> None:
    # the first line that is no stamp decides: a body sentence there means no headline
    text = "By Jane Doe\nRebels advanced on Homs on Saturday, officials said.\nShort line"
    assert headline(text) is None


def test_lead_start() -> None:
    text = "By Jane Doe\n7 December 2024\nLONDON (Reuters) - Rebels advanced on Homs."
    assert text[lead_start(text) :] == "Rebels advanced on Homs."
    assert lead_start("Rebels advanced on Homs.") == 0
    text = "BEIRUT — Rebels advanced."
    assert text[lead_start(text) :] == "Rebels advanced."
    text = "МОСКВА, 7 декабря. /ТАСС/. Повстанцы вошли в Хомс."
    assert text[lead_start(text) :] == "Повстанцы вошли в Хомс."
    text = "МОСКВА, 7 дек — РИА Новости. Повстанцы вошли в Хомс."
    assert text[lead_start(text) :] == "Повстанцы вошли в Хомс."
    text = "MADRID, 7 Dic. (EUROPA PRESS) - Los rebeldes entraron en Homs."
    assert text[lead_start(text) :] == "Los rebeldes entraron en Homs."
    text = "بيروت (رويترز) - دخل المتمردون حمص."
    assert text[lead_start(text) :] == "دخل المتمردون حمص."
    text = "Published 7 Dec 2024 Rebels advanced on Homs on Saturday."
    assert text[lead_start(text) :] == "Rebels advanced on Homs on Saturday."
    text = "7 dead as rebels advance on Homs."
    assert lead_start(text) == 0


def test_lead() -> None:
    text = (
        "Par Jean Dupont\nLe bilan du séisme de magnitude 8.2 s'alourdit. Les secours continuent."
    )
    start = text.index("Le bilan")
    cut = text.index("8.") + 2  # a sentence split inside the number
    spans = [(0, 14), (start, cut), (cut, text.index(" Les")), (text.index("Les"), len(text))]
    assert lead(text, spans) == "Le bilan du séisme de magnitude 8.2 s'alourdit."
    assert (
        lead(text, []) == "Le bilan du séisme de magnitude 8.2 s'alourdit. Les secours continuent."
    )
    assert lead("- Rebels advanced on Homs.", [(0, 26)]) == "Rebels advanced on Homs."
    article = {"title": None, "text": text, "annotations": {"sentences": [{"start": 0, "end": 14}]}}
    assert title_or_lead(article) == (
        "Le bilan du séisme de magnitude 8.2 s'alourdit. Les secours continuent."
    )


# ----------------------------------------------------------------------------- the pipeline


def _doc(outlet: str, body: str, title: str | None = None, published: str = "2030-03-04") -> str:
    head = f"title: {title}\n" if title else ""
    return f"---\n{head}outlet: {outlet}\npublished: {published}\n---\n{body}\n"


FILES = {
    # an earthquake in Valdemora told in five languages, each opening with a byline or a date
    "quake-en.txt": _doc(
        "Northam Herald",
        "By Jane Doe and Omar Khalil\nEarthquake of magnitude 6.8 strikes Valdemora\n"
        "An earthquake of magnitude 6.8 struck Valdemora on Monday, killing 41 people and "
        "destroying the old bridge, officials said.",
    ),
    "quake-fr.txt": _doc(
        "Le Courrier",
        "Par Jean Dupont, AFP\nPublié le 4 mars 2030 à 10h32\nUn séisme de magnitude 6,8 frappe "
        "Valdemora\nUn séisme de magnitude 6,8 a frappé Valdemora lundi, faisant 41 morts et "
        "détruisant le vieux pont, selon les autorités.",
    ),
    "quake-es.txt": _doc(
        "El Diario",
        "Por María López\nActualizado: 04/03/2030 10:32 h\nUn terremoto de magnitud 6,8 sacude "
        "Valdemora\nUn terremoto de magnitud 6,8 sacudió Valdemora el lunes y dejó 41 muertos, "
        "según las autoridades.",
    ),
    "quake-de.txt": _doc(
        "Die Zeitung",
        "Von Anna Schmidt\nErdbeben der Stärke 6,8 erschüttert Valdemora\nEin Erdbeben der "
        "Stärke 6,8 hat am Montag Valdemora erschüttert und 41 Menschen getötet, teilten die "
        "Behörden mit.",
    ),
    "quake-it.txt": _doc(
        "Il Giornale",
        "Di Marco Rossi\nTerremoto di magnitudo 6,8 colpisce Valdemora\nUn terremoto di "
        "magnitudo 6,8 ha colpito Valdemora lunedì, uccidendo 41 persone, secondo le autorità.",
    ),
    "quake-ar.txt": _doc(
        "الصحيفة",
        "بقلم أحمد علي\nزلزال بقوة 6.8 درجات يضرب فالديمورا\nضرب زلزال بقوة 6.8 درجات فالديمورا "
        "يوم الاثنين وقتل 41 شخصا حسب السلطات.",
    ),
    "quake-ru.txt": _doc(
        "Газета",
        "Автор: Иван Петров\n4 марта 2030, 10:32\nЗемлетрясение магнитудой 6,8 произошло в "
        "Вальдеморе\nЗемлетрясение магнитудой 6,8 произошло в Вальдеморе в понедельник, погиб "
        "41 человек, сообщили власти.",
    ),
    # a metadata title that is a byline, and one with its outlet's name after it
    "ferry-en.txt": _doc(
        "Coast Courier",
        "A ferry carrying 212 passengers ran aground off the island of Tarvik on Thursday "
        "after its engine failed in a storm, the coast guard said.\nAll passengers were brought "
        "ashore by lifeboats.",
        title="By Sam Carter",
        published="2030-07-11",
    ),
    "bridge-en.txt": _doc(
        "Harbour Times",
        "The new suspension bridge over the Lenne river in Kastor opened to traffic on Friday "
        "after six years of work.\nThe bridge is 1.2 kilometres long.",
        title="Kastor bridge opens to traffic - Harbour Times",
        published="2030-09-20",
    ),
    # no headline at all: a byline, a date and a dateline before a long first sentence
    "mine-en.txt": _doc(
        "Mining Weekly",
        "By Lee Grant, Reuters\nMarch 4, 2030 | Updated 3:45 PM\nLIMA (Reuters) - Rescuers "
        "pulled nine miners alive from the collapsed copper mine at Huaral on Tuesday after "
        "three days trapped underground, the mining ministry said in a statement on Tuesday "
        "evening.\nThe mine had been closed since the collapse.",
        published="2030-11-05",
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> consilience.model.Report:
    folder = tmp_path_factory.mktemp("titles")
    for name, text in FILES.items():
        (folder / name).write_text(text, "utf-8")
    return consilience.analyze([folder], progress=False)


def _by_file(report: consilience.model.Report) -> dict[str, consilience.model.Article]:
    return {a.source.path.rsplit("/", 1)[-1]: a for a in report.articles}


def test_article_titles_through_the_pipeline(report: consilience.model.Report) -> None:
    titles = {name: a.title for name, a in _by_file(report).items()}
    assert titles == {
        "quake-en.txt": "Earthquake of magnitude 6.8 strikes Valdemora",
        "quake-fr.txt": "Un séisme de magnitude 6,8 frappe Valdemora",
        "quake-es.txt": "Un terremoto de magnitud 6,8 sacude Valdemora",
        "quake-de.txt": "Erdbeben der Stärke 6,8 erschüttert Valdemora",
        "quake-it.txt": "Terremoto di magnitudo 6,8 colpisce Valdemora",
        "quake-ar.txt": "زلزال بقوة 6.8 درجات يضرب فالديمورا",
        "quake-ru.txt": "Землетрясение магнитудой 6,8 произошло в Вальдеморе",
        "ferry-en.txt": None,
        "bridge-en.txt": "Kastor bridge opens to traffic",
        "mine-en.txt": None,
    }


def test_story_titles_through_the_pipeline(report: consilience.model.Report) -> None:
    files = _by_file(report)
    story_of = {name: s for name, a in files.items() for s in report.stories if a.id in s.articles}
    assert story_of["quake-en.txt"].title == "Earthquake of magnitude 6.8 strikes Valdemora"
    assert story_of["bridge-en.txt"].title == "Kastor bridge opens to traffic"
    # no headline: the lead, never the byline, the date or the dateline, cut at a word
    assert story_of["ferry-en.txt"].title == (
        "A ferry carrying 212 passengers ran aground off the island of Tarvik on Thursday after "
        "its engine failed in a…"
    )
    assert story_of["mine-en.txt"].title == (
        "Rescuers pulled nine miners alive from the collapsed copper mine at Huaral on Tuesday "
        "after three days…"
    )
    # one story per event, each with a title that is no stamp
    assert sorted(len(s.articles) for s in report.stories) == [1, 1, 1, 7]
    assert all(s.title and not is_stamp(s.title) for s in report.stories)
