#!/usr/bin/env bash
# Generates the Prisma client into packages/server-kit/src/generated/prisma.
# Generation does not run the native schema engine, so point Prisma at any file to skip the engine
# download that is impossible offline (TOOLCHAIN-NOTES); a machine that has the engine uses its own.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$(type -P true)}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
npx --no-install prisma generate >/dev/null
