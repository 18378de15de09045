"""``resolve_story``: the entities of one story, resolved across its articles.

Order of work (each step is general; none knows any particular name):

1. mentions are collected and repaired, acronym definitions found, known names propagated
   (:mod:`.mentions`);
2. mentions sharing an exact-match key form a group (:mod:`.cluster`);
3. place names get one gazetteer entry each with the story as context (:mod:`.geo`); a name
   the model took for a person becomes a place when the gazetteer has it in a country the story
   is about and nothing in the text reads it as a person;
4. groups are joined, strongest evidence first, each join checked against what must stay apart
   (different places; same surname with other given names; a demonym and a name):

   a. the alias table (built-in short forms of countries, a user's file);
   b. one gazetteer place under two names;
   c. acronym definitions ("National Liberation Front (NLF)"; "Andean Observatory ... (ASO)");
   d. spelling variants: equal consonant skeletons *propose*, a similar vowel-class form and
      compatible types *decide* (fuzzy matching never joins on its own);
   e. short forms of organisations: the words before "of/for" ("Andean Observatory");
      a landmark's name with a noun of its kind in any language ("X Cathedral", "cattedrale
      di X", "X de <a place of the story>") joined to the name alone; a one-word name with no
      place of its own joined to the one longer place name that starts with it ("X del Y");
      public bodies named by what they do, and parts of a building named by what they are
      ("the nave", "la nef", "la navata"), one of each kind per story in any language;
   f. surnames and partial names joined to the full name that bears them (the most mentioned
      when several do, if clearly so); a surname misspelt in vowels only, when the full name is
      in the same article;
   g. a given name alone joined to the one full name in the same article that starts with it;
   h. the same unique role of the same entity ("NLF leader X", "Y, the leader of the NLF");
   i. a name opening with a dotted abbreviation joined to the one name that spells it out
      before the same words ("U.N. X" and "United Nations X"); an acronym never defined in
      the story joined to the one name whose initials it is.

5. entities are built: ids ``e1``, ``e2`` ... in order of first mention.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import date

from ..gazetteer import Gazetteer, Place
from ..model import Article, Entity, Ref
from . import mentions as mn
from .aliases import BUILTIN, AliasEntry, AliasTable
from .cluster import Clusters, Group, close_lengths, is_subsequence, same_token
from .geo import PlaceName, choose_places, geo_of
from .institutions import find_institutions, kind_of_body
from .mentions import AcronymDef, Doc, Mention
from .names import (
    DOTTED,
    FUNCTION_WORDS,
    TITLES,
    acronym_letters,
    ascii_word,
    core_tokens,
    initials,
    is_acronym,
    kind_nouns,
    name_tokens,
    skeleton,
    soft_form,
    variant_similarity,
)
from .parts import find_parts, kind_of_part
from .roles import find_roles
from .scripts import propagate_across_scripts

VARIANT_SIMILARITY = 0.75  # soft-form similarity for a spelling variant
LONE_SURNAME_SIMILARITY = 0.9  # ... for two one-word person names never in the same article
SURNAME_DOMINANCE = 2  # a surname goes to the full name mentioned this many times more
RETYPE_POPULATION = 10_000  # a "person" the gazetteer has as a town this large is a place
MIN_INITIALS = 3  # an acronym never defined in the story must have this many letters
SETTLEMENT_POPULATION = 100_000  # a town this large named alone is the town, not a landmark
ROLE_DAYS = 30  # role evidence from articles published further apart does not count
ACRONYM_VOTES = 2  # label votes for ORG that a defined acronym adds
GROUP_VOTES = 2  # label votes of a one-word mention read as a group of people (NORP)
BLOCK_ALL_PAIRS = 50  # a skeleton block this small is compared pair by pair
BLOCK_WINDOW = 20  # ... a larger one in a sliding window over its sorted soft forms
_REPORTING = frozenset(
    """said says say told tells added adds stated states argued warned insisted claimed denied
    wrote asked replied explained announced declared noted stressed urged""".split()
)


def resolve_story(
    articles: Sequence[Article], gazetteer: Gazetteer, aliases: AliasTable | None = None
) -> tuple[Entity, ...]:
    """Return the entities of one story: every entity mention of ``articles`` (repaired, plus
    the occurrences of known names the annotation missed, in any script) in exactly one
    entity, with a canonical name, a type, its aliases, its mentions, a gazetteer place for
    places and the reasons its mentions were joined. Deterministic for a given input order:
    ids are "e1", "e2" ... in order of first mention (article order, then offset)."""
    table = BUILTIN + aliases if aliases is not None else BUILTIN
    docs = mn.collect(articles)
    ordinary = mn.lower_words(docs)
    prepare(docs, gazetteer, ordinary, aliases)
    propagate_across_scripts(docs, [a.language for a in articles])
    mn.propagate_surnames(docs)
    find_parts(docs, [a.language for a in articles])
    groups, span_group = build_groups(docs)
    _locate(groups, docs, gazetteer, table)
    clusters = Clusters(groups)
    rules = _Rules(docs, groups, span_group, clusters, table, ordinary)
    rules.run()
    return build_entities(docs, groups, clusters, rules)


def prepare(
    docs: Sequence[Doc],
    gazetteer: Gazetteer,
    ordinary: frozenset[str],
    aliases: AliasTable | None = None,
) -> None:
    """Repair the mentions of the story's articles, find their acronym definitions and
    propagate known names (``ordinary``: the words the story writes in lower case)."""
    mn.find_unread_names(docs, ordinary)
    mn.add_given_names(docs, ordinary)
    mn.trim_headlines(docs, mn.known_keys(docs, in_headlines=False))
    mn.trim_foreign_articles(docs, mn.known_keys(docs), gazetteer)
    mn.apply_acronyms(docs)
    mn.propagate(docs, aliases.surfaces() if aliases is not None else (), ordinary)
    mn.find_handles(docs)
    find_institutions(docs)


def build_groups(docs: Sequence[Doc]) -> tuple[list[Group], dict[tuple[str, int, int], int]]:
    """Return the groups of mentions that share a key (in order of first mention) and the
    group of each (article, start, end)."""
    by_key: dict[str, Group] = {}
    groups: list[Group] = []
    span_group: dict[tuple[str, int, int], int] = {}
    for doc in docs:
        for m in doc.mentions:
            surface = doc.surface(m)
            key = m.key or mn.surface_key(surface, m.label) or surface.casefold()
            group = by_key.get(key)
            if group is None:
                group = Group(len(groups), key, key.split())
                by_key[key] = group
                groups.append(group)
            group.mentions.append(m)
            group.surfaces[surface] += 1
            if m.label is not None and m.origin != "propagated":
                group.labels[_label_vote(doc, m)] += _vote_weight(doc, m)
            group.docs.add(doc.order)
            span_group[(doc.id, m.start, m.end)] = group.index
    return groups, span_group


def _label_vote(doc: Doc, m: Mention) -> str:
    """Return the label a mention votes for: NORP for a one-word "person" the text writes as
    a group of people (``mentions.reads_as_group``), else the annotation's label."""
    assert m.label is not None  # the caller counts labelled mentions only
    if m.label == "PERSON" and mn.reads_as_group(doc, m):
        return "NORP"
    if m.label != "PERSON" and mn.courtesy_titled(doc.surface(m)):
        return "PERSON"  # "Ms Jane Doe" labelled ORG is still a person
    return m.label


