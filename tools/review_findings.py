#!/usr/bin/env python3
"""Show how the tool's findings on samples/html/*.html differ from the reviewed
samples/html/*.findings.json, and rewrite a sample's file once its changes have been read.

Usage:
    python tools/review_findings.py                    # every difference, sample by sample
    python tools/review_findings.py --write NAME ...   # take the current findings of NAME as reviewed
    python tools/review_findings.py --write NAME --note "why"   # and replace its review note

The findings files are expectations a person signed off; never write one unread.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import check_file  # noqa: E402

HTML = ROOT / "samples" / "html"
KEPT = ("rule", "severity", "location", "expected", "actual", "message")


def reviewed_form(finding: dict) -> dict:
    """A finding as the reviewed files keep it: no fingerprint, evidence or cell list."""
    out = {k: finding[k] for k in KEPT if k in finding}
    out["location"] = {k: v for k, v in finding["location"].items() if k not in ("cells", "page", "line")}
    return out


def current(name: str) -> list[dict]:
    return [reviewed_form(f) for f in check_file(HTML / f"{name}.html").to_dict()["findings"]]


def show(name: str) -> bool:
    path = HTML / f"{name}.findings.json"
    want = json.loads(path.read_text(encoding="utf-8"))["findings"]
    got = current(name)
    key = lambda f: json.dumps(f, ensure_ascii=False, sort_keys=True)
    gone = [f for f in want if key(f) not in {key(g) for g in got}]
    new = [f for f in got if key(f) not in {key(w) for w in want}]
    if gone or new:
        print(f"== {name}")
        for f in gone:
            print(f"  - {f['rule']} {f['severity']} {f['message']}")
        for f in new:
            print(f"  + {f['rule']} {f['severity']} {f['message']}")
    return bool(gone or new)


def write(name: str, note: str | None) -> None:
    path = HTML / f"{name}.findings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"] = current(name)
    if note:
        data["note"] = note
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", nargs="*", default=None, metavar="NAME")
    parser.add_argument("--note")
    args = parser.parse_args()
    if args.write:
        for name in args.write:
            write(name, args.note)
        return 0
    changed = [show(p.stem) for p in sorted(HTML.glob("*.html"))]
    return 1 if any(changed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
