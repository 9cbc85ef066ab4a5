"""The output folder is the user's (issue 12): only the pack's own files are replaced, a
folder of someone else's is refused, a run killed at any point leaves a complete pack, a
second run at the same time is refused."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from diversity_review.errors import DataError
from diversity_review.pack import build_pack
from diversity_review.pack import folder as pack_folder
from diversity_review.pack.files import atomic_folder, sha256
from helpers import write_book

posix = pytest.mark.skipif(os.name != "posix", reason="kills a forked process")

USER = {"my notes.txt": "mine", "en/my draft.txt": "draft", "keep/deep.txt": "deep"}


def _write_pack(tmp: Path, version: str, step=lambda: None) -> None:
    """A pack of four entries (en/, cy/, index.html, manifest.json) all saying ``version``."""
    files = ["en/index.html", "en/tables/a.csv", "cy/index.html", "index.html"]
    for rel in files:
        step()
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_text(version, encoding="utf-8")
    step()
    outputs = [{"file": f, "sha256": sha256(tmp / f)} for f in files]
    (tmp / "manifest.json").write_text(json.dumps({"outputs": outputs}), encoding="utf-8")


def _pack_version(out: Path) -> str:
    """The version a folder's pack is, checking it is complete and matches its manifest."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    versions = set()
    for entry in manifest["outputs"]:
        path = out / entry["file"]
        assert sha256(path) == entry["sha256"], entry["file"]
        versions.add(path.read_text(encoding="utf-8"))
    assert len(manifest["outputs"]) == 4
    (version,) = versions
    return version


def _user_files_survive(out: Path) -> None:
    for rel, text in USER.items():
        assert (out / rel).read_text(encoding="utf-8") == text, rel


def _old_pack_with_user_files(out: Path) -> None:
    with atomic_folder(out) as tmp:
        _write_pack(tmp, "old")
    for rel, text in USER.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")


def _crash_at(n: int, out: Path, build=None) -> int:
    """Run a pack switch (or ``build(out)``) in a forked child that dies (``os._exit``) at its
    n-th file-system step; the child's exit status (0: it finished before step n)."""
    pid = os.fork()
    if pid == 0:  # the child: count every write, rename, link, removal and the exchange
        import builtins
        import io

        count = [0]

        def step():
            count[0] += 1
            if count[0] == n:
                os._exit(9)

        def counted(fn):
            def wrapper(*args, **kwargs):
                step()
                return fn(*args, **kwargs)

            return wrapper

        for name in ("rename", "replace", "link", "symlink", "unlink", "rmdir", "mkdir", "open"):
            setattr(os, name, counted(getattr(os, name)))
        pack_folder._exchange = counted(pack_folder._exchange)
        builtins.open = io.open = counted(io.open)
        try:
            if build is not None:
                build(out)
            else:
                with atomic_folder(out) as tmp:
                    _write_pack(tmp, "new", step)
        finally:
            os._exit(0)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@posix
def test_killed_at_every_step_the_folder_holds_a_complete_pack(tmp_path):
    seen = set()
    for n in range(1, 500):
        case = tmp_path / str(n)
        out = case / "pack"
        _old_pack_with_user_files(out)
        status = _crash_at(n, out)
        seen.add(_pack_version(out))  # complete, old or new, whatever the moment
        _user_files_survive(out)
        with atomic_folder(out) as tmp:  # the next run clears the litter and succeeds
            _write_pack(tmp, "next")
        assert _pack_version(out) == "next"
        _user_files_survive(out)
        assert sorted(p.name for p in case.iterdir()) == ["pack"]
        shutil.rmtree(case)
        if status == 0:
            break
    assert n > 20  # many points were tried, including every rename of the switch
    assert seen == {"old", "new"}


