// form4 review: keyboard-first review of doubtful values.  Plain JavaScript, no build step.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="form4-token"]').content;
  var message = document.getElementById("message");

  function say(text, kind) {
    message.textContent = text;  // textContent: server messages are never parsed as HTML
    message.className = kind || "error";
    message.hidden = false;
  }

  var kept = sessionStorage.getItem("form4-message");
  if (kept) {
    sessionStorage.removeItem("form4-message");
    var parts = JSON.parse(kept);
    say(parts[0], parts[1]);
  }

  function post(url, params) {
    var body = new URLSearchParams(params);
    body.set("token", token);
    return fetch(url, {method: "POST", body: body, credentials: "same-origin",
                       headers: {"X-Form4-Token": token}})
      .then(function (response) {
        return response.json().then(function (data) { return [response.status, data]; });
      })
      .then(function (result) {
        var status = result[0], data = result[1];
        if (data.ok) {
          location.href = data.next;
        } else if (status === 409) {
          // Someone else changed it: show their version with the message.
          sessionStorage.setItem("form4-message", JSON.stringify([data.error, "conflict"]));
          location.reload();
        } else {
          say(data.error || "not saved", "error");
        }
      })
      .catch(function (err) { say("not saved: " + err, "error"); });
  }

  function typing(event) {
    var t = event.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
  }

  // ----- the queue -----
  var queue = document.getElementById("queue");
  if (queue) {
    var rows = Array.prototype.slice.call(queue.querySelectorAll("tr.doc"));
    var at = 0;
    var mark = function (i) {
      rows.forEach(function (r, j) { r.classList.toggle("selected", i === j); });
      if (rows[i]) { rows[i].scrollIntoView({block: "nearest"}); }
    };
    mark(0);
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.key === "j" || event.key === "ArrowDown") { at = Math.min(at + 1, rows.length - 1); mark(at); }
      else if (event.key === "k" || event.key === "ArrowUp") { at = Math.max(at - 1, 0); mark(at); }
      else if (event.key === "Enter" && rows[at]) { location.href = rows[at].dataset.href; }
      else if (event.key === "n") {
        var todo = rows.filter(function (r) { return r.classList.contains("todo"); })[0];
        if (todo) { location.href = todo.dataset.href; } else { say("the whole queue is done", "info"); }
      } else { return; }
      event.preventDefault();
    });
    return;
  }

  // ----- a document -----
  var doc = document.getElementById("doc");
  if (!doc) { return; }
  Array.prototype.forEach.call(document.querySelectorAll(".page"), function (page) {
    var width = parseFloat(page.dataset.width), height = parseFloat(page.dataset.height);
    Array.prototype.forEach.call(page.querySelectorAll(".box"), function (box) {
      var b = box.dataset.bbox.split(",").map(parseFloat), pad = 2;
      box.style.left = (100 * (b[0] - pad) / width) + "%";
      box.style.top = (100 * (b[1] - pad) / height) + "%";
      box.style.width = (100 * (b[2] - b[0] + 2 * pad) / width) + "%";
      box.style.height = (100 * (b[3] - b[1] + 2 * pad) / height) + "%";
    });
  });

  var items = Array.prototype.slice.call(document.querySelectorAll("#doubts .item"));
  var current = -1;

  function centre(pane, el) {
    // Scroll only the pane (never the window), so the header and keys stay in view.
    if (!pane) { return; }
    var p = pane.getBoundingClientRect(), r = el.getBoundingClientRect();
    pane.scrollTop += (r.top + r.height / 2) - (p.top + p.height / 2);
    pane.scrollLeft += (r.left + r.width / 2) - (p.left + p.width / 2);
  }

  function select(i) {
    if (!items.length) { return; }
    current = (i + items.length) % items.length;
    var item = items[current], id = item.dataset.field;
    items.forEach(function (other) { other.classList.toggle("selected", other === item); });
    Array.prototype.forEach.call(document.querySelectorAll(".box, .glance tr"), function (el) {
      el.classList.toggle("selected", el.dataset.field === id);
    });
    var box = document.querySelector('.box[data-field="' + id + '"]');
    if (box) { centre(document.getElementById("pages"), box); }
    centre(item.closest(".side"), item);
    history.replaceState(null, "", "?f=" + id);
  }

  function step(direction) {
    // Next (or previous) undecided doubt; when none is left, simply the next one.
    for (var n = 1; n <= items.length; n++) {
      var j = (current + direction * n + items.length * n) % items.length;
      if (items[j].classList.contains("open")) { select(j); return; }
    }
    select(current + direction);
  }

  function selected() { return items[current]; }

  function act(action, value) {
    var item = selected();
    if (!item) { return; }
    var params = {action: action, version: item.dataset.version};
    if (value !== undefined) { params.value = value; }
    post(item.dataset.url, params);
  }

  function edit() {
    var item = selected();
    if (!item) { return; }
    if (item.dataset.isField !== "1") {
      say("this doubt is about a part of the document, not one value: accept it (a) or mark it unreadable (x)", "info");
      return;
    }
    var form = item.querySelector("form.edit"), input = form.querySelector("input");
    form.hidden = false;
    input.focus();
    input.select();
  }

  items.forEach(function (item, i) {
    item.addEventListener("click", function (event) {
      if (!typing(event)) { select(i); }
    });
    var form = item.querySelector("form.edit");
    if (!form) { return; }
    var input = form.querySelector("input");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      act("correct", input.value);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        input.value = item.dataset.value;
        form.hidden = true;
        input.blur();
      }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".glance tr[data-field]"), function (tr) {
    tr.addEventListener("click", function () { location.href = "?f=" + tr.dataset.field; });
  });

  var help = "j / ↓ next doubt · k / ↑ previous · a accept the value · e edit it (Enter saves, " +
    "Esc cancels) · x mark it unreadable · u undo your last decision here · n next document · " +
    "g the queue";
  document.addEventListener("keydown", function (event) {
    if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
    switch (event.key) {
      case "j": case "ArrowDown": step(1); break;
      case "k": case "ArrowUp": step(-1); break;
      case "a": act("accept"); break;
      case "e": edit(); break;
      case "x": act("unreadable"); break;
      case "u": post(doc.dataset.undo, {}); break;
      case "n": location.href = doc.dataset.nextDoc; break;
      case "g": location.href = "/"; break;
      case "?": say(help, "info"); break;
      default: return;
    }
    event.preventDefault();
  });

  var first = items.findIndex(function (item) { return item.dataset.field === doc.dataset.selected; });
  select(first >= 0 ? first : 0);
  // Page images give the pages their height only once loaded: centre the box again then.
  window.addEventListener("load", function () { if (current >= 0) { select(current); } });
})();
