"""Reading files and folders into source texts, exactly as written."""

from sitroom.ingest.reader import discover, read_path

__all__ = ["discover", "read_path"]
