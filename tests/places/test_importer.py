"""`eventwire gazetteer import`: a full index from a GeoNames dump (a small fixture in the GeoNames format)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.places.gazetteer import GazetteerError, load_gazetteer
from eventwire.places.importer import import_dump

FIXTURES = Path(__file__).parent / "fixtures"
DUMP = FIXTURES / "geonames_sample.txt"
ALTS = FIXTURES / "alternate_names_sample.txt"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("gaz") / "full.tsv.gz"
    import_dump(DUMP, out, load_gazetteer(), ALTS)
    return load_gazetteer(out)


def test_importer_adds_towns_with_their_county(imported):
    towns = [imported.entry(i) for i in imported.lookup("Huntsville")]
    texas = next(e for e in towns if e.admin1 == "Texas")
    assert (texas.feature, texas.code, texas.country, texas.geonameid) == ("city", "PPLA2", "USA", 4705308)
    assert texas.admin2_key == "US.TX|Walker County"
    assert len(towns) == 2  # only the dump's towns: the shipped cities are replaced


def test_importer_keeps_countries_and_takes_geonames_admin1_points(imported):
    assert any(imported.entry(i).feature == "country" for i in imported.lookup("UK"))
    texas = next(imported.entry(i) for i in imported.lookup("Texas") if imported.entry(i).feature == "admin1")
    assert (texas.lat, texas.lon) == (31.2504, -99.2506)


def test_importer_counties_alternate_names_and_skipped_features(imported):
    assert {imported.entry(i).admin1 for i in imported.lookup_region("Walker")} == {"Texas", "Alabama"}
    assert [imported.entry(i).name for i in imported.lookup("Zed Town")] == ["Zzyzxville"]
    assert imported.lookup("Zettstadt") == [] and imported.lookup("Lake Nowhere") == []
    assert imported.is_false_friend("March")


def test_importer_reads_a_zip_like_the_download(tmp_path):
    archive = tmp_path / "cities1000.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(DUMP, "cities1000.txt")
    out = tmp_path / "z.tsv.gz"
    assert import_dump(archive, out, load_gazetteer()) > 5
    assert load_gazetteer(out).lookup("Zzyzxville")


def test_importer_rejects_other_files(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta geonames row\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 1: 2 columns"):
        import_dump(bad, tmp_path / "x.tsv.gz", load_gazetteer())


def test_cli_gazetteer_import_and_errors(tmp_path):
    out = tmp_path / "cli.tsv.gz"
    result = CliRunner().invoke(app, ["gazetteer", "import", str(DUMP), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert load_gazetteer(out).lookup("Zzyzxville")
    missing = CliRunner().invoke(app, ["gazetteer", "import", str(tmp_path / "nope.zip"), "-o", str(out)])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_component_uses_the_selected_gazetteer(imported):
    from eventwire.places.component import PlacesStage

    assert PlacesStage(imported).gaz is imported
