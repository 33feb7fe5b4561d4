"""``ebp case list|show|export`` and ``ebp deidentify``: the saved case workspaces from the shell.

An encrypted workspace's passphrase is asked for without echo, or read from the first line of standard
input with ``--passphrase-stdin`` (for scripts); it is never a command-line argument, which other users
of the machine could read.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ebp.config import Settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``ebp case`` and ``ebp deidentify`` to ``ebp``."""
    p = sub.add_parser("case", help="saved case workspaces: list, show, export")
    case_sub = p.add_subparsers(dest="case_command", required=True, metavar="{list,show,export}")
    q = case_sub.add_parser("list", parents=[common], help="the saved workspaces, newest first")
    q.add_argument("--json", action="store_true", help="print JSON instead of text")
    q = case_sub.add_parser("show", parents=[common], help="one workspace")
    q.add_argument("name", help="its name, or its id (as ebp case list shows; an encrypted one has only an id)")
    q.add_argument("--json", action="store_true", help="print JSON instead of text")
    q.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from standard input")
    q = case_sub.add_parser(
        "export", parents=[common], help="a workspace as a supervision record, a case file or a teaching case"
    )
    q.add_argument("name", help="its name or id")
    formats = ("html", "docx", "pdf", "case", "teaching")
    what = "html/docx/pdf: the supervision record; case: the workspace file; teaching: a Markdown case study"
    q.add_argument("--format", choices=formats, default="html", help=what)
    q.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: NAME.FORMAT here)")
    q.add_argument("--lang", choices=("id", "en"), default="id", help="language of the record (default id)")
    q.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from standard input")
    p.set_defaults(func=cmd_case)

    p = sub.add_parser(
        "deidentify", parents=[common], help="mask names, NIK/KK, phones, e-mail, addresses, dates of birth in a text"
    )
    p.add_argument("text", help="the text (use - to read standard input)")
    p.add_argument("--lang", choices=("id", "en"), default="id", help="language of the placeholders (default id)")
    p.add_argument("--json", action="store_true", help="the masked text and each masked span with its kind")
    p.set_defaults(func=cmd_deidentify)


def cmd_deidentify(args: argparse.Namespace, settings: Settings) -> int:
    from ebp.cases.deidentify import deidentify

    text = sys.stdin.read() if args.text == "-" else args.text
    result = deidentify(text, args.lang)
    if args.json:
        masks = [asdict(m) for m in result.masks]
        print(json.dumps({"text": result.text, "masks": masks}, ensure_ascii=False, indent=1))
    else:
        print(result.text)
    return 0


def cmd_case(args: argparse.Namespace, settings: Settings) -> int:
    from ebp.cases.workspace import CaseError, CaseStore

    path = Path(settings.index_dir) / "cases.sqlite"
    if not path.exists() and args.case_command != "list":
        raise CaseError(f"no saved cases in {settings.index_dir} (no {path.name})")
    store = CaseStore(path)
    if args.case_command == "list":
        summaries = store.summaries()
        if args.json:
            print(json.dumps([asdict(s) for s in summaries], ensure_ascii=False, indent=1))
        for s in summaries if not args.json else []:
            print(f"{s.id}\t{s.updated}\t" + (s.name or "(encrypted: name hidden)"))
        if not summaries and not args.json:
            print("no saved cases", file=sys.stderr)
        return 0
    if args.case_command == "export" and args.format == "case":
        return _write(args, store.export_file(args.name), "ebpcase")
    workspace = store.get(args.name, _passphrase(args) if store.is_encrypted(args.name) else "")
    if args.case_command == "show":
        print(json.dumps(asdict(workspace), ensure_ascii=False, indent=1) if args.json else _text(workspace))
        return 0
    from ebp.cases import record

    if args.format == "teaching":
        print(record.write_teaching_case(workspace, settings.corpus_dir, args.lang))
        return 0
    if args.format == "html":
        return _write(args, record.to_html(workspace, args.lang), "html")
    return _write(args, (record.to_docx if args.format == "docx" else record.to_pdf)(workspace, args.lang), args.format)


def _passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_stdin:
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(f"passphrase for {args.name!r}: ")


def _write(args: argparse.Namespace, data: bytes | str, suffix: str) -> int:
    from ebp.present.export import file_stem

    out = args.output or Path(f"{file_stem(args.name)}.{suffix}")
    out.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    print(out)
    return 0


def _text(workspace: Any) -> str:
    q = workspace.question
    lines = [f"# {workspace.name}", f"updated {workspace.updated}", ""]
    lines += [f"{k}: {v}" for k, v in (("client", q.client), ("option", q.option), ("comparison", q.comparison),
                                         ("expected outcome", q.expected_outcome)) if v]  # fmt: skip
    lines += ["", workspace.case, ""] if workspace.case else []
    for number, e in enumerate(workspace.evidence, start=1):
        lines.append(f"[{number}] {e.item.title} (level {e.item.level.rank})")
        lines += [f"    “{f.text}” (p. {f.page})" for f in e.findings]
    for key in ("notes", "decision", "measures"):
        if getattr(workspace, key):
            lines += ["", f"{key}: {getattr(workspace, key)}"]
    for f in workspace.follow_ups:
        lines.append(f"{f.date}  {f.measure + ': ' if f.measure else ''}{f.result}")
    return "\n".join(lines)
