"""The annotated view of an article: the text with everything the parser found laid over it.

``render_html(art)`` is one self-contained page (inline CSS, no script, nothing fetched);
``render_body(art)`` is the same view as a fragment, which Jupyter shows for a cell ending in
``art`` (``Article._repr_html_``); ``render_corpus(corpus, out_dir)`` writes one page per
article and an ``index.html`` listing them. Rules, in the order they apply:

1. Rows. Each sentence is a row, numbered in the margin from 1 (``sentence_id + 1``) with its
   topics as coloured labels; the dateline (and a headline or sign-off, when the article has
   them and they are not sentences) is a row marked as metadata; any other line of text
   outside every sentence is a row marked "not a sentence". A blank line between two rows
   starts a new paragraph. The white space between rows stays in the page but is not drawn.
2. Marks, in order of precedence: mentions (outer ones first, so a nested mention is drawn
   inside its parent), candidates, statements, interaction triggers, topic evidence. A mark
   lying inside an earlier one is drawn inside it; a mark crossing the edge of an earlier one
   or of its row is split at that edge and each piece drawn with the same attributes, so the
   elements always nest (valid HTML). Each element's ``data-start``/``data-end`` are the
   offsets of its own text: ``art.text[start:end]``.
3. Escaping. Every piece of the article and of the registry is escaped (``html.escape``, and a
   carriage return as ``&#13;`` so that browsers keep it): an article holding ``<script>``
   shows it as text. Everything that is not the article's text (header, margin, legend) has
   the class ``av-chrome``, so the page's text without those elements is the article's text.
4. Colours. Actor types from ``config.ACTOR_TYPE_COLORS``, topics from the article's lexicon.
   The CSS is scoped under the class ``article-view``, so the fragment cannot restyle a
   notebook. The bytes depend only on the article: the same article gives the same page.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pandas as pd
from matplotlib.colors import to_hex, to_rgb

from analysis.config import ACTOR_TYPE_COLORS
from analysis.io import atomic_write

ROOT_CLASS = "article-view"
CHROME = "av-chrome"  # everything on the page that is not the article's text
META_ROWS = ("headline", "dateline", "signoff")
META_LABELS = {
    "headline": "headline",
    "dateline": "dateline",
    "signoff": "sign-off",
    "other": "not a sentence",
}
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")  # the paragraph break of analysis.sentences
_LINE_OF_TEXT = re.compile(r"\S(?:[^\n]*\S)?")  # a line of text outside the rows, trimmed


# -- escaping -------------------------------------------------------------------------------------
def escape(text: str) -> str:
    """Text or attribute value as HTML, carriage returns kept (browsers drop a literal CR).

    >>> escape('<b>"A" & \\'B\\'</b>\\r\\n')
    '&lt;b&gt;&quot;A&quot; &amp; &#x27;B&#x27;&lt;/b&gt;&#13;\\n'
    """
    return html.escape(text, quote=True).replace("\r", "&#13;")


def _attrs(**values) -> str:
    """``name="value"`` pairs in the given order; ``data_x`` becomes ``data-x``; None is left out."""
    return "".join(
        f' {name.replace("_", "-")}="{escape(str(value))}"'
        for name, value in values.items()
        if value is not None
    )


def _ink(color: str) -> str:
    """Black or white, whichever reads better on ``color``."""
    r, g, b = to_rgb(color)
    return "#000" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 else "#fff"


# -- the tree of marks ----------------------------------------------------------------------------
@dataclass
class _Node:
    start: int
    end: int
    tag: str  # the opening tag; every node is a <span>
    children: list[_Node] = field(default_factory=list)


def _insert(node: _Node, start: int, end: int, tag) -> None:
    """Add a mark [start, end) below ``node``, split where it crosses a child's edge (rule 2)."""
    cuts = {start, end}
    for child in node.children:
        if child.start < end and start < child.end and not (start <= child.start and child.end <= end):
            cuts.update(b for b in (child.start, child.end) if start < b < end)
    points = sorted(cuts)
    for s, e in zip(points, points[1:], strict=False):
        holder = next((c for c in node.children if c.start <= s and e <= c.end), None)
        if holder is not None:
            _insert(holder, s, e, tag)
            continue
        inside = [c for c in node.children if s <= c.start and c.end <= e]
        kept = [c for c in node.children if not (s <= c.start and c.end <= e)]
        node.children = sorted([*kept, _Node(s, e, tag(s, e), inside)], key=lambda c: c.start)


