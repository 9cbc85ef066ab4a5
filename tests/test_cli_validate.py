"""`diversity-review validate FILE`: one line per problem, exit 2, no traceback; 0 when clean."""

from __future__ import annotations

from pathlib import Path

from diversity_review.cli import main
from helpers import write_book
from test_review_layouts import HEADER

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw" / "wlga_review_synthetic.xlsx"


def test_clean_sample_exits_0_and_prints_the_row_account(capsys):
    assert main(["validate", str(SAMPLE)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == (
        "ok (review): wlga_review_synthetic.xlsx: 48 rows read = 44 kept + 4 excluded "
        "(1 blank, 2 footnote, 1 total)"
    )
    assert "  excluded sheet 'Councillors 2022', row 30: total" in lines
    assert sum(line.endswith(": footnote") for line in lines) == 2
    assert "Traceback" not in out + err


def test_bad_file_exits_2_with_every_problem(tmp_path, capsys):
    rows = [HEADER, ["Cardif", 79, 31, 48], ["Newport", 51, -2, 31]]
    path = write_book(tmp_path / "bad.xlsx", {"2022": rows})
    assert main(["validate", "--kind", "review", str(path)]) == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("error: bad.xlsx, sheet '2022', cell A2: unknown council 'Cardif'")
    assert lines[1] == "error: bad.xlsx, sheet '2022', cell C3: Female: negative count -2"
    assert out == ""
    assert "Traceback" not in err


def test_mislabelled_file_exits_2(tmp_path, capsys):
    path = tmp_path / "review.xlsx"
    path.write_bytes(b"Council,Seats,Female\nCardiff,79,31\n")
    assert main(["validate", "--kind", "review", str(path)]) == 2
    _, err = capsys.readouterr()
    assert err.startswith("error: review.xlsx: named .xlsx but is a text (CSV) file")
    assert "Traceback" not in err


def test_one_bad_file_among_good_ones(tmp_path, capsys):
    good = write_book(tmp_path / "good.xlsx", {"2022": [HEADER, ["Cardiff", 79, 31, 48]]})
    bad = write_book(tmp_path / "none.xlsx", {"Notes": [["Nothing here"]]})
    assert main(["validate", "--kind", "review", str(good), str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("ok (review): good.xlsx: 1 rows read = 1 kept + 0 excluded")
    assert err.startswith("error: none.xlsx, sheet 'Notes': no council table")


def test_warnings_are_one_line_each(tmp_path, capsys):
    rows = [["Council", "Seats", "Female", "Party"], ["Cardiff", 79, 31, "Lab"]]
    path = write_book(tmp_path / "w.xlsx", {"2022": rows})
    assert main(["validate", "--kind", "review", str(path)]) == 0
    _, err = capsys.readouterr()
    assert err.splitlines() == [
        "warning: w.xlsx, sheet '2022': columns not loaded (not recognised; map them to "
        "(measure, group) or 'ignore' with columns= (on the command line: --columns "
        "FILE.toml)): 'Party' (column D)"
    ]
