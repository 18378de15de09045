"""A count its words make an increment ("six more bodies", "mais seis corpos", "sechs weitere
Leichen") adds to a count told elsewhere: no figure of its own, so never a step of a toll's
update nor a side of a dispute (``claims.extract._increment``, ``data/increments.json``); a
bound ("more than six", "mais de seis") or a count as it stands ("noch 14 vermisst") stays a
figure. Every sentence here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_stories import doc as _doc

import consilience
from consilience.claims import extract
from consilience.model import Article

# per language: a toll, then an increment, then a count that only looks like one
SENTENCES = {
    "en": "The death toll rose to 14. Divers recovered six more bodies on Friday. More than "
    "20 people are still missing.",
    "es": "El número de muertos subió a 14. Los buzos recuperaron seis cuerpos más el viernes. "
    "Más de 20 personas siguen desaparecidas.",
    "pt": "O número de mortos subiu para 14. Os mergulhadores recuperaram mais seis corpos na "
    "sexta-feira. Mais de 20 pessoas continuam desaparecidas.",
    "fr": "Le bilan s'élève désormais à 14 morts. Les plongeurs ont retrouvé six corps "
    "supplémentaires vendredi. Plus de 20 personnes sont toujours portées disparues.",
    "it": "Il bilancio è salito a 14 morti. I sommozzatori hanno recuperato altri sei corpi "
    "venerdì. Più di 20 persone risultano ancora disperse.",
    "de": "Die Zahl der Toten stieg auf 14. Taucher bargen am Freitag sechs weitere Leichen. "
    "Noch 20 Menschen werden vermisst.",
    "nl": "Het dodental is gestegen tot 14. Duikers vonden vrijdag nog eens zes lichamen. Nog "
    "20 mensen worden vermist.",
    "ar": "ارتفعت حصيلة القتلى إلى 14 قتيلا. وانتشل الغواصون 6 جثث أخرى يوم الجمعة. ولا يزال "
    "20 شخصا في عداد المفقودين.",
    "tr": "Ölü sayısı 14'e yükseldi. Dalgıçlar cuma günü 6 ceset daha çıkardı. 20 kişi hâlâ kayıp.",
    "pl": "Liczba ofiar wzrosła do 14. Nurkowie wydobyli w piątek kolejne 6 ciał. 20 osób "
    "wciąż uznaje się za zaginione.",
}


# per language: counts an increment word stands beside that are no increment (the others
# after a count of something else, the other ones, a comparison, "later", "over 70")
OTHERS = {
    "en": "Five people died and another 12 were injured. The 12 more seriously injured "
    "passengers were flown to the capital.",
    "es": "Al menos 23 personas murieron en la explosión del mercado. Otras 46 personas "
    "resultaron heridas. Los 5 heridos más graves fueron trasladados a la capital en "
    "helicóptero esta mañana.",
    "fr": "Les 40 autres passagers ont été secourus. Parmi les morts figurent 8 personnes de plus "
    "de 70 ans.",
    "it": "Gli altri 40 passeggeri sono stati tratti in salvo dai pescatori della zona.",
    "nl": "De 40 andere opvarenden werden door vissers gered en naar de haven gebracht.",
    "tr": "Yaralılardan 3 kişi daha sonra hastanede hayatını kaybetti.",
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    folder: Path = tmp_path_factory.mktemp("increments")
    for lang, text in SENTENCES.items():
        (folder / f"{lang}.txt").write_text(_doc(f"Outlet {lang}", "2031-05-16", text), "utf-8")
    for lang, text in OTHERS.items():
        (folder / f"other-{lang}.txt").write_text(
            _doc(f"Other outlet {lang}", "2031-05-16", text), "utf-8"
        )
    report = consilience.analyze([folder], progress=False)
    return {
        ("other-" if "other-" in a.source.path else "") + (a.language or ""): a
        for a in report.articles
    }


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_an_increment_is_read_a_bound_and_a_count_are_not(articles: dict[str, Article], lang):
    a = articles[lang]
    read = [(q.value, extract._increment(a, q)) for q in a.annotations.quantities]
    assert read == [(14.0, False), (6.0, True), (20.0, False)]


@pytest.mark.parametrize("lang", sorted(OTHERS))
def test_the_others_a_comparison_and_later_are_no_increments(articles: dict[str, Article], lang):
    a = articles["other-" + lang]
    read = [(q.value, extract._increment(a, q)) for q in a.annotations.quantities]
    assert read and not any(more for _, more in read), read


# a toll that rose from 11 to 17, and a report of six more bodies found in between
TOLL = {
    "a.txt": (
        "Harbour Post",
        "2031-05-15",
        "The death toll from the sinking of the ferry Orsenna off Kalvik rose to 11 on "
        "Thursday, the coast guard said. The Orsenna capsized near Kalvik harbour.",
    ),
    "b.txt": (
        "Coast Courier",
        "2031-05-16",
        "Divers recovered six more bodies from the hull of the ferry Orsenna off Kalvik on "
        "Friday, the coast guard said. The Orsenna capsized near Kalvik harbour.",
    ),
    "c.txt": (
        "Island News",
        "2031-05-17",
        "The death toll from the sinking of the ferry Orsenna off Kalvik rose to 17 on "
        "Saturday, the coast guard said. The Orsenna capsized near Kalvik harbour.",
    ),
}


def test_an_increment_is_no_step_of_the_toll(tmp_path):
    for name, (outlet, day, text) in TOLL.items():
        (tmp_path / name).write_text(_doc(outlet, day, text), "utf-8")
    report = consilience.analyze([tmp_path], progress=False)
    (story,) = report.stories
    by_file = {Path(a.source.path).name: a for a in report.articles}
    (toll,) = [c for c in story.claims if c.status == "updated"]
    assert {e.article for e in toll.evidence} == {by_file["a.txt"].id, by_file["c.txt"].id}
    # worded by its latest value, what stands now
    assert toll.text == (
        "The death toll from the sinking of the ferry Orsenna off Kalvik rose to 17 on "
        "Saturday, the coast guard said."
    )
    (more,) = [c for c in story.claims if "six more bodies" in c.text]
    assert more.status == "single_source"
    assert [e.article for e in more.evidence] == [by_file["b.txt"].id]


def test_an_increment_after_a_count_of_something_else_is_one_when_its_kind_was_counted(tmp_path):
    # the dead were counted two sentences before: "Otras seis" more dead, not the others
    text = (
        "El número de muertos por el terremoto subió a 40 este lunes. Los hospitales "
        "atendieron a 120 heridos. Otras seis personas murieron durante la noche."
    )
    (tmp_path / "es.txt").write_text(_doc("Diario Sur", "2031-05-16", text), "utf-8")
    (article,) = consilience.analyze([tmp_path], progress=False).articles
    read = [(q.value, extract._increment(article, q)) for q in article.annotations.quantities]
    assert read == [(40.0, False), (120.0, False), (6.0, True)]