def _write(node: _Node, text: str, out: list[str]) -> None:
    out.append(node.tag)
    cursor = node.start
    for child in node.children:
        out.append(escape(text[cursor : child.start]))
        _write(child, text, out)
        cursor = child.end
    out.append(escape(text[cursor : node.end]))
    out.append("</span>")


@dataclass(frozen=True)
class _Mark:
    """A span to highlight: its offsets, CSS classes and the attributes every piece carries."""

    start: int
    end: int
    classes: str
    attrs: dict

    def tag(self, start: int, end: int) -> str:
        return f'<span class="{self.classes}"{_attrs(data_start=start, data_end=end, **self.attrs)}>'


# -- what the article holds -----------------------------------------------------------------------
def _frame(art, name: str) -> pd.DataFrame | None:
    frame = getattr(art, name, None)
    return frame if isinstance(frame, pd.DataFrame) and len(frame) else None


def _actor_name(art, actor_id) -> str:
    actor = art.registry.actors.get(str(actor_id)) if actor_id is not None else None
    return actor.name if actor is not None else str(actor_id)


def _mention_marks(art) -> list[_Mark]:
    m = art.mentions
    if not len(m):
        return []
    text_of = dict(zip(m["mention_id"], m["text"], strict=True))
    sentence_of = dict(zip(m["mention_id"], m["sentence_id"], strict=True))
    registered = m["registered"] if "registered" in m.columns else pd.Series(True, index=m.index)
    marks = []
    for row, known in zip(m.itertuples(index=False), registered, strict=True):
        discovered = pd.notna(known) and not bool(known)
        title = f"{row.actor} · {row.actor_type} · {row.kind}"
        if pd.notna(row.antecedent_id):
            title += f" → “{text_of[row.antecedent_id]}” (sentence {sentence_of[row.antecedent_id] + 1})"
        if discovered:
            title += " · discovered, not in the registry"
        classes = f"av-m av-t-{row.actor_type} av-k-{row.kind}" + (" av-unreg" if discovered else "")
        attrs = {
            "data_actor": row.actor_id,
            "data_mention": row.mention_id,
            "data_kind": row.kind,
            "title": title,
        }
        marks.append(_Mark(int(row.start), int(row.end), classes, attrs))
    return sorted(marks, key=lambda k: (k.start, -k.end))


def _candidate_marks(art) -> list[_Mark]:
    c = _frame(art, "candidates")
    if c is None:
        return []
    title = "candidate: a name no registered actor covers"
    return [
        _Mark(int(s), int(e), "av-cand", {"title": title}) for s, e in zip(c["start"], c["end"], strict=True)
    ]


def _statement_marks(art) -> list[_Mark]:
    s = _frame(art, "statements")
    if s is None:
        return []
    return [
        _Mark(
            int(row.start), int(row.end), "av-say", {"title": f"statement by {_actor_name(art, row.speaker)}"}
        )
        for row in s.itertuples(index=False)
    ]


def _interaction_marks(art) -> list[_Mark]:
    i = _frame(art, "interactions")
    if i is None:
        return []
    return [
        _Mark(
            int(row.start),
            int(row.end),
            "av-trig",
            {"title": f"{row.type}: {_actor_name(art, row.source)} → {_actor_name(art, row.target)}"},
        )
        for row in i.itertuples(index=False)
    ]


