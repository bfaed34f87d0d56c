"""spaCy component of the attribution stage: who says, reports or claims what, and within whom."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.attribution.extract import Found, find_attributions
from eventwire.attribution.nesting import assign_parents
from eventwire.attribution.quotes import find_quotes
from eventwire.nlp.stage import Stage
from eventwire.schema import Attribution

__all__ = ["AttributionStage", "make_attribution"]


class AttributionStage(Stage):
    """Writes ``doc._.ew_attributions``: ids q1, q2, ... in the text order of the cue.

    Needs the parse and, to fill ``source`` with an actor id, ``doc.spans["ew_actors"]``.
    """

    name = "eventwire_attribution"

    def process(self, doc: Doc) -> None:
        text = doc.text  # built anew from the tokens on every access: read it once
        found = sorted(find_attributions(doc, find_quotes(text)), key=lambda f: f.cue)
        parents = assign_parents([f.cue for f in found], [f.content for f in found])
        actors = _actor_spans(doc)
        people = _person_spans(doc, actors)
        doc._.ew_attributions = [
            _to_schema(doc, text, i, f, parents[i], actors, people) for i, f in enumerate(found)
        ]


def _actor_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start char, end char, actor id) of every actor mention, if the actors stage ran."""
    group = doc.spans.get("ew_actors") if "ew_actors" in doc.spans else None
    if group is None:
        return []
    return [(s.start_char, s.end_char, s.kb_id_) for s in group if s.kb_id_]


def _person_spans(doc: Doc, actors: list[tuple[int, int, str]]) -> list[tuple[int, int, str, bool]]:
    """Person actor mentions in text order, each flagged if it is a subject: what "he" may refer to."""
    kinds = {a.id: a.kind for a in (doc._.ew_actors or [])}
    return sorted((*a, _is_subject(doc, a)) for a in actors if kinds.get(a[2]) == "person")


def _resolve(doc: Doc, root: int, actors: list[tuple[int, int, str]],
             people: list[tuple[int, int, str, bool]]) -> str | None:
    """The actor a pronoun source stands for, so that users get the speaker and not "he".

    "officials who said": the relative pronoun's antecedent. "he said": the most recent person
    mentioned before the pronoun (no gender or number check: a minimal, recency-only resolution).
    """
    tok = doc[root]
    lower = tok.lower_
    if lower in _RELATIVE and tok.head.dep_ == "relcl":
        head = tok.head.head
        return next((a[2] for a in actors if a[0] <= head.idx < a[1]), None)
    if lower in _PERSONAL:
        before = [a for a in people if a[1] <= tok.idx]
        subjects = [a for a in before if a[3]]
        return (subjects or before)[-1][2] if before else None
    return None


def _is_subject(doc: Doc, mention: tuple[int, int, str]) -> bool:
    """Whether an actor mention is the subject of its clause (the likeliest antecedent of "he")."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _actor_of(found: Found, root_char: int | None, actors: list[tuple[int, int, str]]) -> str | None:
    """The actor whose mention is the source: the one covering the head word, else one inside it."""
    if found.source is None:
        return None
    start, end = found.source
    inside = [a for a in actors if start <= a[0] and a[1] <= end]
    if root_char is not None:
        for a in actors:
            if a[0] <= root_char < a[1] and (a[0] < end and start < a[1]):
                return a[2]
    if inside:
        return inside[-1][2]
    covering = [a for a in actors if a[0] <= start and end <= a[1]]
    return covering[0][2] if covering else None


_PERSONAL = frozenset({"he", "she"})
_RELATIVE = frozenset({"who", "which", "that"})


def _to_schema(
    doc: Doc, text: str, i: int, f: Found, parent: int | None, actors: list[tuple[int, int, str]],
    people: list[tuple[int, int, str, bool]],
) -> Attribution:
    """The schema item for one found attribution: id by cue order, parent id, actor id of the source."""
    root_char = doc[f.source_root].idx if f.source_root is not None else None
    source = _actor_of(f, root_char, actors)
    if source is None and f.source_root is not None:
        source = _resolve(doc, f.source_root, actors, people)
    return Attribution(
        id=f"q{i + 1}",
        source=source,
        source_text=text[f.source[0]:f.source[1]] if f.source else None,
        source_start=f.source[0] if f.source else None,
        source_end=f.source[1] if f.source else None,
        cue=text[f.cue[0]:f.cue[1]],
        cue_start=f.cue[0],
        cue_end=f.cue[1],
        content_start=f.content[0] if f.content else None,
        content_end=f.content[1] if f.content else None,
        channel=f.channel,
        parent=f"q{parent + 1}" if parent is not None else None,
        quote=f.quote,
    )


@Language.factory("eventwire_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionStage:
    """The attribution stage; it has no settings and no data files to load."""
    return AttributionStage()