def _vote_weight(doc: Doc, m: Mention) -> int:
    """Return the weight of a mention's label vote: GROUP_VOTES for a one-word mention read as
    a group of people (by the model or by its context; the model often calls a community a
    person elsewhere), else 1."""
    if (
        m.label in ("PERSON", "NORP")
        and _label_vote(doc, m) == "NORP"
        and " " not in (doc.surface(m).strip())
    ):
        return GROUP_VOTES
    return 1


# ----------------------------------------------------------------------------- places


def _person_evidence(doc: Doc, m: Mention) -> bool:
    """Return whether the text reads a mention as a person: a title right before it or a
    reporting verb right after it."""
    before = re.search(r"([A-Za-z]+)\.?\s+$", doc.text[max(0, m.start - 25) : m.start])
    if before and before.group(1).lower() in TITLES and before.group(1)[0].isupper():
        return True
    after = re.match(r"\s+([a-z]+)", doc.text[m.end : m.end + 20])
    return bool(after and after.group(1) in _REPORTING)


def _lookup_names(group: Group, table: AliasTable) -> tuple[str, ...]:
    """Return the forms of a group's name to look up: its commonest surfaces, its key, and
    the canonical name of a built-in alias entry that lists it."""
    names = [s for s, _ in group.surfaces.most_common(3)] + [group.key]
    entry = table.find(group.key)
    if entry is not None and table.entries[entry].type in ("GPE", "LOC"):
        names.append(table.entries[entry].name)
    return tuple(dict.fromkeys(names))


def _locate(
    groups: Sequence[Group], docs: Sequence[Doc], gazetteer: Gazetteer, table: AliasTable
) -> None:
    """Give place groups their gazetteer entry; make one-word "persons" that the gazetteer has
    as towns in the story's countries places."""
    place_groups = {
        g.index: PlaceName(_lookup_names(g, table), len(g.mentions))
        for g in groups
        if any(lab in mn.PLACE_LABELS for lab in g.labels)
        or any(m.geonameid is not None for m in g.mentions)
    }
    chosen = choose_places(place_groups, gazetteer)
    for i, choice in chosen.items():
        groups[i].place, groups[i].place_why = choice.place, choice.why
    _drop_partial_places(groups, chosen)
    countries = {c.place.country for c in chosen.values()}
    person_words = {t for g in groups if g.kind == "person" and len(g.tokens) > 1 for t in g.tokens}
    by_doc = {d.order: d for d in docs}
    for g in groups:
        if g.index in chosen or g.kind != "person" or len(g.tokens) != 1:
            continue
        if g.tokens[0] in person_words or any(
            _person_evidence(by_doc[m.order], m) for m in g.mentions
        ):
            continue
        places = [
            p
            for p in gazetteer.lookup(g.surface)
            if p.country in countries and p.population >= RETYPE_POPULATION
        ]
        if places:
            best = max(places, key=lambda p: (p.population, -p.geonameid))
            g.place = best
            g.place_why = (
                "a town of the story's countries in the gazetteer, and nothing in "
                "the text reads it as a person"
            )


