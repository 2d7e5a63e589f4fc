#!/usr/bin/env bash
# statcite's search in this tree against another commit's, both built over the same generated index in one process,
# queries and every keystroke prefix interleaved (a shared machine's speed drifts; both sides drift alike).
# Usage: bash bench/compare/compare-search.sh COMMIT [SIZE=100000]   Prints p95 (ms) per query kind, other/this.
set -euo pipefail
ref=${1:?usage: compare-search.sh COMMIT [SIZE]}
source "$(dirname "$0")/worktree.sh" "$ref"
node --import tsx bench/compare/searchAb.mts "$work/tree" "$PWD" "${2:-100000}"
