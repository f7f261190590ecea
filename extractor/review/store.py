"""The review database: documents, page images, every field and every decision, in SQLite.

WAL mode lets several reviewers (several server processes, or threads) read while one writes.
Every field row carries a version; a decision names the version it was made on, and one made
on an older version is refused with :class:`Conflict` rather than overwriting a colleague's.
Decisions are never deleted: each is an audit row (reviewer, time, old -> new, reason), and an
undo is one more.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from extractor.export.json_document import to_json_dict
from extractor.model import Form4
from extractor.review.corrections import AMOUNT, CHECK, DATE, format_value, input_kind, parse_input
from extractor.review.json_form import form_from_json

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents(
    id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, sha256 TEXT, source_kind TEXT,
    input BLOB, result TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages(
    doc_id INTEGER NOT NULL REFERENCES documents(id), number INTEGER NOT NULL,
    png BLOB NOT NULL, width_pt REAL NOT NULL, height_pt REAL NOT NULL,
    PRIMARY KEY(doc_id, number));
CREATE TABLE IF NOT EXISTS fields(
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),
    path TEXT NOT NULL, item INTEGER NOT NULL, seq INTEGER NOT NULL,
    value TEXT, confidence REAL, reason TEXT, raw_text TEXT, page INTEGER, bbox TEXT,
    source TEXT, status TEXT NOT NULL, new_value TEXT, version INTEGER NOT NULL DEFAULT 0,
    UNIQUE(doc_id, path, item));
CREATE TABLE IF NOT EXISTS corrections(
    id INTEGER PRIMARY KEY, field_id INTEGER NOT NULL REFERENCES fields(id),
    doc_id INTEGER NOT NULL, reviewer TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
    old_status TEXT, new_status TEXT, old_raw TEXT, old_value TEXT, new_value TEXT,
    reason TEXT, version INTEGER NOT NULL, undone INTEGER NOT NULL DEFAULT 0);
"""

#: What a field's status may be: untouched and not doubted, doubted and undecided, decided.
OK, OPEN, ACCEPTED, CORRECTED, UNREADABLE = "ok", "open", "accepted", "corrected", "unreadable"
DECIDED = (ACCEPTED, CORRECTED, UNREADABLE)
_ACTIONS = {"accept": ACCEPTED, "correct": CORRECTED, "unreadable": UNREADABLE}


class Conflict(Exception):
    """A decision made on a field someone else has changed since it was loaded."""


def encode(value: object) -> str:
    """A model value as JSON text (a Decimal as a string, to keep its digits)."""
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    if isinstance(value, Decimal):
        return json.dumps(format(value, "f"))
    return json.dumps(value)