def _drop_partial_places(groups: Sequence[Group], chosen: dict) -> None:  # noqa: ANN001
    """Unplace a one-word name that the gazetteer matched only as the start of a longer place
    name ("X" read as "X Scrivia") when the story itself writes a longer name that starts with
    it ("X del Tronto"): the story's own long name says which place it shortens."""
    starts = {g.tokens[0] for g in groups if len(g.tokens) > 1 and g.kind != "person"}
    for g in groups:
        p = g.place
        if p is None or len(g.tokens) != 1 or g.tokens[0] not in starts:
            continue
        name = " ".join(core_tokens(name_tokens(p.name)))
        if name != g.key and name.startswith(g.key + " "):
            g.place, g.place_why = None, None
            chosen.pop(g.index, None)


# ----------------------------------------------------------------------------- rules


def _quote(s: str) -> str:
    return f"'{s}'"


class _Rules:
    """The join rules, applied in order of strength."""

    def __init__(
        self,
        docs: Sequence[Doc],
        groups: Sequence[Group],
        span_group: dict[tuple[str, int, int], int],
        clusters: Clusters,
        table: AliasTable,
        ordinary: frozenset[str],
    ) -> None:
        self.docs = docs
        self.groups = groups
        self.span_group = span_group
        self.c = clusters
        self.table = table
        self.entry_of: dict[int, int] = {}  # cluster root -> user alias entry (set at the end)
        self.defined: set[int] = set()  # groups that are acronyms defined in the story
        self.published = {d.id: d.published for d in docs}
        # Ordinary words in their capitalised form: "Regains" in a headline is no misspelt name.
        self.ordinary = ordinary
        self.ordinary_titlecase = {w.capitalize() for w in ordinary}

    def run(self) -> None:
        self.alias_table()
        self.same_place()
        self.acronyms()
        self.variants()
        self.org_short_forms()
        self.landmark_kinds()
        self.institutions()
        self.building_parts()
        self.place_short_forms()
        self.surnames()
        self.given_names()
        self.roles()
        self.dotted_heads()
        self.undefined_acronyms()

    def group_of(self, doc_id: str, span: tuple[int, int]) -> int | None:
        return self.span_group.get((doc_id, *span))

    def _article(self, order: int) -> str:
        return self.docs[order].id

    def _where(self, group: Group) -> str:
        return ", ".join(self._article(o) for o in sorted(group.docs)[:3]) + (
            " ..." if len(group.docs) > 3 else ""
        )

    # a. alias table -------------------------------------------------------------------------
    def alias_table(self) -> None:
        by_entry: dict[int, list[int]] = defaultdict(list)
        for g in self.groups:
            entry = self.table.find(g.key)
            if entry is not None:
                by_entry[entry].append(g.index)
        for entry, members in by_entry.items():
            e: AliasEntry = self.table.entries[entry]
            source = "the built-in alias table" if e.builtin else "the user's alias file"
            names = ", ".join(_quote(self.groups[i].surface) for i in members)
            for other in members[1:]:
                self.c.union(
                    members[0],
                    other,
                    f"{names} are listed as names of {_quote(e.name)} in {source}",
                    check=e.builtin,
                )
            if not e.builtin:
                self.entry_of[members[0]] = entry

    # b. one place, two names -----------------------------------------------------------------
    def same_place(self) -> None:
        by_place: dict[int, list[Group]] = defaultdict(list)
        for g in self.groups:
            if g.place is not None:
                by_place[g.place.geonameid].append(g)
        for members in by_place.values():
            p = members[0].place
            assert p is not None  # grouped by their place
            for g in members[1:]:
                self.c.union(
                    members[0].index,
                    g.index,
                    f"{_quote(members[0].surface)} and {_quote(g.surface)} are both "
                    f"names of {p.name}, {p.country} (GeoNames {p.geonameid})",
                )

    # c. acronym definitions -----------------------------------------------------------------
    def acronyms(self) -> None:
        for doc in self.docs:
            for d in doc.acronyms:
                self._acronym(doc, d)

    def _acronym(self, doc: Doc, d: AcronymDef) -> None:
        long_g, short_g = self.group_of(doc.id, d.long), self.group_of(doc.id, d.short)
        if long_g is None or short_g is None or long_g == short_g:
            return
        self.defined.add(short_g)
        long_s, short_s = doc.text[slice(*d.long)], doc.text[slice(*d.short)]
        if d.exact:
            why = (
                f"{_quote(short_s)} is defined as the acronym of {_quote(long_s)} in "
                f"article {doc.id}"
            )
        else:
            why = (
                f"{_quote(short_s)} is written in parentheses right after {_quote(long_s)} "
                f"in article {doc.id} (an acronym of the name in another language or word "
                "order)"
            )
        if self.c.union(long_g, short_g, why) and not self.c.place_ids(long_g):
            # An acronym defined in the text names an organisation far more often than a person.
            self.c.labels[self.c.find(long_g)]["ORG"] += ACRONYM_VOTES

    # d. spelling variants --------------------------------------------------------------------
    def variants(self) -> None:
        blocks: dict[str, list[Group]] = defaultdict(list)
        for g in self.groups:
            if g.kind in ("norp", "other") or g.acronym or not g.key:
                continue
            blocks[skeleton(g.tokens)].append(g)
        pairs = []
        for block in blocks.values():
            for a, b in _block_pairs(block):
                sim = variant_similarity(a.tokens, b.tokens)
                if sim >= VARIANT_SIMILARITY and self._variant_ok(a, b, sim):
                    pairs.append((-sim, a.index, b.index))
        for neg_sim, i, j in sorted(pairs):
            a, b = self.groups[i], self.groups[j]
            self.c.union(
                i,
                j,
                f"{_quote(a.surface)} and {_quote(b.surface)} are spellings of "
                f"one name (same consonants, {-neg_sim:.0%} alike)",
            )

    def _variant_ok(self, a: Group, b: Group, sim: float) -> bool:
        """Return whether two similar names may be one entity: compatible kinds; for one-word
        names, four letters or more and lengths that differ little; for two one-word person
        names, a shared article or a near-identical spelling."""
        ka, kb = self.c.kind(a.index), self.c.kind(b.index)
        if not _kinds_compatible(ka, kb, a, b):
            return False
        if len(a.tokens) == len(b.tokens) == 1:
            sa, sb = sorted((soft_form(a.tokens), soft_form(b.tokens)), key=len)
            if len(sa) < 4 or not close_lengths(sa, sb):
                return False  # short words: "Dar" and "Dairy" share too little
            if ka == kb == "person":
                return bool(a.docs & b.docs) or sim >= LONE_SURNAME_SIMILARITY
        return True

    # e. short forms of organisations ---------------------------------------------------------
    def org_short_forms(self) -> None:
        heads: dict[str, list[Group]] = defaultdict(list)
        for g in self.groups:
            if g.kind not in ("org", "unknown") or len(g.tokens) < 3:
                continue
            cut = next((i for i, t in enumerate(g.tokens) if t in FUNCTION_WORDS), None)
            if cut is not None and cut >= 2:
                heads[" ".join(g.tokens[:cut])].append(g)
        for g in self.groups:
            longs = heads.get(g.key)
            if not longs or g.kind not in ("org", "unknown"):
                continue
            roots = {self.c.find(x.index) for x in longs}
            if len(roots) == 1:
                self.c.union(
                    longs[0].index,
                    g.index,
                    f"{_quote(g.surface)} is the short form of "
                    f"{_quote(longs[0].surface)} (its words before "
                    f"{_quote(longs[0].tokens[len(g.tokens)])})",
                )

    def institutions(self) -> None:
        """Join the names of one kind of public body, in any language and case ("civil
        protection agency", "Protezione Civile", "هيئة الحماية المدنية"): a story tells of one
        event, so of one civil protection or one prosecutor's office (``institutions``). Not a
        place the gazetteer located or a group of people; a "person" only when the phrase is
        the whole name (a model calls "Protezione Civile" a person, no one is named so)."""
        by_kind: dict[str, list[Group]] = defaultdict(list)
        for g in self.groups:
            kind_now = self.c.kind(g.index)
            if g.place is not None or kind_now == "norp":
                continue
            kind = kind_of_body(g.surface, whole=kind_now == "person")
            if kind is not None:
                by_kind[kind].append(g)
        for kind, members in by_kind.items():
            names = ", ".join(_quote(g.surface) for g in members[:4])
            for g in members[1:]:
                self.c.union(
                    members[0].index,
                    g.index,
                    f"{names} name one {kind.replace('_', ' ')} body in the story's languages",
                )

    def building_parts(self) -> None:
        """Join the nouns of one part of a building, in any language ("spire", "flèche",
        "guglia", "البرج المدبب"): a story tells of one event at one building, so of one spire
        (``parts``). Only groups that are such a noun as a whole and no gazetteer place."""
        by_part: dict[str, list[Group]] = defaultdict(list)
        for g in self.groups:
            if g.place is not None or self.c.kind(g.index) in ("person", "norp"):
                continue
            part = kind_of_part(g.surface)
            if part is not None:
                by_part[part].append(g)
        for part, members in by_part.items():
            names = ", ".join(_quote(g.surface) for g in members[:4])
            for g in members[1:]:
                self.c.union(
                    members[0].index,
                    g.index,
                    f"{names} name one {part.replace('_', ' ')} of a building in the story's "
                    "languages",
                )

    def landmark_kinds(self) -> None:
        """Join a name written with a noun of its kind ("X Cathedral", "cathédrale X",
        "cattedrale di X"), or followed by "of/de <a place of the story>", to the name alone
        (or to the other such names when the story never writes it alone); what is left must
        hold a word the story never writes in lower case. Not to a person, a
        group of people, a country or region, or a town of ``SETTLEMENT_POPULATION``: "Hotel
        Y" is not the city Y."""
        places = {g.key for g in self.groups if g.place is not None}
        ordinary = {ascii_word(w) for w in self.ordinary}
        by_key = {g.key: g for g in self.groups}
        by_core: dict[str, list[Group]] = defaultdict(list)
        for g in self.groups:
            if len(g.tokens) < 2 or self.c.kind(g.index) in ("person", "norp"):
                continue
            core = landmark_core(g.tokens, places)
            if core is not None and not set(core.split()) <= ordinary:
                by_core[core].append(g)
        for core, longs in by_core.items():
            target = by_key.get(core)
            if target is not None and not self._landmark_target(target):
                continue
            anchor = target or longs[0]
            for g in longs:
                if g.index != anchor.index:
                    self.c.union(
                        anchor.index,
                        g.index,
                        f"{_quote(g.surface)} is {_quote(anchor.surface)} named with a word "
                        "of its kind or its place",
                    )

    def place_short_forms(self) -> None:
        """Join a one-word name with no gazetteer place of its own to the one longer place
        name of the story that starts with it and goes on with a particle ("X" and "X del
        Y")."""
        longs: dict[str, list[Group]] = defaultdict(list)
        for g in self.groups:
            words = name_tokens(g.surface)
            if len(words) > 2 and words[1].islower() and g.kind != "person":
                longs[g.tokens[0]].append(g)
        for g in self.groups:
            if len(g.tokens) != 1 or len(g.key) < 4 or self.c.place_ids(g.index):
                continue
            if self.c.kind(g.index) in ("person", "norp"):
                continue
            cands = longs.get(g.key, [])
            if len({self.c.find(b.index) for b in cands}) == 1:
                self.c.union(
                    cands[0].index,
                    g.index,
                    f"{_quote(g.surface)} is the short form of {_quote(cands[0].surface)}, "
                    "the one longer name of the story that starts with it",
                )

    def _landmark_target(self, g: Group) -> bool:
        if self.c.kind(g.index) in ("person", "norp") or g.acronym:
            return False
        p = g.place
        return p is None or (p.feature == "city" and p.population < SETTLEMENT_POPULATION)

    # f. surnames and partial names -----------------------------------------------------------
    def surnames(self) -> None:
        full = [
            g for g in self.groups if g.person_name() is not None and g.tokens[-1] not in TITLES
        ]
        by_last: dict[str, list[Group]] = defaultdict(list)
        for g in full:
            by_last[g.norm[-1]].append(g)
        for g in sorted(full, key=lambda g: (len(g.tokens), g.index)):
            self._partial(g, by_last.get(g.norm[-1], []))
        for g in self.groups:
            if (
                len(g.tokens) == 1
                and len(g.tokens[0]) >= 3
                and g.tokens[0] not in TITLES
                and self._short_person(g)
            ):
                self._surname(g, by_last.get(g.norm[-1], []), full)

    def _short_person(self, g: Group) -> bool:
        """Return whether a group may be a short form of a person's name: a person (or an
        organisation by the model's label: "Trump" is often ORG) that is not a place, not an
        acronym, and whose cluster holds no full name yet (only other spellings of it)."""
        if g.place is not None or g.acronym or self.c.place_ids(g.index):
            return False
        kind = self.c.kind(g.index)
        if kind not in ("person", "org") or (kind == "org" and len(g.tokens) != 1):
            return False
        root = self.c.find(g.index)
        return not self.c.persons[root] and not any(
            self.groups[i].acronym or len(self.groups[i].tokens) != len(g.tokens)
            for i in self.c.members[root]
        )

    def _surname(self, g: Group, bearers: list[Group], full: list[Group]) -> None:
        """Join a one-word name to the full name it is the surname of."""
        cands = [b for b in bearers if b.index != g.index]
        how = "the surname of"
        if not cands and not set(g.surfaces) & self.ordinary_titlecase:
            cands = [b for b in full if b.docs & g.docs and same_token(b.norm[-1], g.norm[-1])]
            how = "a misspelling (vowels only) of the surname of"
        best = self._dominant(g, cands)
        if best is None:
            return
        others = {self.c.find(b.index) for b in cands} - {self.c.find(best.index)}
        why = f"{_quote(g.surface)} is {how} {_quote(best.surface)}"
        if how.startswith("a misspelling"):
            why += f", named in the same article ({self._article(min(g.docs & best.docs))})"
        if others:
            why += (
                f", mentioned more often or in more of the same articles than "
                f"{', '.join(_quote(self._root_surface(r)) for r in sorted(others))}"
            )
        self.c.union(best.index, g.index, why)

    def _root_surface(self, root: int) -> str:
        return self.groups[root].surface

    def _dominant(self, g: Group, cands: list[Group]) -> Group | None:
        """Return the full name among ``cands`` that ``g`` most likely shortens: the only
        cluster, or one that shares clearly more articles with ``g`` or has clearly more
        mentions. None when it is not clear."""
        by_root: dict[int, list[Group]] = defaultdict(list)
        for b in cands:
            by_root[self.c.find(b.index)].append(b)
        if not by_root:
            return None
        scored = sorted(
            (
                (len(set().union(*(b.docs for b in bs)) & g.docs), self.c.size[r], r)
                for r, bs in by_root.items()
            ),
            key=lambda t: (-t[0], -t[1], t[2]),
        )
        if len(scored) > 1:
            (o1, s1, _), (o2, s2, _) = scored[0], scored[1]
            if o1 == o2 and s1 < SURNAME_DOMINANCE * s2:
                return None
        root = scored[0][2]
        return max(by_root[root], key=lambda b: (len(b.tokens), len(b.mentions), -b.index))

    def _partial(self, g: Group, bearers: list[Group]) -> None:
        """Join a person's full name to the one other full name with the same surname that
        holds its given names in order, whole or shortened ("Tayyip Erdogan" in "Recep Tayyip
        Erdogan"; "Stan Perlo" and "Stanley Perlo")."""
        root = self.c.find(g.index)
        cands = [
            b
            for b in bearers
            if self.c.find(b.index) != root
            and len(b.tokens) >= len(g.tokens)
            and b.index != g.index
            and is_subsequence(g.norm[:-1], b.norm[:-1], given=True)
        ]
        roots = {self.c.find(b.index) for b in cands}
        if len(roots) == 1:
            b = cands[0]
            self.c.union(
                b.index,
                g.index,
                f"{_quote(g.surface)} and {_quote(b.surface)} are one full name (the "
                f"same surname, given names that agree in order, whole or shortened)",
            )

    # g. given names --------------------------------------------------------------------------
    def given_names(self) -> None:
        firsts: dict[tuple[int, str], list[Group]] = defaultdict(list)
        for g in self.groups:
            if g.person_name() is not None:
                for order in g.docs:
                    firsts[(order, g.norm[0])].append(g)
        for g in self.groups:
            if len(g.tokens) != 1 or not self._short_person(g) or self.c.kind(g.index) != "person":
                continue
            cands = [b for order in g.docs for b in firsts.get((order, g.norm[0]), [])]
            roots = {self.c.find(b.index) for b in cands}
            if len(roots) == 1 and all(firsts.get((o, g.norm[0])) for o in g.docs):
                b = cands[0]
                self.c.union(
                    b.index,
                    g.index,
                    f"{_quote(g.surface)} is the given name of {_quote(b.surface)}, "
                    f"named in the same article",
                )

    # h. roles --------------------------------------------------------------------------------
    def roles(self) -> None:
        def is_person(m: Mention) -> bool:
            gi = self.group_of(m.article, (m.start, m.end))
            return gi is not None and self.c.kind(gi) == "person"

        holders: dict[tuple[int, str], list[tuple[int, str, str]]] = defaultdict(list)
        held: list[tuple[int, int, str, str, str]] = []  # (person, of, role, article, phrase)
        for r in find_roles(self.docs, is_person):
            pg = self.group_of(r.person.article, (r.person.start, r.person.end))
            yg = self.group_of(r.of.article, (r.of.start, r.of.end))
            if pg is None or yg is None or self.c.kind(yg) == "person":
                continue
            doc = self.docs[r.person.order]
            phrase = doc.text[slice(*r.phrase)]
            holders[(self.c.find(yg), r.role)].append((pg, doc.id, phrase))
            held.append((pg, yg, r.role, doc.id, phrase))
        self._one_holder(holders)
        self._one_organisation(held)

    def _one_holder(self, holders: dict[tuple[int, str], list[tuple[int, str, str]]]) -> None:
        """Join the persons given one unique role of one entity."""
        for (yroot, role), found in holders.items():
            first_g, first_doc, first_phrase = found[0]
            for g, doc_id, phrase in found[1:]:
                if self.c.find(g) == self.c.find(first_g) or _apart(
                    self.published[first_doc], self.published[doc_id]
                ):
                    continue
                self.c.union(
                    first_g,
                    g,
                    (
                        f"both hold one role, {role} of {_quote(self.groups[yroot].surface)}: "
                        f"{_quote(first_phrase)} (article {first_doc}) and {_quote(phrase)} "
                        f"(article {doc_id})"
                    ),
                )

    def _one_organisation(self, held: list[tuple[int, int, str, str, str]]) -> None:
        """Join an acronym that is never expanded in the story to the named organisation that
        the same person heads ("X, head of the Committee for Missing Persons" and "X, director
        of the CPD": an acronym of the name in another language)."""
        heads: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        for pg, yg, role, doc_id, phrase in held:
            if role == "head":
                heads[self.c.find(pg)].append((yg, doc_id, phrase))
        for found in heads.values():
            named = [f for f in found if self._named_org(f[0])]
            bare = [f for f in found if self._bare_acronym(f[0])]
            if len({self.c.find(f[0]) for f in named}) != 1:
                continue
            for yg, doc_id, phrase in bare:
                long_g, long_doc, long_phrase = named[0]
                self.c.union(
                    long_g,
                    yg,
                    (
                        f"{_quote(self.groups[yg].surface)} and "
                        f"{_quote(self.groups[long_g].surface)} have one head: "
                        f"{_quote(long_phrase)} (article {long_doc}) and "
                        f"{_quote(phrase)} (article {doc_id})"
                    ),
                )

    def _named_org(self, g: int) -> bool:
        """Return whether a group is an organisation's name of two words or more."""
        group = self.groups[g]
        return (
            len(group.tokens) >= 2
            and not group.acronym
            and not self.c.place_ids(g)
            and self.c.kind(g) in ("org", "unknown")
        )

    def _bare_acronym(self, g: int) -> bool:
        """Return whether a group's cluster holds only acronyms that the story never expands."""
        root = self.c.find(g)
        return all(
            self.groups[i].acronym and i not in self.defined for i in self.c.members[root]
        ) and not self.c.place_ids(g)

    # i. undefined acronyms -------------------------------------------------------------------
    def dotted_heads(self) -> None:
        """Join a name that opens with a dotted abbreviation ("U.N. Security Council") to the
        one name of the story that spells the abbreviation out before the same words ("United
        Nations Security Council")."""
        by_tail: dict[tuple[str, ...], list[tuple[str, Group]]] = defaultdict(list)
        for g in self.groups:
            words = name_tokens(g.surface)
            for cut in range(1, len(words)):
                tail = tuple(core_tokens(words[cut:]))
                by_tail[tail].append((initials(words[:cut], keep_function_words=True), g))
        for g in self.groups:
            words = name_tokens(g.surface)
            if len(words) < 2 or not DOTTED.fullmatch(words[0]):
                continue
            letters = acronym_letters(words[0])
            tail = tuple(core_tokens(words[1:]))
            cands = [b for head, b in by_tail.get(tail, []) if head == letters and b is not g]
            if len({self.c.find(b.index) for b in cands}) == 1:
                self.c.union(
                    cands[0].index,
                    g.index,
                    f"{_quote(g.surface)} abbreviates the first words of "
                    f"{_quote(cands[0].surface)}",
                )

    def undefined_acronyms(self) -> None:
        by_initials: dict[str, list[Group]] = defaultdict(list)
        for g in self.groups:
            if len(g.tokens) >= 2 and g.kind in ("org", "place", "unknown") and not g.acronym:
                by_initials[initials(name_tokens(g.surface))].append(g)
        for g in self.groups:
            if not g.acronym or g.index in self.defined:
                continue
            if len(self.c.members[self.c.find(g.index)]) != 1:
                continue
            letters = acronym_letters(g.surface)
            if len(letters) < MIN_INITIALS:
                continue  # two letters fit too many names ("B.C.")
            cands = by_initials.get(letters, [])
            roots = {self.c.find(b.index) for b in cands}
            if len(roots) == 1:
                b = cands[0]
                self.c.union(
                    b.index, g.index, f"{_quote(g.surface)} are the initials of {_quote(b.surface)}"
                )


