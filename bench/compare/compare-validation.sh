#!/usr/bin/env bash
# Cold 1 MB validation of this tree against another commit, alternated in one process (a shared machine's speed
# drifts by the minute; both sides drift alike). Usage: bash bench/compare/compare-validation.sh COMMIT [markup]
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=${1:?usage: compare-validation.sh COMMIT [markup]}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/tree" "$ref"
ln -s "$PWD/node_modules" "$work/tree/node_modules"
mkdir -p "$work/tree/bench/compare"
cp bench/compare/validationRun.ts "$work/tree/bench/compare/"
bundle() { (cd "$1" && npx esbuild bench/compare/validationRun.ts --bundle --platform=node --format=cjs --main-fields=module,main --outfile="$2" --log-level=error); }
bundle . "$work/this.js"
bundle "$work/tree" "$work/other.js"
node bench/compare/alternate.cjs "$work/this.js" "$work/other.js" "${2:-}"
