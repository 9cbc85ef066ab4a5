"""The command line explains itself: help with examples and exit codes, no silent overwrite,
a file of the wrong kind named as such."""

from __future__ import annotations

import argparse

import openpyxl
import pytest

from diversity_review import cli
from helpers import SAMPLE_REVIEW, SAMPLE_SURVEY

COMMANDS = ("report", "validate", "template", "members", "translations")


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_has_a_description_examples_and_exit_codes(command, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main([command, "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    assert "examples:" in text and f"diversity-review {command} " in text
    assert "exit codes:" in text and "  2 " in text
    usage_end = text.index("\n\n")
    assert text[usage_end:].strip().split("\n")[0] != "options:", "no description"


def test_every_option_has_help_text():
    for name, sub in _subparsers().items():
        for action in sub._actions:
            assert action.help, f"{name} {action.option_strings or action.dest}"


def test_top_level_help_lists_examples_and_exit_codes(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "exit codes:" in text


def test_template_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "review_2027.xlsx"
    path.write_bytes(b"the officer's own workbook")
    assert cli.main(["template", "--election", "2027", "--out", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "review_2027.xlsx" in err and "--force" in err
    assert path.read_bytes() == b"the officer's own workbook"

    assert cli.main(["template", "--election", "2027", "--out", str(path), "--force"]) == 0
    assert openpyxl.load_workbook(path).sheetnames[0] == "Councillors 2027"


def test_a_new_template_needs_no_force(tmp_path):
    path = tmp_path / "new.xlsx"
    assert cli.main(["template", "--election", "2027", "--out", str(path)]) == 0
    assert path.is_file()


@pytest.mark.parametrize(
    ("option", "path", "right"),
    [("--review", SAMPLE_SURVEY, "--survey"), ("--survey", SAMPLE_REVIEW, "--review")],
)
def test_a_file_of_the_wrong_kind_is_named_as_such(tmp_path, capsys, option, path, right):
    out = tmp_path / "pack"
    code = cli.main(["report", option, str(path), "--out", str(out), "--lang", "en", "--quiet"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert path.name in err and f"give it with {right}" in err
    assert "columns=" not in err and "(" not in err  # no Python to type
    assert not out.exists()


def test_write_template_keeps_an_existing_file_unless_asked(tmp_path):
    from diversity_review import write_template

    path = tmp_path / "mine.xlsx"
    path.write_bytes(b"mine")
    with pytest.raises(ValueError, match="mine.xlsx") as info:
        write_template(path, election=2027)
    assert info.value.codes == ["file-exists"] and path.read_bytes() == b"mine"
    write_template(path, election=2027, overwrite=True)
    assert openpyxl.load_workbook(path).sheetnames[0] == "Councillors 2027"


@pytest.mark.parametrize(
    ("given", "wanted"),
    [(["--lang", "en", "--lang", "cy"], ["en", "cy"]), (["--lang", "cy,en"], ["cy", "en"])],
)
def test_lang_repeated_or_comma_separated_builds_every_language(
    tmp_path, monkeypatch, given, wanted
):
    import diversity_review.pack as pack

    seen = {}

    def build(**kwargs):
        seen.update(kwargs)
        raise SystemExit(0)  # the languages are all this test needs

    monkeypatch.setattr(pack, "build_pack", build)
    with pytest.raises(SystemExit):
        cli.main(["report", "--review", str(SAMPLE_REVIEW), "--out", str(tmp_path / "p"), *given])
    assert seen["langs"] == wanted
