"""Quantities in other languages: exact values on sentences the team wrote (invented events).

One reader (consilience.annotate.quantities_lang) and one data file per language
(annotate/data/quantities/<lang>.json); English is tested in test_quantities.py.
"""

from __future__ import annotations

import pytest

from consilience.annotate.quantities import find_quantities

# (language, sentence, [(span, value, unit, counted, concept, qualifier, approximate), ...])
CASES = [
    (
        "es",
        "Al menos 43 personas murieron en el incendio del almacén de Valdemora.",
        [
            ("Al menos 43", 43, None, "personas", "dead", "at least", True),
        ],
    ),
    (
        "es",
        "El gobierno destinará 2.350 millones de euros a la reconstrucción.",
        [
            ("2.350 millones de euros", 2350000000, "EUR", None, None, None, False),
        ],
    ),
    (
        "es",
        "Cerca de doscientos bomberos trabajaron durante la noche.",
        [
            ("Cerca de doscientos", 200, None, "bomberos", "firefighters", "about", True),
        ],
    ),
    (
        "es",
        "El temblor, de magnitud 5,7, se sintió a 120 km de la costa.",
        [
            ("5,7", 5.7, "magnitude", None, "magnitude", None, False),
            ("120 km", 120, "km", None, None, None, False),
        ],
    ),
    (
        "es",
        "Más de 1.250 heridos fueron atendidos el 14 de marzo de 2031.",
        [
            ("Más de 1.250", 1250, None, "heridos", "injured", "more than", True),
        ],
    ),
    (
        "it",
        "Almeno 19 persone sono morte nel crollo del ponte di Castelverde.",
        [
            ("Almeno 19", 19, None, "persone", "dead", "at least", True),
        ],
    ),
    (
        "it",
        "Oltre 3.400 sfollati hanno trascorso la notte nelle tende.",
        [
            ("Oltre 3.400", 3400, None, "sfollati", "displaced", "more than", True),
        ],
    ),
    (
        "it",
        "La regione ha stanziato 1,8 miliardi di euro per i danni.",
        [
            ("1,8 miliardi di euro", 1800000000, "EUR", None, None, None, False),
        ],
    ),
    (
        "it",
        "Una scossa di magnitudo 4,9 ha colpito la valle alle 3:12.",
        [
            ("4,9", 4.9, "magnitude", None, "magnitude", None, False),
        ],
    ),
    (
        "it",
        "Circa trecento soccorritori cercano ancora dodici dispersi.",
        [
            ("Circa trecento", 300, None, "soccorritori", "rescuers", "about", True),
            ("dodici", 12, None, "dispersi", "missing", None, False),
        ],
    ),
    (
        "fr",
        "Au moins 27 morts et plus de 1 100 blessés après l'explosion de Saint-Ardouin.",
        [
            ("Au moins 27", 27, None, "morts", "dead", "at least", True),
            ("plus de 1 100", 1100, None, "blessés", "injured", "more than", True),
        ],
    ),
    (
        "fr",
        "Environ quatre-vingts pompiers ont combattu le feu.",
        [
            ("Environ quatre-vingts", 80, None, "pompiers", "firefighters", "about", True),
        ],
    ),
    (
        "fr",
        "Les dégâts sont estimés à 2,4 milliards d'euros.",
        [
            ("2,4 milliards d'euros", 2400000000, "EUR", None, None, None, False),
        ],
    ),
    (
        "fr",
        "La crue a parcouru 35 kilomètres en une nuit.",
        [
            ("35 kilomètres", 35, "km", None, None, None, False),
        ],
    ),
    (
        "fr",
        "Près de 6 000 habitants ont été évacués le 2 février 2030.",
        [
            ("Près de 6 000", 6000, None, "habitants", "evacuated", "nearly", True),
        ],
    ),
    (
        "de",
        "Mindestens 12 Tote und 48 Verletzte nach dem Zugunglück bei Feldheim.",
        [
            ("Mindestens 12", 12, None, "Tote", "dead", "at least", True),
            ("48", 48, None, "Verletzte", "injured", None, False),
        ],
    ),
    (
        "de",
        "Mehr als 2.500 Menschen wurden evakuiert.",
        [
            ("Mehr als 2.500", 2500, None, "Menschen", "evacuated", "more than", True),
        ],
    ),
    (
        "de",
        "Rund dreihundert Feuerwehrleute waren im Einsatz.",
        [
            ("Rund dreihundert", 300, None, "Feuerwehrleute", "firefighters", "about", True),
        ],
    ),
    (
        "de",
        "Der Schaden beläuft sich auf 1,2 Milliarden Euro.",
        [
            ("1,2 Milliarden Euro", 1200000000, "EUR", None, None, None, False),
        ],
    ),
    (
        "de",
        "Das Beben der Stärke 5,4 war noch in 80 Kilometern Entfernung zu spüren.",
        [
            ("5,4", 5.4, "magnitude", None, "magnitude", None, False),
            ("80 Kilometern", 80, "km", None, None, None, False),
        ],
    ),
    (
        "pt",
        "Pelo menos 31 mortos e 140 feridos no deslizamento de Serra Alta.",
        [
            ("Pelo menos 31", 31, None, "mortos", "dead", "at least", True),
            ("140", 140, None, "feridos", "injured", None, False),
        ],
    ),
    (
        "pt",
        "Mais de 2.700 desalojados passaram a noite em escolas.",
        [
            ("Mais de 2.700", 2700, None, "desalojados", "displaced", "more than", True),
        ],
    ),
    (
        "pt",
        "Cerca de quinhentos bombeiros combatem o incêndio.",
        [
            ("Cerca de quinhentos", 500, None, "bombeiros", "firefighters", "about", True),
        ],
    ),
    (
        "pt",
        "O governo prometeu 3,5 milhões de euros em ajuda.",
        [
            ("3,5 milhões de euros", 3500000, "EUR", None, None, None, False),
        ],
    ),
    (
        "pt",
        "O tremor de magnitude 6,1 ocorreu a 10 quilômetros de profundidade.",
        [
            ("6,1", 6.1, "magnitude", None, "magnitude", None, False),
            ("10 quilômetros", 10, "km", None, "depth", None, False),
        ],
    ),
    (
        "ca",
        "Almenys 9 morts i 37 ferits en l'accident de l'autopista de Vilaclara.",
        [
            ("Almenys 9", 9, None, "morts", "dead", "at least", True),
            ("37", 37, None, "ferits", "injured", None, False),
        ],
    ),
    (
        "ca",
        "Més de 1.800 veïns van ser desallotjats.",
        [
            ("Més de 1.800", 1800, None, "veïns", "evacuated", "more than", True),
        ],
    ),
    (
        "ca",
        "Uns vint-i-cinc bombers treballen a la zona.",
        [
            ("Uns vint-i-cinc", 25, None, "bombers", "firefighters", "about", True),
        ],
    ),
    (
        "ca",
        "Els danys arriben als 4,2 milions d'euros.",
        [
            ("4,2 milions d'euros", 4200000, "EUR", None, None, None, False),
        ],
    ),
    (
        "ca",
        "El terratrèmol de magnitud 4,6 es va notar a 60 km.",
        [
            ("4,6", 4.6, "magnitude", None, "magnitude", None, False),
            ("60 km", 60, "km", None, None, None, False),
        ],
    ),
    (
        "nl",
        "Zeker 14 doden en 52 gewonden bij de brand in Oosterhaven.",
        [
            ("Zeker 14", 14, None, "doden", "dead", "at least", True),
            ("52", 52, None, "gewonden", "injured", None, False),
        ],
    ),
    (
        "nl",
        "Meer dan 2.300 mensen werden geëvacueerd.",
        [
            ("Meer dan 2.300", 2300, None, "mensen", "evacuated", "more than", True),
        ],
    ),
    (
        "nl",
        "Ongeveer tweehonderd brandweerlieden bestreden het vuur.",
        [
            ("Ongeveer tweehonderd", 200, None, "brandweerlieden", "firefighters", "about", True),
        ],
    ),
    (
        "nl",
        "De schade bedraagt 1,6 miljard euro.",
        [
            ("1,6 miljard euro", 1600000000, "EUR", None, None, None, False),
        ],
    ),
    (
        "nl",
        "De aardbeving met een kracht van 4,8 was op 40 kilometer afstand voelbaar.",
        [
            ("4,8", 4.8, "magnitude", None, "magnitude", None, False),
            ("40 kilometer", 40, "km", None, None, None, False),
        ],
    ),
    (
        "ar",
        "قتل 23 شخصا على الأقل في انفجار مستودع في بلدة الوادي الأخضر.",
        [
            ("23", 23, None, "شخصا", "dead", "at least", True),
        ],
    ),
    (
        "ar",
        "أصيب أكثر من ١٬٢٥٠ شخصا في الحريق.",
        [
            ("أكثر من ١٬٢٥٠", 1250, None, "شخصا", "injured", "more than", True),
        ],
    ),
    (
        "ar",
        "نزح نحو ثلاثة آلاف شخص من القرى المجاورة.",
        [
            ("نحو ثلاثة آلاف", 3000, None, "شخص", "displaced", "about", True),
        ],
    ),
    (
        "ar",
        "ضرب زلزال بقوة 5.6 درجة المنطقة على بعد 70 كيلومترا من الساحل.",
        [
            ("5.6 درجة", 5.6, "magnitude", None, "magnitude", None, False),
            ("70 كيلومترا", 70, "km", None, None, None, False),
        ],
    ),
    (
        "ar",
        "قدرت الخسائر بنحو 2.5 مليار دولار.",
        [
            ("بنحو 2.5 مليار دولار", 2500000000, "USD", None, None, "about", True),
        ],
    ),
    (
        "ru",
        "Не менее 17 человек погибли при обрушении моста в Заречном.",
        [
            ("Не менее 17", 17, None, "человек", "dead", "at least", True),
        ],
    ),
    (
        "ru",
        "Более 1 300 жителей были эвакуированы.",
        [
            ("Более 1 300", 1300, None, "жителей", "evacuated", "more than", True),
        ],
    ),
    (
        "ru",
        "Около двухсот спасателей работают на месте.",
        [
            ("Около двухсот", 200, None, "спасателей", "rescuers", "about", True),
        ],
    ),
    (
        "ru",
        "Ущерб оценивается в 3,4 млрд рублей.",
        [
            ("3,4 млрд рублей", 3400000000, "RUB", None, None, None, False),
        ],
    ),
    (
        "ru",
        "Землетрясение магнитудой 5,2 ощущалось в 90 км от эпицентра.",
        [
            ("5,2", 5.2, "magnitude", None, "magnitude", None, False),
            ("90 км", 90, "km", None, None, None, False),
        ],
    ),
    # Turkish: suffixes on numbers ("20'den fazla"), cues after the counted noun
    (
        "tr",
        "Depremde en az 12 kişi hayatını kaybetti, 340 kişi yaralandı.",
        [
            ("en az 12", 12, None, "kişi", "dead", "at least", True),
            ("340", 340, None, "kişi", "injured", None, False),
        ],
    ),
    (
        "tr",
        "Selde 20'den fazla kişi kayboldu.",
        [
            ("20'den fazla", 20, None, "kişi", "missing", "more than", True),
        ],
    ),
    (
        "tr",
        "Yaklaşık 3 bin kişi tahliye edildi.",
        [
            ("Yaklaşık 3 bin", 3000, None, "kişi", "evacuated", "about", True),
        ],
    ),
    (
        "tr",
        "Deprem 6,4 büyüklüğündeydi ve 80 kilometre uzaklıktan hissedildi.",
        [
            ("6,4 büyüklüğündeydi", 6.4, "magnitude", None, "magnitude", None, False),
            ("80 kilometre", 80, "km", None, None, None, False),
        ],
    ),
    (
        "tr",
        "Hasarın yaklaşık 1,5 milyar dolar olduğu tahmin ediliyor.",
        [
            ("yaklaşık 1,5 milyar dolar", 1500000000, "USD", None, None, "about", True),
        ],
    ),
    (
        "tr",
        "Ölü sayısı 41'e yükseldi.",
        [
            ("41", 41, None, None, "dead", None, False),
        ],
    ),
    # Persian: Persian digits and marks, "نفر" before what happened to them
    (
        "fa",
        "در این زلزله دست کم ۱۲ نفر کشته و ۴۰ نفر زخمی شدند.",
        [
            ("دست کم ۱۲", 12, None, "نفر کشته", "dead", "at least", True),
            ("۴۰", 40, None, "نفر زخمی", "injured", None, False),
        ],
    ),
    (
        "fa",
        "بیش از ۱٬۲۵۰ نفر تخلیه شدند.",
        [
            ("بیش از ۱٬۲۵۰", 1250, None, "نفر تخلیه", "evacuated", "more than", True),
        ],
    ),
    (
        "fa",
        "حدود سه هزار نفر آواره شدند.",
        [
            ("حدود سه هزار", 3000, None, "نفر آواره", "displaced", "about", True),
        ],
    ),
    (
        "fa",
        "زلزله‌ای به بزرگی ۵٫۸ ریشتر در فاصله ۳۰ کیلومتری شهر رخ داد.",
        [
            ("۵٫۸ ریشتر", 5.8, "magnitude", None, "magnitude", None, False),
            ("۳۰ کیلومتری", 30, "km", None, None, None, False),
        ],
    ),
    (
        "fa",
        "خسارت حدود ۲ میلیارد دلار برآورد شده است.",
        [
            ("حدود ۲ میلیارد دلار", 2000000000, "USD", None, None, "about", True),
        ],
    ),
    (
        "fa",
        "پلیس ۲۵ نفر را بازداشت کرد.",
        [
            ("۲۵", 25, None, "نفر", "arrested", None, False),
        ],
    ),
    # Hebrew: prefixes written onto words ("ונפצעו", "כ־3,000", "מ־1,250")
    (
        "he",
        "לפחות 12 בני אדם נהרגו ברעידת האדמה.",
        [
            ("לפחות 12", 12, None, "בני אדם", "dead", "at least", True),
        ],
    ),
    (
        "he",
        "בתאונה נהרגו 3 ונפצעו 20 בני אדם.",
        [
            ("3", 3, None, None, "dead", None, False),
            ("20", 20, None, "בני אדם", "injured", None, False),
        ],
    ),
    (
        "he",
        "יותר מ־1,250 תושבים פונו מבתיהם.",
        [
            ("יותר מ־1,250", 1250, None, "תושבים", "evacuated", "more than", True),
        ],
    ),
    (
        "he",
        "כ־3,000 איש נותרו ללא קורת גג.",
        [
            ("כ־3,000", 3000, None, "איש", "displaced", "about", True),
        ],
    ),
    (
        "he",
        'רעידת אדמה בעוצמה של 5.8 בסולם ריכטר הורגשה במרחק 70 ק"מ מהמוקד.',
        [
            ("5.8 בסולם ריכטר", 5.8, "magnitude", None, "magnitude", None, False),
            ('70 ק"מ', 70, "km", None, None, None, False),
        ],
    ),
    (
        "he",
        "המשטרה עצרה 15 חשודים.",
        [
            ("15", 15, None, "חשודים", "arrested", None, False),
        ],
    ),
    # Ukrainian: listed case forms, "щонайменше", the modifier-letter apostrophe (U+02BC) in a
    # number word ("пʼятеро"; the reader splits a word at ' or ’)
    (
        "uk",
        "Щонайменше 17 людей загинули внаслідок обвалу мосту.",
        [
            ("Щонайменше 17", 17, None, "людей", "dead", "at least", True),
        ],
    ),
    (
        "uk",
        "Понад 1 300 мешканців були евакуйовані.",
        [
            ("Понад 1 300", 1300, None, "мешканців", "evacuated", "more than", True),
        ],
    ),
    (
        "uk",
        "Близько двохсот рятувальників працюють на місці.",
        [
            ("Близько двохсот", 200, None, "рятувальників", "rescuers", "about", True),
        ],
    ),
    (
        "uk",
        "Збитки оцінюються в 3,4 млрд гривень.",
        [
            ("3,4 млрд гривень", 3400000000, "UAH", None, None, None, False),
        ],
    ),
    (
        "uk",
        "Землетрус магнітудою 5,2 відчувався за 90 км від епіцентру.",
        [
            ("5,2", 5.2, "magnitude", None, "magnitude", None, False),
            ("90 км", 90, "km", None, None, None, False),
        ],
    ),
    (
        "uk",
        "У ДТП загинули 3 і постраждали 20 людей.",
        [
            ("3", 3, None, None, "dead", None, False),
            ("20", 20, None, "людей", "injured", None, False),
        ],
    ),
    (
        "uk",
        "Поліція затримала 15 осіб.",
        [
            ("15", 15, None, "осіб", "arrested", None, False),
        ],
    ),
    (
        "uk",
        "Пʼятеро пасажирів зникли безвісти.",
        [("Пʼятеро", 5, None, "пасажирів", "missing", None, False)],
    ),
    # Polish: "co najmniej", cues before the count ("Rannych zostało") and after it
    (
        "pl",
        "Co najmniej 17 osób zginęło w katastrofie mostu.",
        [
            ("Co najmniej 17", 17, None, "osób", "dead", "at least", True),
        ],
    ),
    (
        "pl",
        "Ponad 1 300 mieszkańców zostało ewakuowanych.",
        [
            ("Ponad 1 300", 1300, None, "mieszkańców", "evacuated", "more than", True),
        ],
    ),
    (
        "pl",
        "Około dwustu ratowników pracuje na miejscu.",
        [
            ("Około dwustu", 200, None, "ratowników", "rescuers", "about", True),
        ],
    ),
    (
        "pl",
        "Straty szacuje się na 3,4 mld złotych.",
        [
            ("3,4 mld złotych", 3400000000, "PLN", None, None, None, False),
        ],
    ),
    (
        "pl",
        "Trzęsienie ziemi o magnitudzie 5,2 było odczuwalne 90 km od epicentrum.",
        [
            ("5,2", 5.2, "magnitude", None, "magnitude", None, False),
            ("90 km", 90, "km", None, None, None, False),
        ],
    ),
    (
        "pl",
        "Trzęsienie o sile 6,1 w skali Richtera nastąpiło na głębokości 10 km.",
        [
            ("6,1 w skali Richtera", 6.1, "magnitude", None, "magnitude", None, False),
            ("10 km", 10, "km", None, "depth", None, False),
        ],
    ),
    (
        "pl",
        "Policja zatrzymała 15 osób.",
        [
            ("15", 15, None, "osób", "arrested", None, False),
        ],
    ),
    (
        "pl",
        "Kilkaset osób straciło dach nad głową.",
        [
            ("Kilkaset", 200, None, "osób", "displaced", None, True),
        ],
    ),
    (
        "pl",
        "Rannych zostało 2 450 osób.",
        [
            ("2 450", 2450, None, "osób", "injured", None, False),
        ],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_exact_values(language: str, text: str, expected: list[tuple]) -> None:
    found = [
        (text[q.start : q.end], q.value, q.unit, q.counted, q.concept, q.qualifier, q.approximate)
        for q in find_quantities(text, language=language)
    ]
    assert found == expected


def test_every_language_has_four_sentences() -> None:
    per: dict[str, int] = {}
    for language, _, _ in CASES:
        per[language] = per.get(language, 0) + 1
    assert set(per) == {
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
    }
    assert min(per.values()) >= 4


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("ar", "أصيب ٣٤ شخصا", 34),  # Arabic-Indic digits
        ("ar", "أصيب ۳۴ شخصا", 34),  # Persian digits
        ("ar", "أجلي ١٢٬٥٠٠ شخص", 12500),  # the Arabic thousands mark
        ("fa", "۳۴ نفر زخمی شدند.", 34),  # Persian digits in Persian
        ("tr", "1.250 kişi tahliye edildi.", 1250),  # a Turkish thousands point
        ("he", "נפצעו 2,450 בני אדם.", 2450),
        ("es", "Hubo 1.234.567 votos.", 1234567),
        ("es", "El índice subió un 1.234,5 puntos.", 1234.5),
        ("es", "Se registraron 7.1 grados en la escala de Richter.", 7.1),
        ("fr", "On compte 12 500 sinistrés.", 12500),
        ("ru", "Пострадали 2 450 человек.", 2450),
        ("de", "Es gab 3,5 Millionen Stimmen.", 3500000),
        ("it", "Servono 3 mila tende.", 3000),
        ("es", "Un contrato de 40 mil millones de dólares.", 40e9),
        ("nl", "Er vielen tientallen gewonden.", 20),
        ("uk", "Постраждали 2 450 людей.", 2450),
        ("uk", "Евакуювали десятки тисяч мешканців.", 20000),
        ("pl", "Ewakuowano 12 500 osób.", 12500),
        ("pl", "Kontrakt wart 2,5 mln euro.", 2500000),
    ],
)
def test_digit_conventions_and_scales(language: str, text: str, value: float) -> None:
    values = [q.value for q in find_quantities(text, language=language)]
    assert values == [value]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "El 14 de marzo de 2031 se firmó un contrato."),
        ("it", "Il 24 agosto 2030 era domenica."),
        ("de", "Am 3. März 2030 begann der Prozess."),
        ("ru", "3 марта 2030 года начался суд."),
        ("fr", "La route 12 est fermée depuis 2029."),
        ("pt", "O primeiro voo partiu às 10:30."),
        ("tr", "12 Mart 2030 günü saat 14.30'da toplantı başladı."),
        ("fa", "در ۱۲ فروردین ۱۴۰۹ دادگاه آغاز شد."),
        ("he", "ב־12 במרץ 2030 החל המשפט."),
        ("uk", "3 березня 2030 року почався суд."),
        ("pl", "3 marca 2030 roku rozpoczął się proces."),
        ("pl", "Artykuł 12 ustawy z 2029 roku."),
        # ages: a person's years, no count of people
        ("de", "Unter den Toten ist der 52-jährige Kapitän."),
        ("nl", "De 52-jarige piloot kwam om."),
        ("tr", "52 yaşındaki pilot hayatını kaybetti."),
        ("pl", "Zginął 52-letni pilot."),
        ("ru", "Погиб 52-летний командир."),
        ("uk", "Загинув 52-річний командир."),
        ("it", "È morto il pilota 52enne."),
    ],
)
def test_dates_years_labels_and_articles_are_not_quantities(language: str, text: str) -> None:
    assert find_quantities(text, language=language) == []


