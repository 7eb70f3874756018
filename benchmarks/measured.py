"""A command run and measured: wall seconds, CPU seconds and peak RSS (GNU time), and the largest
resident memory of its whole process tree (sampled with ps), Ray's workers apart."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import time

TIME = shutil.which("time")
"""GNU time, for the peak RSS of each run; without it only the ps samples are reported."""
SAMPLE_SECONDS = 0.25
"""How often the process tree is sampled with `ps` for its resident memory."""


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and all its descendants (and of Ray workers among them)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.tree_kb, self.workers_kb, self.workers = pid, 0, 0, 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(SAMPLE_SECONDS):
            ps = ["ps", "-eo", "pid=,ppid=,rss=,args="]
            out = subprocess.run(ps, capture_output=True, text=True).stdout
            procs = [line.split(None, 3) + [""] for line in out.splitlines() if line.strip()]
            children: dict[str, list] = {}
            for pid, ppid, rss, args, *_ in procs:
                children.setdefault(ppid, []).append((pid, int(rss), args))
            tree, stack = [], [str(self.pid)]
            while stack:
                for proc in children.get(stack.pop(), []):
                    tree.append(proc)
                    stack.append(proc[0])
            workers = [rss for _, rss, args in tree if args.startswith("ray::") and "Agent" not in args]
            self.tree_kb = max(self.tree_kb, sum(rss for _, rss, _ in tree))
            self.workers_kb = max(self.workers_kb, sum(workers))
            self.workers = max(self.workers, len(workers))


def measure(command: list[str], env: dict[str, str] | None = None) -> dict:
    """Run ``command`` under /usr/bin/time -v; wall seconds, max RSS of the timed process, tree samples."""
    start = time.perf_counter()
    proc = subprocess.Popen([TIME, "-v", *command] if TIME else command, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    cpu = [float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err)]
    return {"seconds": seconds, "rc": proc.returncode, "out": out, "err": err,
            "cpu": sum(cpu) if cpu else None, "rss_mb": int(rss.group(1)) / 1024 if rss else None,
            "tree_mb": sampler.tree_kb / 1024,
            "workers_mb": sampler.workers_kb / 1024, "workers": sampler.workers, "load": os.getloadavg()[0]}