def landmark_core(tokens: Sequence[str], places: Collection[str]) -> str | None:
    """Return the key of a name without a noun of its kind at either end (with the particles
    after a leading one: "cattedrale di") and without a final "of/de <place>" (a key among
    ``places``), or None when neither is there or too little is left (a word of four letters
    or more)."""
    kinds = kind_nouns()
    words = list(tokens)
    if len(words) > 1 and words[0] in kinds:
        words = words[1:]
        while len(words) > 1 and words[0] in FUNCTION_WORDS:
            words = words[1:]
    if len(words) > 1 and words[-1] in kinds:
        words = words[:-1]
    for cut in range(len(words) - 2, 0, -1):
        if words[cut] in FUNCTION_WORDS and " ".join(words[cut + 1 :]) in places:
            words = words[:cut]
            break
    while words and words[-1] in FUNCTION_WORDS:
        words = words[:-1]
    if list(words) == list(tokens) or not words or all(w in FUNCTION_WORDS for w in words):
        return None
    if len(words) == 1 and len(words[0]) < 4:
        return None
    return " ".join(words)


def _apart(a: str | None, b: str | None) -> bool:
    """Return whether two publication dates lie more than ROLE_DAYS apart (roles change
    hands); unknown dates are not apart."""
    if not a or not b:
        return False
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) > ROLE_DAYS
    except ValueError:
        return False


