"""``python -m analysis ARTICLE --out DIR``: see ``analysis.cli``."""

import sys

from analysis.cli import main

sys.exit(main())
