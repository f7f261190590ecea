"""The reporting person from a laid-out page: box 1's name and address, box 5's relationship.

Box 1 prints its sub-labels ("(Last) (First) (Middle)", "(Street)", "(City) (State) (Zip)",
and from 2026 "(Country)") under the lines the filer writes on, or, on some printers' forms,
over them or before them on the line; which way a page goes is read from where its first
value line sits.  A value line belongs to the sub-label row it is written over (or under, or
beside).  Without sub-labels the lines are read by what they hold: the name first, the line
that reads as city, state and ZIP last, the street between.  Owners listed elsewhere on the
form are read in :mod:`extractor.assemble.page_owners_listed`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from extractor.assemble.page_values import text_of, value_of
from extractor.fields.addresses import parse_city_state_zip, recase_owner_address, split_street
from extractor.fields.names import split_person_name
from extractor.ingest.page import Word
from extractor.knowledge.codes import STATE_CODES, US_ZIP, is_state_or_country_code
from extractor.knowledge.labels import US_COUNTRY_NAMES
from extractor.knowledge.officer_titles import names_an_office, reads_as_title
from extractor.layout.geometric import BoxWords
from extractor.layout.geometric.anchors import Anchor
from extractor.layout.geometric.checkmarks import CheckReading
from extractor.layout.geometric.lines import Rules, group_lines, split_phrases
from extractor.model import Field, Relationship, ReportingOwner

_STATE_BY_NAME = {name.upper(): code for code, name in STATE_CODES.items()}
_ROWS = (("name", ("last", "first", "middle")), ("street", ("street",)),
         ("city", ("city", "state", "zip")), ("country", ("country",)))
_LINE_CITY = re.compile(r"^(?P<city>.+?)[,\s]+(?P<state>[A-Za-z .]+?)[,\s]+"
                        r"(?P<zip>" + US_ZIP + r")$")
#: "LONDON, X0 W1K 3JP": a city, EDGAR's code of the country, and its postal code.
_FOREIGN_CITY = re.compile(r"^(?P<city>.+?)[,\s]+(?P<state>[A-Z][0-9])[,\s]+"
                           r"(?P<zip>[A-Z0-9][A-Z0-9 \-]{1,10})$")


def _sub_rows(box: BoxWords) -> list[tuple[str, float, float]]:
    """(slot, top, bottom) of each sub-label row found, top to bottom."""
    rows = []
    for slot, keys in _ROWS:
        found = [a for a in box.inner if a.key in keys]
        if found:
            rows.append((slot, min(a.top for a in found), max(a.bottom for a in found)))
    return sorted(rows, key=lambda r: r[1])


def _slots(box: BoxWords) -> dict[str, list[list[Word]]]:
    """The value lines of box 1 by the sub-label row they belong to."""
    # (a line of marks alone, the label's "*" left over, holds no value)
    lines = [line for line in group_lines(box.words)
             if any(c.isalnum() for w in line for c in w.text)]
    rows = _sub_rows(box)
    out: dict[str, list[list[Word]]] = {}
    if not lines:
        return out
    if not rows:
        return slots_by_content(lines)
    first_top = min(w.top for w in lines[0])
    over = rows[0][1] >= first_top  # the first value line is written over the first row
    for line in lines:
        slot: str | None
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        beside = [s for s, row_top, row_bottom in rows
                  if row_top < bottom - 1.0 and row_bottom > top + 1.0]
        if beside:  # "City MOUNTAIN VIEW": the sub-label printed before its value
            slot = beside[0]
        elif over:
            slot = next((s for s, row_top, _ in rows if row_top >= bottom - 1.0), None)
        else:
            slot = next((s for s, _, row_bottom in reversed(rows) if row_bottom <= top + 1.0),
                        None)
        out.setdefault(slot or "after", []).append(line)
    return out


def slots_by_content(lines: list[list[Word]]) -> dict[str, list[list[Word]]]:
    out: dict[str, list[list[Word]]] = {"name": [lines[0]]}
    city_at = next((i for i in range(len(lines) - 1, 0, -1)
                    if read_city_line(lines[i], None) is not None), None)
    if city_at is None:
        out["street"] = lines[1:]
        return out
    out["street"] = lines[1:city_at]
    out["city"] = [lines[city_at]]
    out["country"] = lines[city_at + 1:]
    return out


def _state_code(text: str) -> str | None:
    text = " ".join(text.replace(".", " ").split()).upper()
    if is_state_or_country_code(text):
        return text
    return _STATE_BY_NAME.get(text)


def read_city_line(line: Sequence[Word], box: BoxWords | None
                    ) -> tuple[str, str, str] | None:
    """(city, state code, zip) of a city line, by the sub-label columns where the words
    fall in them, else by its text."""
    if box is not None:
        columns = sorted((a for a in box.inner if a.key in ("city", "state", "zip")),
                         key=lambda a: a.x0)
        if len(columns) == 3:
            parts: dict[str, list[Word]] = {a.key: [] for a in columns}
            for word in line:
                owner = [a for a in columns if a.x0 - 2 <= word.cx]
                parts[(owner[-1] if owner else columns[0]).key].append(word)
            city, state, zip_code = (text_of(parts[k]).strip(" ,") for k in
                                     ("city", "state", "zip"))
            code = _state_code(state)
            if city and code and re.fullmatch(US_ZIP + r"|[A-Z0-9][A-Z0-9 \-]{1,9}", zip_code):
                return city, code, zip_code
    text = text_of(line).strip()
    parsed = parse_city_state_zip(text)
    if parsed is not None:
        return parsed.city, parsed.state, parsed.zip_code
    m = _LINE_CITY.match(text)
    if m and (code := _state_code(m["state"])):
        return m["city"].strip(" ,"), code, m["zip"]
    m = _FOREIGN_CITY.match(text)
    if m and is_state_or_country_code(m["state"]):
        return m["city"].strip(" ,"), m["state"], m["zip"].strip()
    return None


def read_owner_box(box: BoxWords, source: str) -> ReportingOwner:
    """Box 1's reporting person (relationship not yet set)."""
    slots = _slots(box)
    name_words = [w for line in slots.get("name", []) for w in line]
    name = text_of(name_words).strip(" ,*")
    if not name:
        return ReportingOwner(rpt_owner_name=value_of(None, box.label.words, source,
                                                      reason="box 1 holds no name"))
    person = split_person_name(name)
    owner = ReportingOwner(
        rpt_owner_name=value_of(person.full, name_words, source),
        last_name=value_of(person.last, name_words, source),
        first_name=value_of(person.first, name_words, source),
        middle_name=value_of(person.middle, name_words, source))
    street_lines = slots.get("street", [])
    if street_lines:
        first = street_lines[0]
        if len(street_lines) >= 2:
            rest = [w for line in street_lines[1:] for w in line]
            owner = _replace(owner, rpt_owner_street1=value_of(text_of(first), first, source),
                             rpt_owner_street2=value_of(text_of(rest), rest, source))
        else:
            one, two = split_street(text_of(first))
            owner = _replace(owner, rpt_owner_street1=value_of(one or None, first, source),
                             rpt_owner_street2=value_of(two, first, source) if two else Field())
    city_lines = slots.get("city", [])
    if city_lines:
        words = [w for line in city_lines for w in line]
        read = read_city_line(words, box)
        if read is None:
            reason = f"city, state and ZIP not readable in {text_of(words)!r}"
            owner = _replace(owner, rpt_owner_city=value_of(None, words, source, reason=reason))
        else:
            city, state, zip_code = read
            owner = _replace(owner, rpt_owner_city=value_of(city, words, source),
                             rpt_owner_state=value_of(state, words, source),
                             rpt_owner_zip_code=value_of(zip_code, words, source))
    country = text_of([w for line in slots.get("country", []) for w in line]).strip()
    if country and country.upper() not in US_COUNTRY_NAMES and owner.rpt_owner_state.value \
            and len(str(owner.rpt_owner_state.value)) == 2 and \
            str(owner.rpt_owner_state.value) in STATE_CODES:
        owner = _replace(owner, rpt_owner_state=owner.rpt_owner_state.flagged(
            f"box 1 names the country {country!r}, yet the state reads as a US state"))
    return recase_owner_address(owner)


