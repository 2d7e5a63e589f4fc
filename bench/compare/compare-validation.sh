#!/usr/bin/env bash
# Cold 1 MB validation of this tree against another commit, alternated in one process (a shared machine's speed
# drifts by the minute; both sides drift alike). Usage: bash bench/compare/compare-validation.sh COMMIT [markup]
set -euo pipefail
ref=${1:?usage: compare-validation.sh COMMIT [markup]}
source "$(dirname "$0")/worktree.sh" "$ref"
mkdir -p "$work/tree/bench/compare"
cp bench/compare/validationRun.ts "$work/tree/bench/compare/"
bundle() { (cd "$1" && npx esbuild bench/compare/validationRun.ts --bundle --platform=node --format=cjs --main-fields=module,main --outfile="$2" --log-level=error); }
bundle . "$work/this.js"
bundle "$work/tree" "$work/other.js"
node bench/compare/alternate.cjs "$work/this.js" "$work/other.js" "${2:-}"
