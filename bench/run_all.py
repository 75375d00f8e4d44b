#!/usr/bin/env python3
"""Run every benchmark of bench/ (each bench/*_bench.py, in name order, defaults): `make bench`.

Each one prints its table and writes its results to bench/results/; the exit status is 1
when any benchmark misses its budget or fails.
"""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(BENCH.glob("*_bench.py")):
        print(f"\n=== {script.name} ===", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=BENCH.parent, check=False).returncode:
            failed.append(script.name)
    if failed:
        print(f"\nover budget or failing: {', '.join(failed)} (see the tables above and bench/results/)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
