#!/usr/bin/env bash
# `npm ci` from the lock file. Where the registry mirror lacks other platforms' optional binaries
# (e.g. @swc/core-darwin-arm64), npm 11 refuses the lock as out of sync although nothing this
# machine needs is missing; then `npm install` installs the same locked versions.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! npm ci --no-audit --no-fund --loglevel=error 2>/tmp/solace-npm-ci.log; then
  echo "[setup] npm ci refused the lock file ($(grep -m1 -o 'Missing: [^ ]*' /tmp/solace-npm-ci.log || echo 'see npm log')); using npm install"
  npm install --no-save --no-audit --no-fund --loglevel=error
fi
