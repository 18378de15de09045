"""Attributions, stances and denials in languages other than English
(``consilience.annotate.attribution_lang`` over ``annotate/data/attribution/<lang>.json``),
on sentences written for these tests: exact cues, exact source spans, exact stances."""

from __future__ import annotations

import pytest

from consilience.annotate.attribution_lang import (
    find_attributions_in,
    has_attribution_language,
    stance_in,
)
from consilience.model import EntityMention, Sentence


def _attrs(text: str, language: str, entities=()):
    found = find_attributions_in(text, [Sentence(0, len(text))], list(entities), language)
    return [(a.cue, text[a.source_start : a.source_end], a.stance) for a in found]


CASES = [
    # Spanish: "según", a subject before its verb, an inverted verb after a comma, a denial
    (
        "es",
        "Según el Servicio Geológico Andino, el sismo tuvo una magnitud de 6,3.",
        [("según", "el Servicio Geológico Andino", "reported")],
    ),
    (
        "es",
        "El gobernador del estado dijo que hay 20 muertos.",
        [("dijo", "El gobernador del estado", "reported")],
    ),
    ("es", "Hay 20 muertos, dijo el gobernador.", [("dijo", "el gobernador", "reported")]),
    # a title before a name set off by commas, three words in lower case long (session 19)
    (
        "es",
        "Ya por la tarde, el comisario de policía del estado, Alberto Ruiz, aseguró que hubo "
        "19 muertos.",
        [("aseguró", "el comisario de policía del estado", "reported")],
    ),
    # a title's dot before a name
    (
        "fr",
        "Selon M. Durand, les premiers éléments désignent un kamikaze.",
        [("selon", "M. Durand", "reported")],
    ),
    (
        "es",
        "El ministerio negó que hubiera víctimas en la ciudad.",
        [("negó", "El ministerio", "denied")],
    ),
    ("es", "Al parecer, el puente se derrumbó por la mañana.", [("al parecer", "", "reported")]),
    # Italian: "secondo" as "according to", not as an ordinal; "ha smentito"
    (
        "it",
        "Secondo la Protezione civile il bilancio è salito a 120 morti.",
        [("secondo", "la Protezione civile", "reported")],
    ),
    (
        "it",
        "Il sindaco di Roccavecchia ha detto che il paese non c'è più.",
        [("ha detto", "Il sindaco di Roccavecchia", "reported")],
    ),
    (
        "it",
        "Il ministero ha smentito le voci su un secondo crollo.",
        [("ha smentito", "Il ministero", "denied")],
    ),
    # French: a quote then an inverted verb; a hyphenated role; "a démenti"
    (
        "fr",
        "Selon les pompiers, l'incendie a été maîtrisé vers minuit.",
        [("selon", "les pompiers", "reported")],
    ),
    (
        "fr",
        "« Le bâtiment est sauvé », a déclaré le ministre de l'Intérieur.",
        [("a déclaré", "le ministre de l'Intérieur", "reported")],
    ),
    (
        "fr",
        "Le porte-parole de la préfecture a démenti toute victime.",
        [("a démenti", "Le porte-parole de la préfecture", "denied")],
    ),
    # German: "laut" and a source ending at its noun, "zufolge" after its source, a denial
    ("de", "Laut Polizei wurden zwölf Menschen verletzt.", [("laut", "Polizei", "reported")]),
    # a body "in" its town is one source, not the town ("Die Polizei in Lanberg")
    (
        "de",
        "Das Verteidigungsministerium in Lanberg bestritt, dass Flugzeuge dort waren.",
        [("bestritt", "Das Verteidigungsministerium in Lanberg", "denied")],
    ),
    (
        "nl",
        "De politie in Lanberg meldde dat twee mensen gewond raakten.",
        [("meldde", "De politie in Lanberg", "reported")],
    ),
    ("de", "Den Behörden zufolge gab es keine Toten.", [("zufolge", "Den Behörden", "reported")]),
    (
        "de",
        "Der Bürgermeister sagte, die Lage sei unter Kontrolle.",
        [("sagte", "Der Bürgermeister", "reported")],
    ),
    (
        "de",
        "Die Regierung dementierte Berichte über weitere Opfer.",
        [("dementierte", "Die Regierung", "denied")],
    ),
    # Portuguese
    (
        "pt",
        "Segundo a Defesa Civil, 15 pessoas morreram.",
        [("segundo", "a Defesa Civil", "reported")],
    ),
    (
        "pt",
        "O prefeito da cidade negou que houvesse feridos.",
        [("negou", "O prefeito da cidade", "denied")],
    ),
    # Catalan: a reflexive "es va declarar" (broke out) is no report
    (
        "ca",
        "Segons els Bombers, el foc es va declarar a les set.",
        [("segons", "els Bombers", "reported")],
    ),
    ("ca", "L'alcalde va dir que la situació és greu.", [("va dir", "L'alcalde", "reported")]),
    ("ca", "El govern ha desmentit que hi hagi ferits.", [("ha desmentit", "El govern", "denied")]),
    # Dutch
    (
        "nl",
        "Volgens de brandweer is niemand gewond geraakt.",
        [("volgens", "de brandweer", "reported")],
    ),
    (
        "nl",
        "De burgemeester ontkende dat er doden zijn gevallen.",
        [("ontkende", "De burgemeester", "denied")],
    ),
    # Arabic: verb first, a conjunction written onto the verb, "وفقا ل" written onto its source
    (
        "ar",
        "وقال المتحدث باسم الدفاع المدني إن عشرة أشخاص قتلوا.",
        [("قال", "المتحدث باسم الدفاع المدني", "reported")],
    ),
    ("ar", "وفقا لوزارة الصحة، ارتفع عدد القتلى إلى 50.", [("وفقا ل", "وزارة الصحة", "reported")]),
    ("ar", "ونفت الوزارة ذلك.", [("نفت", "الوزارة ذلك", "denied")]),
    # Russian
    ("ru", "По данным МЧС, погибли 12 человек.", [("по данным", "МЧС", "reported")]),
    (
        "ru",
        "Мэр города заявил, что ситуация под контролем.",
        [("заявил", "Мэр города", "reported")],
    ),
    (
        "ru",
        "Министерство опровергло сообщения о жертвах.",
        [("опровергло", "Министерство", "denied")],
    ),
    # Turkish: "göre" after its source, a subject before "yaptığı açıklamada", a denial
    (
        "tr",
        "Sağlık Bakanlığına göre, en az 12 kişi hayatını kaybetti.",
        [("göre", "Sağlık Bakanlığına", "reported")],
    ),
    (
        "tr",
        "Vali Ahmet Demir yaptığı açıklamada, 40 kişinin yaralandığını söyledi.",
        [("yaptığı açıklamada", "Vali Ahmet Demir", "reported")],
    ),
    ("tr", "Bakanlık iddiaları yalanladı.", [("iddiaları yalanladı", "Bakanlık", "denied")]),
    # a verb ending the sentence has the phrase the sentence opens with as its subject
    (
        "tr",
        "Savunma Bakanlığı, saldırı sırasında bölgede uçak bulunduğu iddialarını yalanladı.",
        [("yalanladı", "Savunma Bakanlığı", "denied")],
    ),
    (
        "tr",
        "Liman Başkanı Selim Arslan, gemideki yolcuların çoğunun kurtarıldığını söyledi.",
        [("söyledi", "Liman Başkanı Selim Arslan", "reported")],
    ),
    ("tr", "Cephe ise suçlamaları reddetti.", [("reddetti", "Cephe", "denied")]),
    (
        "tr",
        "Sözcü Kemal Aydın, saldırının ordu tarafından yapıldığını yineledi.",
        [("yineledi", "Sözcü Kemal Aydın", "reported")],
    ),
    # maintaining an account: a reporting verb, with what is maintained after it
    (
        "es",
        "El ejército mantiene que el mercado fue bombardeado.",
        [("mantiene que", "El ejército", "reported")],
    ),
    ("es", "La empresa mantiene su oferta.", []),
    (
        "pt",
        "O exército mantém que o ataque foi feito por um drone.",
        [("mantém que", "O exército", "reported")],
    ),
    (
        "fr",
        "L'armée maintient que le marché a été frappé par un drone.",
        [("maintient que", "L'armée", "reported")],
    ),
    (
        "it",
        "Il governo sostiene che nessun aereo abbia sorvolato la città.",
        [("sostiene che", "Il governo", "reported")],
    ),
    ("it", "Il sindaco mantiene la calma.", []),
    (
        "de",
        "Die Armee beharrt darauf, dass eine Drohne den Markt getroffen habe.",
        [("beharrt darauf", "Die Armee", "reported")],
    ),
    ("de", "Die Polizei meldete wiederholte Angriffe.", [("meldete", "Die Polizei", "reported")]),
    (
        "nl",
        "Woordvoerder Jan Visser bleef dinsdag bij zijn lezing dat een drone de markt trof.",
        [("bleef dinsdag bij zijn lezing", "Woordvoerder Jan Visser", "reported")],
    ),
    (
        "nl",
        "Het leger houdt vol dat een vliegtuig de markt bombardeerde.",
        [("houdt vol", "Het leger", "reported")],
    ),
    (
        "ru",
        "Армия настаивает, что удар нанесли повстанцы.",
        [("настаивает, что", "Армия", "reported")],
    ),
    ("ru", "Правительство утверждает план восстановления.", []),
    ("tr", "Binada iddiaya göre 30 kişi vardı.", [("iddiaya göre", "", "reported")]),
    # Persian: verb last, its subject right before it
    (
        "fa",
        "به گفته سخنگوی اورژانس، دست کم ۱۲ نفر کشته شدند.",
        [("به گفته", "سخنگوی اورژانس", "reported")],
    ),
    ("fa", "سخنگوی پلیس گفت که ۴۰ نفر زخمی شده‌اند.", [("گفت", "سخنگوی پلیس", "reported")]),
    (
        "fa",
        "وزارت کشور این خبر را تکذیب کرد.",
        [("این خبر را تکذیب کرد", "وزارت کشور", "denied")],
    ),
    # Hebrew: "לפי", a subject before its verb, an inverted verb after a quote
    ("he", "לפי דובר המשטרה, לפחות 12 בני אדם נהרגו.", [("לפי", "דובר המשטרה", "reported")]),
    ("he", "דובר המשטרה אמר כי 40 בני אדם נפצעו.", [("אמר", "דובר המשטרה", "reported")]),
    ("he", "המשרד הכחיש את הדיווחים.", [("הכחיש את הדיווחים", "המשרד", "denied")]),
    ("he", '"הגשר קרס", אמר ראש העירייה.', [("אמר", "ראש העירייה", "reported")]),
    # Ukrainian: "за даними", a subject before its verb, a denial, a verb after a quote
    ("uk", "За даними ДСНС, загинули 12 людей.", [("за даними", "ДСНС", "reported")]),
    (
        "uk",
        "Мер міста заявив, що ситуація під контролем.",
        [("заявив", "Мер міста", "reported")],
    ),
    (
        "uk",
        "Міністерство спростувало повідомлення про жертви.",
        [("спростувало", "Міністерство", "denied")],
    ),
    (
        "uk",
        '"Міст обвалився", — сказав речник поліції.',
        [("сказав", "речник поліції", "reported")],
    ),
    # Polish: "według" with no comma after its source, "jak poinformowała", a denial, a hedge
    (
        "pl",
        "Według Państwowej Straży Pożarnej w pożarze zginęło 12 osób.",
        [("według", "Państwowej Straży Pożarnej", "reported")],
    ),
    ("pl", "Według straży pożarnej zginęło 12 osób.", [("według", "straży pożarnej", "reported")]),
    (
        "pl",
        "Jak poinformowała policja, ewakuowano 300 osób.",
        [("jak poinformowała", "policja", "reported")],
    ),
    (
        "pl",
        "Burmistrz miasta powiedział, że sytuacja jest pod kontrolą.",
        [("powiedział", "Burmistrz miasta", "reported")],
    ),
    (
        "pl",
        "Ministerstwo zdementowało doniesienia o ofiarach.",
        [("zdementowało", "Ministerstwo", "denied")],
    ),
    ("pl", "Na miejscu było podobno 30 osób.", [("podobno", "", "reported")]),
    # a denial or an accusation after an apposition: its subject stands before the apposition
    (
        "es",
        "El portavoz del Ejército, el coronel Jaan Kask, negó que sus tropas atacaran la ciudad.",
        [("negó", "El portavoz del Ejército", "denied")],
    ),
    (
        "es",
        "La Brigada del Norte, el grupo armado que controla la zona, acusó al ejército del ataque.",
        [("acusó", "La Brigada del Norte", "reported")],
    ),
    (
        "fr",
        "Le porte-parole de l'armée, le colonel Jaan Kask, a démenti toute frappe dans la zone.",
        [("a démenti", "Le porte-parole de l'armée", "denied")],
    ),
    (
        "de",
        "Der Sprecher der Armee, Oberst Jaan Kask, bestritt jeden Angriff.",
        [("bestritt", "Der Sprecher der Armee", "denied")],
    ),
    # a separable verb with its object between its parts
    (
        "de",
        "Die Reederei Kalva Linien wies den Vorwurf zurück.",
        [("wies den vorwurf zurück", "Die Reederei Kalva Linien", "denied")],
    ),
    (
        "nl",
        "De rederij Kalva Lijnen wees de kritiek af.",
        [("wees de kritiek af", "De rederij Kalva Lijnen", "denied")],
    ),
    (
        "pt",
        "O porta-voz do Exército, coronel Jaan Kask, negou que os militares atacassem a cidade.",
        [("negou", "O porta-voz do Exército", "denied")],
    ),
    # ... not a place the sentence opens with, nor a figure before an inverted verb
    (
        "es",
        "En la ciudad, negó el ministro que hubiera víctimas.",
        [("negó", "el ministro", "denied")],
    ),
    ("es", "Hay 20 muertos, dijo el gobernador.", [("dijo", "el gobernador", "reported")]),
    # a title before a name set off by commas, three words in lower case long (session 19)
    (
        "es",
        "Ya por la tarde, el comisario de policía del estado, Alberto Ruiz, aseguró que hubo "
        "19 muertos.",
        [("aseguró", "el comisario de policía del estado", "reported")],
    ),
    # a title's dot before a name
    (
        "fr",
        "Selon M. Durand, les premiers éléments désignent un kamikaze.",
        [("selon", "M. Durand", "reported")],
    ),
    # verbs of accusing: the accuser is the source
    (
        "it",
        "Il sindaco di Tartu ha accusato l'esercito dell'attacco.",
        [("ha accusato", "Il sindaco di Tartu", "reported")],
    ),
    (
        "pt",
        "A Brigada do Norte acusou as Forças Armadas de bombardear civis.",
        [("acusou", "A Brigada do Norte", "reported")],
    ),
    (
        "ru",
        "Мэр города обвинила армию в нанесении удара.",
        [("обвинила", "Мэр города", "reported")],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_attributions_in_each_language(language, text, expected):
    assert _attrs(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        ("es", "Las autoridades dijeron que la información es falsa.", "denied"),
        ("es", "Circulan rumores de un segundo derrumbe, dijo un vecino.", "rumoured"),
        ("it", "Il prefetto ha detto che la notizia è priva di fondamento.", "denied"),
        ("it", "Secondo alcune voci, i dispersi sarebbero dieci.", "rumoured"),
        ("fr", "Le maire a affirmé que ces informations sont fausses.", "denied"),
        ("fr", "Le maire a affirmé que trois maisons sont détruites.", "reported"),
        ("fr", "Le maire a assuré que c'est faux et sans fondement.", "denied"),
        ("de", "Der Sprecher sagte, die Meldung sei falsch.", "denied"),
        ("de", "Es gibt Gerüchte über weitere Opfer.", "rumoured"),
        ("pt", "O ministro disse que não é verdade.", "denied"),
        ("ca", "L'alcalde va dir que la notícia és falsa.", "denied"),
        ("nl", "Volgens de politie is het bericht onwaar.", "denied"),
        ("ar", "وقال المتحدث إن هذه الأنباء غير صحيحة.", "denied"),
        ("ar", "وانتشرت شائعات عن انهيار مبنى ثان.", "rumoured"),
        ("ru", "Мэр заявил, что это неправда.", "denied"),
        ("ru", "В городе ходят слухи о новых жертвах.", "rumoured"),
        ("tr", "Valilik, bu haberlerin gerçeği yansıtmadığını açıkladı.", "denied"),
        ("tr", "Sosyal medyada ikinci bir patlama olduğuna dair söylentiler yayıldı.", "rumoured"),
        ("tr", "Vali, köprünün çöktüğünü söyledi.", "reported"),
        ("fa", "مقامات گفتند این گزارش‌ها نادرست است.", "denied"),
        ("fa", "شایعاتی درباره انفجار دوم منتشر شد.", "rumoured"),
        ("he", "הדובר אמר שהידיעות אינן נכונות.", "denied"),
        ("he", "ברשתות החברתיות נפוצו שמועות על פיצוץ נוסף.", "rumoured"),
        ("uk", "Мер заявив, що це неправда.", "denied"),
        ("uk", "У місті ходять чутки про нові жертви.", "rumoured"),
        ("uk", "Мер заявив, що міст витримав.", "reported"),
        ("pl", "Burmistrz powiedział, że to nieprawda.", "denied"),
        ("pl", "W mieście krążą plotki o kolejnych ofiarach.", "rumoured"),
        ("pl", "Wojewoda powiedział, że most wytrzymał.", "reported"),
        ("es", "El alcalde dijo que hay 20 heridos.", "reported"),
        # "called the accusations a lie": the instrumental of "lie"
        ("ru", "Представитель правительства назвал эти обвинения ложью.", "denied"),
    ],
)
def test_stance_in_each_language(language, text, stance):
    assert stance_in(text, language) == stance


def test_a_source_keeps_an_entity_mention_whole():
    text = "Según Protección Civil de Valdoria, hubo 3 heridos."
    ent = EntityMention(start=6, end=34, label="ORG", source="model")
    # The capitalised run stops before "de", the mention carries the source to its end.
    assert _attrs(text, "es", [ent]) == [("según", "Protección Civil de Valdoria", "reported")]


def test_a_verb_with_no_subject_names_no_source():
    # Spanish drops a pronoun subject: "Dijo que ..." names nobody, so no record
    assert _attrs("Dijo que el puente resistió.", "es") == []


def test_languages_with_and_without_a_data_file():
    for code in (
        "es",
        "it",
        "fr",
        "de",
        "pt",
        "ca",
        "nl",
        "ar",
        "ru",
        "tr",
        "fa",
        "he",
        "uk",
        "pl",
        "es-MX",
    ):
        assert has_attribution_language(code), code
    for code in ("en", "xx", None, "../es"):
        assert not has_attribution_language(code), code
    assert find_attributions_in("Dijo el alcalde: todo bien.", [Sentence(0, 27)], [], "xx") == []
