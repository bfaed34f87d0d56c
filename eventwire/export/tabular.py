"""One row an event, flat: the CSV export and the Parquet export share these columns."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import IO

__all__ = ["COLUMNS", "flat", "write_csv", "write_parquet"]

# (column, meaning): the README's CSV table is this list.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "id of the article"),
    ("event_id", "id of the event inside its article (e1, e2, ...)"),
    ("date", "YYYY-MM-DD the event happened (or is due), empty when unknown"),
    ("date_basis", "text (a time expression) or published (the publication date)"),
    ("type", "PLOVER event type"),
    ("mode", "PLOVER mode"),
    ("context", "PLOVER contexts, '; '-separated"),
    ("cameo", "CAMEO event code"),
    ("goldstein", "Goldstein score of the CAMEO code"),
    ("source_names", "source actors' names, '; '-separated"),
    ("source_codes", "source actors' CAMEO codes (RUSGOV), '; '-separated, in the order of the names"),
    ("target_names", "target actors' names"),
    ("target_codes", "target actors' CAMEO codes"),
    ("place_name", "the event's place"),
    ("place_country", "its country, ISO alpha-3"),
    ("place_lat", "latitude"),
    ("place_lon", "longitude"),
    ("status", "asserted, reported, confirmed, denied, future, hypothetical or negated"),
    ("according_to", "attribution chain, outermost source first ('Tass → Kremlin spokesperson Dmitry Peskov')"),
    ("confidence", "0..1"),
    ("num_mentions", "reports of this event inside its article"),
    ("story_id", "the story event (across articles) it belongs to"),
    ("evidence_start", "character offset where the evidence starts in the article text"),
    ("evidence_end", "character offset where it ends (exclusive)"),
    ("evidence_text", "the evidence"),
    ("published", "the article's publication date"),
    ("url", "the article's URL"),
    ("duplicate_of", "the article this one is a near-duplicate of"),
)
_LISTS = {"context", "source_names", "source_codes", "target_names", "target_codes"}


def flat(row: dict) -> dict:
    """An event row of the store as one flat record (lists kept as lists)."""
    place = row["place"] or {}
    return {
        "article_id": row["article_id"], "event_id": row["event_id"], "date": row["date"],
        "date_basis": row["date_basis"], "type": row["type"], "mode": row["mode"], "context": row["context"],
        "cameo": row["cameo"], "goldstein": row["goldstein"],
        "source_names": [a["name"] for a in row["source"]], "source_codes": [a["code"] or "" for a in row["source"]],
        "target_names": [a["name"] for a in row["target"]], "target_codes": [a["code"] or "" for a in row["target"]],
        "place_name": place.get("name"), "place_country": place.get("country"), "place_lat": place.get("lat"),
        "place_lon": place.get("lon"), "status": row["status"], "according_to": row["according_to"],
        "confidence": row["confidence"], "num_mentions": len(row["mentions"]) or 1, "story_id": row["story_id"],
        "evidence_start": row["evidence"]["start"], "evidence_end": row["evidence"]["end"],
        "evidence_text": row["evidence"]["text"], "published": row["published"], "url": row["url"],
        "duplicate_of": row["duplicate_of"],
    }


def write_csv(rows: Iterable[dict], out: IO[str]) -> int:
    """CSV with a header line, one row an event; list columns joined with '; '. Returns the row count."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in COLUMNS])
    n = 0
    for row in rows:
        record = flat(row)
        writer.writerow(["; ".join(record[k]) if k in _LISTS else ("" if record[k] is None else record[k])
                         for k, _ in COLUMNS])
        n += 1
    return n


def _schema():
    import pyarrow as pa

    text, number, whole = pa.string(), pa.float64(), pa.int64()
    types = {"date": pa.date32(), "goldstein": number, "place_lat": number, "place_lon": number,
             "confidence": number, "num_mentions": whole, "evidence_start": whole, "evidence_end": whole}
    return pa.schema([(name, pa.list_(text) if name in _LISTS else types.get(name, text)) for name, _ in COLUMNS])


def write_parquet(rows: Iterable[dict], path: Path) -> int:
    """Parquet, one row an event, the CSV's columns with real types (date32, lists of strings). Returns the count."""
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [flat(row) for row in rows]
    for r in records:
        r["date"] = datetime.date.fromisoformat(r["date"]) if r["date"] else None
    table = pa.Table.from_pylist(records, schema=_schema())
    pq.write_table(table, path)
    return len(records)
