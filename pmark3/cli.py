"""The ``pmark3`` command line: ask, batch, serve, eval, seed, ingest, outbox.

Bad input exits 2 with one line on stderr; an outside failure exits 1; never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from pmark3.errors import InvalidRequest, PMark3Error

log = logging.getLogger("pmark3")


class UsageError(InvalidRequest):
    """Bad command-line input (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="pmark3", description="Maintenance requests to KKS / ISO 14224 coded notifications.")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress and details to stderr")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ask = sub.add_parser("ask", help="code one request and print the result")
    ask.add_argument("text")
    ask.add_argument("--session", help="continue this session (a follow-up turn)")
    ask.add_argument("--json", action="store_true", help="print the JSON result")

    batch = sub.add_parser("batch", help="code every line of a JSONL file")
    batch.add_argument("input", type=Path, help='lines of {"id", "text", "history"?, "session_id"?}')
    batch.add_argument("--out", type=Path, help="output JSONL (default: stdout)")
    batch.add_argument(
        "--processes",
        type=_positive_int,
        default=None,
        help="worker processes (default: one per core; 1 runs on threads in one process)",
    )

    serve = sub.add_parser("serve", help="serve the local HTTP API and the portal page")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)

    ev = sub.add_parser("eval", help="measure accuracy on a labeled JSONL file")
    ev.add_argument("input", type=Path)
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--retrieval", action="store_true", help="the file holds labeled retrieval queries")
    ev.add_argument(
        "--query-vectors",
        choices=("full", "composed"),
        default="full",
        help="with --retrieval: query vectors as online (full, the default) or as `pmark3 batch` makes them",
    )

    seed = sub.add_parser("seed", help="build the demo plant data and the search index")
    seed.add_argument("--force", action="store_true", help="rebuild even if data exists")

    sub.add_parser("migrate", help="bring the database schema to the latest migration (SQLite or Azure SQL)")

    ingest = sub.add_parser("ingest", help="feed CMMS-shaped messages (JSONL) through the Service Bus code path")
    ingest.add_argument("input", type=Path)

    outbox = sub.add_parser("outbox", help="the local outbox of results for the CMMS")
    outbox_sub = outbox.add_subparsers(dest="outbox_command", required=True, parser_class=_Parser)
    export = outbox_sub.add_parser("export", help="write the outbox as JSONL")
    export.add_argument("--out", type=Path, help="output file (default: stdout)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except UsageError as exc:
        print(f"pmark3: error: {exc.message}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return _dispatch(args)
    except InvalidRequest as exc:
        print(f"pmark3: error: {exc.message}", file=sys.stderr)
        return 2
    except PMark3Error as exc:
        print(f"pmark3: failed: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pmark3: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback only with -v
        log.debug("unexpected error", exc_info=True)
        if args.verbose:
            log.exception("unexpected error")
        print(f"pmark3: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    from pmark3 import commands

    handlers: dict[str, Any] = {
        "ask": commands.ask,
        "batch": commands.batch,
        "serve": commands.serve,
        "eval": commands.evaluate,
        "seed": commands.seed,
        "migrate": commands.migrate,
        "ingest": commands.ingest,
        "outbox": commands.outbox,
    }
    return int(handlers[args.command](args))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
