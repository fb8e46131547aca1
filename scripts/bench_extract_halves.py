#!/usr/bin/env python3
"""F1 of a predictions file on each half of a labelled set, with the set's own scorer (eval.py).

usage: bench_extract_halves.py SHARED_SET_DIR PREDICTIONS METRIC
Prints "A B" (two F1 values). A page is in half A when the first hex digit of SHA-1 of its id is below 8:
a fixed split that no page's content decides, so tuning on A and reporting B is honest.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

set_dir, predictions, metric = sys.argv[1:4]
truth = json.load(open(f"{set_dir}/ground-truth.json"))
scores = []
for half in "AB":
    part = {k: v for k, v in truth.items() if (int(hashlib.sha1(k.encode()).hexdigest()[0], 16) < 8) == (half == "A")}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(part, f)
    out = subprocess.run(["python3", f"{os.path.dirname(set_dir.rstrip('/'))}/eval.py", "--truth", f.name, "--pred", predictions,
                          "--metric", metric], capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    scores.append(next(line.split()[1] for line in out.splitlines() if line.startswith("f1")))
print(" ".join(scores))
