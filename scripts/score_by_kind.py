#!/usr/bin/env python3
"""Per-kind duplicate figures for a corpus with truth (`ingestd bench corpus`).

usage: python3 scripts/score_by_kind.py TRUTH.jsonl PRED.jsonl

TRUTH lines are {"id", "cluster", "kind"}; PRED lines are {"id", "cluster"} (`ingestd clusters
export`). For syndicated copies and rewrites: how many were put with their original. For
every other kind: how many were put in a cluster with a document of another truth cluster
(false merges). Pair precision, recall and F1 come from ../shared/dedup/score.py.
"""
import json
import sys
from collections import Counter, defaultdict


def main(truth_path, pred_path):
    truth, kind = {}, {}
    for line in open(truth_path):
        d = json.loads(line)
        truth[d["id"]], kind[d["id"]] = d["cluster"], d["kind"]
    pred = {}
    for line in open(pred_path):
        d = json.loads(line)
        pred[d["id"]] = d["cluster"]
    original = {c: i for i, c in truth.items() if kind[i] == "original"}
    members = defaultdict(list)
    for i, c in pred.items():
        members[c].append(i)
    stats = defaultdict(Counter)
    for i, k in kind.items():
        stats[k]["n"] += 1
        if k in ("syndicated", "rewrite"):
            if i in pred and pred[i] == pred.get(original.get(truth[i])):
                stats[k]["found"] += 1
        elif i in pred and any(truth[j] != truth[i] for j in members[pred[i]]):
            stats[k]["falsely_merged"] += 1
    for k, v in sorted(stats.items()):
        if k in ("syndicated", "rewrite"):
            print(f"{k}: {v['found']}/{v['n']} with their original ({v['found'] / v['n']:.3f})")
        else:
            print(f"{k}: {v['falsely_merged']}/{v['n']} falsely merged ({v['falsely_merged'] / v['n']:.3f})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
