"""spaCy component of the attribution stage: who says, reports or claims what, and within whom."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.attribution.extract import Found, find_attributions
from eventwire.attribution.nesting import assign_parents
from eventwire.attribution.quotes import find_quotes
from eventwire.nlp.stage import Stage
from eventwire.nlp.tokens import token_table
from eventwire.schema import Attribution

__all__ = ["AttributionStage", "make_attribution"]


class AttributionStage(Stage):
    """Writes ``doc._.ew_attributions``: ids q1, q2, ... in the text order of the cue.

    Needs the parse and, to fill ``source`` with an actor id, ``doc.spans["ew_actors"]``.
    """

    name = "eventwire_attribution"

    def process(self, doc: Doc) -> None:
        text = token_table(doc).text  # Doc.text is built anew from the tokens on every access
        found = sorted(find_attributions(doc, text, find_quotes(text)), key=lambda f: f.cue)
        parents = assign_parents([f.cue for f in found], [f.content for f in found])
        actors = _Mentions(_actor_spans(doc))
        people = _People(doc, actors.spans)
        doc._.ew_attributions = [
            _to_schema(doc, text, i, f, parents[i], actors, people) for i, f in enumerate(found)
        ]


Mention = tuple[int, int, str]


def _actor_spans(doc: Doc) -> list[Mention]:
    """(start char, end char, actor id) of every actor mention in span-group order, if the actors stage ran.

    The group lists mentions actor by actor (in order of first mention), not in text order.
    """
    group = doc.spans.get("ew_actors") if "ew_actors" in doc.spans else None
    if group is None:
        return []
    return [(s.start_char, s.end_char, s.kb_id_) for s in group if s.kb_id_]


class _Mentions:
    """Actor mentions searchable by position, answered in span-group order.

    A mention overlapping [start, end) starts before ``end`` and no earlier than ``start`` minus the
    longest mention, so a bisection over the mentions sorted by start bounds the search to a few
    neighbours: the cost per source does not grow with the number of actors in the article.
    """

    def __init__(self, spans: list[Mention]) -> None:
        self.spans = spans
        self.by_start = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self.starts = [spans[k][0] for k in self.by_start]
        self.longest = max((a[1] - a[0] for a in spans), default=0)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that share a character with [start, end), in span-group order."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        found = sorted(k for k in self.by_start[lo:hi] if self.spans[k][1] > start)
        return [self.spans[k] for k in found]


class _People:
    """Person mentions, for the antecedent of "he"/"she": the latest one ending before the pronoun.

    Sorted by end with running maxima (latest mention so far, latest subject so far), so each
    pronoun is one bisection instead of a pass over every earlier person.
    """

    def __init__(self, doc: Doc, actors: list[Mention]) -> None:
        kinds = {a.id: a.kind for a in (doc._.ew_actors or [])}
        people = sorted((a for a in actors if kinds.get(a[2]) == "person"), key=lambda a: a[1])
        self.ends = [a[1] for a in people]
        self.latest: list[Mention | None] = []
        self.latest_subject: list[Mention | None] = []
        latest: Mention | None = None
        subject: Mention | None = None
        for a in people:
            latest = max(latest, a) if latest else a
            if _is_subject(doc, a):
                subject = max(subject, a) if subject else a
            self.latest.append(latest)
            self.latest_subject.append(subject)

    def before(self, pos: int) -> str | None:
        """Actor id of the latest subject person ending by ``pos``, else of the latest person."""
        k = bisect_right(self.ends, pos) - 1
        if k < 0:
            return None
        best = self.latest_subject[k] or self.latest[k]
        return best[2] if best else None


def _resolve(doc: Doc, root: int, actors: _Mentions, people: _People) -> str | None:
    """The actor a pronoun source stands for, so that users get the speaker and not "he".

    "officials who said": the relative pronoun's antecedent. "he said": the most recent person
    mentioned before the pronoun (no gender or number check: a minimal, recency-only resolution).
    """
    tok = doc[root]
    lower = tok.lower_
    if lower in _RELATIVE and tok.head.dep_ == "relcl":
        head = tok.head.head
        covering = actors.overlapping(head.idx, head.idx + 1)
        return covering[0][2] if covering else None
    if lower in _PERSONAL:
        return people.before(tok.idx)
    return None


def _is_subject(doc: Doc, mention: Mention) -> bool:
    """Whether an actor mention is the subject of its clause (the likeliest antecedent of "he")."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _actor_of(found: Found, root_char: int | None, actors: _Mentions) -> str | None:
    """The actor whose mention is the source: the one covering the head word, else one inside it."""
    if found.source is None:
        return None
    start, end = found.source
    near = actors.overlapping(start, end)
    if root_char is not None:
        for a in near:
            if a[0] <= root_char < a[1]:
                return a[2]
    inside = [a for a in near if start <= a[0] and a[1] <= end]
    if inside:
        return inside[-1][2]
    covering = [a for a in near if a[0] <= start and end <= a[1]]
    return covering[0][2] if covering else None


_PERSONAL = frozenset({"he", "she"})
_RELATIVE = frozenset({"who", "which", "that"})


def _to_schema(
    doc: Doc, text: str, i: int, f: Found, parent: int | None, actors: _Mentions, people: _People,
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
