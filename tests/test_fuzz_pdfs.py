"""A seeded mutation fuzzer: damaged copies of real PDFs must each get a status, within the time limit.

Mutations are what damaged downloads and broken writers do: truncation, flipped bytes, a zeroed or
missing cross-reference table, duplicated objects, damaged compressed streams, wrong stream
lengths. A case's file name says which seed and which mutations; ``make_case`` rebuilds it.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from ebp.ingest.isolate import IsolatedParser
from ebp.ingest.read import Limits

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL_SEEDS = (  # small real papers, with xref tables and with xref streams
    "en_grobid_Wang_AVE2008.pdf",
    "en_cermine_test3_phytochemical_phoenix.pdf",
    "en_cermine_example1_intl_psychogeriatrics.pdf",
    "en_unstructured_layoutparser_paper_excerpt.pdf",
)
FUZZ_SEED = 20_240_611
LIMITS = Limits(seconds=20, memory_mb=1024)
MARGIN_SECONDS = 5.0
STATUSES = frozenset(
    {"ok", "ok_partial", "encrypted", "no_text_layer", "not_a_pdf", "corrupt", "too_large", "timeout", "empty"}
)

Mutation = Callable[[bytes, random.Random], bytes]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _xref_start(data: bytes) -> int:
    """Where the last cross-reference section starts: the offset after ``startxref``, else the middle."""
    found = re.findall(rb"startxref\s+(\d+)", data[-2048:])
    offset = int(found[-1]) if found else len(data) // 2
    return offset if 0 <= offset < len(data) else len(data) // 2


def zero_xref(data: bytes, rng: random.Random) -> bytes:
    start = _xref_start(data)
    end = min(len(data), start + rng.randint(16, 4096))
    return data[:start] + bytes(end - start) + data[end:]


def drop_xref(data: bytes, rng: random.Random) -> bytes:
    start = _xref_start(data)
    end = data.rfind(b"startxref")
    return data[:start] + data[end:] if end > start else data[:start]


def duplicate_objects(data: bytes, rng: random.Random) -> bytes:
    """Copy whole ``n 0 obj … endobj`` blocks to other places, some with a damaged copy."""
    objects = [m.span() for m in re.finditer(rb"\d+ \d+ obj.{0,20000}?endobj", data, re.DOTALL)]
    if not objects:
        return flip_bytes(data, rng)
    out = data
    for _ in range(rng.randint(1, 8)):
        start, end = rng.choice(objects)
        block = data[start:end]
        if rng.random() < 0.5:
            block = flip_bytes(block, rng)
        at = rng.randrange(len(out))
        out = out[:at] + b"\n" + block + b"\n" + out[at:]
    return out


def damage_streams(data: bytes, rng: random.Random) -> bytes:
    """Flip bytes inside compressed streams only: the file still opens, decoding and extraction suffer."""
    streams = [m.span(1) for m in re.finditer(rb"stream\r?\n(.{64,}?)endstream", data, re.DOTALL)]
    if not streams:
        return flip_bytes(data, rng)
    out = bytearray(data)
    for start, end in rng.sample(streams, k=min(len(streams), rng.randint(1, 6))):
        for _ in range(rng.randint(1, 16)):
            out[rng.randrange(start, end)] = rng.randrange(256)
    return bytes(out)


def wrong_lengths(data: bytes, rng: random.Random) -> bytes:
    """Replace stream ``/Length`` values with others, some huge."""
    choices = [b"0", b"1", b"999999999", b"-5", b"2147483648"]
    return re.sub(
        rb"/Length (\d+)",
        lambda m: b"/Length " + (rng.choice(choices) if rng.random() < 0.3 else m.group(1)),
        data,
    )


MUTATIONS: dict[str, Mutation] = {
    f.__name__: f
    for f in (truncate, flip_bytes, zero_xref, drop_xref, duplicate_objects, damage_streams, wrong_lengths)
}


def make_case(seed_pdf: bytes, case_seed: int) -> tuple[str, bytes]:
    """One to three mutations chosen and applied with ``random.Random(case_seed)``."""
    rng = random.Random(case_seed)
    names = rng.sample(sorted(MUTATIONS), k=rng.randint(1, 3))
    data = seed_pdf
    for name in names:
        data = MUTATIONS[name](data, rng) or data[:1]
    return "+".join(names), data


def fuzz(seeds: dict[str, bytes], cases: int, folder: Path) -> Counter[str]:
    paths = []
    for i in range(cases):
        seed_name = sorted(seeds)[i % len(seeds)]
        label, data = make_case(seeds[seed_name], FUZZ_SEED + i)
        path = folder / f"case{i:03d}_{Path(seed_name).stem[:20]}_{label}.pdf"
        path.write_bytes(data)
        paths.append(path)
    with IsolatedParser(LIMITS, workers=2) as parser:
        outcomes = list(parser.parse_many(paths, folder))
    assert [o.path for o in outcomes] == paths  # one outcome per case, none raised
    unexpected = {o.path.name: f"{o.status}: {o.result}" for o in outcomes if o.status not in STATUSES}
    assert not unexpected
    slow = {o.path.name: round(o.seconds, 1) for o in outcomes if o.seconds > LIMITS.seconds + MARGIN_SECONDS}
    assert not slow
    return Counter(o.status for o in outcomes)


@pytest.fixture
def generated_pdf(tmp_path: Path, make_pdf) -> bytes:  # type: ignore[no-untyped-def]
    pages = [f"Page {i}: a parent support programme reduced neglect reports over two years. " * 8 for i in range(4)]
    return make_pdf(tmp_path / "seed" / "generated.pdf", pages, title="Fuzz seed", author="Test").read_bytes()


def test_mutations_are_deterministic(generated_pdf: bytes) -> None:
    assert make_case(generated_pdf, 7) == make_case(generated_pdf, 7)
    assert make_case(generated_pdf, 7) != make_case(generated_pdf, 8)


def test_fuzz_smoke_20_cases(tmp_path: Path, generated_pdf: bytes) -> None:
    statuses = fuzz({"generated.pdf": generated_pdf}, 20, tmp_path)
    assert sum(statuses.values()) == 20
    assert len(statuses) > 1, statuses  # the mutations do damage something


@pytest.mark.slow
def test_fuzz_real_pdfs_220_cases(tmp_path: Path, generated_pdf: bytes) -> None:
    real = SHARED / "data" / "pdfs" / "real" / "en"
    if not real.is_dir():
        pytest.skip(f"shared real PDFs not available: {real}")
    seeds = {name: (real / name).read_bytes() for name in REAL_SEEDS} | {"generated.pdf": generated_pdf}
    statuses = fuzz(seeds, 220, tmp_path)
    print(f"fuzz statuses over 220 cases: {dict(statuses)}")
    assert sum(statuses.values()) == 220
