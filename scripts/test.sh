#!/usr/bin/env bash
# The README's test command: every test on real PostgreSQL and Redis (started by the test setup
# unless DATABASE_URL / REDIS_URL are given) and real Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
bash scripts/setup.sh postgres redis chromium

echo "[test] type-checking"
npx --no-install tsc -p tsconfig.json --noEmit
echo "[test] linting"
npx --no-install eslint . --max-warnings=0
node -r @swc-node/register -e 'require("./scripts/web-build").buildWebIfStale()'

mkdir -p .data
status=0
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=.data/vitest-report.json "$@" || status=$?
node scripts/test-summary.mjs .data/vitest-report.json || true
exit $status
