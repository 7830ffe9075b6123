"""Run every benchmark module in this package, or the ones named on the command line."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import tests.benchmarks as package


def main(argv: list[str]) -> int:
    available = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))
    chosen = argv or available
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}")
        return 2
    for name in chosen:
        print(f"== {name}")
        module = importlib.import_module(f"tests.benchmarks.{name}")
        for line in module.run():
            print(f"   {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