def _evidence_marks(art) -> list[_Mark]:
    t = art.topics
    topics: dict[tuple[int, int], list[str]] = defaultdict(list)
    for s, e, topic, via in zip(t["start"], t["end"], t["topic"], t["via"], strict=True):
        label = f"{art.lexicon.labels[topic]} (via {via})"
        if label not in topics[(s, e)]:
            topics[(s, e)].append(label)
    return [
        _Mark(int(s), int(e), "av-ev", {"title": "evidence for " + ", ".join(labels)})
        for (s, e), labels in sorted(topics.items())
    ]


def _meta_span(art, name: str) -> tuple[int, int] | None:
    """Where a headline, dateline or sign-off sits: ``<name>_span``, or ``<name>`` as a span or text."""
    for value in (getattr(art, f"{name}_span", None), getattr(art, name, None)):
        if isinstance(value, tuple | list) and len(value) == 2 and all(isinstance(v, int) for v in value):
            return int(value[0]), int(value[1])
    value = getattr(art, name, None)
    if name != "dateline" and isinstance(value, str) and value.strip():
        found = art.text.find(value.strip())
        if found >= 0:
            return found, found + len(value.strip())
    return None


def _rows(art) -> list[tuple[int, int, str, int | None]]:
    """Rows (rule 1) as (start, end, kind, sentence_id), in reading order, covering every word."""
    rows = [
        (int(s), int(e), "sentence", int(i))
        for i, s, e in zip(
            art.sentences["sentence_id"], art.sentences["start"], art.sentences["end"], strict=True
        )
    ]
    for name in META_ROWS:
        span = _meta_span(art, name)
        if span and span[0] < span[1] and not any(s < span[1] and span[0] < e for s, e, _, _ in rows):
            rows.append((span[0], span[1], name, None))
    rows.sort()
    others, cursor = [], 0
    for s, e, _, _ in [*rows, (len(art.text), len(art.text), "", None)]:
        others += [(m.start(), m.end(), "other", None) for m in _LINE_OF_TEXT.finditer(art.text, cursor, s)]
        cursor = max(cursor, e)
    return sorted(rows + others)


# -- the view -------------------------------------------------------------------------------------
def css(art) -> str:
    """The view's style sheet, every rule scoped under ``.article-view``."""
    v = f".{ROOT_CLASS}"
    rules = [
        f"{v}{{font:15px/1.6 Georgia,'Times New Roman',serif;color:#111;background:#fff;max-width:62em;padding:.6em 1em;text-align:left}}",
        f"{v} .av-head{{font:600 14px/1.4 system-ui,sans-serif;margin:0 0 .8em;color:#333}}",
        f"{v} .av-text{{white-space:normal}}",
        f"{v} .av-par{{margin:0 0 1em}}",
        f"{v} .av-row{{display:grid;grid-template-columns:8.5em minmax(0,1fr);column-gap:.9em;margin:0 0 .25em}}",
        f"{v} .av-margin{{font:11px/1.5 system-ui,sans-serif;color:#555;text-align:right;padding-top:.25em}}",
        f"{v} .av-num{{font-weight:700;color:#222;margin-right:.2em}}",
        f"{v} .av-label{{display:inline-block;border-radius:3px;padding:0 .35em;margin:0 0 .15em .25em;font-size:10px}}",
        f"{v} .av-kind{{font-style:italic}}",
        f"{v} .av-line{{white-space:pre-wrap;overflow-wrap:anywhere}}",
        f"{v} .av-meta{{color:#666;font-variant:small-caps;letter-spacing:.03em}}",
        f"{v} .av-other{{color:#666}}",
        f"{v} .av-m{{border-radius:3px;padding:0 1px;border-bottom:2px solid var(--av-c);background:var(--av-f)}}",
        f"{v} .av-m .av-m{{border:1px solid var(--av-c)}}",
        f"{v} .av-unreg,{v} .av-m .av-unreg{{border:1.5px dashed var(--av-c);background:transparent}}",
        f"{v} .av-cand{{border-bottom:2px dotted #444;background:transparent}}",
        f"{v} .av-ev{{text-decoration:underline;text-decoration-thickness:1.5px;text-underline-offset:3px}}",
        f"{v} .av-trig{{font-weight:700;box-shadow:inset 0 -.35em #ddd}}",
        f"{v} .av-say{{font-style:italic;box-shadow:inset 0 -.35em #e8dff5}}",
        f"{v} .av-legend{{font:12px/1.8 system-ui,sans-serif;color:#333;border-top:1px solid #ccc;margin-top:1em;padding-top:.5em}}",
        f"{v} .av-legend span{{margin-right:.6em}}",
        f"{v} .av-legend .av-key{{font-weight:700}}",
        f"{v} [title]{{cursor:help}}",
    ]
    for actor_type, color in ACTOR_TYPE_COLORS.items():
        r, g, b = (round(255 * c) for c in to_rgb(color))
        rules.append(f"{v} .av-t-{actor_type}{{--av-c:{to_hex(color)};--av-f:rgba({r},{g},{b},.2)}}")
    return "\n".join(rules)


