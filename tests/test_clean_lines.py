"""Boilerplate line removal and headline detection, on invented texts."""

from __future__ import annotations

import pytest

from consilience.clean import Cleaned, clean, headline


def _removed(raw: str, c: Cleaned) -> list[tuple[str, str]]:
    return [(r.reason, raw[r.start : r.end]) for r in c.removed]


BODY = "The storm reached the coast on Monday, officials said."
BODY2 = "Rescue teams worked through the night in three towns."


def test_share_and_comment_widgets() -> None:
    raw = (
        f"Storm hits the coast\n\nShare on Facebook\nTweet\n\n{BODY}\n\nAdvertisement\n\n"
        f"{BODY2}\n\n0 Comments\nLeave a comment\n"
    )
    c = clean(raw)
    assert c.text == f"Storm hits the coast\n\n{BODY}\n\n{BODY2}"
    assert _removed(raw, c) == [
        ("share_widget", "Share on Facebook\nTweet"),
        ("advertisement", "Advertisement"),
        ("comment_widget", "0 Comments\nLeave a comment"),
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share", "share_widget"),
        ("Print | Email", "share_widget"),
        ("Follow us on Twitter", "share_widget"),
        ("Read more", "share_widget"),
        ("Listen to this article", "share_widget"),
        ("Save", "share_widget"),
        ("Subscribe", "share_widget"),
        ("Copy link", "share_widget"),
        ("WhatsApp Telegram", "share_widget"),
        ("Partager cet article", "share_widget"),
        ("Condividi", "share_widget"),
        ("Compartir en Facebook", "share_widget"),
        ("Teilen", "share_widget"),
        ("Leer más", "share_widget"),
        ("comments", "comment_widget"),
        ("12 Comments", "comment_widget"),
        ("Commenti (4)", "comment_widget"),
        ("Commentaires", "comment_widget"),
        ("Kommentare", "comment_widget"),
        ("Publicité", "advertisement"),
        ("Anzeige", "advertisement"),
    ],
)
def test_widget_lines_in_several_languages(line: str, reason: str) -> None:
    raw = f"{BODY}\n{line}\n{BODY2}"
    c = clean(raw)
    assert c.text == f"{BODY}\n{BODY2}"
    assert _removed(raw, c) == [(reason, line)]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply.",
        "Follow the money",
        "Print media is changing",
        "Stay tuned.",
        "Save the date for the vote",
        "Comments from the minister were brief.",
        "Leave us alone, they said",
    ],
)
def test_lines_that_merely_use_widget_words_stay(line: str) -> None:
    raw = f"{BODY}\n{line}\n{BODY2}"
    assert clean(raw).text == raw


def test_related_links_header_with_bullets() -> None:
    raw = (
        f"{BODY}\n{BODY2}\nYou might also like\n- First invented link title\n"
        "- Second invented link title, with a period.\n\u2022 Third one"
    )
    c = clean(raw)
    assert c.text == f"{BODY}\n{BODY2}"
    assert _removed(raw, c) == [("related_links", raw[raw.index("You might") :])]


def test_related_links_title_lines_until_a_paragraph() -> None:
    raw = f"{BODY}\n\nLire aussi :\nUn autre titre sans point final\n\n{BODY2}"
    c = clean(raw)
    assert c.text == f"{BODY}\n\n{BODY2}"
    assert _removed(raw, c) == [("related_links", "Lire aussi :\nUn autre titre sans point final")]


@pytest.mark.parametrize(
    "header",
    [
        "Related",
        "Related articles",
        "Related Sources:",
        "Read also",
        "See also",
        "Recommended",
        "Most read",
        "Trending",
        "Leggi anche",
        "More from Europe",
        "**Related stories**",
    ],
)
def test_dangling_headers_at_the_end(header: str) -> None:
    raw = f"{BODY}\n{BODY2}\n{header}\n"
    c = clean(raw)
    assert c.text == f"{BODY}\n{BODY2}"
    assert _removed(raw, c) == [("dangling_header", header)]


def test_inline_related_link() -> None:
    raw = f"{BODY}\nRead also: An invented title about storms\n{BODY2}"
    c = clean(raw)
    assert c.text == f"{BODY}\n{BODY2}"
    assert _removed(raw, c) == [("related_links", "Read also: An invented title about storms")]


@pytest.mark.parametrize(
    "line",
    [
        "Related talks were held in Geneva on Monday.",
        "Related: officials said the talks had failed.",
        "Recommended doses were doubled, the ministry said.",
        "More from the minister came later in the day.",
        "See also the statement issued by the army on Sunday.",
    ],
)
def test_sentences_starting_like_headers_stay(line: str) -> None:
    raw = f"{BODY}\n{line}\n{BODY2}"
    c = clean(raw)
    assert c.text == raw
    assert c.removed == ()


def test_table_of_contents_and_its_list() -> None:
    raw = f"A heading\n{BODY}\nTable of Contents\n- Part one\n- Part two\n{BODY2}\nContents\n{BODY}"
    c = clean(raw)
    assert c.text == f"A heading\n{BODY}\n{BODY2}\n{BODY}"
    assert _removed(raw, c) == [
        ("table_of_contents", "Table of Contents\n- Part one\n- Part two"),
        ("table_of_contents", "Contents"),
    ]


