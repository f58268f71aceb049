import { defineConfig } from 'drizzle-kit';

// Generation only (`npm run db:generate`). Migrations are applied in code at start-up by
// src/db/migrate.ts on both PGlite and PostgreSQL, never by the drizzle-kit CLI.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  casing: 'snake_case',
  migrations: { prefix: 'timestamp' },
});