def _kinds_compatible(ka: str, kb: str, a: Group, b: Group) -> bool:
    """Return whether two kinds may be one entity for a spelling variant: equal kinds, an
    unlabelled side, a place and an organisation (the model often labels towns ORG), or a
    one-word person and a gazetteer place (a town the model took for a person)."""
    if ka == kb or "unknown" in (ka, kb):
        return True
    pair = {ka, kb}
    if pair == {"place", "org"}:
        return True
    if pair == {"person", "place"}:
        person, place = (a, b) if ka == "person" else (b, a)
        return len(person.tokens) == 1 and (place.place is not None or person.place is not None)
    return False


def _block_pairs(block: list[Group]) -> Iterable[tuple[Group, Group]]:
    """Yield the pairs of a skeleton block to compare: all of them in a small block, neighbours
    in soft-form order in a large one (sorted-neighbourhood blocking keeps the cost linear)."""
    if len(block) <= BLOCK_ALL_PAIRS:
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                yield a, b
        return
    ordered = sorted(block, key=lambda g: (soft_form(g.tokens), g.index))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + BLOCK_WINDOW]:
            yield (a, b) if a.index < b.index else (b, a)


# ----------------------------------------------------------------------------- entities


def build_entities(
    docs: Sequence[Doc], groups: Sequence[Group], clusters: Clusters, rules: _Rules
) -> tuple[Entity, ...]:
    """Return one entity per cluster, in order of first mention."""
    table = rules.table
    ordinary = rules.ordinary
    built = []
    for root in clusters.roots():
        members = [groups[i] for i in clusters.members[root]]
        mentions = sorted(
            (m for g in members for m in g.mentions), key=lambda m: (m.order, m.start, m.end)
        )
        built.append((mentions[0].order, mentions[0].start, root, members, mentions))
    built.sort(key=lambda t: (t[0], t[1], t[2]))
    out = []
    for n, (_, _, root, members, mentions) in enumerate(built, 1):
        place = _cluster_place(members, clusters.places[root])
        entry = _user_entry(members, table)
        etype = _entity_type(clusters.labels[root], place, members, rules.defined, entry)
        surfaces = list(dict.fromkeys(docs[m.order].surface(m) for m in mentions))
        counts = Counter(docs[m.order].surface(m) for m in mentions)
        if entry:
            name = entry.name
        elif all(kind_of_part(s) for s in surfaces):
            # a part of a building is named in the words the story uses most ("spire"), which
            # are common nouns: the name rules below would prefer a script without case
            name = max(surfaces, key=lambda s: (counts[s], -surfaces.index(s)))
        else:
            name = _canonical(surfaces, counts, etype, place is not None, ordinary)
        aliases = (
            tuple(dict.fromkeys([name, *surfaces])) if entry else tuple(dict.fromkeys(surfaces))
        )
        out.append(
            Entity(
                id=f"e{n}",
                name=name,
                type=etype,
                aliases=aliases,
                mentions=tuple(Ref(m.article, m.start, m.end) for m in mentions),
                geo=geo_of(place) if place else None,
                reasons=tuple(
                    dict.fromkeys(_reasons(docs, members, clusters.reasons[root], place))
                ),
            )
        )
    return tuple(out)


