"""The annotated view: the page's text is the article's, every mark is its own slice, nothing is markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pandas as pd
import pytest
from helpers import assert_offsets_exact
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis.config import ACTOR_TYPE_COLORS, SEED_ARTICLE
from analysis.render import CHROME, css, render_body, render_corpus, render_html

VOID = {"meta"}


class Page(HTMLParser):
    """A rendered page read back: the view's text outside the chrome, and every element with offsets.

    Fails on any end tag that does not close the innermost open element, so reading a page
    also checks that its elements nest.
    """

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.text: list[str] = []
        self.elements: list[dict] = []  # every element with data-start, in document order
        self.tags: set[str] = set()
        self.feed(markup)
        self.close()
        assert self.stack == [], f"unclosed: {[e['tag'] for e in self.stack]}"

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag in VOID:
            return
        attrs = dict(attrs)
        element = {"tag": tag, "attrs": attrs, "classes": set((attrs.get("class") or "").split()), "text": []}
        element["parent"] = next((e for e in reversed(self.stack) if "av-m" in e["classes"]), None)
        self.stack.append(element)
        if "data-start" in attrs:
            self.elements.append(element)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1]["tag"] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if not any("article-view" in e["classes"] for e in self.stack) or any(
            CHROME in e["classes"] for e in self.stack
        ):
            return
        self.text.append(data)
        for element in self.stack:
            element["text"].append(data)

    @property
    def visible_text(self) -> str:
        return "".join(self.text)

    def marks(self, css_class: str | None = None) -> list[dict]:
        """``start``, ``end``, ``text`` and attributes of each element with this class (or all)."""
        return [
            {
                "start": int(e["attrs"]["data-start"]),
                "end": int(e["attrs"]["data-end"]),
                "text": "".join(e["text"]),
                **e["attrs"],
                "parent": e["parent"] and e["parent"]["attrs"].get("data-mention"),
            }
            for e in self.elements
            if css_class is None or css_class in e["classes"]
        ]


@pytest.fixture(scope="module")
def seed_page(seed):
    return Page(render_html(seed))


def with_tables(art, **tables):
    """The article with extra attributes, as another change adds them (interactions, headline, ...)."""
    return SimpleNamespace(**{**vars(art), **tables})


# -- fidelity ----------------------------------------------------------------------------------
def test_the_pages_text_is_the_articles_text(seed, seed_page):
    assert seed_page.visible_text == seed.text
    assert Page(render_body(seed)).visible_text == seed.text


def test_every_highlighted_element_is_its_own_slice_of_the_text(seed, seed_page):
    frame = pd.DataFrame([{k: m[k] for k in ("start", "end", "text")} for m in seed_page.marks()])
    assert len(frame) > len(seed.mentions)
    assert_offsets_exact(seed.text, frame)


def test_every_mention_is_one_element_with_its_offsets_actor_and_kind(seed, seed_page):
    shown = [
        (m["start"], m["end"], m["text"], m["data-actor"], m["data-kind"]) for m in seed_page.marks("av-m")
    ]
    expected = (
        seed.mentions[["start", "end", "text", "actor_id", "kind"]]
        .astype(str)
        .astype({"start": int, "end": int})
    )
    assert shown == list(expected.itertuples(index=False, name=None))


def test_nested_mentions_are_drawn_inside_their_parent(seed, seed_page):
    shown = {int(m["data-mention"]): m["parent"] and int(m["parent"]) for m in seed_page.marks("av-m")}
    m = seed.mentions
    expected = {}
    for row in m.itertuples():
        holders = m[(m.start <= row.start) & (row.end <= m.end) & (m.actor_id != row.actor_id)]
        expected[row.mention_id] = (
            int(holders.assign(n=holders.end - holders.start).sort_values("n").mention_id.iloc[0])
            if row.nested
            else None
        )
    assert shown == expected
    assert (m.loc[24, "text"], m.loc[25, "text"], shown[25]) == ("the Moroccan King", "Moroccan", 24)


def test_the_title_names_the_actor_and_what_a_title_or_pronoun_resolves_to(seed_page):
    titles = {m["data-mention"]: m["title"] for m in seed_page.marks("av-m")}
    assert titles["0"] == "Akylbek Kamaldinov · person · name"
    assert titles["1"] == (
        "Nursultan Nazarbayev · person · title → “President Nursultan Nazarbayev” (sentence 5)"
    )
    assert titles["12"] == "Akylbek Kamaldinov · person · pronoun → “A.Kamaldinov” (sentence 3)"


def test_mentions_take_their_actor_types_colour_from_the_config(seed):
    style = css(seed)
    for actor_type, color in ACTOR_TYPE_COLORS.items():
        assert f".article-view .av-t-{actor_type}{{--av-c:{color.lower()};" in style


def test_every_css_rule_is_scoped_under_the_view(seed):
    selectors = [s.strip() for rule in css(seed).splitlines() for s in rule.split("{")[0].split(",")]
    assert [s for s in selectors if not s.startswith(".article-view")] == []


def test_the_same_article_gives_the_same_bytes(seed):
    again = analysis.load_article(SEED_ARTICLE)
    assert render_html(again) == render_html(seed) == render_html(seed)


def test_repr_html_is_the_view_of_the_page(seed):
    body = seed._repr_html_()
    assert body == render_body(seed)
    view = body[body.index('<div class="article-view">') :]
    assert view in render_html(seed)
    assert "<html" not in body and "<script" not in body


# -- safety ------------------------------------------------------------------------------------
HOSTILE = (
    'Kazakhstan <script>alert("x")</script> & <b>Morocco</b> said \'yes\' &amp; "no".\r\n\r\n'
    "<img src=x onerror=alert(1)> met the UN."
)


def test_markup_in_the_article_is_shown_as_text():
    art = analysis.parse_text(HOSTILE)
    page = render_html(art)
    read = Page(page)
    assert read.visible_text == HOSTILE
    assert read.tags == {"html", "head", "meta", "title", "style", "body", "div", "span", "code"}
    assert "<script" not in page and "<img" not in page and "&amp;amp;" in page
    assert [m["text"] for m in read.marks("av-m")] == ["Kazakhstan", "Morocco", "UN"]


# -- layout ------------------------------------------------------------------------------------
def test_sentences_are_numbered_from_one_with_their_topic_labels(seed):
    page = render_html(seed)
    margins = re.findall(
        r'<span class="av-num">(\d+)</span>((?:<span class="av-label"[^>]*>[^<]*</span>)*)', page
    )
    labels = [re.findall(r'title="([a-z_]+)"', tags) for _, tags in margins]
    flags = analysis.topic_matrix(seed)
    assert [int(n) for n, _ in margins] == list(range(1, len(seed.sentences) + 1))
    assert labels == [[t for t in seed.lexicon.ids if row[t]] for _, row in flags.iterrows()]


def test_paragraphs_group_the_sentences_as_the_text_does(seed):
    page = render_html(seed)
    groups = [
        [int(i) for i in re.findall(r'data-sentence="(\d+)"', par)]
        for par in page.split('<div class="av-par">')[1:]
    ]
    assert groups == seed.sentences.groupby("paragraph_id")["sentence_id"].apply(list).tolist()


def test_the_dateline_is_a_metadata_row(seed_page):
    assert [(m["start"], m["end"], m["text"], m["title"]) for m in seed_page.marks("av-meta")] == [
        (0, 18, "ASTANA. KAZINFORM ", "dateline: ASTANA · source: KAZINFORM")
    ]


def test_headline_and_sign_off_are_metadata_rows_when_the_article_has_them():
    text = "Envoy visits Morocco\n\nASTANA. KAZINFORM Kazakhstan thanked Morocco.\n\n###\n"
    art = analysis.parse_text(text)
    plain = Page(render_html(art))
    sentences = art.sentences[art.sentences["text"] != "Envoy visits Morocco"]  # a headline is no sentence
    marked = Page(
        render_html(with_tables(art, sentences=sentences, headline="Envoy visits Morocco", signoff="###"))
    )
    assert marked.visible_text == plain.visible_text == text
    assert [(m["text"], m.get("title")) for m in marked.marks("av-meta")] == [
        ("Envoy visits Morocco", "headline"),
        ("ASTANA. KAZINFORM ", "dateline: ASTANA · source: KAZINFORM"),
        ("###", "sign-off"),
    ]
    others = [(m["text"], m.get("title")) for m in plain.marks("av-other")]
    assert ("###", "not a sentence") in others


def test_topic_evidence_is_marked(seed, seed_page):
    shown = sorted({(m["start"], m["end"]) for m in seed_page.marks("av-ev")})
    assert shown == sorted(set(zip(seed.topics["start"], seed.topics["end"], strict=True)))


def test_candidates_and_discovered_actors_are_drawn_differently():
    art = analysis.parse_text("The Zorbik Quellman Plaza stands in Morocco.")
    registered = [actor != "morocco" for actor in art.mentions["actor_id"]]
    read = Page(render_html(with_tables(art, mentions=art.mentions.assign(registered=registered))))
    assert [(m["text"], m["title"]) for m in read.marks("av-cand")] == [
        ("Zorbik Quellman Plaza", "candidate: a name no registered actor covers")
    ]
    assert [m["text"] for m in read.marks("av-unreg")] == ["Morocco"]
    assert Page(render_html(art)).marks("av-unreg") == []  # no ``registered`` column: all registered


def test_interactions_and_statements_mark_their_words_split_where_they_cross_a_mention():
    text = "Nasser Bourita said Kazakhstan and Morocco signed a deal."
    art = analysis.parse_text(text)
    interactions = pd.DataFrame(
        {
            "start": [39],
            "end": [49],
            "text": [text[39:49]],
            "type": ["agreement"],
            "source": ["kazakhstan"],
            "target": ["morocco"],
        }
    )
    statements = pd.DataFrame({"start": [15], "end": [19], "speaker": ["bourita"], "text": [text[20:]]})
    read = Page(render_html(with_tables(art, interactions=interactions, statements=statements)))
    assert read.visible_text == text
    trigger = read.marks("av-trig")
    assert [(m["start"], m["end"], m["text"]) for m in trigger] == [(39, 42, "cco"), (42, 49, " signed")]
    assert {m["title"] for m in trigger} == {"agreement: Kazakhstan → Morocco"}
    assert [(m["text"], m["title"]) for m in read.marks("av-say")] == [
        ("said", "statement by Nasser Bourita")
    ]
    assert [m["text"] for m in read.marks("av-m")] == ["Nasser Bourita", "Kazakhstan", "Morocco"]


def test_a_legend_explains_every_colour_and_mark(seed):
    legend = render_html(seed).split('class="av-chrome av-legend"')[1]
    for word in [
        *ACTOR_TYPE_COLORS,
        "discovered",
        "candidate",
        "evidence",
        "interaction",
        "statement",
        "from 1",
    ]:
        assert word in legend
    assert all(seed.lexicon.labels[t].replace("&", "&amp;") in legend for t in seed.lexicon.ids)


# -- properties --------------------------------------------------------------------------------
WORDS = [
    "Kazakhstan",
    "Morocco",
    "the Moroccan King",
    "He",
    "UN",
    "OIC",
    "<b>",
    "&",
    "'",
    '"',
    "Zorbik",
    "energy",
    "summit",
    "<script>",
    "Nasser Bourita",
    ".",
    "\n\n",
    "\r\n",
    " ",
    "visit",
    "ASTANA. KAZINFORM ",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6)), min_size=1, max_size=40),
    st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=6),
)
def test_any_text_renders_to_itself_with_every_mark_its_slice(words, fractions):
    text = " ".join(words)
    art = analysis.parse_text(text)
    spans = [sorted((round(a * len(text)), round(b * len(text)))) for a, b in fractions]
    spans = [(s, e) for s, e in spans if s < e]  # arbitrary spans, crossing mentions and sentences
    interactions = pd.DataFrame(
        {"start": [s for s, _ in spans], "end": [e for _, e in spans], "text": [text[s:e] for s, e in spans]}
    ).assign(type="meeting", source="morocco", target="kazakhstan")
    statements = interactions[["start", "end", "text"]].iloc[::-1].assign(speaker="bourita")
    read = Page(render_html(with_tables(art, interactions=interactions, statements=statements)))
    assert read.visible_text == text
    for mark in read.marks():
        assert mark["text"] == text[mark["start"] : mark["end"]]
    assert len(read.marks("av-m")) == len(art.mentions)
    covered = {i for m in read.marks("av-trig") for i in range(m["start"], m["end"])}
    in_rows = {i for m in read.marks("av-line") for i in range(m["start"], m["end"])}
    assert covered == {i for s, e in spans for i in range(s, e)} & in_rows  # split, never dropped


# -- files -------------------------------------------------------------------------------------
def test_the_command_line_writes_article_html_beside_the_tables(tmp_path, seed):
    from analysis.cli import main

    assert main([str(SEED_ARTICLE), "--out", str(tmp_path), "--no-figures"]) == 0
    assert (tmp_path / "article.html").read_text(encoding="utf-8") == render_html(seed)


def test_make_figures_writes_the_seeds_page(tmp_path, seed):
    from analysis.build import build_page
    from analysis.config import FIGURES

    assert build_page(tmp_path).read_text(encoding="utf-8") == render_html(seed)
    assert (FIGURES / "article.html").read_text(encoding="utf-8") == render_html(seed)


def test_a_corpus_gets_an_index_linking_one_page_per_article(tmp_path):
    from analysis.config import DATA

    corpus = analysis.load_corpus(DATA / "corpus" / "*.txt")
    written = render_corpus(corpus, tmp_path)
    ids = corpus.articles["article_id"].tolist()
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [f"{i}.html" for i in ids] + [
        "index.html"
    ]
    for article_id, path in zip(ids, corpus.articles["path"], strict=True):
        assert (tmp_path / f"{article_id}.html").read_text(encoding="utf-8") == render_html(
            analysis.load_article(path)
        )
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]+)">', index) == [f"{i}.html" for i in ids]
    rows = re.findall(r"<tr><td>.*</td></tr>", index)
    first = corpus.articles.iloc[0]
    top = analysis.actor_frequency(
        analysis.Corpus(
            **{
                **vars(corpus),
                "mentions": corpus.mentions[corpus.mentions["article_id"] == first["article_id"]],
            }
        )
    )
    assert len(rows) == len(ids)
    assert f"<td>{first['sentences']}</td><td>{first['mentions']}</td><td>{first['actors']}</td>" in rows[0]
    assert f"{top.iloc[0]['actor']} ({top.iloc[0]['total']})" in rows[0]
