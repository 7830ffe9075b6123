"""`python -m saveris_desktop` starts the app."""

from saveris_desktop.app import main

raise SystemExit(main())