def test_spans_stay_in_the_window_and_point_into_the_text() -> None:
    text = "Hubo 12 muertos. Luego, al menos 30 heridos."
    found = find_quantities(text, 17, len(text), language="es")
    assert [(text[q.start : q.end], q.concept) for q in found] == [("al menos 30", "injured")]
    assert all(17 <= q.start < q.end <= len(text) for q in found)


def test_english_and_languages_without_a_data_file_use_the_english_reader() -> None:
    text = "At least 30 people were killed in a magnitude 6.2 earthquake."
    en = find_quantities(text)
    assert find_quantities(text, language="en") == en
    assert find_quantities(text, language=None) == en
    assert find_quantities(text, language="sw") == en  # no data file: read as today
    assert [(q.value, q.counted, q.concept) for q in en] == [
        (30, "people", "dead"),
        (6.2, "earthquake", "magnitude"),
    ]


def test_region_subtags_are_read_with_their_language() -> None:
    text = "Murieron 12 personas."
    assert find_quantities(text, language="es-MX") == find_quantities(text, language="es")
    assert [q.concept for q in find_quantities(text, language="es")] == ["dead"]


def test_the_quantities_stage_passes_the_language() -> None:
    from consilience.model import Article, SourceRef
    from consilience.stages.quantities import Quantities

    text = "Almeno 37 persone sono morte."
    article = Article(
        id="a", source=SourceRef(path="x"), kind="text", raw_text=text, text=text, language="it"
    )
    out = Quantities().process(article)
    assert [(q.value, q.concept) for q in out.annotations.quantities] == [(37, "dead")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the cue of a coordination tells what happened to each of its groups of people
        (
            "it",
            "Nella frana sono ancora dispersi 30 minori e 12 adulti.",
            [
                (30.0, "minori", "missing"),
                (12.0, "adulti", "missing"),
            ],
        ),
        (
            "it",
            "Tra loro 14 bambini e tre adulti deceduti nel crollo.",
            [
                (14.0, "bambini", "dead"),
                (3.0, "adulti deceduti", "dead"),
            ],
        ),
        (
            "it",
            "Il crollo ha portato alla morte di dieci bimbi e due adulti.",
            [
                (10.0, "bimbi", "dead"),
                (2.0, "adulti", "dead"),
            ],
        ),
        (
            "es",
            "Siguen desaparecidos 8 menores y 5 adultos tras el alud.",
            [
                (8.0, "menores", "missing"),
                (5.0, "adultos", "missing"),
            ],
        ),
        # what is not a group of people keeps its own concept, or none
        (
            "es",
            "Murieron 20 personas y 30 casas quedaron destruidas.",
            [
                (20.0, "personas", "dead"),
                (30.0, "casas", "homes"),
            ],
        ),
        (
            "es",
            "Hubo 20 muertos y 30 heridos.",
            [
                (20.0, "muertos", "dead"),
                (30.0, "heridos", "injured"),
            ],
        ),
    ],
)
def test_a_coordination_shares_its_cue(language: str, text: str, expected: list[tuple]) -> None:
    found = [(q.value, q.counted, q.concept) for q in find_quantities(text, language=language)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dual noun is the figure and what it counts; a prefix may be glued to it
        ("سقط قتيلين وجريحان في الهجوم على القافلة.", [("قتيلين", "dead"), ("وجريحان", "injured")]),
        ("وأسفرت الغارة عن ضحيتين.", [("ضحيتين", "dead")]),
        # two people: what happened to them, from the cue before or after
        ("أسفر الانفجار عن مقتل شخصين قرب الميناء.", [("شخصين", "dead")]),
        ("أصيب شخصان بجروح طفيفة.", [("شخصان", "injured")]),
        # the broken plural counts no two
        ("وسقط قتلى وجرحى في الهجوم.", []),
    ],
)
def test_arabic_duals_count_two(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_quantities(text, language="ar")
    assert [(text[q.start : q.end], q.value, q.counted, q.concept) for q in found] == [
        (span, 2.0, span, concept) for span, concept in expected
    ]
