"""``python -m diversity_review`` runs the command line (for laptops without the script on PATH)."""

import sys

from .cli import main

sys.exit(main())
