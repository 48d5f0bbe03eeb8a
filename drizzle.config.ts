import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes db/migrations; db/migrations.test.ts fails when they drift.
export default defineConfig({
	dialect: 'postgresql',
	schema: './db/schema/index.ts',
	out: './db/migrations',
	strict: true
});