def decode(path: str, text: str | None) -> Any:
    """The model value :func:`encode` wrote for the field at ``path``."""
    raw = None if text is None else json.loads(text)
    if raw is None:
        return None
    kind = input_kind(path)
    if kind == DATE:
        return dt.date.fromisoformat(raw)
    if kind == AMOUNT:
        return Decimal(str(raw))
    if kind == CHECK:
        return bool(raw)
    return raw


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One field of a document (``item`` 0), or a doubt about a part of it (``item`` >= 1)."""

    id: int
    doc_id: int
    path: str
    item: int
    seq: int
    value: Any
    confidence: float
    reason: str | None
    raw_text: str | None
    page: int | None
    bbox: tuple[float, float, float, float] | None
    source: str | None
    status: str
    corrected: Any
    version: int

    @property
    def is_field(self) -> bool:
        return self.item == 0

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    @property
    def current(self) -> Any:
        """The value as it stands after the review so far."""
        if self.status == CORRECTED:
            return self.corrected
        return None if self.status == UNREADABLE else self.value


@dataclass(frozen=True, slots=True)
class DocSummary:
    """A document's line in the queue."""

    id: int
    name: str
    source_kind: str
    flagged: int
    open: int
    decided: int
    lowest: float | None
    pages: int


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Store:
    """The review database at ``path`` (created when missing)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # One connection per Store; the server opens one per request, so two reviewers' writes
        # meet in SQLite's locking and the version check, not in a shared connection.
        self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # BEGIN IMMEDIATE takes the write lock first, so the version check and the update
        # cannot interleave with another reviewer's.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- documents ---------------------------------------------------------------------------

    def has_document(self, name: str) -> bool:
        return self._db.execute("SELECT 1 FROM documents WHERE name=?", (name,)).fetchone() \
            is not None

    def add_document(self, name: str, form: Form4, data: bytes | None,
                     pages: list[tuple[bytes, float, float]]) -> int:
        """Keep ``form`` (read from ``data``) and its page images; its fields become rows."""
        result = json.dumps(to_json_dict(form, name), ensure_ascii=False)
        digest = hashlib.sha256(data).hexdigest() if data is not None else None
        with self._write() as db:
            doc_id = db.execute(
                "INSERT INTO documents(name, sha256, source_kind, input, result, added_at) "
                "VALUES (?,?,?,?,?,?)",
                (name, digest, form.source_kind, data, result, _now())).lastrowid
            assert doc_id is not None
            for number, (png, width, height) in enumerate(pages, start=1):
                db.execute("INSERT INTO pages VALUES (?,?,?,?,?)",
                           (doc_id, number, png, width, height))
            rows: list[tuple[Any, ...]] = []
            for seq, (path, field) in enumerate(form.iter_fields()):
                prov = field.provenance
                rows.append((doc_id, path, 0, seq, encode(field.value), field.confidence,
                             field.review_reason, prov.raw_text if prov else None,
                             prov.page if prov else None,
                             json.dumps(prov.bbox) if prov and prov.bbox else None,
                             prov.source if prov else None,
                             OPEN if field.review_reason else OK))
            for number, item in enumerate(form.review, start=1):
                rows.append((doc_id, item.path, number, len(rows), None, None, item.reason,
                             None, None, None, None, OPEN))
            db.executemany(
                "INSERT INTO fields(doc_id, path, item, seq, value, confidence, reason, "
                "raw_text, page, bbox, source, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        return doc_id

    def documents(self) -> list[DocSummary]:
        """The queue: documents with undecided doubts first, the most of them and the lowest
        confidence first; finished documents last."""
        rows = self._db.execute(
            "SELECT d.id, d.name, d.source_kind, "
            " SUM(f.reason IS NOT NULL) AS flagged, SUM(f.status='open') AS open, "
            " SUM(f.status IN ('accepted','corrected','unreadable')) AS decided, "
            " MIN(CASE WHEN f.status='open' AND f.item=0 THEN f.confidence END) AS lowest, "
            " (SELECT COUNT(*) FROM pages p WHERE p.doc_id=d.id) AS pages "
            "FROM documents d LEFT JOIN fields f ON f.doc_id=d.id GROUP BY d.id "
            "ORDER BY open=0, open DESC, COALESCE(lowest, 1), d.name").fetchall()
        return [DocSummary(r["id"], r["name"], r["source_kind"] or "", r["flagged"] or 0,
                           r["open"] or 0, r["decided"] or 0, r["lowest"], r["pages"])
                for r in rows]

    def document(self, doc_id: int) -> sqlite3.Row | None:
        return self._db.execute("SELECT id, name, source_kind, sha256, added_at FROM documents "
                                "WHERE id=?", (doc_id,)).fetchone()

    def form(self, doc_id: int) -> Form4:
        """The form as extracted (before the review)."""
        row = self._db.execute("SELECT result FROM documents WHERE id=?", (doc_id,)).fetchone()
        return form_from_json(json.loads(row["result"]))

    def page_png(self, doc_id: int, number: int) -> bytes | None:
        row = self._db.execute("SELECT png FROM pages WHERE doc_id=? AND number=?",
                               (doc_id, number)).fetchone()
        return None if row is None else bytes(row["png"])

    def page_sizes(self, doc_id: int) -> dict[int, tuple[float, float]]:
        """Each page's width and height in points."""
        return {r["number"]: (r["width_pt"], r["height_pt"]) for r in self._db.execute(
            "SELECT number, width_pt, height_pt FROM pages WHERE doc_id=? ORDER BY number",
            (doc_id,))}

    # -- fields ------------------------------------------------------------------------------

    def _row(self, r: sqlite3.Row) -> FieldRow:
        path = r["path"]
        return FieldRow(r["id"], r["doc_id"], path, r["item"], r["seq"], decode(path, r["value"]),
                        r["confidence"] or 0.0, r["reason"], r["raw_text"], r["page"],
                        tuple(json.loads(r["bbox"])) if r["bbox"] else None, r["source"],
                        r["status"], decode(path, r["new_value"]), r["version"])

    def fields(self, doc_id: int) -> list[FieldRow]:
        """Every field and doubt of a document, in document order."""
        return [self._row(r) for r in self._db.execute(
            "SELECT * FROM fields WHERE doc_id=? ORDER BY seq", (doc_id,))]

    def field(self, field_id: int) -> FieldRow | None:
        row = self._db.execute("SELECT * FROM fields WHERE id=?", (field_id,)).fetchone()
        return None if row is None else self._row(row)

    def _last_change(self, field_id: int) -> str:
        row = self._db.execute("SELECT reviewer, at, action FROM corrections WHERE field_id=? "
                               "ORDER BY id DESC LIMIT 1", (field_id,)).fetchone()
        if row is None:
            return "it was changed since you loaded it"
        return f"{row['reviewer']} made it '{row['action']}' at {row['at']}"

    def decide(self, field_id: int, action: str, reviewer: str, version: int,
               text: str = "") -> FieldRow:
        """Record ``action`` (accept, correct with ``text``, unreadable) on a field, as made on
        its ``version``.  Raises :class:`Conflict` when the field changed since, and
        :class:`~extractor.review.corrections.InvalidInput` for a value the field cannot hold.
        """
        if action not in _ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        with self._write() as db:
            row = self.field(field_id)
            if row is None:
                raise KeyError(field_id)
            if row.version != version:
                raise Conflict(f"not saved: someone else changed this value first "
                               f"({self._last_change(field_id)}); the page now shows it")
            new_raw = None
            if action == "correct":
                if not row.is_field:
                    raise ValueError("a doubt about a part of the document has no value to "
                                     "correct: accept it or mark it unreadable")
                new_raw = encode(parse_input(row.path, text))
            status = _ACTIONS[action]
            if action == "accept" and row.status == CORRECTED:  # accepts the value shown
                status, new_raw = CORRECTED, encode(row.corrected)
            after = decode(row.path, new_raw) if status == CORRECTED else \
                None if status == UNREADABLE else row.value
            db.execute("UPDATE fields SET status=?, new_value=?, version=version+1 "
                       "WHERE id=? AND version=?", (status, new_raw, field_id, version))
            db.execute(
                "INSERT INTO corrections(field_id, doc_id, reviewer, at, action, old_status, "
                "new_status, old_raw, old_value, new_value, reason, version) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (field_id, row.doc_id, reviewer, _now(), action, row.status, status,
                 encode(row.corrected) if row.status == CORRECTED else None,
                 format_value(row.current), format_value(after), row.reason, version + 1))
        new = self.field(field_id)
        assert new is not None
        return new

    def undo(self, doc_id: int, reviewer: str) -> FieldRow | None:
        """Undo ``reviewer``'s last decision in a document that is not undone yet (None when
        there is none).  Raises :class:`Conflict` when someone changed the field since."""
        with self._write() as db:
            last = db.execute(
                "SELECT * FROM corrections WHERE doc_id=? AND reviewer=? AND undone=0 "
                "AND action!='undo' ORDER BY id DESC LIMIT 1", (doc_id, reviewer)).fetchone()
            if last is None:
                return None
            row = self.field(last["field_id"])
            assert row is not None
            if row.version != last["version"]:
                raise Conflict(f"not undone: the value was changed after your decision "
                               f"({self._last_change(row.id)})")
            db.execute("UPDATE fields SET status=?, new_value=?, version=version+1 WHERE id=?",
                       (last["old_status"], last["old_raw"], row.id))
            db.execute("UPDATE corrections SET undone=1 WHERE id=?", (last["id"],))
            db.execute(
                "INSERT INTO corrections(field_id, doc_id, reviewer, at, action, old_status, "
                "new_status, old_raw, old_value, new_value, reason, version) "
                "VALUES (?,?,?,?,'undo',?,?,NULL,?,?,?,?)",
                (row.id, doc_id, reviewer, _now(), row.status, last["old_status"],
                 last["new_value"], last["old_value"], f"undid {last['action']}",
                 row.version + 1))
        return self.field(row.id)

    def history(self, doc_id: int) -> list[sqlite3.Row]:
        """The audit trail of a document, oldest first, with each field's path."""
        return self._db.execute(
            "SELECT c.*, f.path FROM corrections c JOIN fields f ON f.id=c.field_id "
            "WHERE c.doc_id=? ORDER BY c.id", (doc_id,)).fetchall()

    def last_decisions(self, doc_id: int) -> dict[int, sqlite3.Row]:
        """Each field's decision in force: the last one not undone."""
        out: dict[int, sqlite3.Row] = {}
        for row in self.history(doc_id):
            if row["action"] != "undo" and not row["undone"]:
                out[row["field_id"]] = row
        return out