def _topic_label(art, topic: str) -> str:
    color = to_hex(art.lexicon.colors[topic])
    style = f"background:{color};color:{_ink(color)}"
    return (
        f'<span class="av-label"{_attrs(style=style, title=topic)}>{escape(art.lexicon.labels[topic])}</span>'
    )


def _margin(art, kind: str, sentence_id: int | None, topics: list[str]) -> str:
    if kind != "sentence":
        return f'<span class="{CHROME} av-margin av-kind">{META_LABELS[kind]}</span>'
    labels = "".join(_topic_label(art, t) for t in topics)
    return f'<span class="{CHROME} av-margin"><span class="av-num">{sentence_id + 1}</span>{labels}</span>'


def _row_html(art, start: int, end: int, kind: str, marks: list[_Mark]) -> str:
    classes = {"sentence": "av-line", "other": "av-line av-other"}.get(kind, "av-line av-meta")
    title = None
    if kind == "dateline":
        title = f"dateline: {art.dateline}" + (f" · source: {art.source}" if art.source else "")
    elif kind != "sentence":
        title = META_LABELS[kind]
    root = _Node(start, end, f'<span class="{classes}"{_attrs(data_start=start, data_end=end, title=title)}>')
    for mark in marks:
        s, e = max(mark.start, start), min(mark.end, end)
        if s < e:
            _insert(root, s, e, mark.tag)
    out: list[str] = []
    _write(root, art.text, out)
    return "".join(out)


def _legend(art) -> str:
    def sample(classes: str, text: str, extra: str = "") -> str:
        return f'<span class="{classes}"{extra}>{escape(text)}</span>'

    types = "".join(sample(f"av-m av-t-{t}", t) for t in ACTOR_TYPE_COLORS)
    marks = "".join(
        [
            sample("av-m av-t-person", "registered actor"),
            sample("av-m av-unreg av-t-person", "discovered actor (not in the registry)"),
            sample("av-cand", "candidate name (no actor)"),
            sample("av-ev", "topic evidence"),
            sample("av-trig", "interaction trigger"),
            sample("av-say", "statement"),
        ]
    )
    topics = "".join(_topic_label(art, t) for t in art.lexicon.ids)
    return (
        f'<div class="{CHROME} av-legend">'
        f'<div><span class="av-key">Actors</span>{types}</div>'
        f'<div><span class="av-key">Marks</span>{marks}</div>'
        f'<div><span class="av-key">Topics</span>{topics}</div>'
        "<div>Margin: sentence numbers count from 1 (<code>sentence_id</code> + 1), then the "
        "sentence's topics. Hover a highlight for its actor, type and kind of reference, and, for a "
        "title or pronoun, the name it resolves to.</div></div>"
    )


