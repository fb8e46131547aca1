#!/usr/bin/env python3
"""Formats the extraction benchmark (scripts/bench-extract.sh) as a Markdown section.

usage: bench_extract_report.py OUT_DIR SHARED_DIR SWIFT_VERSION TRAFILATURA_VERSION LIBMODEST_VERSION
"""
import datetime
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys

out, shared, swift_version, traf_version, modest_version = sys.argv[1:6]
here = os.path.dirname(os.path.abspath(__file__))


def page_times(out, name):
    """ingestd's time per page: the median over the runs of `--timings`; and the peak RSS of the runs."""
    runs = sorted(glob.glob(f"{out}/{name}-times-*.tsv"))
    per_page = {}
    for path in runs:
        for line in open(path):
            page, ms = line.split("\t")
            per_page.setdefault(page, []).append(float(ms))
    rss = max(int(dict(re.findall(r"(\w+)=([\d.]+)", line))["peak_rss_mb"])
              for line in open(f"{out}/{name}-runs.txt") if line.startswith("extract:"))
    return [statistics.median(v) for v in per_page.values()], rss, len(runs)


def scores(path):
    text = open(path).read()
    return {k: float(v) for k, v in re.findall(r"^(f1|precision|recall)\s+([\d.]+)", text, re.M)}


def traf_times(out, name):
    """trafilatura's time per page: the median over its runs (eval.py --per-page, seconds)."""
    per_page = {}
    for path in glob.glob(f"{out}/{name}-trafilatura-*.tsv"):
        for line in open(path):
            cells = line.rstrip("\n").split("\t")
            if cells[0] != "id" and cells[4] not in ("", "nan"):
                per_page.setdefault(cells[0], []).append(float(cells[4]) * 1000)
    return [statistics.median(v) for v in per_page.values()]


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


def halves(name, predictions, metric):
    """F1 on half A and half B of a set (bench_extract_halves.py)."""
    return subprocess.run(["python3", f"{here}/bench_extract_halves.py", f"{shared}/{name}", predictions, metric],
                          capture_output=True, text=True, check=True).stdout.split()


sets = (("scrapinghub", "ScrapingHub (181 pages, shingle F1)", "shingle"),
        ("wcxb-dev-articles", "WCXB dev articles (300 pages, wcxb F1)", "wcxb"),
        ("wcxb-dev-articles-more", "WCXB dev articles, the other 421 (wcxb F1)", "wcxb"))
rows = []
all_ours, all_traf = [], []
for name, label, metric in sets:
    ours, rss, runs = page_times(out, name)
    traf = traf_times(out, name)
    all_ours += ours
    all_traf += traf
    s_ours, s_traf = scores(f"{out}/{name}-ingestd.txt"), scores(f"{out}/{name}-trafilatura.txt")
    h_ours = halves(name, f"{out}/{name}-pred.json", metric)
    h_traf = halves(name, f"{out}/{name}-trafilatura-pred.json", metric)
    rows.append((label, s_ours, s_traf, h_ours, h_traf, statistics.median(ours), statistics.median(traf), rss))
all_median, all_rss = statistics.median(all_ours), max(r[7] for r in rows)

print(f"## Extraction (issues 4 and 27), {datetime.date.today().isoformat()}\n")
print("Reproduce with `make bench-extract` (scripts/bench-extract.sh). Both extractors run in the same session on the same")
print(f"pages, alternated run by run ({runs} runs each); per-page times are in process (ingestd: `ingestd extract --timings`;")
print("trafilatura: `eval.py --trafilatura`), and each page counts with its median over the runs. The machine is shared")
print("and noisy: read the ratio, not the milliseconds. Halves: a page is in A when the first hex digit of SHA-1(id) is")
print("below 8 (`scripts/bench_extract_halves.py`); rules were tuned on A, B is held out.")
print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Linux {platform.release()}; {swift_version}; MyHTML (libmodest) {modest_version};")
print(f"trafilatura {traf_version}.\n")
print("| set | ingestd F1 (P / R) | halves A / B | trafilatura F1 (P / R) | halves A / B | ingestd median ms/page | trafilatura median ms/page | ratio | ingestd peak RSS |")
print("|---|---|---|---|---|---|---|---|---|")
for label, so, st, ho, ht, om, tm, rss in rows:
    print(f"| {label} | {so['f1']:.3f} ({so['precision']:.3f} / {so['recall']:.3f}) | {ho[0]} / {ho[1]} "
          f"| {st['f1']:.3f} ({st['precision']:.3f} / {st['recall']:.3f}) | {ht[0]} / {ht[1]} "
          f"| {om:.2f} | {tm:.1f} | 1/{tm / om:.1f} | {rss} MB |")
traf_all = statistics.median(all_traf)
print(f"| all three sets ({len(all_ours)} pages) | | | | | {all_median:.2f} | {traf_all:.1f} | 1/{traf_all / all_median:.1f} | {all_rss} MB |")
print()
for name in ("wcxb-dev-articles", "wcxb-dev-articles-more"):
    date_ok, dates, author_ok, authors = agreement(f"{out}/{name}-pred.json", f"{shared}/{name}/ground-truth.json")
    print(f"Metadata against the `{name}` labels: published date agrees on {date_ok} of {dates} labeled pages "
          f"({date_ok / max(1, dates):.0%}); author on {author_ok} of {authors} ({author_ok / max(1, authors):.0%}).")
