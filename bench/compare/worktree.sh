# Sourced by the compare scripts: a detached worktree of commit $1 at "$work/tree" (node_modules linked), removed on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/tree" "$1"
ln -s "$PWD/node_modules" "$work/tree/node_modules"
