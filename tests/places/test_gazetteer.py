"""The gazetteer: the shipped file matches a rebuild, and names resolve to the right index entries."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.places.gazetteer import GAZETTEER_PATH, Gazetteer, GazetteerError, load_gazetteer, norm

ROOT = Path(__file__).resolve().parents[2]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gazetteer_shipped_file_matches_rebuild():
    """Like dateparser's data-integrity test: edits to data/places/*.tsv must be rebuilt and shipped."""
    rebuilt = "\n".join(_build_module().build_lines()).split("\n")
    with gzip.open(GAZETTEER_PATH, "rt", encoding="utf-8") as fh:
        shipped = fh.read().rstrip("\n").split("\n")
    assert len(shipped) == len(rebuilt)
    assert hashlib.sha256("\n".join(shipped).encode()).hexdigest() == hashlib.sha256(
        "\n".join(rebuilt).encode()).hexdigest(), "run scripts/build_gazetteer.py"


# VmHWM, the peak resident memory of this process image (ru_maxrss would carry over the parent's peak).
LOAD_PROBE = """
import re, time
t0 = time.process_time()
from eventwire.places.gazetteer import load_gazetteer
rows = len(load_gazetteer().rows)
cpu = time.process_time() - t0
with open("/proc/self/status") as fh:
    peak_kb = re.search(r"VmHWM:\\s+(\\d+) kB", fh.read()).group(1)
print(cpu, peak_kb, rows)
"""


def test_gazetteer_loads_fast_and_small():
    """The shipped index loads in under 2 s (CPU time, so other processes on a shared machine do not count)
    and a fresh process that holds it stays under 500 MB resident."""
    out = subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True, check=True).stdout
    cpu, peak_kb, rows = out.split()
    assert float(cpu) < 2.0
    assert int(peak_kb) < 500 * 1024
    assert int(rows) > 230_000


@pytest.mark.parametrize("text,key", [("Côte d’Ivoire", "cote d'ivoire"), (" North   KOREA ", "north korea")])
def test_gazetteer_norm(text, key):
    assert norm(text) == key


@pytest.mark.parametrize("alias,country,feature", [
    ("UK", "GBR", "country"), ("Britain", "GBR", "country"), ("U.S.", "USA", "country"),
    ("US", "USA", "country"), ("America", "USA", "country"), ("Texas", "USA", "admin1"),
    ("Burma", "MMR", "country"),
])
def test_gazetteer_alias_first_entry(alias, country, feature):
    gaz = load_gazetteer()
    entries = [gaz.entry(i) for i in gaz.lookup(alias)]
    assert any(e.country == country and e.feature == feature for e in entries)


@pytest.mark.parametrize("base,name", [("Amur", "Amur Oblast"), ("Belgorod", "Belgorod Oblast")])
def test_gazetteer_region_base_only_before_region_word(base, name):
    gaz = load_gazetteer()
    assert [gaz.entry(i).name for i in gaz.lookup_region(base)] == [name]
    assert name not in [gaz.entry(i).name for i in gaz.lookup(base) if gaz.entry(i).feature == "admin1"]


@pytest.mark.parametrize("word,expected", [("Kim", True), ("March", True), ("Russia", False)])
def test_gazetteer_false_friends(word, expected):
    assert load_gazetteer().is_false_friend(word) is expected


def test_gazetteer_from_text_parses_rows_and_index():
    text = "# header\n1\tcity\tPPL\tA\t1.0\t2.0\tAAA\t\t\t\t5\n#keys\n!b\n@a\na\n#values\n\n0.5\n0\n"
    gaz = Gazetteer.from_text(text)
    assert gaz.entry(gaz.lookup("A")[0]).population == 5
    assert gaz.is_false_friend("B")
    assert gaz.person_share("A") == 0.5 and gaz.person_share("B") == 0.0


@pytest.mark.parametrize("text", ["no index here\n", "# h\n1\tcity\n#keys\na\n#values\n0\n"])
def test_gazetteer_from_text_rejects_other_files(text):
    with pytest.raises(GazetteerError):
        Gazetteer.from_text(text)


@pytest.mark.parametrize("name,country,lat,lon", [("Suffolk", "GBR", 52.2, 1.0), ("Fife", "GBR", 56.2, -3.2)])
def test_gazetteer_admin2_regions_from_their_towns(name, country, lat, lon):
    gaz = load_gazetteer()
    e = gaz.entry(gaz.lookup(name)[0])
    assert (e.feature, e.country) == ("admin2", country)
    assert abs(e.lat - lat) < 0.5 and abs(e.lon - lon) < 0.5


def test_gazetteer_region_point_is_the_middle_of_its_towns():
    """California's point is near the middle of the state (GeoNames: 37.25, -119.75), not near Los Angeles."""
    gaz = load_gazetteer()
    e = next(gaz.entry(i) for i in gaz.lookup("California") if gaz.entry(i).feature == "admin1")
    assert abs(e.lat - 37.25) < 1.0 and abs(e.lon + 119.75) < 1.0


@pytest.mark.parametrize("name,state", [("Laurel County", "Kentucky"), ("Rapides Parish", "Louisiana"),
                                        ("DeSoto Parish", "Louisiana"), ("De Soto Parish", "Louisiana")])
def test_gazetteer_us_counties(name, state):
    gaz = load_gazetteer()
    entries = [gaz.entry(i) for i in gaz.lookup(name)]
    assert any(e.feature == "admin2" and e.country == "USA" and e.admin1 == state and e.lat for e in entries)


def test_gazetteer_setting_checks_the_file(monkeypatch, tmp_path):
    from eventwire.settings import Settings

    monkeypatch.setenv("EVENTWIRE_GAZETTEER", str(GAZETTEER_PATH))
    assert Settings.from_env().gazetteer == str(GAZETTEER_PATH)
    bad = tmp_path / "bad.tsv.gz"
    bad.write_bytes(gzip.compress(b"not an index\n"))
    for path in (bad, tmp_path / "missing.tsv.gz"):
        monkeypatch.setenv("EVENTWIRE_GAZETTEER", str(path))
        with pytest.raises(ValueError, match="setting gazetteer"):
            Settings.from_env()


@pytest.mark.parametrize("name,share", [("Mansfield", 0.008), ("Gainesville", 0.0)])
def test_gazetteer_person_share_of_place_names(name, share):
    assert load_gazetteer().person_share(name) == pytest.approx(share)


@pytest.mark.parametrize("name,expected", [
    ("De Soto Parish", ["De Soto Parish", "DeSoto Parish"]),
    ("La Salle", ["La Salle", "LaSalle"]),
    ("Delaware", ["Delaware"]),
    ("Isle de France", ["Isle de France"]),  # a lower-case particle inside a name stays as written
])
def test_index_spellings_join_name_particles(name, expected):
    from eventwire.places.index import spellings
    assert spellings(name) == expected
