"""Word lists for boilerplate lines (en, fr, it, es, de). Written in *key* form: casefolded,
accents stripped, punctuation turned into single spaces (see ``lines.key``)."""

from __future__ import annotations

# Words that make a widget line by themselves, with the reason they give.
COMMENT_WORDS = frozenset(
    """
    comment comments commenter commentez reply replies conversation discussion
    commentaire commentaires reagir reagissez commento commenti commenta
    comentario comentarios comenta comentar kommentar kommentare kommentieren
    """.split()
)
AD_WORDS = frozenset(
    """
    advertisement advertisements advert ad ads sponsored publicite pubblicita publicidad
    anzeige werbung
    """.split()
)
SHARE_WORDS = frozenset(
    """
    share shares tweet print email mail facebook twitter whatsapp telegram linkedin pinterest
    reddit messenger flipboard bluesky mastodon instagram youtube tiktok sms copy
    subscribe follow read listen save bookmark newsletter continue
    partager partagez partage imprimer envoyer ecouter abonner abonnez suivez
    sauvegarder enregistrer copier lire
    condividi condividere stampa invia ascolta salva iscriviti seguici leggi continua
    compartir comparte imprimir enviar escuchar guardar suscribete suscribirse siguenos leer
    teilen drucken senden anhoren speichern abonnieren folgen weiterlesen lesen
    """.split()
)
# Words that may fill a widget line but never make one alone ("Follow us on X", "0 comments").
WIDGET_FILLER = frozenset(
    """
    a an the on in to us this article story post page via with our by now here your and or
    more full x me it all leave add view show join up for of free sign click link reading
    le la les l sur cet cette nous vous par de du des et ou plus suite un une lien
    il lo i gli su questo questa articolo ci per di e o tutto tutti
    el los las en este esta articulo nos por del y mas noticia
    der die das den dem auf diesen artikel uns sie und oder mehr jetzt hier
    """.split()
)

# Lines that introduce a list of links to other articles.
RELATED_HEADERS = frozenset(
    [
        "you might also like",
        "you may also like",
        "you might like",
        "you may like",
        "you might also be interested in",
        "you may also be interested in",
        "you may be interested in",
        "you might be interested in",
        "related",
        "related articles",
        "related stories",
        "related news",
        "related content",
        "related posts",
        "related links",
        "related coverage",
        "related topics",
        "related sources",
        "related reading",
        "related video",
        "related videos",
        "see also",
        "read also",
        "also read",
        "read next",
        "more stories",
        "more news",
        "more articles",
        "more on this story",
        "more on this topic",
        "more like this",
        "recommended",
        "recommended for you",
        "recommended stories",
        "recommended articles",
        "most read",
        "most popular",
        "most viewed",
        "most shared",
        "trending",
        "trending now",
        "trending stories",
        "top stories",
        "editor s picks",
        "editors picks",
        "what to read next",
        "don t miss",
        "further reading",
        "popular now",
        "latest news",
        "latest stories",
        # fr
        "lire aussi",
        "a lire aussi",
        "lire egalement",
        "a lire egalement",
        "voir aussi",
        "sur le meme sujet",
        "les plus lus",
        "articles similaires",
        "a lire",
        "a voir aussi",
        "dans la meme rubrique",
        "nos articles",
        "vous aimerez aussi",
        "a decouvrir",
        # it
        "leggi anche",
        "potrebbe interessarti",
        "ti potrebbe interessare",
        "articoli correlati",
        "piu letti",
        "i piu letti",
        "da non perdere",
        "vedi anche",
        "correlati",
        "potrebbe interessarti anche",
        "ultime notizie",
        # es
        "lee tambien",
        "leer tambien",
        "te puede interesar",
        "tambien te puede interesar",
        "noticias relacionadas",
        "articulos relacionados",
        "lo mas leido",
        "mas leidas",
        "mas leido",
        "ver tambien",
        "relacionado",
        "relacionados",
        "te recomendamos",
        # de
        "auch interessant",
        "das konnte sie auch interessieren",
        "mehr zum thema",
        "lesen sie auch",
        "weitere artikel",
        "meistgelesen",
        "verwandte artikel",
        "siehe auch",
        "empfohlen",
        "das konnte sie interessieren",
        "mehr dazu",
    ]
)
# "More from <outlet or section>" and its translations: a header when short.
RELATED_PREFIXES = ("more from ", "plus de ", "altro da ", "mas de ", "mehr von ", "more in ")
# Headers that may share their line with one linked title: "Read also: <title>".
INLINE_RELATED = frozenset(
    [
        "read also",
        "also read",
        "see also",
        "related",
        "read more",
        "lire aussi",
        "a lire aussi",
        "voir aussi",
        "leggi anche",
        "vedi anche",
        "lee tambien",
        "ver tambien",
        "lesen sie auch",
        "mehr zum thema",
        "siehe auch",
    ]
)

TOC_HEADERS = frozenset(
    [
        "table of contents",
        "contents",
        "in this article",
        "on this page",
        "jump to",
        "sommaire",
        "table des matieres",
        "dans cet article",
        "indice",
        "sommario",
        "indice dei contenuti",
        "contenido",
        "contenidos",
        "tabla de contenidos",
        "inhaltsverzeichnis",
        "inhalt",
        "in diesem artikel",
    ]
)
