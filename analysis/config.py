"""Where the project's inputs and outputs live, and the fixed palettes every chart uses.

Paths are resolved from the package location, so notebooks, tests and the command line agree
on them wherever they are started from.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
REGISTRY_DIR = DATA / "registry"
PROCESSED = DATA / "processed"
FIGURES = ROOT / "figures"
NOTEBOOKS = ROOT / "notebooks"

SEED_ARTICLE = SEEDS / "000_0b4bcfabde42e6f6.txt"
REGISTRY_FILES = (
    REGISTRY_DIR / "countries.csv",
    REGISTRY_DIR / "organizations.csv",
    REGISTRY_DIR / "actors.csv",
)
TOPIC_LEXICON = DATA / "topics.csv"
VERBS = DATA / "verbs.csv"
GOLD = DATA / "gold"

# Okabe-Ito: distinguishable under the common colour-vision deficiencies.
ACTOR_TYPE_COLORS = {
    "person": "#0072B2",
    "country": "#E69F00",
    "organization": "#009E73",
    "event": "#CC79A7",
    "place": "#000000",  # not sky blue: too close to a person's title shade (blue, lightened)
    "facility": "#D55E00",
}
# How an actor was referred to, drawn as the actor type's colour blended towards white by this
# much: the plain name darkest, so one bar reads both as a type (hue) and as kinds (lightness).
MENTION_KIND_TINT = {"name": 0.0, "title": 0.35, "pronoun": 0.6, "adjective": 0.8}
# One colour per gold set (accuracy charts): in the repository, development, held out.
GOLD_SET_COLORS = {
    "repo": "#0072B2",
    "dev": "#E69F00",
    "blind": "#009E73",
    "blind2": "#CC79A7",
    "blind3": "#D55E00",
    "blind4": "#56B4E9",
    "blind5": "#F0E442",
    "blind6": "#000000",
    "blind7": "#999999",
    "blind8": "#882255",
    "blind9": "#44AA99",
    "blind10": "#DDCC77",
    "blind11": "#332288",
    "blind12": "#117733",
    "blind13": "#AA4499",
    "blind14": "#661100",
    "blind15": "#6699CC",
    "blind16": "#AA4466",
    "blind17": "#4477AA",
    "blind18": "#999933",
}
# One colour per interaction type (network edges): Okabe-Ito first, then darker companions.
INTERACTION_TYPE_COLORS = {
    "meet": "#0072B2",
    "visit": "#E69F00",
    "host": "#56B4E9",
    "call": "#009E73",
    "talk": "#CC79A7",
    "negotiate": "#D55E00",
    "sign": "#8C6D1F",
    "invite": "#6A3D9A",
    "praise": "#1B9E77",
    "thank": "#66A61E",
    "congratulate": "#E7298A",
    "message": "#444444",
    "support": "#A6761D",
    "criticize": "#B2182B",
    "agree": "#2166AC",
    "other": "#999999",
}