def _replace(owner: ReportingOwner, **changes: Any) -> ReportingOwner:
    return dataclasses.replace(owner, **changes)


CHECK_FIELDS = {"director": "is_director", "ten_percent_owner": "is_ten_percent_owner",
                 "officer": "is_officer", "other": "is_other"}


def read_relationship(box: BoxWords | None, checks: dict[str, CheckReading], source: str
                      ) -> Relationship:
    """Box 5's check marks and the officer's title or the "other" text written under them;
    or, where no box is marked at all, the relationship its caption's line says in words
    ("Relationship to Issuer: 10% Owner", as an attached sheet lists further owners)."""
    if box is not None and not any(r.marks for r in checks.values()):
        said = _stated(box)
        if said is not None:
            return relation_of(said, source)
    values: dict[str, Field] = {}
    labels = {a.key: a for a in box.inner} if box is not None else {}
    for key, name in CHECK_FIELDS.items():
        reading = checks.get(key)
        label = labels.get(key)
        if reading is None or label is None:
            continue
        words = [m.word for m in reading.marks if m.word is not None] or list(label.words)
        values[name] = value_of(reading.checked, words, source, reason=reading.doubt,
                                confidence=0.95 if reading.marks else 0.9)
    if box is None:
        return Relationship(**values)
    officer, other = (values.get(k, Field()).value for k in ("is_officer", "is_other"))
    words = list(box.words)
    if not words:
        return Relationship(**values)
    if officer and other:
        texts = _titles(box, labels.get("officer"), labels.get("other"))
        lines = group_lines(box.words)
        stacked = len(lines) >= 2 and not (texts["officer"] and texts["other"])
        if stacked:  # both texts under one label, a line each: the title is printed first
            texts = {"officer": lines[0], "other": [w for line in lines[1:] for w in line]}
            # ... and sure where the first names an office and the rest does not.
            stacked = not _title_then_other(text_of(texts["officer"]), text_of(texts["other"]))
        elif _under_both(texts["officer"] or texts["other"], labels.get("officer"),
                         labels.get("other")):
            values.update(_shared_text(texts["officer"] or texts["other"], source))
            return Relationship(**values)
        for key, name in (("officer", "officer_title"), ("other", "other_text")):
            if texts[key]:
                values[name] = value_of(
                    text_of(texts[key]), texts[key], source, 0.7 if stacked else 0.85,
                    "officer and other are both checked and their texts stand one under the "
                    "other: which is which was taken from their order" if stacked else None)
    elif officer or other:
        name = "officer_title" if officer else "other_text"
        values[name] = value_of(text_of(words), words, source)
    else:
        values["officer_title"] = value_of(
            text_of(words), words, source, 0.5,
            "text under box 5's check boxes, but neither officer nor other is checked")
    return Relationship(**values)


