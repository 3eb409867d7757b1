"""Exit statuses of the govcheck command."""

OK = 0          # checked; no finding at or above --fail-on
FINDINGS = 1    # checked; findings at or above --fail-on
BAD_INPUT = 2   # could not check: missing, empty, unreadable, not a report; bad options
INTERNAL = 3    # a bug in govcheck: rerun with --debug
INTERRUPTED = 130  # stopped by Ctrl-C (SIGINT); with --db what was stored stays, and the same command resumes
