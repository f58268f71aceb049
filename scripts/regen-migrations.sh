#!/usr/bin/env bash
# Development only, before the first release: rebuild the migration folder from scratch
# (custom SQL first, then the schema, then the audit protection). Never run after a
# migration has shipped; add a new migration instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cp src/db/migrations/*_add-extensions.sql "$tmp/ext.sql"
cp src/db/migrations/*_protect-audit-log.sql "$tmp/audit.sql"
rm -rf src/db/migrations
mv src/db/schema/index.ts "$tmp/index.ts"; echo 'export {};' > src/db/schema/index.ts
npx drizzle-kit generate --custom --name add-extensions >/dev/null
mv "$tmp/index.ts" src/db/schema/index.ts
cp "$tmp/ext.sql" src/db/migrations/*_add-extensions.sql
sleep 1
npx drizzle-kit generate --name create-registry >/dev/null
sleep 1
npx drizzle-kit generate --custom --name protect-audit-log >/dev/null
cp "$tmp/audit.sql" src/db/migrations/*_protect-audit-log.sql
ls src/db/migrations