def test_a_folder_of_someone_elses_is_refused_unless_forced(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "budget.xlsx").write_text("theirs", encoding="utf-8")
    with pytest.raises(DataError) as err, atomic_folder(out) as tmp:
        _write_pack(tmp, "new")
    assert err.value.codes == ["out-not-ours"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    with atomic_folder(out, force=True) as tmp:
        _write_pack(tmp, "new")
    assert _pack_version(out) == "new"
    assert (out / "budget.xlsx").read_text(encoding="utf-8") == "theirs"


def test_a_user_file_where_the_pack_writes_is_never_overwritten(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("theirs", encoding="utf-8")
    with pytest.raises(DataError) as err, atomic_folder(out, force=True) as tmp:
        _write_pack(tmp, "new")
    assert err.value.codes == ["out-user-file"]
    assert (out / "index.html").read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]


def test_a_second_run_at_the_same_time_is_refused_and_a_stale_lock_taken_over(tmp_path):
    out = tmp_path / "pack"
    with atomic_folder(out) as tmp:
        with pytest.raises(DataError) as err, atomic_folder(out):
            pass
        assert err.value.codes == ["out-locked"]
        _write_pack(tmp, "first")
    assert _pack_version(out) == "first"
    lock = tmp_path / ".pack.pack-lock"
    pid = os.fork() if os.name == "posix" else None
    if pid == 0:
        os._exit(0)
    if pid:
        os.waitpid(pid, 0)  # a process id that is no longer running
        lock.write_text(str(pid), encoding="utf-8")
        with atomic_folder(out) as tmp:
            _write_pack(tmp, "second")
        assert _pack_version(out) == "second"
        assert not lock.exists()


def test_litter_of_earlier_versions_inside_the_folder_is_removed(tmp_path):
    out = tmp_path / "pack"
    with atomic_folder(out) as tmp:
        _write_pack(tmp, "old")
    (out / ".pack-ab12cd34" / "en").mkdir(parents=True)  # an earlier version's killed run
    (out / ".pack-notes").mkdir()  # not a name that version made: the user's
    with atomic_folder(out) as tmp:
        _write_pack(tmp, "new")
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".pack-notes"]


def test_out_holding_an_input_is_refused_before_anything_is_written(tmp_path):
    rows = [["Council", "Seats", "Female", "Male"], ["Cardiff", 79, 31, 48]]
    (tmp_path / "data").mkdir()
    review = write_book(tmp_path / "data" / "review_2022.xlsx", {"2022": rows})
    for out in (tmp_path / "data", tmp_path):
        with pytest.raises(DataError) as err:
            build_pack(reviews=[review], out=out, langs=["en"], jobs=1)
        assert err.value.codes == ["out-holds-input"]
        assert str(err.value).startswith("review_2022.xlsx: the output folder")
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["review_2022.xlsx"]


@posix
@pytest.mark.slow
def test_report_killed_at_many_points_leaves_a_complete_pack(tmp_path):
    rows = [
        ["Council", "Seats", "Female", "Male"],
        ["Cardiff", 79, 31, 48],
        ["Newport", 51, 20, 31],
    ]
    (tmp_path / "in").mkdir()
    review = write_book(tmp_path / "in" / "review_2022.xlsx", {"2022": rows})

    def build(out):
        build_pack(reviews=[review], out=out, langs=["en"], jobs=1)

    out = tmp_path / "pack"
    build(out)
    (out / "my notes.txt").write_text("mine", encoding="utf-8")
    first = _real_pack(out)
    statuses = []
    for n in range(1, 5000, 23):  # a step in 23: points all through a build of the pack
        statuses.append(_crash_at(n, out, build))
        assert _real_pack(out) == first  # complete and matching its manifest (same inputs)
        assert (out / "my notes.txt").read_text(encoding="utf-8") == "mine"
        if statuses[-1] == 0:
            break
    assert statuses.count(9) > 5 and statuses[-1] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "pack"]


def _real_pack(out: Path) -> dict[str, str]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {o["file"]: o["sha256"] for o in manifest["outputs"]}
    on_disk = {
        p.relative_to(out).as_posix(): sha256(p)
        for p in out.rglob("*")
        if p.is_file() and p.name not in ("manifest.json", "my notes.txt")
    }
    assert listed == on_disk
    return listed
