"""scripts/build_fonts.py: its --check depends on the fonts and a committed text sample, and says what is wrong.

The fallback fonts' sizes are computed from how often each character
occurs in what the portal shows. They used to be computed from the demo
content and catalogues at every run, so a new message made ``--check``
fail, and when the demo content moved the sizes were silently measured on
interface strings alone. (The full check fetches the source fonts with npm;
it is run by hand and in CI, not here.)
"""

import collections
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def build_fonts():
    spec = importlib.util.spec_from_file_location("build_fonts", ROOT / "scripts" / "build_fonts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sizes_come_from_the_committed_sample_not_from_the_catalogues(build_fonts):
    committed = json.loads((ROOT / "scripts" / "font_sample.json").read_text(encoding="utf-8"))
    assert build_fonts.sample_text() == committed


def test_the_sample_holds_the_demo_articles_in_every_script(build_fonts):
    sample = build_fonts.sample_text()
    assert sample["ộ"] > 50 and sample["ແ"] > 50  # Vietnamese and Lao article text
    def lao_letters(counts):
        return sum(count for character, count in counts.items() if build_fonts.is_lao(character))

    catalogue = build_fonts.polib.pofile(str(ROOT / "locale" / "lo" / "LC_MESSAGES" / "django.po"))
    interface = lao_letters(collections.Counter("".join(entry.msgstr for entry in catalogue)))
    assert lao_letters(build_fonts.measure_sample()) > interface + 5000


def test_missing_demo_content_stops_the_measurement_with_the_reason(build_fonts, tmp_path):
    build_fonts.DEMO_TEXTS = tmp_path
    with pytest.raises(SystemExit, match="no demo content in"):
        build_fonts.measure_sample()


def test_a_missing_sample_says_how_to_make_it(build_fonts, tmp_path):
    build_fonts.SAMPLE = tmp_path / "font_sample.json"
    build_fonts.ROOT = tmp_path
    with pytest.raises(SystemExit, match="--measure"):
        build_fonts.sample_text()
