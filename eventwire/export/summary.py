"""The human summary of extracted documents: one rich table of events per article."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from eventwire.schema import Attribution, Document

__all__ = ["print_summary", "source_chain"]


def print_summary(docs: Iterable[Document], console: Console, verbose: bool = False) -> None:
    """Print who did what to whom, when, where and according to whom, article by article; one row per event
    with the number of its mentions; ``verbose`` adds the rule that coded each event and its mentions."""
    for doc in docs:
        title = doc.article.id or "(no id)"
        if doc.error:
            console.print(f"[bold red]{title}[/]: error {doc.error.code} (line {doc.error.line}): {doc.error.message}")
            continue
        console.print(_table(doc, title, verbose))
        console.print(
            f"  {len(doc.actors)} actors, {len(doc.places)} places, {len(doc.times)} times, "
            f"{len(doc.attributions)} attributions, {len(doc.events)} events"
        )


def _table(doc: Document, title: str, verbose: bool = False) -> Table:
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}
    attributions = {a.id: a for a in doc.attributions}
    table = Table(title=f"{title} ({doc.article.published or 'no date'})", show_lines=False)
    for column in ("who", "did what", "to whom", "when", "where", "according to", "status", "n"):
        table.add_column(column, overflow="fold")

    def names(ids: list[str]) -> str:
        return ", ".join(_actor_label(actors[i]) for i in ids if i in actors) or "-"

    for event in doc.events:
        place = places.get(event.place) if event.place else None
        table.add_row(
            names(event.source),
            f"{event.type} {event.cameo or ''} «{(event.trigger or event.evidence).text}»",
            names(event.target),
            f"{event.date} ({event.date_basis})" if event.date and event.date_basis == "published" else
            (event.date or "-"),
            f"{place.name} ({place.country})" if place else "-",
            source_chain(event.attribution, attributions) or "-",
            event.status,
            str(len(event.mentions) or 1),
        )
        if verbose:
            said = "; ".join(f"«{m.evidence.text[:60]}» {m.status}" for m in event.mentions)
            table.add_row("", f"[dim]rule: {event.rule or '-'}[/]", "", "", "", f"[dim]{said}[/]", "", "")
    return table


def _actor_label(actor) -> str:
    return f"{actor.name} ({actor.code or actor.country or '?'})"


def source_chain(attribution_id: str | None, attributions: dict[str, Attribution]) -> str:
    """'Tass → Dmitry Peskov': the outermost source first, following the parent links."""
    chain, seen = [], set()
    while attribution_id and attribution_id in attributions and attribution_id not in seen:
        seen.add(attribution_id)
        record = attributions[attribution_id]
        chain.append(record.source_text or "?")
        attribution_id = record.parent
    return " → ".join(reversed(chain))
