#!/usr/bin/env bash
# The README's start command: installs what is missing, then runs scripts/start.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh postgres redis
exec node -r @swc-node/register scripts/start.ts