def _under_both(words: list[Word], officer: Anchor | None, other: Anchor | None) -> bool:
    """Whether one text stands under both labels: they are stacked in one column, or it
    runs from under one across the start of the other."""
    if not words or officer is None or other is None:
        return False
    if officer.x0 < other.x1 and other.x0 < officer.x1:
        return True
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    return x0 < max(officer.x0, other.x0) < x1


def _shared_text(words: list[Word], source: str) -> dict[str, Field]:
    """One line of text for both an officer and an "other" (one line under both labels, as
    the 2026 form and EDGAR's older view print it): split where the filer set a ";", the
    title first; without one, which part is which cannot be told, and both are flagged."""
    text = text_of(words)
    title, sep, rest = text.partition(";")
    if sep and title.strip() and rest.strip():
        sure = _title_then_other(title, rest)
        reason = None if sure else ("officer and other are both checked and one line holds "
                                    "both texts: split at its ';', the title first")
        confidence = 0.85 if sure else 0.7
        return {"officer_title": value_of(title.strip(), words, source, confidence, reason),
                "other_text": value_of(rest.strip(), words, source, confidence, reason)}
    split = _title_split(text)
    if split is not None:  # "COO Member of 13(d) group": only one cut leaves a title first
        return {"officer_title": value_of(split[0], words, source, 0.85),
                "other_text": value_of(split[1], words, source, 0.85)}
    reason = ("officer and other are both checked but one text stands under both: which "
              "part is the officer's title and which the other text cannot be told")
    return {"officer_title": value_of(text, words, source, 0.4, reason),
            "other_text": value_of(text, words, source, 0.4, reason)}


