"""Command line: ``diversity-review report | validate | template | members | translations``.

Thin: it parses arguments, calls the library and turns the package's errors into one line
each on stderr with exit code 2 (no traceback). Works the same on Windows without make.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from .cli_help import parser_text
from .errors import DataError, DataWarning, NoTableError
from .sources.members import add_members_parser

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _project_root() -> Path:
    """The folder holding ``data/raw`` (the current folder, or the source checkout)."""
    here = Path.cwd()
    if (here / "data" / "raw").is_dir():
        return here
    return Path(__file__).resolve().parents[2]


def _loader_options(args: argparse.Namespace) -> dict[str, dict[str, object]]:
    """Each loader's keyword arguments from ``--columns``, ``--questions`` and ``--election``."""
    from .load.mapping_file import read_columns, read_questions

    review: dict[str, object] = {}
    survey: dict[str, object] = {}
    roster: dict[str, object] = {}
    if getattr(args, "columns", None) is not None:
        review["columns"] = read_columns(args.columns)
    if getattr(args, "questions", None) is not None:
        survey["questions"] = read_questions(args.questions)
    if getattr(args, "election", None) is not None:
        review["election"] = roster["election"] = args.election
    if getattr(args, "survey_year", None) is not None:
        survey["survey_year"] = args.survey_year
    return {"review": review, "survey": survey, "roster": roster}


def _load_as(kind: str, path: Path, options: dict[str, object]):
    """One file through the loader of its kind (and only that one)."""
    if kind == "review":
        from .load.review import load_review

        return load_review(path, **options)
    if kind == "survey":
        from .load.survey import load_survey

        return load_survey(path, **options)
    from .load.roster import load_roster

    return load_roster(path, **options)


def _choose_kind(path: Path, given: str) -> tuple[str, str]:
    """The kind to read a file as, and why: ``--kind``, else told by its content (a file of
    no clear kind is a DataError naming what it looked like)."""
    if given != "auto":
        return given, f"--kind {given} given"
    from .errors import Problem, display_name
    from .load.kind import file_kind

    verdict = file_kind(path)
    if verdict.kind == "unknown":
        raise DataError(
            Problem(
                verdict.describe() + "; pass --kind review, --kind survey or --kind roster",
                display_name(path),
                code="unknown-kind",
            )
        )
    return verdict.kind, "; ".join(verdict.reasons)


def _validate_one(path: Path, args: argparse.Namespace, options) -> int:
    from .errors import row_account

    try:
        kind, why = _choose_kind(path, args.kind)
    except (DataError, OSError, MemoryError) as exc:
        return _print_errors(exc, path)
    try:
        frame = _load_as(kind, path, options[kind])
    except (DataError, OSError, MemoryError) as exc:  # reported; the next file is checked
        if args.kind == "auto" and isinstance(exc, DataError) and not READER_CODES & {*exc.codes}:
            print(f"note: {path.name} read as a {kind} ({why})", file=sys.stderr)
        return _print_errors(exc, path)
    print(f"ok ({kind}): {row_account(frame)}")
    print(f"  read as a {kind}: {why}")
    for exclusion in row_account(frame).excluded:
        print(f"  excluded {exclusion.location}: {exclusion.reason}")
    return EXIT_OK


#: problems of the file itself (not of its content): no note of the kind it was read as
READER_CODES = {
    "file-not-found", "not-a-file", "cannot-open", "too-large", "xml-refused", "out-of-memory",
    "damaged-file", "empty-file",
}  # fmt: skip


