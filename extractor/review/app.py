"""The review web app (Flask, server-rendered, a little plain JavaScript).

Pages: the queue (``/``), a document (``/doc/ID``: its page images with each doubted value's
box, the value, confidence, reason, raw text and both OCR engines' readings, the form at a
glance), page images, and the directory's own files (``/files/NAME``, only inside it).
Decisions are POSTs carrying the session's token; the database refuses a stale one.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    Response,
    abort,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from werkzeug.wrappers.response import Response as WerkzeugResponse

from extractor.review.corrections import InvalidInput, choices, element, format_value, input_kind
from extractor.review.intake import inside
from extractor.review.store import Conflict, FieldRow, Store

_CSP = ("default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_SECOND = re.compile(r"a second OCR engine read ('(?:[^'\\]|\\.)*'|\"[^\"]*\")")


def engine_readings(row: FieldRow) -> list[tuple[str, str]]:
    """On a scan, what each OCR engine read: tesseract's words, and the second engine's
    reading as the reason reports it (or that it was not asked)."""
    if row.source != "ocr" or not row.is_field:
        return []
    first = row.raw_text or ""
    reason = row.reason or ""
    match = _SECOND.search(reason)
    if "a second OCR engine read it alike" in reason:
        second = f"{first} (read alike)"
    elif match is not None:
        second = match.group(1)[1:-1]
    else:
        second = "not asked: tesseract's reading passed, or the value was not read again"
    return [("tesseract", first), ("PP-OCR (second engine)", second)]


def _label(path: str) -> str:
    return element(path).replace("_", " ")


def _group(path: str) -> str:
    """The part of the form a path is in, as the glance view titles it."""
    match = re.match(r"(reporting_owners|non_derivative_table|derivative_table|footnotes|"
                     r"signatures)\[(\d+)\]", path)
    if match is None:
        return "Boxes 1-6 and remarks" if "." in path or path in {
            "document_type", "period_of_report", "date_of_original_submission",
            "statement_month", "not_subject_to_section16", "aff10b5_one",
            "individual_or_joint_filing", "remarks"} or path.startswith("issuer") \
            else "Whole document"
    number = int(match[2]) + 1
    return {"reporting_owners": f"Reporting owner {number}",
            "non_derivative_table": f"Table I, row {number}",
            "derivative_table": f"Table II, row {number}", "footnotes": f"Footnote {number}",
            "signatures": f"Signature {number}"}[match[1]]


def _glance(rows: list[FieldRow]) -> list[tuple[str, list[FieldRow]]]:
    groups: dict[str, list[FieldRow]] = {}
    for row in rows:
        if row.is_field and row.current is None and row.value is None and not row.reason:
            continue
        title = _group(row.path) if row.is_field else "Whole document"
        groups.setdefault(title, []).append(row)
    return list(groups.items())


def create_app(db_path: Path, root: Path, reviewer: str) -> Flask:
    """The app over the database at ``db_path`` for the directory ``root``."""
    app = Flask(__name__)
    app.config.update(SECRET_KEY=secrets.token_bytes(32), SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_HTTPONLY=True, FORM4_DB=str(db_path),
                      FORM4_ROOT=str(root.resolve()), FORM4_REVIEWER=reviewer,
                      FORM4_HOSTS=None, MAX_CONTENT_LENGTH=64 * 1024)

    def store() -> Store:
        if "store" not in g:
            g.store = Store(app.config["FORM4_DB"])
        return g.store  # type: ignore[no-any-return]

    @app.teardown_appcontext
    def _close(_: BaseException | None) -> None:
        opened = g.pop("store", None)
        if opened is not None:
            opened.close()

    @app.before_request
    def _guard() -> tuple[Response, int] | None:
        hosts = app.config["FORM4_HOSTS"]
        if hosts is not None and request.host not in hosts:
            abort(400, "unexpected Host header")  # a rebound DNS name is not this app
        session.setdefault("token", secrets.token_urlsafe(32))
        session.setdefault("reviewer", app.config["FORM4_REVIEWER"])
        if request.method == "POST":
            sent = request.headers.get("X-Form4-Token") or request.form.get("token", "")
            if not secrets.compare_digest(sent, session["token"]):
                return _error("refused: this request does not carry the session's token; "
                              "reload the page", 403)
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.context_processor
    def _common() -> dict[str, Any]:
        return {"token": session.get("token", ""), "reviewer": session.get("reviewer", ""),
                "format_value": format_value, "label": _label}

    @app.get("/")
    def queue() -> str:
        docs = store().documents()
        return render_template("queue.html", docs=docs,
                               open_total=sum(d.open for d in docs))

    @app.get("/doc/<int:doc_id>")
    def document(doc_id: int) -> str:
        doc = store().document(doc_id)
        if doc is None:
            abort(404)
        rows = store().fields(doc_id)
        selected = request.args.get("f", type=int)
        # A field chosen from the glance view is listed with the doubts, to be corrected.
        doubts = [r for r in rows if r.reason is not None or r.status != "ok"
                  or r.id == selected]
        if selected not in {r.id for r in rows}:
            selected = next((r.id for r in doubts if r.is_open), doubts[0].id if doubts else None)
        nexts = [d for d in store().documents() if d.id != doc_id and d.open]
        history = store().history(doc_id)
        on_disk = root / doc["name"]
        return render_template(
            "doc.html", doc=doc, rows=rows, doubts=doubts, selected=selected,
            pages=store().page_sizes(doc_id), glance=_glance(rows),
            open_count=sum(r.is_open for r in doubts), next_doc=nexts[0] if nexts else None,
            history=history, engines={r.id: engine_readings(r) for r in doubts},
            kinds={r.id: input_kind(r.path) for r in rows},
            choices={r.id: choices(r.path) for r in rows},
            has_file=on_disk.is_file() and inside(root, on_disk))

    @app.get("/doc/<int:doc_id>/page/<int:number>.png")
    def page(doc_id: int, number: int) -> Response:
        png = store().page_png(doc_id, number)
        if png is None:
            abort(404)
        return Response(png, mimetype="image/png")

    @app.get("/files/<path:name>")
    def files(name: str) -> Response:
        base = Path(app.config["FORM4_ROOT"])
        target = base / name
        # Resolved, so neither ".." nor a symlink leads out; hidden files (the database) stay.
        if not inside(base, target) or any(p.startswith(".") for p in Path(name).parts) \
                or not target.resolve().is_file():
            abort(404)
        return send_file(target.resolve(), as_attachment=True)

    @app.post("/reviewer")
    def set_reviewer() -> WerkzeugResponse:
        name = " ".join(request.form.get("reviewer", "").split())[:80]
        if name:
            session["reviewer"] = name
        back = request.form.get("back", "")
        # Only a path of this app: "//host" or "/\host" would leave it.
        local = back.startswith("/") and not back.startswith(("//", "/\\"))
        return redirect(back if local else url_for("queue"))

    @app.post("/api/field/<int:field_id>")
    def decide(field_id: int) -> tuple[Response, int]:
        action = request.form.get("action", "")
        version = request.form.get("version", type=int)
        row = store().field(field_id)
        if row is None or version is None or action not in ("accept", "correct", "unreadable"):
            return _error("bad request: a field, its version and an action are needed", 400)
        try:
            new = store().decide(field_id, action, session["reviewer"], version,
                                 request.form.get("value", ""))
        except Conflict as err:
            return _error(str(err), 409)
        except (InvalidInput, ValueError) as err:
            return _error(f"not saved: {err}", 400)
        return jsonify(ok=True, status=new.status, version=new.version,
                       value=format_value(new.current), next=_next_url(new)), 200

    @app.post("/api/doc/<int:doc_id>/undo")
    def undo(doc_id: int) -> tuple[Response, int]:
        try:
            row = store().undo(doc_id, session["reviewer"])
        except Conflict as err:
            return _error(str(err), 409)
        if row is None:
            return _error("nothing of yours to undo in this document", 400)
        return jsonify(ok=True, next=url_for("document", doc_id=doc_id, f=row.id)), 200

    def _next_url(row: FieldRow) -> str:
        doubts = [r for r in store().fields(row.doc_id) if r.reason is not None]
        after = [r for r in doubts if r.seq > row.seq and r.is_open]
        before = [r for r in doubts if r.seq <= row.seq and r.is_open]
        following = (after or before or [row])[0]  # none left: stay on this one
        return url_for("document", doc_id=row.doc_id, f=following.id)

    return app


def _error(message: str, status: int) -> tuple[Response, int]:
    response = jsonify(ok=False, error=message)
    return response, status
