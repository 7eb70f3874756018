"""A digest of parts of sitroom's own code and data: what a room records to know which code wrote it."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path


def code_digest(parts: tuple[str, ...]) -> str:
    """16 hex digits over the .py, .yaml, .json and .sql files under the sub-packages ``parts``."""
    digest = hashlib.sha256()
    package = Path(str(resources.files("sitroom")))
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package).parts
        wanted = path.suffix in (".py", ".yaml", ".json", ".sql") and "__pycache__" not in rel
        if wanted and rel[0] in parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
