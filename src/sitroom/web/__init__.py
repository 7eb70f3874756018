"""The local web UI and JSON API: read-only pages over a room (`sitroom serve`)."""
