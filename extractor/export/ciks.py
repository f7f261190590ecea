"""CIKs for printed forms, which never carry them: a CSV map or CIKs given on the command line.

The map is a CSV file of ``name or ticker,CIK`` lines (a header line ``name,cik`` may come
first; ``#`` starts a comment).  An issuer is looked up by its ticker, then by its name; a
reporting owner by name, word order and punctuation aside, since EDGAR writes "Last First
Middle" where a form may print "First Middle Last".  A CIK given on the command line wins over
one read or mapped; the map fills only what is missing.  Nothing is guessed: a name that is not
in the map leaves the CIK empty, and the XML then says it is not yet submittable.

>>> key("Musk, Elon R.") == key("Elon R Musk")
True
"""

from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from extractor.model import Field, Form4, Provenance, ReportingOwner

#: A CIK as the schema takes it: up to ten digits.
CIK = re.compile(r"[0-9]{1,10}")


class CikMapError(ValueError):
    """A CIK map that cannot be used: the file and line say where."""


def key(text: str) -> str:
    """``text`` as a lookup key: its words folded and sorted, punctuation dropped."""
    return " ".join(sorted(re.findall(r"[^\W_]+", text.casefold())))


@dataclass(frozen=True, slots=True)
class CikMap:
    """Lookup keys (see :func:`key`) to a CIK and the map line it came from."""

    entries: dict[str, tuple[str, str]]

    def find(self, *texts: object) -> tuple[str, str] | None:
        """The CIK and its source line for the first of ``texts`` the map knows."""
        for text in texts:
            if text and (found := self.entries.get(key(str(text)))):
                return found
        return None


def load_cik_map(path: str | Path) -> CikMap:
    """Read a ``name or ticker,CIK`` CSV file (raises :class:`CikMapError`)."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise CikMapError(f"{source}: cannot be read ({err})") from None
    entries: dict[str, tuple[str, str]] = {}
    for number, row in enumerate(csv.reader(text.splitlines()), 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and len(cells) >= 2 and cells[1].casefold() == "cik":
            continue  # the header line
        if len(cells) < 2 or not CIK.fullmatch(cells[1]):
            raise CikMapError(f"{source} line {number}: expected 'name or ticker,CIK' with a "
                              f"CIK of 1 to 10 digits, got {','.join(row)!r}")
        entries[key(cells[0])] = (cells[1], f"{source.name} line {number}: {','.join(cells)}")
    return CikMap(entries)


def _given(value: str, source: str, raw: str) -> Field[str]:
    return Field(value, 1.0, Provenance(source, raw_text=raw))


def _owner_names(owner: ReportingOwner) -> tuple[object, ...]:
    parts = (owner.last_name.value, owner.first_name.value, owner.middle_name.value)
    return owner.rpt_owner_name.value, " ".join(str(p) for p in parts if p)


def apply_ciks(form: Form4, issuer_cik: str | None = None,
               owner_ciks: tuple[str, ...] = (), cik_map: CikMap | None = None) -> Form4:
    """``form`` with the CIKs given (``owner_ciks`` in the owners' order) or mapped.

    Raises ValueError for a CIK that is not 1 to 10 digits, or more owner CIKs than owners.
    """
    for value in (issuer_cik, *owner_ciks):
        if value is not None and not CIK.fullmatch(value):
            raise ValueError(f"CIK {value!r} is not 1 to 10 digits")
    if len(owner_ciks) > max(len(form.reporting_owners), 1):
        raise ValueError(f"{len(owner_ciks)} owner CIKs for {len(form.reporting_owners)} "
                         "reporting owner(s)")
    issuer = form.issuer
    if issuer_cik is not None:
        issuer = dataclasses.replace(issuer, issuer_cik=_given(issuer_cik, "cli",
                                                               "--issuer-cik"))
    elif issuer.issuer_cik.value is None and cik_map is not None:
        found = cik_map.find(issuer.issuer_trading_symbol.value, issuer.issuer_name.value)
        if found:
            issuer = dataclasses.replace(issuer, issuer_cik=_given(found[0], "cik-map",
                                                                   found[1]))
    owners = list(form.reporting_owners)
    for index, owner in enumerate(owners):
        if index < len(owner_ciks):
            owners[index] = dataclasses.replace(owner, rpt_owner_cik=_given(
                owner_ciks[index], "cli", f"--owner-cik (reporting owner {index + 1})"))
        elif owner.rpt_owner_cik.value is None and cik_map is not None and \
                (found := cik_map.find(*_owner_names(owner))):
            owners[index] = dataclasses.replace(owner, rpt_owner_cik=_given(
                found[0], "cik-map", found[1]))
    return dataclasses.replace(form, issuer=issuer, reporting_owners=tuple(owners))
