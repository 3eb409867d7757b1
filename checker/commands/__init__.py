"""The three commands, one module each (check, report, rules). cli.py imports a command's
module only when that command runs: `govcheck --help` and `--version` load none of them."""
