"""``python -m pmark3.seed OUT_DIR [--seed N] [--work-orders N] [--as-of YYYY-MM-DD]``: write the demo data as JSONL."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from pmark3.seed import DEFAULT_AS_OF, DEFAULT_SEED, generate_plant, write_jsonl


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pmark3.seed", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work-orders", type=int, default=30000)
    parser.add_argument("--as-of", type=date.fromisoformat, default=DEFAULT_AS_OF)
    args = parser.parse_args(argv)
    data = generate_plant(args.seed, work_orders=args.work_orders, as_of=args.as_of)
    for name, path in write_jsonl(data, args.out_dir).items():
        print(f"{name}: {path}")
    print(f"{len(data.locations)} locations, {len(data.work_orders)} work orders, {len(data.procedures)} procedures")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
