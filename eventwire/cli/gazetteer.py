"""Commands on the place index: ``gazetteer import`` a full index from a GeoNames dump."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli._app import app, console, fail

gazetteer_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="The place index (gazetteer).")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def import_(
    dump: Annotated[Path, typer.Argument(help="A GeoNames table: allCountries.zip, cities1000.zip or its .txt.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The index to write (.tsv.gz).")],
    alternate_names: Annotated[Path | None, typer.Option(
        "--alternate-names", help="GeoNames alternateNamesV2.zip (optional): English and abbreviated names.")] = None,
) -> None:
    """Build a full place index from a GeoNames dump; select it with EVENTWIRE_GAZETTEER=OUTPUT.

    Example: eventwire gazetteer import cities1000.zip -o places.tsv.gz
    """
    from eventwire.places.gazetteer import GazetteerError, load_gazetteer
    from eventwire.places.importer import import_dump

    for path in (dump, alternate_names):
        if path is not None and not path.is_file():
            raise fail(f"{path}: no such file")
    if not output.parent.is_dir():
        raise fail(f"{output}: the folder {output.parent} does not exist")
    out = console()
    try:
        with out.status("importing") as status:
            n = import_dump(dump, output, load_gazetteer(), alternate_names,
                            progress=lambda rows: status.update(f"importing: {rows:,} rows read"))
    except GazetteerError as err:
        raise fail(str(err)) from None
    out.print(f"wrote {output} ({n:,} places); use it with EVENTWIRE_GAZETTEER={output}")
