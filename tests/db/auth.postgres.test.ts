import { registerAuthSuite } from './auth.suite.ts';

// No skip when PostgreSQL is down: withTestDatabase throws and every test fails.
registerAuthSuite('postgres');
