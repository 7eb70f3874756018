"""`python -m sitroom`: the same as the `sitroom` command."""

from sitroom.cli.main import main

main()