def _print_errors(exc: BaseException, path: Path | None = None) -> int:
    for line in error_lines(exc, path):
        print(f"error: {line}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _cmd_validate(args: argparse.Namespace) -> int:
    options = _loader_options(args)
    results = [_validate_one(path, args, options) for path in args.files]
    return max(results, default=EXIT_OK)


def _add_mapping_options(parser: argparse.ArgumentParser) -> None:
    """``--columns``, ``--questions`` and ``--election``: the loaders' mappings without Python."""
    parser.add_argument(
        "--columns",
        type=Path,
        metavar="FILE.toml",
        help='review headers -> roles, as columns= does (e.g. "Area code" = "council")',
    )
    parser.add_argument(
        "--questions",
        type=Path,
        metavar="FILE.toml",
        help='survey headers -> measures, as questions= does ("ignore" leaves one out)',
    )
    parser.add_argument("--election", type=int, metavar="YEAR", help="the election to load")
    parser.add_argument(
        "--survey-year", type=int, metavar="YEAR", help="the survey's year, as survey_year= does"
    )


#: each kind of file, as a message names it, and the option that takes it
KIND_OPTIONS = {
    "review": ("a review workbook", "--review"),
    "survey": ("a member survey export", "--survey"),
    "roster": ("a councillor roster", "--roster"),
}


def _wrong_kind(given: Sequence[tuple[str, Sequence[Path]]]) -> str | None:
    """The first file given as the wrong kind (told by the kind classifier from its
    content), in one line naming what it is and the option that takes it."""
    from .load.kind import file_kind

    for expected, paths in given:
        for path in paths:
            try:
                kind = file_kind(path).kind
            except (DataError, OSError):
                continue
            if kind in KIND_OPTIONS and kind != expected:
                what, option = KIND_OPTIONS[kind]
                return (
                    f"{path.name}: {what}, not {KIND_OPTIONS[expected][0]}: give it with {option}"
                )
    return None


def _cmd_report(args: argparse.Namespace) -> int:
    if not (args.review or args.roster or args.survey):
        print(
            "error: name the inputs: --review FILE (or --roster FILE) and optionally --survey "
            "FILE, --candidates FILE; `make report` builds the pack of the bundled samples",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    reviews, surveys = args.review or [], args.survey or []
    try:
        return _report(args, reviews, surveys)
    except NoTableError:
        given = [("review", reviews), ("survey", surveys), ("roster", args.roster)]
        wrong = _wrong_kind(given)
        if wrong is None:
            raise
        print(f"error: {wrong}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _report(args: argparse.Namespace, reviews: list[Path], surveys: list[Path]) -> int:
    from .pack import build_pack

    out = args.out or _project_root() / "data" / "processed"
    given = [x.strip() for arg in args.lang or () for x in arg.split(",") if x.strip()]
    langs = list(dict.fromkeys(given)) or None
    summary = build_pack(
        reviews=reviews,
        surveys=surveys,
        candidates=args.candidates,
        rosters=args.roster,
        out=out,
        langs=langs,
        threshold=args.threshold,
        config=args.config,
        progress=not args.quiet,
        jobs=args.jobs,
        force=args.force,
        loader_options=_loader_options(args),
    )
    print(summary)
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from .template import write_template

    path = write_template(args.out, election=args.election, overwrite=args.force)
    print(f"wrote {path}")
    return EXIT_OK


def _cmd_translations(args: argparse.Namespace) -> int:
    from .i18n import fuzzy_entries

    entries = fuzzy_entries(args.lang)
    for msgid, msgstr in entries:
        print(f"{msgid}\t{msgstr}")
    print(
        f"{len(entries)} draft ({args.lang}) entries await review by a Welsh speaker",
        file=sys.stderr,
    )
    return EXIT_OK


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked for."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from .version import package_version

        print(f"{parser.prog} {package_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diversity-review", **parser_text("diversity-review"))
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", required=True)

    rep = sub.add_parser("report", **parser_text("report"))
    rep.add_argument(
        "--review",
        type=Path,
        action="append",
        help="review workbook (repeatable)",
    )
    rep.add_argument(
        "--survey",
        type=Path,
        action="append",
        help="member survey export (repeatable)",
    )
    rep.add_argument(
        "--roster",
        type=Path,
        action="append",
        default=[],
        help="councillor roster workbook (repeatable): counted as the review of its councils",
    )
    rep.add_argument(
        "--candidates",
        type=Path,
        action="append",
        default=[],
        help="Democracy Club candidacy CSV (repeatable): adds who stood and who was elected",
    )
    rep.add_argument("--out", type=Path, help="output folder (default data/processed)")
    rep.add_argument(
        "--lang",
        action="append",
        help="languages, comma-separated or repeated (default en,cy)",
    )
    rep.add_argument("--threshold", type=int, help="suppress counts below this (default 5)")
    rep.add_argument("--config", type=Path, help="TOML file of further parameters")
    rep.add_argument("--quiet", action="store_true", help="no progress bar")
    rep.add_argument(
        "--jobs", type=int, help="processes drawing the charts (default: one per core)"
    )
    rep.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty folder that holds no pack (its files are kept)",
    )
    _add_mapping_options(rep)
    rep.set_defaults(func=_cmd_report)

    val = sub.add_parser("validate", **parser_text("validate"))
    val.add_argument("files", type=Path, nargs="+", help="review workbooks or survey exports")
    val.add_argument(
        "--kind",
        choices=["auto", "review", "survey", "roster"],
        default="auto",
        help="read every file as this kind (default: told from each file's content)",
    )
    _add_mapping_options(val)
    val.set_defaults(func=_cmd_validate)

    tpl = sub.add_parser("template", **parser_text("template"))
    tpl.add_argument(
        "--election", type=int, required=True, help="election year; it names the sheet"
    )
    tpl.add_argument("--out", type=Path, required=True, help="workbook to write (.xlsx)")
    tpl.add_argument("--force", action="store_true", help="replace the file if it exists")
    tpl.set_defaults(func=_cmd_template)

    members = add_members_parser(sub)
    members.epilog = parser_text("members")["epilog"]
    members.formatter_class = argparse.RawDescriptionHelpFormatter

    tr = sub.add_parser("translations", **parser_text("translations"))
    tr.add_argument("--lang", default="cy", help="the catalogue's language (default cy)")
    tr.set_defaults(func=_cmd_translations)
    return parser


def error_lines(exc: BaseException, path: Path | None = None) -> list[str]:
    """The one line per problem the command prints: the package's own problems as they are;
    a system or memory error in our words, naming the file (never a library's text)."""
    if isinstance(exc, DataError):
        return exc.lines()
    name = Path(path).name if path is not None else None
    if isinstance(exc, MemoryError):
        what = "not enough memory (an input is far larger than a review or survey)"
    elif isinstance(exc, OSError):
        name = name or (Path(exc.filename).name if exc.filename else None)
        what = f"cannot read or write: {exc.strerror or type(exc).__name__}".lower()
    else:
        what = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return [f"{name}: {what}" if name else what]


def _one_line_warning(message, category, filename, lineno, file=None, line=None):
    label = "warning" if issubclass(category, DataWarning) else category.__name__
    print(f"{label}: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``diversity-review`` command; returns the exit code."""
    args = build_parser().parse_args(argv)
    previous = warnings.showwarning
    warnings.showwarning = _one_line_warning
    try:
        return args.func(args)
    except (DataError, OSError, ValueError, MemoryError) as exc:
        for line in error_lines(exc):
            print(f"error: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        warnings.showwarning = previous


if __name__ == "__main__":
    sys.exit(main())