def _cluster_place(members: Sequence[Group], ids: set[int]) -> Place | None:
    """Return the cluster's place when its groups agree on one."""
    if len(ids) != 1:
        return None
    return next(g.place for g in members if g.place is not None)


def _user_entry(members: Sequence[Group], table: AliasTable) -> AliasEntry | None:
    """Return the user alias entry that names one of the cluster's groups, if any."""
    for g in members:
        i = table.find(g.key)
        if i is not None and not table.entries[i].builtin:
            return table.entries[i]
    return None


def _entity_type(
    labels: Counter,
    place: Place | None,
    members: Sequence[Group],
    defined: set[int],
    entry: AliasEntry | None,
) -> str:
    """Return the entity's type: the user's if given; a place for a gazetteer place (LOC when
    the model said so most often, else GPE); ORG for a "person" with a defined acronym;
    otherwise the majority label (ties: the label seen first)."""
    if entry is not None and entry.type:
        return entry.type
    if place is not None:
        return (
            "LOC"
            if labels.get("LOC", 0) > labels.get("GPE", 0) + labels.get("FAC", 0)
            else ("FAC" if labels.get("FAC", 0) > labels.get("GPE", 0) else "GPE")
        )
    majority = max(labels, key=lambda lab: labels[lab]) if labels else None
    if any(g.index in defined for g in members) and majority in (None, "PERSON"):
        return "ORG"
    if majority is None:
        return "ORG" if any(g.acronym for g in members) else "MISC"
    return majority


