#!/usr/bin/env bash
# Shared by `npm start`, `npm test` and .ci/run: system packages, npm packages, Prisma client.
# Arguments name the system programs needed: postgres redis chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
for need in "$@"; do
  case "$need" in
    postgres)
      if [ -z "${DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then need_apt+=(postgresql postgresql-contrib); fi ;;
    redis)
      if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null; then need_apt+=(redis-server); fi ;;
    chromium)
      if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then need_apt+=(chromium); fi ;;
  esac
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[setup] installing ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "Solace needs ${need_apt[*]}: install them (sudo apt-get install ${need_apt[*]}) or set DATABASE_URL and REDIS_URL." >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm packages"
  bash scripts/npm-install.sh
fi
bash scripts/db/generate.sh
