"""The form's printed boilerplate is known text: recognised as a line, never read as a value."""

from extractor.layout.text_boilerplate import is_boilerplate


def test_printed_notes_are_boilerplate() -> None:
    assert is_boilerplate("** Intentional misstatements or omissions of facts constitute "
                          "Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).")
    # As the seed dump prints it: a list bullet, LaTeX-ish markup left by the converter.
    assert is_boilerplate(r"- * If the form is filed by more than one reporting person, "
                          r"\emph{see} Instruction 4(b)(v).")
    assert is_boilerplate("Reminder: Report on a separate line for each class of securities "
                          "beneficially owned directly or indirectly.")
    assert is_boilerplate("OMB APPROVAL")


def test_filer_text_is_not_boilerplate() -> None:
    assert not is_boilerplate("(1) The reporting person disclaims beneficial ownership.")
    assert not is_boilerplate("Exhibit 24 - Power of Attorney is incorporated by reference to "
                              "a prior filing.")
    assert not is_boilerplate("/s/ Sam Whittington, Attorney-in-Fact for Timothy D. Cook")
    assert not is_boilerplate("")