def test_table_of_contents_keeps_a_following_paragraph() -> None:
    raw = f"Sommaire\n{BODY}"
    c = clean(raw)
    assert c.text == BODY
    assert _removed(raw, c) == [("table_of_contents", "Sommaire")]


def test_repeated_headline() -> None:
    raw = f"Storm Hits The Coast\n\n{BODY}\n\nstorm hits the coast!\n\n{BODY2}"
    c = clean(raw)
    assert c.text == f"Storm Hits The Coast\n\n{BODY}\n\n{BODY2}"
    assert _removed(raw, c) == [("repeated_headline", "storm hits the coast!")]


def test_repeated_title_from_metadata() -> None:
    raw = f"{BODY}\nStorm over the coast\n{BODY2}"
    c = clean(raw, title="Storm over the coast")
    # the title's own line near the top is the headline and stays
    assert c.text == raw
    raw2 = f"Storm over the coast\n{BODY}\n{BODY2}\nStorm  over the Coast."
    c2 = clean(raw2, title="Storm over the coast")
    assert c2.text == f"Storm over the coast\n{BODY}\n{BODY2}"
    assert _removed(raw2, c2) == [("repeated_headline", "Storm  over the Coast.")]
    raw3 = f"{BODY}\n{BODY2}\n{BODY}\n{BODY2}\nStorm over the coast"
    c3 = clean(raw3, title="Storm over the coast")
    assert _removed(raw3, c3) == [("repeated_headline", "Storm over the coast")]


def test_a_sentence_first_line_is_not_a_headline_to_repeat() -> None:
    raw = f"{BODY}\n{BODY2}\n{BODY}"
    c = clean(raw)
    assert c.text == raw


def test_section_kickers() -> None:
    raw = f"Headline of a storm\n{BODY}\nworld\n{BODY2}\nPolitics\n{BODY}\nAFP"
    c = clean(raw)
    assert c.text == f"Headline of a storm\n{BODY}\n{BODY2}\n{BODY}\nAFP"
    assert _removed(raw, c) == [("section_kicker", "world"), ("section_kicker", "Politics")]


def test_one_word_lines_in_a_row_are_a_list_and_stay() -> None:
    raw = f"Headline of a soup\n{BODY}\nCarrots\nLeeks\n\nOnions\n{BODY2}"
    assert clean(raw).text == f"Headline of a soup\n{BODY}\nCarrots\nLeeks\n\nOnions\n{BODY2}"


def test_a_one_word_line_in_an_unspaced_script_stays() -> None:
    raw = f"Headline of a storm\n{BODY}\n\u518d\u8d77\u52d5\u3057\u3066\u5b8c\u4e86\n{BODY2}"
    assert clean(raw).text == raw


def test_first_line_kicker_goes_and_multi_word_headings_stay() -> None:
    rest = f"{BODY}\nThe battle for the coast\n{BODY2}\nWhy?\n**Analyst:**\nYes."
    cleaned = clean(f"Weather\n{rest}")
    assert cleaned.text == rest
    assert [(r.start, r.end, r.reason) for r in cleaned.removed] == [(0, 7, "section_kicker")]


def test_a_one_word_text_stays() -> None:
    assert clean("Breaking").text == "Breaking"


def test_blank_lines_collapse() -> None:
    raw = f"\n\n{BODY}\n\n\n\n{BODY2}\n \n\u00a0\n{BODY}\n\n"
    c = clean(raw)
    assert c.text == f"{BODY}\n\n{BODY2}\n\n{BODY}"
    # One record per run of 2+ blank lines, covering the blank lines after the first.
    after_body = 2 + len(BODY) + 2  # start of the second of three blank lines
    nbsp = raw.index("\u00a0")
    assert [(r.reason, r.start, r.end) for r in c.removed] == [
        ("blank_lines", 1, 2),
        ("blank_lines", after_body, after_body + 2),
        ("blank_lines", nbsp, nbsp + 2),
    ]
    # the kept paragraph break maps to the raw newline of the first blank line
    assert c.offsets.to_raw(len(BODY)) == 2 + len(BODY)
    assert c.offsets.to_raw(len(BODY) + 1) == 2 + len(BODY) + 1


def test_removed_lines_do_not_leave_double_blank_lines() -> None:
    raw = f"{BODY}\n\nShare\n\n{BODY2}"
    c = clean(raw)
    assert c.text == f"{BODY}\n\n{BODY2}"
    assert [r.reason for r in c.removed] == ["share_widget"]
    raw2 = f"{BODY}\nShare\n{BODY2}"
    assert clean(raw2).text == f"{BODY}\n{BODY2}"


def test_empty_and_blank_inputs() -> None:
    assert clean("").text == ""
    c = clean("  \n\u200b\n")
    assert c.text == ""
    assert clean("Share\ncomments").text == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm hits the coast\nBody.", "Storm hits the coast"),
        ("Storm Hits The Coast.\nBody.", "Storm Hits The Coast."),
        ("Are the hours numbered?\nBody.", "Are the hours numbered?"),
        ("## A Markdown Heading\nBody.", "## A Markdown Heading"),
        ("Storm hits the coast, officials say.\nBody.", None),
        ("The storm hit. Rescue teams worked\nBody.", None),
        ("Here is what we know:\nBody.", None),
        (" ".join(["word"] * 40), None),
        (" ".join(["word"] * 31), None),
        ("", None),
        ("1234\nBody.", None),
    ],
)
def test_headline(text: str, expected: str | None) -> None:
    assert headline(text) == expected
