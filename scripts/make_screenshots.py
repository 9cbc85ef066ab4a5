"""Regenerate the README's pictures from the sample pack (SYNTHETIC data).

- ``docs/pack_page_top_en_synthetic.png``: the top of the English page, rendered by headless
  Chromium (``apt-get install chromium``); without a browser the script says so and leaves
  the old picture alone;
- ``docs/women_by_council_2022_cy_synthetic.png``: the Welsh chart of women by council, copied
  from the pack as it is drawn.

Run: ``.venv/bin/python scripts/make_screenshots.py``. The pack is built in a temporary folder;
nothing else is written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
DOCS = ROOT / "docs"
PAGE_PNG = DOCS / "pack_page_top_en_synthetic.png"
CHART_PNG = DOCS / "women_by_council_2022_cy_synthetic.png"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
#: the flags that keep a headless Chromium off the network (none is reachable here anyway)
QUIET_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def build(out: Path) -> None:
    from diversity_review.pack import build_pack

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the sample's expected data warnings
        build_pack(
            reviews=[RAW / "wlga_review_synthetic.xlsx"],
            surveys=[RAW / "member_survey_synthetic.csv"],
            candidates=[RAW / "candidates_synthetic.csv"],
            out=out,
            jobs=1,
        )


def screenshot(page: Path, target: Path, browser: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                *QUIET_FLAGS,
                f"--user-data-dir={profile}",
                "--window-size=1000,1250",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack"
        build(pack)
        shutil.copyfile(pack / "cy" / "charts" / "women_by_council_2022.png", CHART_PNG)
        print(f"wrote {CHART_PNG.relative_to(ROOT)}")
        browser = next((b for b in BROWSERS if shutil.which(b)), None)
        if browser is None:
            print("no headless browser (chromium): the page screenshot was not renewed")
            return 1
        screenshot(pack / "en" / "index.html", PAGE_PNG, browser)
        print(f"wrote {PAGE_PNG.relative_to(ROOT)} (rendered by {browser})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
