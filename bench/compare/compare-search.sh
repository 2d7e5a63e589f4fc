#!/usr/bin/env bash
# statcite's search in this tree against another commit's, both built over the same generated index in one process,
# queries and every keystroke prefix interleaved (a shared machine's speed drifts; both sides drift alike).
# Usage: bash bench/compare/compare-search.sh COMMIT [SIZE=100000]   Prints p95 (ms) per query kind, other/this.
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=${1:?usage: compare-search.sh COMMIT [SIZE]}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/tree" "$ref"
ln -s "$PWD/node_modules" "$work/tree/node_modules"
node --import tsx bench/compare/searchAb.mts "$work/tree" "$PWD" "${2:-100000}"
