"""`python -m saveris_desktop.cli`: the same as the `saveris-cli` command."""

from saveris_desktop.cli.main import main

raise SystemExit(main())
