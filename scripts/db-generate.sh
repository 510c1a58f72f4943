#!/usr/bin/env bash
# Generates a migration from the schema. Serialised with a lock so parallel work cannot interleave journals.
set -euo pipefail
cd "$(dirname "$0")/../apps/server"
exec flock /tmp/localpro-db-generate.lock npx drizzle-kit generate "$@"
