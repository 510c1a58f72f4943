#!/usr/bin/env bash
# Fails when the Drizzle schema has changes that no committed migration captures.
# Generates into a scratch copy of the migrations, so the real folder is never touched.
set -euo pipefail
cd "$(dirname "$0")/../apps/server"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r src/db/migrations "$tmp/migrations"
# drizzle-kit prefixes --out with "./", so it must be relative; it also exits 0 on some errors.
rel=$(realpath --relative-to=. "$tmp/migrations")
if ! out=$(npx drizzle-kit generate --dialect=postgresql --schema=./src/db/schema.ts --casing=snake_case \
  --out="$rel" --name=drift_probe 2>&1) || grep -qiE '^(error|.*Error:)' <<<"$out"; then
  echo "$out" >&2
  echo "Schema drift check could not run drizzle-kit generate." >&2
  exit 1
fi
if ! diff -rq src/db/migrations "$tmp/migrations" >/dev/null; then
  echo "Schema drift: the Drizzle schema differs from the committed migrations:" >&2
  diff -rq src/db/migrations "$tmp/migrations" >&2 || true
  find "$tmp/migrations" -name '*drift_probe*.sql' -exec cat {} \; >&2 && echo >&2
  echo "Run 'npm run db:generate -- --name=<feature>_<what>' and commit the migration." >&2
  exit 1
fi
echo "No schema drift."
