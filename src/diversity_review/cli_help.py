"""The command line's help: what each command does, examples and exit codes (shown by --help).

Kept apart from :mod:`.cli` so the words can be read and changed without reading the parser.
Each command's :data:`HELP` entry gives ``help`` (its line in ``diversity-review --help``),
``description`` (the top of its own ``--help``) and ``examples``; :func:`parser_text` adds the
exit codes every command shares.
"""

from __future__ import annotations

import argparse
import textwrap

__all__ = ["EXIT_CODES", "HELP", "parser_text"]

EXIT_CODES = """exit codes:
  0    done
  2    bad input or options: one line on stderr names the file, sheet and cell
       (nothing already there is overwritten or deleted)
  130  interrupted (Ctrl+C)"""

HELP: dict[str, dict[str, str]] = {
    "diversity-review": {
        "help": "",
        "description": "Representation statistics and bilingual charts from the WLGA "
        "diversity review, member surveys, councillor rosters and candidacy data.",
        "examples": """examples:
  diversity-review report --review data/raw/review_2022.xlsx --out pack
  diversity-review validate data/raw/review_2022.xlsx
  diversity-review template --election 2027 --out review_2027.xlsx
  diversity-review <command> --help              # each command's options and examples""",
    },
    "report": {
        "help": "regenerate the benchmark pack (pages, charts, tables, workbooks)",
        "description": "Build the published pack: for each language a page, its charts (PNG, "
        "SVG, alt text), every table as CSV and an accessible workbook, and a manifest of "
        "every input and output. Counts below the threshold are suppressed. The pack folder is "
        "replaced only when everything has been written.",
        "examples": """examples:
  diversity-review report --review review_2017.xlsx --review review_2022.xlsx --out pack
  diversity-review report --review review_2022.xlsx --survey survey_2023.xlsx --lang cy
  diversity-review report --roster roster_2022.xlsx --candidates candidates.csv --out pack
  diversity-review report --config pack.toml --threshold 10 --jobs 1""",
    },
    "validate": {
        "help": "check review spreadsheets or survey exports without building anything",
        "description": "Read each file as the pack would and say what was kept and what was "
        "left out, row by row. A file that cannot be read is named with the sheet and cell.",
        "examples": """examples:
  diversity-review validate review_2022.xlsx
  diversity-review validate survey_2023.csv --kind survey
  diversity-review validate data/raw/*.xlsx""",
    },
    "template": {
        "help": "write a blank data-collection workbook for an election",
        "description": "Write the workbook an officer fills in for one election: the 22 "
        "councils with their ONS codes, one column per group, whole-number validation on the "
        "counts and a Notes sheet. An existing file is kept unless --force is given.",
        "examples": """examples:
  diversity-review template --election 2027 --out review_2027.xlsx
  diversity-review template --election 2027 --out review_2027.xlsx --force""",
    },
    "members": {
        "help": "",
        "description": "",
        "examples": """examples:
  diversity-review members --council Cardiff --out roster_cardiff.xlsx
  diversity-review members --all --lang both --out roster_2022.xlsx
  diversity-review members --council W06000015 --xml reply.xml --out roster.xlsx""",
    },
    "translations": {
        "help": "list draft Welsh translations awaiting review",
        "description": "Print each draft (fuzzy) entry of the Welsh catalogue, English and "
        "Welsh separated by a tab, for a Welsh speaker to review in Poedit.",
        "examples": """examples:
  diversity-review translations
  diversity-review translations > drafts.tsv""",
    },
}


def parser_text(command: str) -> dict[str, object]:
    """The keyword arguments giving ``command``'s parser its description, examples and exit
    codes (an empty description is left to the parser)."""
    words = HELP[command]
    out: dict[str, object] = {
        "epilog": f"{words['examples']}\n\n{EXIT_CODES}",
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }
    if words["description"]:
        out["description"] = textwrap.fill(words["description"], 78)
    if words["help"]:
        out["help"] = words["help"]
    return out