def render_body(art) -> str:
    """The view as an HTML fragment (a ``<style>`` and one ``<div class="article-view">``).

    >>> from analysis import parse_text
    >>> body = render_body(parse_text("He met <b>Morocco</b> & Kazakhstan."))
    >>> '<span class="av-m av-t-country av-k-name" data-start="10" data-end="17"' in body
    True
    >>> "<b>Morocco" in body, "&lt;b&gt;" in body
    (False, True)
    """
    return f"<style>\n{css(art)}\n</style>\n{_view(art)}"


def _view(art) -> str:
    marks = [
        *_mention_marks(art),
        *_candidate_marks(art),
        *_statement_marks(art),
        *_interaction_marks(art),
        *_evidence_marks(art),
    ]
    topics_of: dict[int, list[str]] = defaultdict(list)
    for sid, topic in zip(art.topics["sentence_id"], art.topics["topic"], strict=True):
        topics_of[int(sid)].append(topic)
    order = {t: i for i, t in enumerate(art.lexicon.ids)}
    rows = _rows(art)
    marks_of = _marks_by_row(marks, [(start, end) for start, end, _, _ in rows])
    out = [f'<div class="{ROOT_CLASS}">', _header(art), '<div class="av-text">']
    cursor, open_par = 0, False
    for (start, end, kind, sid), row_marks in zip(rows, marks_of, strict=True):
        gap = art.text[cursor:start]
        if open_par and _BLANK_LINE.search(gap):
            out.append("</div>")
            open_par = False
        if gap:
            out.append(f'<span class="av-gap">{escape(gap)}</span>')
        if not open_par:
            out.append('<div class="av-par">')
            open_par = True
        topics = sorted(set(topics_of.get(sid, [])), key=order.__getitem__)
        out.append(
            f'<div class="av-row"{_attrs(data_sentence=sid)}>{_margin(art, kind, sid, topics)}'
            f"{_row_html(art, start, end, kind, row_marks)}</div>"
        )
        cursor = end
    if open_par:
        out.append("</div>")
    if cursor < len(art.text):
        out.append(f'<span class="av-gap">{escape(art.text[cursor:])}</span>')
    out += ["</div>", _legend(art), "</div>"]
    return "".join(out)  # no line breaks of its own: every character inside the view is the article's


def _marks_by_row(marks: list[_Mark], rows: list[tuple[int, int]]) -> list[list[_Mark]]:
    """The marks overlapping each row (rows sorted and disjoint), each list in precedence order."""
    starts = [start for start, _ in rows]
    found: list[list[_Mark]] = [[] for _ in rows]
    for mark in marks:
        i = max(bisect.bisect_right(starts, mark.start) - 1, 0)
        while i < len(rows) and rows[i][0] < mark.end:
            if mark.start < rows[i][1]:
                found[i].append(mark)
            i += 1
    return found


def _header(art) -> str:
    name = Path(art.path).name if art.path else "<text>"
    actors = art.mentions["actor_id"].nunique()
    counts = (
        f"{len(art.sentences)} sentences · {len(art.mentions)} mentions of {actors} actors · "
        f"{len(art.candidates)} candidates"
    )
    return f'<div class="{CHROME} av-head">{escape(name)} · {counts}</div>'


def render_html(art) -> str:
    """The annotated article as one self-contained HTML page (inline CSS, no script, no fetch).

    >>> from analysis import parse_text
    >>> page = render_html(parse_text("Kazakhstan & Morocco met."))
    >>> page.startswith("<!DOCTYPE html>"), "<script" in page, page == render_html(parse_text("Kazakhstan & Morocco met."))
    (True, False, True)
    """
    title = Path(art.path).name if art.path else "article"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} · annotated</title>\n<style>\n{css(art)}\n</style>\n</head>\n"
        f"<body>\n{_view(art)}\n</body>\n</html>\n"
    )


def write_html(art, path: str | Path) -> Path:
    """Write ``render_html(art)`` to ``path`` (UTF-8, ``\\n`` endings), atomically; return the path."""
    page = render_html(art)
    return atomic_write(path, lambda tmp: tmp.write_text(page, encoding="utf-8", newline="\n"))


