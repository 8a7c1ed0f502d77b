"""Times Debian's python3-readability over the pages in a folder: prints "pages wall-seconds cpu-seconds"."""
import os
import sys
import time

from readability import Document

folder, count = sys.argv[1], int(sys.argv[2])
pages = [open(os.path.join(folder, f), encoding="utf-8", errors="replace").read() for f in sorted(os.listdir(folder))]


def extract(html):
    try:
        return len(Document(html).summary())
    except Exception:  # a page the tool cannot parse still counts as work done
        return 0


for i in range(min(20, count)):
    extract(pages[i % len(pages)])
cpu = time.process_time()
start = time.perf_counter()
for i in range(count):
    extract(pages[i % len(pages)])
print(count, time.perf_counter() - start, time.process_time() - cpu)
