"""The output folder is the user's: which files the pack owns, and switching packs safely.

The pack owns exactly the files its ``manifest.json`` names, and the manifest. Everything else
in the folder is the user's and is never removed or overwritten. A new pack is built in a
sibling folder and switched in whole (see :func:`.files.atomic_folder`, which uses these).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import DataError, Problem

__all__ = [
    "owned_files",
    "check_out",
    "check_out_folder",
    "check_inputs_outside",
    "carry_user_files",
    "new_sibling",
    "pack_lock",
    "remove",
    "remove_litter",
    "switch",
]

MANIFEST = "manifest.json"
#: seconds after which a lock whose process cannot be checked (Windows) counts as stale
STALE_LOCK_SECONDS = 3600
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
#: folders earlier versions left inside the pack folder when killed (mkdtemp names)
_OLD_LITTER = re.compile(r"^\.(pack|old)-[a-z0-9_]{8}$")


def _refuse(message: str, out: Path, code: str) -> DataError:
    return DataError(Problem(message, out.name or str(out), code=code))


def owned_files(folder: Path) -> set[str] | None:
    """The files (relative, ``/``-separated) a pack of ours in ``folder`` owns; None when the
    folder holds no manifest of ours."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("outputs"), list):
        return None
    files = {o["file"] for o in manifest["outputs"] if isinstance(o, dict) and "file" in o}
    return files | {MANIFEST}


def check_out_folder(out: Path, *, force: bool) -> None:
    """Refuse a file as the folder, and a non-empty folder of someone else's unless ``force``."""
    if out.exists() and not out.is_dir():
        raise _refuse("is a file, not a folder: give a folder for the pack", out, "out-not-folder")
    if not out.is_dir() or owned_files(out) is not None or force:
        return
    theirs = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    if theirs:
        raise _refuse(
            f"the folder holds files that are not a pack of this package ({theirs[0]} ...): "
            "choose an empty folder, or add --force to add the pack beside them (they are kept)",
            out,
            "out-not-ours",
        )


def check_out(out: Path, inputs: Sequence[Path], *, force: bool) -> Path:
    """``out`` when it may take the pack (:func:`check_inputs_outside`,
    :func:`check_out_folder`)."""
    check_inputs_outside(out, inputs)
    check_out_folder(out.absolute(), force=force)
    return out


def check_inputs_outside(out: Path, inputs: Sequence[Path]) -> None:
    """Refuse an output folder that is, or holds, an input's folder."""
    out = Path(out).resolve()
    for path in inputs:
        folder = Path(path).resolve().parent
        if folder == out or out in folder.parents:
            raise DataError(
                Problem(
                    f"the output folder {out.name} holds this input: choose another --out "
                    "(inputs are never written to)",
                    Path(path).name,
                    code="out-holds-input",
                )
            )


def carry_user_files(out: Path, new: Path) -> None:
    """Link every file of ``out`` the old pack does not own into ``new`` (same place), so the
    switch keeps it; refuse when the new pack would write over one."""
    if not out.is_dir():
        return
    owned = owned_files(out) or set()
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if rel in owned or _OLD_LITTER.match(rel.split("/")[0]):
            continue
        if path.is_dir() and not path.is_symlink():
            (new / rel).mkdir(parents=True, exist_ok=True)  # a folder of the user's, kept
            continue
        target = new / rel
        if target.exists() or target.is_symlink():
            raise _refuse(
                f"the pack would overwrite {rel}, which this package did not write: move it "
                "or choose another folder",
                out,
                "out-user-file",
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        _link(path, target)


def _link(path: Path, target: Path) -> None:
    if path.is_symlink():
        os.symlink(os.readlink(path), target)
        return
    try:
        os.link(path, target)  # the same file: nothing is copied, nothing can be lost
    except OSError:
        shutil.copy2(path, target)


def _prefix(out: Path) -> str:
    return f".{out.name}.pack-"


def new_sibling(out: Path, kind: str) -> Path:
    """An empty folder beside ``out`` named ``.<name>.pack-<kind>-*``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{_prefix(out)}{kind}-", dir=out.parent))


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def remove_litter(out: Path) -> None:
    """What killed runs left: a pack moved aside and not put back is put back; other build
    folders beside ``out`` (and inside it, from earlier versions) are removed."""
    siblings = sorted(out.parent.glob(_prefix(out) + "*"))
    old = [p for p in siblings if p.name.startswith(_prefix(out) + "old-") and p.is_dir()]
    if not out.exists() and old:
        os.rename(old[-1], out)
    for path in siblings:
        if path.is_dir() and path.exists():
            remove(path)
    if out.is_dir():
        for path in out.iterdir():
            if _OLD_LITTER.match(path.name) and path.is_dir():
                remove(path)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directory entries atomically (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def switch(new: Path, out: Path) -> None:
    """Put the complete pack in ``new`` at ``out`` in one step, then remove the old one."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        remove(new)  # now the old pack (the user's files live on in ``out`` as links)
        return
    aside = new_sibling(out, "old")
    os.rmdir(aside)
    os.rename(out, aside)  # out absent until the next line; the next run puts it back
    os.rename(new, out)
    remove(aside)


@contextlib.contextmanager
def pack_lock(out: Path) -> Iterator[None]:
    """One run at a time on a folder: a lock file ``.<name>.pack-lock`` beside it holding the
    process id; a lock left by a process that is gone is taken over."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = out.parent / f".{out.name}.pack-lock"
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            if not _stale(lock):
                raise _refuse(
                    f"another report is writing this folder (lock {lock.name}); wait for it to "
                    "finish, or remove the lock if no report is running",
                    out,
                    "out-locked",
                ) from None
            lock.unlink(missing_ok=True)
    else:
        raise _refuse(f"cannot take the lock {lock.name}", out, "out-locked")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(str(os.getpid()))
    try:
        remove_litter(out)
        yield
    finally:
        lock.unlink(missing_ok=True)


def _stale(lock: Path) -> bool:
    try:
        pid = int(lock.read_text(encoding="utf-8").strip() or 0)
        age = time.time() - lock.stat().st_mtime
    except (OSError, ValueError):
        return True
    if os.name != "posix":
        return age > STALE_LOCK_SECONDS
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return pid <= 0
