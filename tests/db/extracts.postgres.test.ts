import { registerExtractsSuite } from './extracts.suite.ts';

// No skip when PostgreSQL is down: withTestDatabase throws and every test fails (CI guarantees a
// server at TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
registerExtractsSuite('postgres');
