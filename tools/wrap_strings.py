"""Wrap over-long `"key": "value",` lines of ebp/present/strings_*.py into parenthesised implicit concatenation."""

import re
import sys
import textwrap

for path in sys.argv[1:]:
    out = []
    for line in open(path, encoding="utf-8").read().splitlines():
        m = re.match(r'^    "([^"]+)": "(.*)",$', line)
        if len(line) <= 120 or not m:
            out.append(line)
            continue
        key, value = m.groups()
        pieces = textwrap.wrap(value, width=100, drop_whitespace=False)
        out.append(f'    "{key}": (')
        out.extend(f'        "{p}"' for p in pieces)
        out.append("    ),")
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
