"""Screenshots of every screen at one display scaling: `python -m tests.ui.screenshots --scale 1.5`.

Qt takes the scaling (QT_SCALE_FACTOR) only when the application starts, so each scaling is a
process of its own: this one sets the scaling and an offscreen screen of a 1920×1080 laptop, then
runs tests/ui/screenshot_scenes.py with pytest (light and dark, German and English). The exit code
is pytest's: 0 when every screen fits. tests/ui/test_screenshots.py runs it at 100, 125 and 150 %.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

SCENES = Path(__file__).with_name("screenshot_scenes.py")
#: the laptop's screen in physical pixels; at 150 % that is 1280×720 logical pixels
SCREEN = (1920, 1080)


def folder_name(scale: float) -> str:
    return f"{round(scale * 100)}-percent"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, required=True, help="1.0, 1.25, 1.5, …")
    parser.add_argument("--out", type=Path, required=True, help="the pictures go to OUT/<scale>-percent")
    parser.add_argument("--fewer", action="store_true", help="one logger's tabs, one hotspot guide")
    args = parser.parse_args(argv)
    out = args.out.resolve() / folder_name(args.scale)
    shutil.rmtree(out, ignore_errors=True)  # pictures of an earlier run would pass for this one's
    out.mkdir(parents=True)
    work = out / ".run"
    work.mkdir()
    config = work / "screen.json"
    width, height = SCREEN
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ["SAVERIS_SCREENSHOT_OUT"] = str(out)
    os.environ["SAVERIS_SCREENSHOT_FEWER"] = "1" if args.fewer else "0"

    import pytest  # only now: nothing of Qt may start before the scaling is set

    try:
        return int(
            pytest.main(
                [str(SCENES), "-q", "-p", "no:cacheprovider", f"--basetemp={work / 'tmp'}", "--no-header"]
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
