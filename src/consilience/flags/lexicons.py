"""Word lists the flags read: function words, country articles, padding phrases."""

from __future__ import annotations

import re
from collections.abc import Mapping

# Function words of French, Italian, Spanish, Portuguese and German that are not English words
# (English homographs such as "die", "den", "an", "in", "as", "do", "no", "con", "per" are
# left out, and so are name particles too common in English text: "de", "van", "von", "al").
FOREIGN_FUNCTION_WORDS: Mapping[str, str] = {
    **dict.fromkeys(
        """il lo gli della dello delle degli dei nel nella nello nelle negli sul sulla sullo
        sulle sugli dalla dallo dalle dagli alla allo alle agli coi che di fu sono anche
        secondo questo questa quello quella perché però già più una uno cui essere""".split(),
        "it",
    ),
    **dict.fromkeys(
        """le la les des du au aux une et avec selon chez dans pour qui que ces cette leur leurs
        aussi été sont pas ont était très déjà où""".split(),
        "fr",
    ),
    **dict.fromkeys(
        """el los las del según unos unas muy pero por para desde hasta también fue está
        están como""".split(),
        "es",
    ),
    **dict.fromkeys("os da das pelo pela pelos pelas também foi não são".split(), "pt"),
    **dict.fromkeys(
        """der das dem des ein eine einen einem einer und mit laut gemäß vom zum zur auf ist
        sind wurde nicht auch über für bei wird sich sie""".split(),
        "de",
    ),
}
# English words a lower-case foreign function word may stand before in a translation trace.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the a an of to in on at by for with from and or but that this these those it its is are
    was were be been has have had will would can could should may might not no his her their
    our your my we they he she you i who which what when where there here than then as so""".split()
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Verbs and words after which "the <country>" reads as the country as a subject ("the Russia
# urges"), where English takes no article.
_AFTER_COUNTRY = frozenset(
    """is was has had have will would can could should may must and which that who urges urged
    said says announced called calls asked asks warned warns stated declared sent sends
    supports supported backs backed denied denies""".split()
)
# Country names that take "the" in English.
_THE_COUNTRIES = re.compile(
    r"^(?:united|republic|kingdom|czech|dominican|central african|gambia|congo|sudan|vatican|"
    r"holy see|bahamas|netherlands|philippines|maldives|comoros|seychelles|marshall|solomon|"
    r"ukraine|lebanon|yemen|ivory)|(?:states|islands|emirates|republic)$",
    re.IGNORECASE,
)
_EXPERT_WORDS = frozenset(
    """dr dr. professor prof prof. expert analyst consultant specialist scientist researcher
    economist""".split()
)
# Stock phrases of filler and of staged interviews (broadcast and content-farm formulas).
FILLER_PHRASES = (
    "stay tuned",
    "coming up",
    "don't miss",
    "do not miss",
    "share this",
    "subscribe",
    "follow us",
    "thank you for your",
    "thanks for joining",
    "joins us",
    "join us",
    "we spoke to",
    "exclusive interview",
    "in this exclusive",
    "let us know",
    "click here",
    "read more",
    "sign up",
    "what do you think",
    "tell us in the comments",
)
# Common confusions of English writers, written as patterns over lower-cased text.
CONFUSIONS = (
    r"\b(?:could|would|should|must|might) of\b",
    r"\bits (?:only|not|been|going|just|a|an|the|time|likely|very|also|still|never)\b",
    r"\bthere (?:own|homes|home|house|houses|families|family|children|lives|cars|way|jobs)\b",
    r"\byour (?:welcome|not|going)\b",
    r"\balot\b",
    r"\bthen (?:ever|before)\b",
    r"\bshould(?:n't)? of\b",
)
# Word glued to an English article or preposition ("thealliance").
_GLUE_HEADS = ("the", "and", "of", "to", "in", "for", "with", "from", "that")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st mt jr sr vs etc inc ltd co corp gov gen col lt sgt rep sen no fig
    approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec tbsp tsp oz lb lbs
    pkg qt pt gal ft sq cm mm km kg mg ml hr hrs min sec""".split()
)
_SENTENCE_END = ".!?"
