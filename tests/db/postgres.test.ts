import { registerDbSuite } from './suite.ts';

// No skip when PostgreSQL is down: withTestDatabase throws and every test fails, because CI
// guarantees a server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
registerDbSuite('postgres');
