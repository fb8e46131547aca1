#!/usr/bin/env python3
"""Runs a command and prints its peak resident memory: `peak_rss.py CMD ARGS...` passes the
command's own stdout and stderr through, then writes "PEAK_RSS_KB <n>" to stderr and exits
with the command's status. The child is forked, not spawned, so its high-water mark is its
own (a vfork'd child's ru_maxrss also counts its parent's memory)."""
import os, sys

pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"PEAK_RSS_KB {usage.ru_maxrss}\n")
sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
