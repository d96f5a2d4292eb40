"""Walking an inbox: every path under it, each with what it is and whether to read it.

:func:`walk` lists the files to read (:class:`Entry` with ``kind == "file"``)
and everything else a person would want accounted for, each with a status and
a Vietnamese reason: folders that cannot be listed, broken or looping symbolic
links, hidden and temporary files left out, FIFOs and devices (which would block
a reader).  Symbolic links to folders are followed, each real folder once.
Paths are absolute (the name as given, links not resolved); a name that is not
valid UTF-8 keeps its bytes as ``\\xNN`` in :attr:`Entry.shown`, the form stored.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
JUNK_SUFFIXES = {".duckdb", ".wal", ".lock", ".tmp", ".part", ".crdownload", ".pyc", ".json", ".py", ".sh",
                 ".prev", ".work", ".jsonl"}

IGNORED = "ignored"
FAILED = "failed"

MSG_HIDDEN = "Tệp hoặc thư mục ẩn (tên bắt đầu bằng dấu chấm): bỏ qua, không đọc."
MSG_JUNK = "Tệp tạm, tệp khóa của Office hoặc tệp của hệ thống/công cụ (không phải báo cáo): bỏ qua, không đọc."
MSG_SPECIAL = "Không phải tệp thông thường (FIFO, socket hoặc thiết bị): bỏ qua, không đọc."
MSG_DIR_DENIED = "Không có quyền đọc thư mục: các tệp bên trong không được liệt kê và không được đọc."
MSG_DIR_ERROR = "Không liệt kê được thư mục ({why}): các tệp bên trong không được đọc."
MSG_BROKEN = "Liên kết tượng trưng trỏ tới '{target}' không tồn tại: không có gì để đọc."
MSG_LOOP = "Liên kết tượng trưng tạo vòng lặp (trỏ về chính nó): không có gì để đọc."
MSG_DIR_AGAIN = "Liên kết tới thư mục đã duyệt ({real}): không duyệt lại (tránh vòng lặp)."
MSG_MISSING = "Không tìm thấy đường dẫn: tệp hoặc thư mục không tồn tại (đã bị xóa hoặc di chuyển?)."
MSG_ODD_NAME = "Tên tệp có byte không phải UTF-8: đường dẫn được ghi với \\xNN thay cho các byte đó."


@dataclass
class Entry:
    path: str                       # absolute, as the OS names it (may hold surrogate escapes)
    shown: str                      # the form stored and printed
    kind: str                       # file, folder, symlink, other
    status: Optional[str] = None    # set for what is not read: ignored, failed
    reason: Optional[str] = None
    st: Optional[os.stat_result] = None
    odd_name: bool = False

    @property
    def stat_key(self) -> Optional[str]:
        """Changes whenever the file may have changed (ctime cannot be set back by a copy tool)."""
        s = self.st
        return None if s is None else f"{s.st_dev}:{s.st_ino}:{s.st_size}:{s.st_mtime_ns}:{s.st_ctime_ns}"


@dataclass
class Listing:
    files: list[Entry] = field(default_factory=list)      # to read, in a stable order
    others: list[Entry] = field(default_factory=list)     # accounted for, not read
    roots: list[str] = field(default_factory=list)        # the folders walked (absolute)
    blind: list[str] = field(default_factory=list)        # folders that could not be listed

    def __iter__(self):
        return iter(self.files)


def shown(path: str) -> str:
    """``path`` as valid UTF-8 text: undecodable bytes as ``\\xNN``."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def _abs(p: str | Path) -> str:
    return os.path.normpath(os.path.abspath(os.fspath(p)))


def _junk(name: str) -> Optional[str]:
    low = name.lower()
    if name.startswith("."):
        return MSG_HIDDEN
    if name.startswith("~$") or low in JUNK_NAMES or os.path.splitext(low)[1] in JUNK_SUFFIXES:
        return MSG_JUNK
    return None


def _entry(path: str, kind: str, **kw) -> Entry:
    s = shown(path)
    return Entry(path, s, kind, odd_name=s != path, **kw)


def _link_problem(path: str) -> Entry:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return _entry(path, "symlink", status=FAILED, reason=MSG_LOOP)
    return _entry(path, "symlink", status=FAILED, reason=MSG_BROKEN.format(target=shown(target)))


class _Walker:
    def __init__(self) -> None:
        self.out = Listing()
        self.seen_files: set[str] = set()
        self.seen_dirs: dict[tuple[int, int], str] = {}

    def add_file(self, path: str, st: os.stat_result) -> None:
        if path in self.seen_files:
            return
        self.seen_files.add(path)
        if not stat.S_ISREG(st.st_mode):
            self.out.others.append(_entry(path, "other", status=IGNORED, reason=MSG_SPECIAL, st=st))
            return
        self.out.files.append(_entry(path, "file", st=st))

    def note(self, e: Entry) -> None:
        if e.path not in self.seen_files:
            self.seen_files.add(e.path)
            self.out.others.append(e)

    def folder(self, path: str, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key in self.seen_dirs:
            self.note(_entry(path, "symlink" if os.path.islink(path) else "folder", status=IGNORED,
                             reason=MSG_DIR_AGAIN.format(real=shown(self.seen_dirs[key]))))
            return
        self.seen_dirs[key] = path
        try:
            with os.scandir(path) as it:
                names = sorted((e.name for e in it), key=lambda n: os.fsencode(n))
        except PermissionError:
            self.out.blind.append(path)
            self.note(_entry(path, "folder", status=FAILED, reason=MSG_DIR_DENIED, st=st))
            return
        except OSError as e:
            self.out.blind.append(path)
            self.note(_entry(path, "folder", status=FAILED, st=st,
                             reason=MSG_DIR_ERROR.format(why=e.strerror or type(e).__name__)))
            return
        for name in names:
            self.child(os.path.join(path, name), name)

    def child(self, path: str, name: str) -> None:
        why = _junk(name)
        try:
            lst = os.lstat(path)
        except OSError:
            return                                   # gone between the listing and now
        if why is not None:
            self.note(_entry(path, "folder" if stat.S_ISDIR(lst.st_mode) else "file", status=IGNORED,
                             reason=why, st=lst))
            return
        try:
            st = os.stat(path)
        except OSError:
            self.note(_link_problem(path) if stat.S_ISLNK(lst.st_mode) else
                      _entry(path, "file", status=FAILED, reason=MSG_MISSING))
            return
        if stat.S_ISDIR(st.st_mode):
            self.folder(path, st)
        else:
            self.add_file(path, st)


def walk(paths: Iterable[str | Path]) -> Listing:
    """Everything under ``paths``; a path given by name is read even when its name looks like junk."""
    w = _Walker()
    for p in paths:
        path = _abs(p)
        try:
            st = os.stat(path)
        except OSError:
            if os.path.islink(path):
                w.note(_link_problem(path))
            else:
                w.out.files.append(_entry(path, "file"))    # given explicitly: it gets a row even when missing
                w.seen_files.add(path)
            continue
        if stat.S_ISDIR(st.st_mode):
            w.out.roots.append(path)
            w.folder(path, st)
        else:
            w.add_file(path, st)
    return w.out
