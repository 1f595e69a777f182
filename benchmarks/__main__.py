"""``python -m benchmarks NAME …`` (see benchmarks.cli)."""

import sys

from benchmarks.cli import main
from crawlers.bytecode_cache import cache_bytecode_outside_tree

cache_bytecode_outside_tree()  # as `khaosan bench` does: the run's processes import cached bytecode
sys.exit(main(sys.argv[1:]))
