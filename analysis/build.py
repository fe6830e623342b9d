"""``make figures``: regenerate every table and figure from ``seeds/``.

``python -m analysis.build tables`` parses the seed article into ``data/processed/*.csv``;
``python -m analysis.build all`` does that, writes the seed's annotated page to
``figures/article.html`` and then executes every notebook in order, in place, which writes the
figures into ``figures/``. Any failure exits non-zero with its reason.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from analysis.article import load_article
from analysis.config import FIGURES, PROCESSED, ROOT, SEED_ARTICLE
from analysis.errors import AnalysisInputError
from analysis.export import write_tables
from analysis.notebooks import NotebookFailed, execute_notebook, notebook_paths
from analysis.render import write_html


def build_tables() -> None:
    art = load_article(SEED_ARTICLE)
    for path in write_tables(art, PROCESSED):
        print(f"wrote {path.relative_to(ROOT)}")


def build_page(folder: Path = FIGURES) -> Path:
    """The seed's annotated page, ``article.html``, into ``folder``."""
    path = write_html(load_article(SEED_ARTICLE), folder / "article.html")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return path


def build_notebooks() -> None:
    for path in notebook_paths():
        began = time.perf_counter()
        execute_notebook(path)
        print(f"ran {path.parent.name}/{path.name} in {time.perf_counter() - began:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.build", description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=["tables", "all"], help="tables only, or tables then notebooks")
    args = parser.parse_args(argv)
    try:
        build_tables()
        if args.target == "all":
            build_page()
            build_notebooks()
    except (AnalysisInputError, NotebookFailed) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
