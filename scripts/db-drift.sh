#!/usr/bin/env bash
# Fails when the Drizzle schema has changes that no committed migration captures.
set -euo pipefail
cd "$(dirname "$0")/../apps/server"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r src/db/migrations "$tmp/migrations"
out=$(npx drizzle-kit generate --config=drizzle.config.ts --name=drift_probe 2>&1 || true)
if ! diff -rq "$tmp/migrations" src/db/migrations >/dev/null; then
  # Restore the committed state before failing.
  rm -rf src/db/migrations && cp -r "$tmp/migrations" src/db/migrations
  echo "Schema drift: the Drizzle schema differs from the committed migrations. Run 'npm run db:generate'." >&2
  exit 1
fi
echo "No schema drift."
