"""`python -m saveris_desktop.cli`: the same as the `saveris-cli` command."""

from saveris_desktop.cli.main import main

if __name__ == "__main__":  # the self-test imports every module: importing must not run the command
    raise SystemExit(main())
