"""spaCy component of the actors stage: actor mentions grouped into actors with CAMEO codes."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.actors.kb import KB_PATH, KnowledgeBase, load_kb
from eventwire.actors.recognize import Found, find_mentions
from eventwire.actors.user import overlay_user_actors
from eventwire.nlp.stage import Stage
from eventwire.nlp.tokens import token_table
from eventwire.schema import Actor, Mention

__all__ = ["ActorsStage", "make_actors", "actor_code"]


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO code: country + sector (RUSGOV); IGOs read IGO + organisation (IGOUNO)."""
    if sector == "IGO" and country:
        return "IGO" + country if country != "IGO" else "IGO"
    return (country or "") + (sector or "") or None


class ActorsStage(Stage):
    """Writes ``doc._.ew_actors`` and the span group ``doc.spans["ew_actors"]``.

    Kinds: ``person``, ``organization``, ``media``, ``group`` (peoples, forces, agent phrases) and
    ``state``. A state is named ("Iran"), implied by its demonym ("an Iranian proposal"), or spoken for
    by its capital ("Moscow says"); all three are kind ``state``, the capital coded GOV.

    :param kb: the knowledge base (loaded once per process from ``eventwire/data/actors.json.gz``).
    """

    name = "eventwire_actors"

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def process(self, doc: Doc) -> None:
        # A dateline ("MOSCOW (Reuters) -") says where the story was filed and by whom: no actors there.
        found = [f for f in find_mentions(doc, self.kb) if f.start >= doc._.content_start]
        actors, spans = build_actors(doc, found)
        doc._.ew_actors = actors
        doc.spans["ew_actors"] = spans


def _resolve(found: list[Found]) -> dict[str, str]:
    """Grouping key -> key of the actor it belongs to (links point back to an earlier actor)."""
    target: dict[str, str] = {}
    for f in found:
        if f.link and f.key not in target:
            target[f.key] = target.get(f.link, f.link)
        target.setdefault(f.key, f.key)
    return target


def build_actors(doc: Doc, found: list[Found]) -> tuple[list[Actor], list[Span]]:
    """Actors in order of first mention (ids a1, a2, ...) and one span per mention."""
    target = _resolve(found)
    order: dict[str, Found] = {}
    mentions: dict[str, list[Found]] = {}
    for f in sorted(found, key=lambda f: f.start):
        key = target[f.key]
        order.setdefault(key, f)
        mentions.setdefault(key, []).append(f)
    actors, spans = [], []
    text = token_table(doc).text  # spaCy rebuilds doc.text on each access
    for n, (key, first) in enumerate(order.items(), start=1):
        actor = _actor(f"a{n}", first, mentions[key], text)
        actors.append(actor)
        for f in mentions[key]:
            span = doc.char_span(f.start, f.end, label=actor.code or actor.kind, kb_id=actor.id)
            if span is not None:
                spans.append(span)
    return actors, spans


def _actor(actor_id: str, first: Found, group: list[Found], text: str) -> Actor:
    """One actor, named after its first knowledge-base mention ("the North Korean leaders, Kim Jong-un" is
    Kim Jong-un), else its first mention; country and sector from that mention, else the first that knows."""
    best = next((f for f in group if f.kb_id is not None and f.kind != "state"), first)
    country = best.country or next((f.country for f in group if f.country), None)
    sector = best.sector or next((f.sector for f in group if f.sector), None)
    return Actor(
        id=actor_id, name=best.name, kind=best.kind, country=country, sector=sector,
        code=actor_code(country, sector), kb_id=best.kb_id,
        mentions=[Mention(start=f.start, end=f.end, text=text[f.start:f.end]) for f in group],
    )


@Language.factory("eventwire_actors", default_config={"kb_path": str(KB_PATH), "user_actors": None})
def make_actors(nlp: Language, name: str, kb_path: str, user_actors: str | None) -> ActorsStage:
    """The actors stage with its knowledge base (read once per process) and, when given, a user's actors
    file laid over it (``Settings.actors``: ``--actors`` / ``EVENTWIRE_ACTORS``).

    :raises ActorsFileError: the user's file is missing or invalid (file, line and field in the message).
    """
    from pathlib import Path

    return ActorsStage(overlay_user_actors(load_kb(Path(kb_path)), user_actors))
