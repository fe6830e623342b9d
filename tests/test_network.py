"""The interaction network: its edges table, the networkx graph, the files and the chart."""

import pandas as pd

import analysis
from analysis import plots
from analysis.config import DATA, SEED_ARTICLE
from analysis.network import interaction_edges, interaction_graph, network_finding, write_network


def seed():
    return analysis.load_article(SEED_ARTICLE)


def test_the_seed_edges():
    edges = interaction_edges(seed())
    assert edges[["source_id", "target_id", "type", "count"]].values.tolist() == [
        ["kamaldinov", "kazakh-consulate-morocco", "visit", 1],
        ["kamaldinov", "maghreb-chambers-union", "meet", 1],
        ["kamaldinov", "mohammed-vi", "message", 1],
        ["kamaldinov", "morocco", "invite", 1],
        ["kamaldinov", "morocco", "praise", 1],
        ["kamaldinov", "morocco", "thank", 1],
        ["kamaldinov", "morocco", "visit", 1],
        ["kamaldinov", "bourita", "congratulate", 1],
        ["kamaldinov", "bourita", "meet", 1],
        ["kamaldinov", "bourita", "talk", 1],
        ["bourita", "kazakhstan", "praise", 1],
        ["nazarbayev", "mohammed-vi", "message", 1],
    ]


def test_denied_and_targetless_interactions_are_not_edges():
    art = analysis.parse_text("Kamaldinov did not meet Nasser Bourita. Joe Biden signed a decree.")
    assert len(art.interactions) == 2 and interaction_edges(art).empty


def test_the_graph_has_one_edge_per_type_between_two_actors():
    graph = interaction_graph(seed())
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 12
    assert sorted(graph["kamaldinov"]["bourita"]) == ["congratulate", "meet", "talk"]
    assert graph.nodes["bourita"] == {"label": "Nasser Bourita", "actor_type": "person"}


def test_graphml_and_gexf_are_the_same_bytes_every_time(tmp_path):
    first = write_network(interaction_graph(seed()), tmp_path / "a" / "network")
    second = write_network(interaction_graph(seed()), tmp_path / "b" / "network")
    assert [p.name for p in first] == ["network.graphml", "network.gexf"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert b"lastmodifieddate" not in first[1].read_bytes()


def test_the_files_read_back_with_networkx(tmp_path):
    import networkx as nx

    graphml, gexf = write_network(interaction_graph(seed()), tmp_path / "network")
    assert nx.read_graphml(graphml).number_of_edges() == 12
    assert nx.read_gexf(gexf).number_of_nodes() == 8


def test_the_chart_is_the_same_bytes_every_run_and_writes_its_data(tmp_path):
    edges = interaction_edges(seed())
    plots.interaction_network(edges, save=tmp_path / "a" / "net")
    plots.interaction_network(edges, save=tmp_path / "b" / "net")
    for suffix in (".svg", ".png", ".csv"):
        assert (tmp_path / "a" / f"net{suffix}").read_bytes() == (
            tmp_path / "b" / f"net{suffix}"
        ).read_bytes()
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "a" / "net.csv"), edges)


def test_the_chart_with_nothing_to_draw_says_so(tmp_path):
    fig = plots.interaction_network(
        interaction_edges(analysis.parse_text("Nobody met.")), save=tmp_path / "n"
    )
    assert fig._suptitle.get_text() == "No interaction between two actors was found"


def test_the_finding_on_the_seed_and_the_corpus():
    assert network_finding(interaction_edges(seed())) == (
        "Akylbek Kamaldinov dealt with 5 other actors in 10 interactions (visit 2, meet 2, message 1, "
        "invite 1, praise 1, thank 1, congratulate 1, talk 1), more than anyone else."
    )
    corpus = analysis.load_corpus(DATA / "corpus")
    assert network_finding(interaction_edges(corpus)) == (
        "Elizabeth Sherwood-Randall dealt with 3 other actors in 3 interactions (meet 3), more than anyone else."
    )


def test_the_finding_counts_one_interaction_in_the_singular():
    edges = interaction_edges(analysis.parse_text("Kamaldinov met with Nasser Bourita."))
    assert network_finding(edges) == (
        "Akylbek Kamaldinov dealt with 1 other actor in 1 interaction (meet 1), as many as Nasser Bourita."
    )