_NOTES = {"edges trimmed": "a leading 'the', quotes, a possessive or end punctuation cut"}


def _well_formed(surface: str) -> bool:
    """Return whether a surface can stand as a canonical name: capitalised, no brackets or
    line breaks, not shouted (unless an acronym)."""
    if not surface or not surface[0].isupper() or any(c in surface for c in "()[]\n"):
        return False
    letters = [c for c in surface if c.isalpha()]
    return not (len(letters) > 4 and all(c.isupper() for c in letters) and " " in surface)


def _canonical(
    surfaces: list[str], counts: Counter, etype: str, is_place: bool, ordinary: Collection[str] = ()
) -> str:
    """Return the canonical name. A place: the spelling the story uses most (ties: the longest,
    then the first), because gazetteer names are often scholarly transliterations or another
    name altogether ("Tadmur" for Palmyra) that a reader of the story would not recognise; the
    gazetteer's name stays in ``geo.name``. Anything else: the longest well-formed full name
    (most name words: honorifics, short capitals in a person's name and words the story also
    writes in lower case aside; then the fewest other words; then the most frequent; then the
    first), and an expansion before its acronym."""
    pool = [s for s in surfaces if _well_formed(s)] or surfaces
    if is_place:
        return max(
            pool,
            key=lambda s: (
                s.split()[-1].lower() not in mn.ADMIN_NOUNS,
                counts[s],
                len(s),
                -surfaces.index(s),
            ),
        )
    person = etype == "PERSON"
    full = [s for s in pool if not is_acronym(s)] or pool

    def words(s: str) -> int:
        # Words the story also writes in lower case are descriptions ("Fullback Mike X"), and
        # a short word in capitals in a person's name is a title ("GM Tony X").
        raw = name_tokens(s, person=person)
        shouted = sum(1 for w in raw if person and w.isupper() and len(w) <= 3 and len(raw) > 1)
        return sum(1 for t in core_tokens(raw) if t not in ordinary) - shouted

    def key(s: str) -> tuple:
        n = len(core_tokens(name_tokens(s, person=person)))
        named = words(s)
        return named, named - n, counts[s], -surfaces.index(s)

    return max(full, key=key)


