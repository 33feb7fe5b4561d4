#!/usr/bin/env bash
# The checks of the README's test command without the tests: run before every commit.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check ebp ebp_ui tests app.py benchmarks
.venv/bin/ruff format --check ebp ebp_ui tests app.py benchmarks
.venv/bin/mypy ebp ebp_ui app.py
