"""The ``files`` table: every path an ingest has seen and what became of it.

A :class:`Book` is kept for one run: it remembers what the table said before
(so an unchanged file — same device, inode, size, mtime and ctime — is not even
hashed), collects a row per path seen, and at the end of the run

* gives each content one primary path (``documents.path``): the path it had if
  that path still holds it, else the first path in the listing's order, so the
  stored path never flips between identical copies;
* marks the other paths with the same bytes ``duplicate`` (``duplicate_of``);
* marks paths under the walked folders that were not seen this time ``gone``;
* writes every row in one statement.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

DUPLICATE = "duplicate"
GONE = "gone"
MSG_DUPLICATE = "Cùng nội dung (cùng mã băm) với tệp {primary}: nội dung chỉ được lưu một lần, trong documents."
MSG_GONE = "Không còn thấy tệp ở đường dẫn này trong lần chạy gần nhất (đã bị xóa hoặc di chuyển)."

COLUMNS = ["path", "doc_id", "kind", "status", "reason", "duplicate_of", "size_bytes", "mtime", "first_seen",
           "last_seen", "last_run_id", "stat_key"]


@dataclass
class Known:
    doc_id: Optional[str]
    stat_key: Optional[str]


@dataclass
class Seen:
    path: str                              # the stored form
    kind: str
    order: int
    doc_id: Optional[str] = None
    status: Optional[str] = None           # None: the content's documents.status
    reason: Optional[str] = None
    note: Optional[str] = None             # said of the path whatever the status (odd name)
    size: Optional[int] = None
    mtime: Optional[dt.datetime] = None
    stat_key: Optional[str] = None
    duplicate_of: Optional[str] = None


@dataclass
class Book:
    con: object
    run_id: str
    before: dict[str, Known] = field(default_factory=dict)
    rows: dict[str, Seen] = field(default_factory=dict)
    moved: bool = False                    # a content's primary path changed (documents.path)

    @classmethod
    def open(cls, con, run_id: str) -> "Book":
        b = cls(con, run_id)
        for path, doc_id, key in con.execute("SELECT path, doc_id, stat_key FROM files").fetchall():
            b.before[path] = Known(doc_id, key)
        return b

    def unchanged(self, path: str, stat_key: Optional[str]) -> Optional[str]:
        """The doc_id last read from ``path`` when the file has not changed since."""
        k = self.before.get(path)
        return k.doc_id if k is not None and stat_key and k.stat_key == stat_key else None

    def see(self, entry, *, doc_id: Optional[str] = None, status: Optional[str] = None,
            reason: Optional[str] = None, hashed: bool = True) -> Seen:
        from pipeline.inbox import MSG_ODD_NAME

        st = entry.st
        row = Seen(entry.shown, entry.kind, len(self.rows), doc_id, status, reason,
                   note=MSG_ODD_NAME if entry.odd_name else None,
                   size=st.st_size if st is not None else None,
                   mtime=dt.datetime.fromtimestamp(st.st_mtime) if st is not None else None,
                   stat_key=entry.stat_key if hashed else None)
        self.rows[row.path] = row
        return row

    # -- the end of a run -------------------------------------------------------
    def finish(self, roots: list[str], blind: list[str], complete: bool = True) -> None:
        """Settle primary paths and duplicates, write every row; ``complete`` runs also mark
        what has gone from the walked folders."""
        self._settle()
        self._write()
        if complete:
            self._gone(roots, blind)

    def _settle(self) -> None:
        by_doc: dict[str, list[Seen]] = {}
        for r in sorted(self.rows.values(), key=lambda r: r.order):
            if r.doc_id and r.status in (None, DUPLICATE):
                by_doc.setdefault(r.doc_id, []).append(r)
        if not by_doc:
            return
        docs = {d: (p, s, e) for d, p, s, e in self.con.execute(
            "SELECT doc_id, path, status, error FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [list(by_doc)]).fetchall()}
        moves = []
        for doc_id, rows in by_doc.items():
            if doc_id not in docs:
                continue
            path, status, error = docs[doc_id]
            primary = next((r for r in rows if r.path == path), rows[0])
            if primary.path != path:
                moves.append((primary.path, doc_id))
            for r in rows:
                if r is primary:
                    r.status, r.reason = status, error
                else:
                    r.status, r.reason = DUPLICATE, MSG_DUPLICATE.format(primary=primary.path)
                    r.duplicate_of = primary.path
        if moves:
            self.con.executemany("UPDATE documents SET path = ? WHERE doc_id = ?", [list(m) for m in moves])
            self.moved = True

    def _frame(self):
        import pandas as pd

        now = dt.datetime.now()
        recs = []
        for r in self.rows.values():
            reason = r.reason if not r.note else (f"{r.reason} {r.note}" if r.reason else r.note)
            recs.append([r.path, r.doc_id, r.kind, r.status, reason, r.duplicate_of, r.size, r.mtime,
                         now, now, self.run_id, r.stat_key])
        df = pd.DataFrame(recs, columns=COLUMNS)
        return df.astype({"size_bytes": "Int64"})

    def _write(self) -> None:
        if not self.rows:
            return
        df = self._frame()
        self.con.register("_tdkt_new_files", df)
        try:
            updates = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c not in ("path", "first_seen"))
            self.con.execute(f"INSERT INTO files SELECT {', '.join(COLUMNS)} FROM _tdkt_new_files "
                             f"ON CONFLICT (path) DO UPDATE SET {updates}")
        finally:
            self.con.unregister("_tdkt_new_files")

    def _gone(self, roots: list[str], blind: list[str]) -> None:
        from pipeline.inbox import shown

        under_blind = "".join(" AND NOT starts_with(path, ?)" for _ in blind)
        for root in roots:
            self.con.execute(
                "UPDATE files SET status = ?, reason = ? WHERE starts_with(path, ?) "
                "AND last_run_id IS DISTINCT FROM ? AND status IS DISTINCT FROM ?" + under_blind,
                [GONE, MSG_GONE, shown(root).rstrip("/") + "/", self.run_id, GONE,
                 *[shown(b).rstrip("/") + "/" for b in blind]])
