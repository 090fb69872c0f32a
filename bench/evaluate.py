"""CPU of ``thidua.services.history.evaluate`` over every cluster-year of a repository.

    python bench/evaluate.py /dev/shm/sitebench/data-2000-7            # median of 5 rounds
    python bench/evaluate.py DIR --rounds 9 --digest                   # and a digest of the results

The repository is loaded once; each round evaluates every cluster-year (standing, ranking, award
walk) and is timed with ``time.process_time`` (CPU, not wall: the machine may be shared). The
cyclic garbage collector is paused during a round, as the site build pauses it while it makes a
cluster's part. ``--digest`` prints a SHA-256 of every result (entries, contributions, messages,
exceptions) so that two versions of the ranking code can be compared for identical output.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import statistics
import time
from pathlib import Path
from typing import Any


def _contribution(c: Any) -> tuple[Any, ...]:
    return (c.indicator.id, repr(c.score), repr(c.points), repr(c.resolved), c.stage, repr(c.share))


def _entry(e: Any) -> tuple[Any, ...]:
    return (
        e.member, e.name, repr(e.total), repr(e.scored), repr(e.bonus), repr(e.deductions), sorted((k, repr(v)) for k, v in e.groups.items()),
        [_contribution(c) for c in e.contributions], e.votes, e.rank, e.decided_by, e.tied_with, e.has_points, e.placed, e.band,
    )


def _fingerprint(found: Any, result: Any) -> str:
    parts: list[Any] = [found.cluster, found.year, found.status, found.missing, found.error_files]
    if found.ranking is not None:
        r = found.ranking
        parts.append((r.tie_break, r.basis, r.also, [_entry(e) for e in r.entries], r.ties))
    if result is not None:
        parts.append((result.status, result.recommendations, result.near_misses, result.ties_at_line, result.decided, result.comparison, result.notes, result.flag_cap))
    return repr(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--digest", action="store_true", help="print a SHA-256 of every result")
    args = parser.parse_args()

    from thidua.repository.loader import load_repository
    from thidua.services.history import evaluate, every_cluster_year

    repo = load_repository(args.data)
    years = every_cluster_year(repo)
    times = []
    for _ in range(args.rounds):
        gc.disable()
        started = time.process_time()
        for cy in years:
            evaluate(repo, cy)
        times.append(time.process_time() - started)
        gc.enable()
        gc.collect()
    print(f"{len(years)} cluster-years, evaluate: median {statistics.median(times):.3f} s CPU, min {min(times):.3f} s, first {times[0]:.3f} s ({args.rounds} rounds)")
    if args.digest:
        digest = hashlib.sha256()
        for cy in years:
            digest.update(_fingerprint(*evaluate(repo, cy)).encode())
        print("digest", digest.hexdigest())


if __name__ == "__main__":
    main()
