#!/usr/bin/env bash
# statcite's search in this tree against another commit's, both built over the same generated index in one process,
# queries and every keystroke prefix interleaved (a shared machine's speed drifts; both sides drift alike).
# Run both ways round (A/B then B/A): the tree loaded second measured slower with identical code.
# Usage: bash bench/compare/compare-search.sh COMMIT [SIZE=100000]   Prints p95 (ms) per query kind, A/B, each way round
# ("tree" is the commit, "main" or this folder's name this tree).
set -euo pipefail
ref=${1:?usage: compare-search.sh COMMIT [SIZE]}
source "$(dirname "$0")/worktree.sh" "$ref"
# Both ways round: with identical code, the tree loaded second (B) measured about 15 % slower on phrases.
node --import tsx bench/compare/searchAb.mts "$work/tree" "$PWD" "${2:-100000}"
node --import tsx bench/compare/searchAb.mts "$PWD" "$work/tree" "${2:-100000}"