# -- a corpus -------------------------------------------------------------------------------------
INDEX_COLUMNS = (
    "article",
    "dateline",
    "sentences",
    "mentions",
    "actors",
    "candidates",
    "top actors",
    "topics",
)
TOP_ACTORS = 3


def render_corpus(corpus, out_dir: str | Path, *, registry=None, lexicon=None) -> list[Path]:
    """Write each article's page (``<article_id>.html``) and an ``index.html`` into ``out_dir``.

    A ``Corpus`` keeps tables, not texts, so each article is read again from its path and parsed
    with ``registry`` and ``lexicon`` (the project's by default, as in ``load_corpus``). The
    index has one row per article: counts, its most-mentioned actors and its topics (sentences
    per topic), each linking to the article's page. Returns the files written, the index last.
    """
    from analysis.article import load_article
    from analysis.registry import load_registry
    from analysis.topics import load_lexicon

    registry = registry or load_registry()
    lexicon = lexicon or load_lexicon()
    out_dir = Path(out_dir)
    written = []
    for article_id, path in zip(corpus.articles["article_id"], corpus.articles["path"], strict=True):
        art = load_article(path, registry=registry, lexicon=lexicon)
        written.append(write_html(art, out_dir / f"{article_id}.html"))
    page = corpus_index(corpus, lexicon)
    written.append(
        atomic_write(out_dir / "index.html", lambda tmp: tmp.write_text(page, encoding="utf-8", newline="\n"))
    )
    return written


def corpus_index(corpus, lexicon) -> str:
    """The ``index.html`` of ``render_corpus``: one row per article, linking to its page."""
    m, t = corpus.mentions, corpus.topics
    actor_counts = (
        m.groupby(["article_id", "actor"], sort=False)
        .agg(n=("start", "size"), first=("start", "min"))
        .reset_index()
    )
    actor_counts = actor_counts.sort_values(["article_id", "n", "first"], ascending=[True, False, True])
    top = {
        a: ", ".join(
            f"{name} ({n})" for name, n in zip(g["actor"][:TOP_ACTORS], g["n"][:TOP_ACTORS], strict=True)
        )
        for a, g in actor_counts.groupby("article_id", sort=False)
    }
    topic_sentences = t.groupby(["article_id", "topic"], observed=True)["sentence_id"].nunique()
    topics = defaultdict(list)
    for (a, topic), n in sorted(
        topic_sentences.items(), key=lambda kv: (kv[0][0], -kv[1], lexicon.ids.index(kv[0][1]))
    ):
        topics[a].append(f"{lexicon.labels.get(topic, topic)} ({n})")
    candidates = corpus.candidates["article_id"].value_counts()
    head = "".join(f"<th>{escape(c)}</th>" for c in INDEX_COLUMNS)
    rows = []
    for a in corpus.articles.itertuples(index=False):
        link = f'<a href="{escape(quote(a.article_id))}.html">{escape(a.article_id)}</a>'
        cells = [
            link,
            escape(a.dateline or ""),
            str(a.sentences),
            str(a.mentions),
            str(a.actors),
            str(int(candidates.get(a.article_id, 0))),
            escape(top.get(a.article_id, "")),
            escape(", ".join(topics.get(a.article_id, []))),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    style = (
        f".{ROOT_CLASS}{{font:14px/1.5 system-ui,sans-serif;color:#111;background:#fff}}"
        f".{ROOT_CLASS} table{{border-collapse:collapse}}"
        f".{ROOT_CLASS} th,.{ROOT_CLASS} td{{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}}"
    )
    body = "\n".join(rows)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Articles · annotated</title>\n'
        f'<style>\n{style}\n</style>\n</head>\n<body>\n<div class="{ROOT_CLASS}">\n'
        f"<h1>{len(corpus.articles)} articles</h1>\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n"
        "</table>\n</div>\n</body>\n</html>\n"
    )
