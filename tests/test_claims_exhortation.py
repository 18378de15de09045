"""A sentence that exhorts ("Let's not get involved!") reports nothing. Invented."""

from __future__ import annotations

from claim_stories import doc, gazetteer

import consilience
from consilience.claims import extract_claims


def test_an_exhortation_is_no_claim(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(
        doc(
            "Harbour Courier",
            "2031-05-02",
            'Floods hit Brelvik on Tuesday, officials said. "Let\'s not get involved in it!", '
            "the governor wrote on Tuesday.",
        ),
        "utf-8",
    )
    (article,) = consilience.analyze([tmp_path], progress=False).articles
    told = [
        article.text[c.sentence[0] : c.sentence[1]]
        for c in extract_claims([article], gazetteer=gazetteer())
    ]
    assert told == ["Floods hit Brelvik on Tuesday, officials said."]
