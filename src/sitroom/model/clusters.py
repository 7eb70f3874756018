"""Disjoint sets (union-find with path halving) for grouping mentions, actors and events."""

from __future__ import annotations


class UnionFind:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def groups(uf: UnionFind, size: int) -> list[list[int]]:
    """The members of each set, sets in order of their first member."""
    found: dict[int, list[int]] = {}
    for i in range(size):
        found.setdefault(uf.find(i), []).append(i)
    return list(found.values())
