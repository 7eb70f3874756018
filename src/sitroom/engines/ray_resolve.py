"""Cross-document resolution on the Ray cluster a build analysed on: the connected parts of the local
actors (``resolve.partition``) resolved by Ray tasks, in batches of about the same number of local
actors, the corpus's acronym expansions put in the object store once. The groups come back to this
process, which names the actors, groups the events and writes the room (DuckDB has one writer).

Needs the optional extra: ``pip install 'sitroom[ray]'``.
"""

from __future__ import annotations

import os

from sitroom.resolve.across import LocalActor, resolve
from sitroom.resolve.partition import resolve_here, resolve_in_parts

MIN_ON_RAY = 20_000
"""Fewer local actors than this are resolved in this process: sending them out costs more than it saves
(the 840 PolNeAR train texts hold ~24,000, resolved in ~1.4 s on one core)."""
BATCHES_PER_CPU = 3
"""Batches per CPU of the cluster: enough that a slow batch does not hold the others up."""


def groups_on_ray(nodes: list[LocalActor], minimum: int = MIN_ON_RAY, anywhere: bool = False
                  ) -> list[list[int]]:
    """``resolve.across.resolve(nodes)`` (the same groups), its parts resolved on the Ray cluster this
    process is connected to, when that cluster has more CPUs than this machine (or ``anywhere``) and
    there are at least ``minimum`` nodes; else in this process. On one machine the cluster only costs:
    10,080 PolNeAR documents' 284,712 local actors took 15.6 s on a local 2-CPU cluster against 5.4 s
    in this process, sending them out costing more than the second CPU saves. A build whose every
    block was done before starts no cluster: resolved here too."""
    import ray

    if len(nodes) < minimum or not ray.is_initialized():
        return resolve(nodes)
    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    if cpus <= (os.cpu_count() or 1) and not anywhere:
        return resolve(nodes)
    batches = cpus * BATCHES_PER_CPU
    return resolve_in_parts(nodes, lambda parts, spelled: _on_ray(ray, parts, spelled, batches))


def _on_ray(ray, parts: list[list[LocalActor]], spelled: dict[str, str], batches: int
            ) -> list[list[list[int]]]:
    """The groups of each part, the parts resolved in ``batches`` Ray tasks (largest parts first, each
    to the batch holding the fewest local actors so far), ``spelled`` sent to the cluster once."""
    if not parts:
        return []
    shared = ray.put(spelled)
    bins: list[list[int]] = [[] for _ in range(min(batches, len(parts)))]
    load = [0] * len(bins)
    for k in sorted(range(len(parts)), key=lambda k: len(parts[k]), reverse=True):
        lightest = load.index(min(load))
        bins[lightest].append(k)
        load[lightest] += len(parts[k])
    task = ray.remote(resolve_here)  # (a Ray task: the groups of each of its parts)
    found = ray.get([task.remote([parts[k] for k in members], shared) for members in bins])
    out: list[list[list[int]]] = [[] for _ in parts]
    for members, results in zip(bins, found, strict=True):
        for k, groups in zip(members, results, strict=True):
            out[k] = groups
    return out
