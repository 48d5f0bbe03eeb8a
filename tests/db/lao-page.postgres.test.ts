import { registerLaoPageSuite } from './lao-page.suite.ts';

// No skip when PostgreSQL is down: withTestDatabase throws and every test fails.
registerLaoPageSuite('postgres');
