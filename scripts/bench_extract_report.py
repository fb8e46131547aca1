#!/usr/bin/env python3
"""Formats the extraction benchmark (scripts/bench-extract.sh) as a Markdown section.

usage: bench_extract_report.py OUT_DIR SHARED_DIR SWIFT_VERSION TRAFILATURA_VERSION LIBXML2_VERSION
"""
import datetime
import json
import os
import platform
import re
import statistics
import sys

out, shared, swift_version, traf_version, libxml_version = sys.argv[1:6]


def summary_runs(path):
    """ingestd's summary lines: median of the per-run median_ms, max peak RSS."""
    runs = [dict(re.findall(r"(\w+)=([\d.]+)", line)) for line in open(path) if line.startswith("extract:")]
    return statistics.median(float(r["median_ms"]) for r in runs), max(int(r["peak_rss_mb"]) for r in runs), len(runs)


def scores(path):
    text = open(path).read()
    return {k: float(v) for k, v in re.findall(r"^(f1|precision|recall)\s+([\d.]+)", text, re.M)}


def traf_times(path):
    return [float(line.split("\t")[4]) * 1000 for line in open(path) if not line.startswith("id")
            if line.split("\t")[4].strip() not in ("", "nan")]


def agreement(pred_path, truth_path):
    """Share of labeled WCXB pages whose date (YYYY-MM-DD) and author agree with ours."""
    pred, truth = json.load(open(pred_path)), json.load(open(truth_path))
    dates = [(truth[k]["publish_date"], (pred.get(k, {}).get("published") or "")[:10]) for k in truth
             if truth[k].get("publish_date") not in (None, "", "None")]
    authors = [(truth[k]["author"].lower(), (pred.get(k, {}).get("author") or "").lower()) for k in truth
               if truth[k].get("author") not in (None, "", "None")]
    date_ok = sum(t[:10] == p for t, p in dates)
    author_ok = sum(bool(p) and (p in t or t in p or bool(set(t.split()) & set(p.split()))) for t, p in authors)
    return date_ok, len(dates), author_ok, len(authors)


rows = []
all_traf = []
for name, label in (("scrapinghub", "ScrapingHub (181 pages, shingle F1)"), ("wcxb-dev-articles", "WCXB dev articles (300 pages, wcxb F1)")):
    ours_median, ours_rss, runs = summary_runs(f"{out}/{name}-runs.txt")
    traf = traf_times(f"{out}/{name}-trafilatura.tsv")
    all_traf += traf
    s_ours, s_traf = scores(f"{out}/{name}-ingestd.txt"), scores(f"{out}/{name}-trafilatura.txt")
    rows.append((label, s_ours, s_traf, ours_median, statistics.median(traf), ours_rss))
all_median, all_rss, runs = summary_runs(f"{out}/all-runs.txt")
date_ok, dates, author_ok, authors = agreement(f"{out}/wcxb-dev-articles-pred.json",
                                               f"{shared}/wcxb-dev-articles/ground-truth.json")

print(f"## Extraction (issue 4), {datetime.date.today().isoformat()}\n")
print("Reproduce with `make bench-extract` (scripts/bench-extract.sh). Both extractors run in the same session on the same")
print(f"pages; per-page times are in process (ingestd: median of {runs} runs of `ingestd extract`; trafilatura: `eval.py --trafilatura`).")
print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Linux {platform.release()}; {swift_version}; libxml2 {libxml_version};")
print(f"trafilatura {traf_version}.\n")
print("| set | ingestd F1 (P / R) | trafilatura F1 (P / R) | ingestd median ms/page | trafilatura median ms/page | ratio | ingestd peak RSS |")
print("|---|---|---|---|---|---|---|")
for label, so, st, om, tm, rss in rows:
    print(f"| {label} | {so['f1']:.3f} ({so['precision']:.3f} / {so['recall']:.3f}) | {st['f1']:.3f} ({st['precision']:.3f} / {st['recall']:.3f}) "
          f"| {om:.2f} | {tm:.1f} | 1/{tm / om:.1f} | {rss} MB |")
traf_all = statistics.median(all_traf)
print(f"| both sets (481 pages) | | | {all_median:.2f} | {traf_all:.1f} | 1/{traf_all / all_median:.1f} | {all_rss} MB |")
print()
print(f"Metadata against the WCXB labels: published date agrees on {date_ok} of {dates} labeled pages "
      f"({date_ok / max(1, dates):.0%}); author on {author_ok} of {authors} ({author_ok / max(1, authors):.0%}).")