def _title_then_other(first: str, rest: str) -> bool:
    """Whether the first of two texts names an office and the rest does not: which is the
    officer's title and which the other text is then plain (knowledge/officer_titles.py)."""
    return reads_as_title(first) and not reads_as_title(rest)


def _title_split(text: str) -> tuple[str, str] | None:
    """The one place to cut ``text`` into an office's title and an other text naming no
    office, if there is exactly one."""
    words = text.split()
    cuts = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    sure = [(a, b) for a, b in cuts if reads_as_title(a) and not names_an_office(b)]
    return sure[0] if len(sure) == 1 else None


def _stated(box: BoxWords) -> list[Word] | None:
    """The words of the caption's line, where they say the relationship in words."""
    label = box.label
    words = [*label.words, *(w for a in box.inner for w in a.words), *box.words]
    line = [w for w in words if label.top - 1 <= w.cy <= label.bottom + 1]
    text = " ".join(text_of(line).split())
    match = RELATION_LINE.match(text)
    return line if match and match[1].strip() else None


def _titles(box: BoxWords, officer: Anchor | None, other: Anchor | None
            ) -> dict[str, list[Word]]:
    """Box 5's text when both officer and other are checked: each phrase given to the label
    nearer to it across the page (the title under "Officer", the text under "Other")."""
    out: dict[str, list[Word]] = {"officer": [], "other": []}
    for line in group_lines(box.words):
        for phrase in split_phrases(line, Rules()):
            if officer is None or other is None:
                out["officer" if officer is not None else "other"].extend(phrase.words)
                continue
            middle = (phrase.x0 + phrase.x1) / 2
            nearer = abs(middle - officer.x0) <= abs(middle - other.x0)
            out["officer" if nearer else "other"].extend(phrase.words)
    return out


RELATION_LINE = re.compile(
    r"^(?:Relationship(?:\(s\))?(?: to (?:the )?Issuer)?|Relation)\s*:\s*(.*)$", re.IGNORECASE)
RELATION_PART = re.compile(r"^(director|10\s*%\s*owner|ten percent owner|officer|other)"
                            r"(?:\s*[:(-]\s*(.*?)\)?)?$", re.IGNORECASE)


def relation_of(line: Sequence[Word], source: str) -> Relationship:
    match = RELATION_LINE.match(" ".join(text_of(line).split()))
    said = match[1] if match else ""
    values = {name: value_of(False, list(line), source) for name in CHECK_FIELDS.values()}
    for part in re.split(r"\s*[;,]\s*(?=(?:director|10\s*%|ten percent|officer|other)\b)",
                         said, flags=re.IGNORECASE):
        m = RELATION_PART.match(part.strip())
        if m is None:
            if part.strip():
                values["is_other"] = value_of(None, list(line), source,
                                              reason=f"relationship not understood: {part!r}")
            continue
        kind = m[1].casefold()
        key = "ten_percent_owner" if kind[0] in "1t" else kind
        values[CHECK_FIELDS[key]] = value_of(True, list(line), source)
        if m[2] and key in ("officer", "other"):
            name = "officer_title" if key == "officer" else "other_text"
            values[name] = value_of(m[2].strip(), list(line), source)
    return Relationship(**values)
