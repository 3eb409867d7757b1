"""What a command loads: each format's library only when a file of that format comes, rich
only for the terminal, nothing of the check for --help or --version (issue 13: start-up).
Each case runs in a fresh interpreter, since this test process has imported everything."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT, SAMPLES

FORMAT_LIBRARIES = ("bs4", "lxml", "soupsieve", "pdfplumber", "pdfminer", "pypdfium2", "docx", "openpyxl")
CHECK_MODULES = ("checker.check", "checker.engine", "checker.facts", "checker.record")

PROBE = r"""
import json, runpy, sys
sys.argv = ["govcheck", *json.loads(sys.argv[1])]
try:
    runpy.run_module("checker", run_name="__main__")
except SystemExit:
    pass
print("\nMODULES " + json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded(*argv: str) -> set[str]:
    """The modules `govcheck ARGV…` has loaded by its exit."""
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps([str(a) for a in argv])], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    line = next(s for s in done.stderr.splitlines() if s.startswith("MODULES "))
    return set(json.loads(line[len("MODULES "):]))


def tops(modules: set[str], names: tuple[str, ...]) -> set[str]:
    """Which of `names` (a package or module) are among `modules`."""
    return {n for n in names if any(m == n or m.startswith(n + ".") for m in modules)}


def test_importing_the_cli_loads_no_format_library_and_no_check():
    done = subprocess.run([sys.executable, "-c", "import json, sys, checker.cli; print(json.dumps(sorted(sys.modules)))"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    modules = set(json.loads(done.stdout))
    assert tops(modules, FORMAT_LIBRARIES) == set()
    assert tops(modules, ("rich",)) == set()
    assert tops(modules, CHECK_MODULES) == set()


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["check", "--help"]], ids=" ".join)
def test_version_and_help_load_nothing_of_the_check(argv):
    modules = loaded(*argv)
    assert tops(modules, FORMAT_LIBRARIES + ("rich", "rapidfuzz", "multiprocessing")) == set()
    assert tops(modules, CHECK_MODULES) == set()


def checked(path) -> set[str]:
    """The modules a check of `path` has loaded (in this interpreter: the CLI checks one file in
    a child process, whose modules a probe of the parent would not see)."""
    code = "import json, sys; from checker import check_file; check_file(sys.argv[1]); print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    return set(json.loads(done.stdout))


def test_a_text_report_loads_no_format_library():
    assert tops(checked(SAMPLES / "qingzu_2024.txt"), FORMAT_LIBRARIES + ("rich",)) == set()


def test_a_web_page_loads_only_the_html_libraries():
    assert tops(checked(SAMPLES / "pingtan_2024.html"), FORMAT_LIBRARIES) == {"bs4", "lxml", "soupsieve"}


def test_a_word_file_loads_no_pdf_or_html_library():
    assert tops(checked(SAMPLES / "docx" / "county_2024_clean.docx"), FORMAT_LIBRARIES) == {"docx", "lxml"}   # python-docx


def test_a_pdf_loads_no_html_or_word_library():
    assert tops(checked(SAMPLES / "huaian_2024.pdf"), ("bs4", "lxml", "soupsieve", "docx", "openpyxl", "rich")) == set()


def test_json_output_loads_no_rich_and_the_terminal_does():
    assert tops(loaded("check", SAMPLES / "qingzu_2024.txt", "--format", "json"), ("rich",)) == set()
    modules = loaded("check", SAMPLES / "qingzu_2024.txt")
    assert tops(modules, ("rich",)) == {"rich"}
    assert tops(modules, CHECK_MODULES) == set(CHECK_MODULES)
