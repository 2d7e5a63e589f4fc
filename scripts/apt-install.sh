#!/usr/bin/env bash
# Installs the Debian packages a test uses as a real peer (neovim, pandoc, …) when their command is missing.
# Usage: scripts/apt-install.sh COMMAND[:PACKAGE] …   e.g. scripts/apt-install.sh nvim:neovim pandoc
# Idempotent: a command already on PATH is skipped. Installing needs root (CI and these machines run as root).
set -euo pipefail
missing=()
for spec in "$@"; do
  cmd="${spec%%:*}"; pkg="${spec#*:}"
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "[apt-install] missing: ${missing[*]}; installing needs root: run 'apt-get install -y ${missing[*]}' as root" >&2
  exit 1
fi
# A lock held by another install (two suites at once) is waited for, not failed on.
exec 9>/tmp/statcite-apt-install.lock
flock 9
echo "[apt-install] installing Debian packages: ${missing[*]}" >&2
apt-get update -q </dev/null >&2 || { echo "[apt-install] apt-get update failed" >&2; exit 1; }
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2 \
  || { echo "[apt-install] apt-get install ${missing[*]} failed" >&2; exit 1; }
