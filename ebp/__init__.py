"""ebp — an offline evidence-based-practice literature assistant for social workers."""

import os

__version__ = "0.1.0"

# torch and faiss-cpu each ship their own OpenMP runtime. With OpenMP's default (spinning) wait
# policy the two thread pools fight over the cores after every FAISS search: on two cores a query
# embedding took 1 s instead of 30 ms (``ebp bench``, 10⁶ passages). Passive waiting fixes that
# and costs no measurable embedding speed. It must be set before torch or faiss is first imported.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# oneDNN keeps a compiled kernel per matrix shape, and passages of every length make new shapes:
# under bfloat16 (``ebp.embed``) the cache grew the process by ~0.5 GiB per 2,000 passages. A
# small cache bounds it at no measured cost to speed (``benchmarks/precision_check.py``).
os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "16")
