"""The `sitroom` command: a thin layer over the library that talks to people."""
