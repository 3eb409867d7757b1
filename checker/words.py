"""The language of govcheck's own sentences and help: Chinese, or English for whoever asks
(`--lang en`, or GOVCHECK_LANG=en). Each sentence keeps its two languages together in one
`Words` value beside the code that says it; calling it chooses by the run's language.
Rule findings are the rules' own words and are never translated.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
ENVIRONMENT = "GOVCHECK_LANG"

_run = {"language": DEFAULT}   # the run's language; set by main() for the run, inherited by forked workers


@dataclass(frozen=True)
class Words:
    """One sentence (a str.format template over named values) in Chinese and in English."""
    zh: str
    en: str

    def chosen(self) -> str:
        """The template in the run's language (the one place that chooses)."""
        return self.en if _run["language"] == "en" else self.zh

    def __call__(self, **values: object) -> str:
        return self.chosen().format(**values)


def language() -> str:
    return _run["language"]


def asked_language(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """The language a command line asks for, known before it is parsed (the help is built
    in it): the last `--lang X` or `--lang=X`, else GOVCHECK_LANG, else Chinese. A value
    that is no language leaves Chinese, and the parser then says what is wrong with it."""
    asked = (os.environ if environ is None else environ).get(ENVIRONMENT, "")
    words = list(argv)
    for i, word in enumerate(words):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(words):
            asked = words[i + 1]
        elif word.startswith("--lang="):
            asked = word.partition("=")[2]
    return asked if asked in LANGUAGES else DEFAULT


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """The run's language while the block runs; the one before is back afterwards."""
    before, _run["language"] = _run["language"], lang
    try:
        yield
    finally:
        _run["language"] = before
