"""``python -m ebp`` runs the command-line interface."""

from ebp.cli import main

raise SystemExit(main())
