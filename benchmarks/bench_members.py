"""Time ``diversity-review members --all`` against a local server (never part of the tests).

The server (``tests/helpers.serve_local`` on 127.0.0.1) answers ``GetCouncillorsByWard`` for
each of the 18 councils whose Modern.Gov host the registry knows, with a reply of that
council's members built from the synthetic roster (``data/raw/councillor_roster_synthetic.xlsx``,
1,234 seats). Timed with no delay between requests, and with
the default polite delay of 1 s: every council here is on one host (127.0.0.1), so the delay
applies between councils, which it would not between councils' own hosts.

Run ``python benchmarks/bench_members.py``.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import warnings
from pathlib import Path
from xml.sax.saxutils import escape

from _timing import median_seconds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from diversity_review.cli import main as cli_main  # noqa: E402
from diversity_review.councils import moderngov_hosts  # noqa: E402
from diversity_review.load.roster import load_roster  # noqa: E402
from helpers import Reply, serve_local  # noqa: E402

METHOD = "mgWebService.asmx/GetCouncillorsByWard"


def _reply(members) -> bytes:
    """A GetCouncillorsByWard reply listing these roster rows."""
    parts = ["<?xml version='1.0' encoding='utf-8'?><councillorsbyward><wards>"]
    for ward, rows in members.groupby("ward"):
        parts.append(f"<ward><wardtitle>{escape(ward)}</wardtitle><councillors>")
        for row in rows.itertuples():
            posts = "" if row.key_posts != row.key_posts else escape(str(row.key_posts))
            parts.append(
                f"<councillor><councillorid>{row.member_id}</councillorid>"
                f"<fullusername>{escape(row.name)}</fullusername>"
                f"<politicalpartytitle>{escape(row.party)}</politicalpartytitle>"
                f"<politicalgrouptitle>{escape(row.group)}</politicalgrouptitle>"
                f"<keyposts>{posts}</keyposts></councillor>"
            )
        parts.append("</councillors></ward>")
    parts.append("</wards></councillorsbyward>")
    return "".join(parts).encode("utf-8")


def main_bench() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        roster = load_roster(ROOT / "data" / "raw" / "councillor_roster_synthetic.xlsx")
    hosts = moderngov_hosts().dropna(subset=["moderngov_host"])
    routes = {
        f"/{host}/{METHOD}": Reply(body=_reply(roster[roster["council_code"] == code]))
        for code, host in zip(hosts["council_code"], hosts["moderngov_host"], strict=True)
    }
    with serve_local(routes) as server, tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "all.xlsx"

        def run(delay: str) -> None:
            argv = [
                "members",
                "--all",
                "--url",
                server.url + "/{host}/",
                "--out",
                str(out),
                "--delay",
                delay,
            ]
            with contextlib.redirect_stdout(io.StringIO()) as printed:
                assert cli_main(argv) == 0
            assert printed.getvalue().count("\n") == len(hosts) + 1

        fast = median_seconds(lambda: run("0"), runs=5)
        polite = median_seconds(lambda: run("1"), runs=1)
    members = int(roster["council_code"].isin(hosts["council_code"]).sum())
    print(f"members --all, {len(hosts)} councils, {members} members, local server:")
    print(f"  no delay between requests: {fast:.2f} s (median of 5)")
    print(f"  default 1 s delay (one host for all): {polite:.2f} s")


if __name__ == "__main__":
    main_bench()