def _reasons(
    docs: Sequence[Doc], members: Sequence[Group], joins: list[str], place: Place | None
) -> list[str]:
    """Return the reasons a reader can check: the place found, the spellings that share a key,
    the joins made, the mentions found by propagation or repaired."""
    out: list[str] = []
    if place is not None:
        why = next((g.place_why for g in members if g.place is not None and g.place_why), "")
        out.append(f"placed at {place.name}, {place.country} (GeoNames {place.geonameid}): {why}")
    for g in members:
        if len(g.surfaces) > 1:
            forms = ", ".join(_quote(s) for s in g.surfaces)
            out.append(
                f"{forms} differ only in case, punctuation, articles, titles or a "
                "word such as 'province'"
            )
    out += joins
    propagated = Counter(
        docs[m.order].id for g in members for m in g.mentions if m.origin == "propagated"
    )
    if propagated:
        where = ", ".join(f"{a} ({n})" for a, n in sorted(propagated.items()))
        out.append(f"known names of this entity found as written in the text of {where}")
    repaired = Counter(
        m.note for g in members for m in g.mentions if m.note and m.origin != "propagated"
    )
    for note, n in sorted(repaired.items()):
        out.append(f"span of {n} mention(s) repaired: {_NOTES.get(note, note)}")
    return out
