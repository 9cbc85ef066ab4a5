"""``python -m diversity_review`` runs the command line (for laptops without the script on PATH)."""

import sys

from .cli import main

if __name__ == "__main__":  # not when a chart worker process imports the main module
    sys.exit(main())
