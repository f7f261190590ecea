"""The review server over HTTP (no browser): files outside the directory refused, however the
path is spelled; a POST without the session's token refused; a foreign Host refused."""

from __future__ import annotations

import http.client
import json
import re
import urllib.parse
from pathlib import Path

import pytest

from extractor.review.commands import DEFAULT_DB
from extractor.review.store import Store


def _get(server: str, path: str, headers: dict[str, str] | None = None
         ) -> tuple[int, bytes, http.client.HTTPResponse]:
    """A raw GET: ``path`` is sent exactly as given (no client-side ``..`` folding)."""
    url = urllib.parse.urlsplit(server)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body, response


def _post(server: str, path: str, fields: dict[str, str], cookie: str = "",
          token: str = "") -> tuple[int, dict]:
    url = urllib.parse.urlsplit(server)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        headers["Cookie"] = cookie
    if token:
        headers["X-Form4-Token"] = token
    conn.request("POST", path, urllib.parse.urlencode(fields), headers)
    response = conn.getresponse()
    data = json.loads(response.read() or b"{}")
    conn.close()
    return response.status, data


def _session(server: str) -> tuple[str, str]:
    """A session cookie and the token its page carries."""
    status, body, response = _get(server, "/")
    assert status == 200
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(rb'name="form4-token" content="([^"]+)"', body)
    assert cookie and token
    return cookie, token.group(1).decode()


def test_files_inside_the_directory_only(server: str, review_dir: Path, tmp_path: Path) -> None:
    status, body, _ = _get(server, "/files/aapl_cook_rendered.pdf")
    assert status == 200 and body.startswith(b"%PDF")
    outside = tmp_path / "secret.txt"
    outside.write_text("not for the reviewer")
    (review_dir / "link.txt").symlink_to(outside)
    (review_dir / "linked_dir").symlink_to(tmp_path, target_is_directory=True)
    for path in ("/files/../../../../etc/passwd", "/files/..%2f..%2f..%2fetc%2fpasswd",
                 "/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/files/scans/../../x",
                 "/files//etc/passwd", "/files/link.txt", "/files/linked_dir/secret.txt",
                 f"/files/{DEFAULT_DB}", "/files/%2Fetc%2Fpasswd",
                 "/files/" + urllib.parse.quote(str(outside), safe="")):
        status, body, response = _get(server, path)
        if status == 308:  # Werkzeug merges "//": the place it points to is refused too
            target = urllib.parse.urlsplit(response.getheader("Location", "")).path
            assert target.startswith("/files/")
            status, body, _ = _get(server, target)
        assert status in (400, 404), path
        assert b"not for the reviewer" not in body and b"root:" not in body, path


def test_post_without_the_session_token_is_refused(server: str, review_dir: Path) -> None:
    store = Store(review_dir / DEFAULT_DB)
    doc = next(d for d in store.documents() if d.name == "aapl_cook_rendered.pdf")
    row = next(r for r in store.fields(doc.id) if r.path.endswith("transaction_shares")
               and r.is_open)
    store.close()
    form = {"action": "correct", "version": str(row.version), "value": "1"}
    cookie, token = _session(server)
    for sent_cookie, sent_token in (("", ""), (cookie, ""), (cookie, "wrong"), ("", token)):
        status, data = _post(server, f"/api/field/{row.id}", form, sent_cookie, sent_token)
        assert status == 403, (sent_cookie, sent_token)
        assert "token" in data["error"]
    status, data = _post(server, "/api/doc/1/undo", {}, cookie)
    assert status == 403
    store = Store(review_dir / DEFAULT_DB)
    assert store.field(row.id) == row  # nothing changed
    assert store.history(doc.id) == [] or all(h["field_id"] != row.id
                                              for h in store.history(doc.id))
    store.close()
    # With the token, the same request is judged on its value: here one the field refuses.
    status, data = _post(server, f"/api/field/{row.id}", {**form, "value": "lots"}, cookie,
                         token)
    assert status == 400 and "not an amount" in data["error"]


def test_a_state_change_is_no_get(server: str) -> None:
    status, _, _ = _get(server, "/api/field/1?action=accept&version=0")
    assert status == 405


def test_foreign_host_header_is_refused(server: str) -> None:
    status, _, _ = _get(server, "/", {"Host": "attacker.example:80"})
    assert status == 400


def test_pages_carry_a_content_security_policy(server: str) -> None:
    _, _, response = _get(server, "/")
    policy = response.getheader("Content-Security-Policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize("path", ["/doc/9999", "/doc/1/page/99.png"])
def test_unknown_things_are_404(server: str, path: str) -> None:
    assert _get(server, path)[0] == 404
