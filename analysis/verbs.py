"""The verb phrases that signal an interaction or a statement, read from ``data/verbs.csv``.

The file is plain CSV so that it can be reviewed and extended by hand, one row per verb:

``verb,forms,table,type,cameo,direction,target,notes``

- ``verb``: the verb's name ("meet with"); with ``table`` it identifies the row.
- ``forms``: ``|``-separated phrases as they appear in text ("met with|meets with"). Matching
  ignores case and takes the longest phrase; a space matches any white space, and ``*`` stands
  for at most one extra word ("paid a * visit to": "paid a working visit to").
- ``table``: ``interaction`` (who dealt with whom) or ``statement`` (who said what).
- ``type``, ``cameo``: for interactions, the type (one of ``analysis.tables.INTERACTION_TYPES``)
  and the CAMEO event code where one fits (may be empty); empty for statements.
- ``direction``: ``active`` (the subject is the source or speaker), ``reciprocal`` (both sides
  do it: "X and Y met" is one interaction, X first), ``after`` (the speaker follows: "according
  to X"), ``between`` (a noun whose two parties follow it: "the meeting between X and Y") or
  ``passive`` (counted only as a passive with its agent: "was joined at the launch by Y";
  "joined the party" is no interaction).
- ``target``: ``required`` (no interaction without a second party), ``with`` (required, and
  named after "with": "discussed Iran with Y" is a talk with Y, not with Iran), ``next``
  (required, and a person named right after the verb: "told the chancellor", "promised
  Gordon Brown"; not "told reporters Mr Brown was wrong"), ``optional`` ("X arrived in" a city
  the registry lacks) or ``none`` (statements).

>>> verbs = load_verbs()
>>> text = "He met with her, then PAID A BRIEF COURTESY CALL on him."
>>> [(text[start:end], verb.type) for start, end, verb, _ in verbs.matches(text, 0, len(text))]
[('met with', 'meet'), ('PAID A BRIEF COURTESY CALL on', 'meet')]
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from analysis.config import VERBS
from analysis.errors import VerbsError
from analysis.patterns import file_key, normal_form, trie_pattern
from analysis.tables import INTERACTION_TYPES

COLUMNS = ("verb", "forms", "table", "type", "cameo", "direction", "target", "notes")
TABLES = ("interaction", "statement")
DIRECTIONS = ("active", "reciprocal", "after", "between", "passive")
TARGETS = ("required", "with", "next", "optional", "none")
_CAMEO = re.compile(r"\d{2,4}")
_WILD = "\x00"  # stands for " *" while the trie is built
_WILD_PATTERN = r"(?:\s+[\w'’-]+)?"
_FORM = re.compile(r"[\w'’-]+(?: (?:[\w'’-]+|\*))*")


@dataclass(frozen=True)
class Verb:
    verb: str
    forms: tuple[str, ...]
    table: str
    type: str | None
    cameo: str | None
    direction: str
    target: str


@dataclass(frozen=True)
class Verbs:
    """Every verb of the file, in file order, with one compiled pattern for all their forms."""

    path: str
    verbs: tuple[Verb, ...]

    @cached_property
    def pattern(self) -> re.Pattern:
        """Every form in one trie-shaped pattern (``analysis.patterns``), whole words, any case.

        The trie shares common prefixes, so the regex engine rejects most positions after one
        character, and its greedy branches make the longest form win ("met with" over "met").
        """
        body = trie_pattern(form.replace(" *", _WILD) for form in self._rows)
        return re.compile(rf"(?<![\w'’-])(?:{body.replace(_WILD, _WILD_PATTERN)})(?![\w'’-])", re.IGNORECASE)

    @cached_property
    def _rows(self) -> dict[str, int]:
        """Each form and the first row that lists it (a form may be listed once per table)."""
        rows: dict[str, int] = {}
        for i, verb in enumerate(self.verbs):
            for form in verb.forms:
                rows.setdefault(form, i)
        return rows

    @cached_property
    def _wildcards(self) -> list[tuple[re.Pattern, int]]:
        return [(re.compile(_form_pattern(f)), i) for f, i in self._rows.items() if "*" in f]

    @cached_property
    def _statement_forms(self) -> dict[str, Verb]:
        return {form: v for v in self.verbs if v.table == "statement" for form in v.forms}

    def entry(self, matched: str) -> Verb:
        """The verb of a phrase ``pattern`` found (the first row listing the form)."""
        key = normal_form(matched).lower()
        row = self._rows.get(key)
        if row is None:
            row = next(i for regex, i in self._wildcards if regex.fullmatch(key))
        return self.verbs[row]

    def matches(self, text: str, lo: int, hi: int) -> list[tuple[int, int, Verb, Verb | None]]:
        """(start, end, verb, the statement verb of the same form or None) for each phrase in ``text[lo:hi]``.

        A form listed in both tables ("thanked") is one match with both verbs. A capitalised
        one-word form inside a sentence is a name, not a verb ("Mana Said al-Oteiba"), unless it
        opens a quotation or follows a colon or dash.
        """
        found = []
        for match in self.pattern.finditer(text, lo, hi):
            one_word = not any(c.isspace() for c in match.group())
            if one_word and text[match.start()].isupper() and _in_a_name(text, lo, match.start()):
                continue
            verb = self.entry(match.group())
            twin = (
                self._statement_forms.get(normal_form(match.group()).lower())
                if verb.table == "interaction"
                else None
            )
            found.append((match.start(), match.end(), verb, twin))
        return found


def _in_a_name(text: str, lo: int, at: int) -> bool:
    """Whether the character before ``at`` (past white space) is a word's, a comma or a bracket,
    not a quotation mark, colon or dash: then a capital at ``at`` is in a name."""
    i = at
    while i > lo and text[i - 1].isspace():
        i -= 1
    return i > lo and (text[i - 1].isalnum() or text[i - 1] in ",)")


def _form_pattern(form: str) -> str:
    """A normalised form as regex source for ``fullmatch``: ``*`` is at most one word."""
    return "".join(_WILD_PATTERN if w == "*" else r"\s" + re.escape(w) for w in form.split(" "))[2:]


def load_verbs(path: str | Path | None = None) -> Verbs:
    """Read and check a verbs CSV (the default ``data/verbs.csv`` when ``path`` is None).

    A malformed file raises ``VerbsError`` naming the file, the row and the problem. Loaded once
    per file version: calling again after the file changed reads it anew.
    """
    return _load(file_key(Path(path or VERBS)))


@cache
def _load(key: tuple) -> Verbs:
    path = key[0]
    if not path.is_file():
        raise VerbsError(path, "does not exist", "check the path to the verbs CSV")
    verbs: list[Verb] = []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise VerbsError(
                    path,
                    f"header: missing column(s) {', '.join(missing)}",
                    f"the columns are {','.join(COLUMNS)}",
                )
            for row in reader:
                verbs.append(_verb_from_row(path, reader.line_num, row, verbs))
    except UnicodeDecodeError:
        raise VerbsError(path, "is not valid UTF-8", "re-save the verbs file as UTF-8") from None
    if not verbs:
        raise VerbsError(path, "defines no verbs", "add one row per verb")
    return Verbs(str(path), tuple(verbs))


def _verb_from_row(path: Path, line: int, row: dict, earlier: list[Verb]) -> Verb:
    def fail(problem: str, fix: str):
        raise VerbsError(path, f"row {line}: {problem}", fix)

    if None in row:
        fail("more cells than columns", "quote cells that contain commas")
    cell = {c: (row.get(c) or "").strip() for c in COLUMNS}
    if not cell["verb"]:
        fail("verb is empty", "name the verb, e.g. 'meet with'")
    if cell["table"] not in TABLES:
        fail(f"table {cell['table']!r} is not one of {', '.join(TABLES)}", "pick one of those")
    if any(v.verb == cell["verb"] and v.table == cell["table"] for v in earlier):
        fail(f"verb {cell['verb']!r} is listed twice for {cell['table']}s", "merge the two rows into one")
    forms = tuple(normal_form(f).lower() for f in cell["forms"].split("|")) if cell["forms"] else ()
    if not forms or any(not _FORM.fullmatch(f) for f in forms):
        fail(
            f"forms {cell['forms']!r} has an empty or malformed form",
            "separate words by spaces and forms by '|'; '*' only as a word of its own",
        )
    for form in forms:
        owner = next((v for v in earlier if v.table == cell["table"] and form in v.forms), None)
        if owner is not None:
            fail(
                f"form {form!r} already belongs to verb {owner.verb!r}",
                "keep each form on one verb per table",
            )
    interaction = cell["table"] == "interaction"
    if interaction and cell["type"] not in INTERACTION_TYPES:
        fail(f"type {cell['type']!r} is not one of {', '.join(INTERACTION_TYPES)}", "pick one of those")
    if not interaction and (cell["type"] or cell["cameo"]):
        fail("a statement has a type or cameo code", "leave type and cameo empty for statements")
    if cell["cameo"] and not _CAMEO.fullmatch(cell["cameo"]):
        fail(
            f"cameo {cell['cameo']!r} is not a CAMEO code",
            "write the code's digits, e.g. 040, or leave it empty",
        )
    if cell["direction"] not in DIRECTIONS:
        fail(f"direction {cell['direction']!r} is not one of {', '.join(DIRECTIONS)}", "pick one of those")
    if cell["target"] not in TARGETS or (cell["target"] == "none") == interaction:
        allowed = "required, with, next or optional" if interaction else "none"
        fail(f"target {cell['target']!r} does not fit a {cell['table']}", f"use {allowed}")
    return Verb(
        verb=cell["verb"],
        forms=forms,
        table=cell["table"],
        type=cell["type"] or None,
        cameo=cell["cameo"] or None,
        direction=cell["direction"],
        target=cell["target"],
    )
