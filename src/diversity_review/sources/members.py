"""The ``diversity-review members`` command: rosters rebuilt from councils' Modern.Gov records.

``diversity-review members --council NAME [--url URL | --xml FILE] [--lang en|cy|both]
--out FILE`` (or ``--all`` for every council whose host the registry knows) fetches each
council's members by ward, reads their posts into roles and writes the roster workbook
officers complete. One line per council on stdout; a council that fails gets one line on
stderr (no traceback), the others are still written, and the exit code is 2.

The command line (:mod:`diversity_review.cli`) adds it with :func:`add_members_parser`; the
libraries the command needs are imported only when it runs, so ``diversity-review --help``
stays quick.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DataError, Problem

__all__ = ["add_members_parser", "run_members", "EXIT_OK", "EXIT_FAILED"]

EXIT_OK, EXIT_FAILED = 0, 2


def add_members_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``members`` command to an ``argparse`` sub-parser set; returns its parser."""
    p = subparsers.add_parser(
        "members",
        help="rebuild councillor rosters from councils' Modern.Gov records",
        description="Fetch each council's members by ward from its Modern.Gov web service and "
        "write the roster workbook officers complete (it holds names: keep it in data/raw).",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--council", help="council name or ONS code")
    which.add_argument(
        "--all", action="store_true", help="every council whose Modern.Gov host is known"
    )
    source = p.add_mutually_exclusive_group()
    source.add_argument(
        "--url",
        help="the installation's host or web-service address (with --all, {host} in it "
        "stands for each council's registered host)",
    )
    source.add_argument("--xml", type=Path, help="a saved GetCouncillorsByWard reply")
    p.add_argument(
        "--lang",
        choices=["en", "cy", "both"],
        default="en",
        help="language of the members' records to fetch (default en)",
    )
    p.add_argument("--election", type=int, default=2022, help="election year (default 2022)")
    p.add_argument("--out", type=Path, required=True, help="roster workbook to write (.xlsx)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds (default 20)")
    p.add_argument("--retries", type=int, default=3, help="retries after a failure (default 3)")
    p.add_argument(
        "--delay", type=float, default=1.0, help="seconds between requests to a host (default 1)"
    )
    p.set_defaults(func=run_members)
    return p


def _targets(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(ONS code, address or None for the registry's host) of each council to fetch."""
    from ..councils import moderngov_hosts, resolve_council

    if not args.all:
        return [(resolve_council(args.council), args.url)]
    if args.xml is not None:
        raise DataError(Problem("--all fetches from the network: it cannot read --xml"))
    if args.url is not None and "{host}" not in args.url:
        raise DataError(Problem("with --all, --url must hold {host} (each council's host)"))
    hosts = moderngov_hosts().dropna(subset=["moderngov_host"])
    return [
        (code, args.url.replace("{host}", host) if args.url else host)
        for code, host in zip(hosts["council_code"], hosts["moderngov_host"], strict=True)
    ]


def _one_line(exc: Exception) -> str:
    lines = exc.lines() if isinstance(exc, DataError) else [str(exc)]
    more = f" (and {len(lines) - 1} more problems)" if len(lines) > 1 else ""
    return lines[0] + more


def _summary(roster) -> str:
    wards = roster["ward"].nunique()
    executive = int(roster["executive"].fillna(False).sum())
    leaders = int(roster["leader"].fillna(False).sum())
    shares = roster.loc[roster["job_share"], "portfolio"].nunique()
    return (
        f"{len(roster)} councillors in {wards} wards; {leaders} leader, {executive} executive "
        f"members, {shares} job-share portfolios"
    )


def run_members(args: argparse.Namespace) -> int:
    """Run the ``members`` command; returns the exit code (2 if any council failed)."""
    import pandas as pd

    from ..councils import council_name
    from .http import Client, Policy
    from .moderngov import fetch_roster
    from .workbook import write_roster_workbook

    try:
        targets = _targets(args)
    except DataError as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    client = Client(Policy(timeout=args.timeout, retries=args.retries, delay=args.delay))
    rosters, failed = [], 0
    for code, where in targets:
        try:
            roster = fetch_roster(
                code,
                where=where,
                xml=args.xml,
                lang=args.lang,
                election=args.election,
                client=client,
            )
        except (DataError, ValueError) as exc:
            print(f"error: {council_name(code)}: {_one_line(exc)}", file=sys.stderr)
            failed += 1
            continue
        rosters.append(roster)
        print(f"{council_name(code)}: {_summary(roster)}")
    if not rosters:
        return EXIT_FAILED
    roster = pd.concat(rosters, ignore_index=True)
    try:
        path = write_roster_workbook(roster, args.out, lang="cy" if args.lang == "cy" else "en")
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {path} ({len(rosters)} councils, {len(roster)} councillors)")
    return EXIT_FAILED if failed else EXIT_OK
