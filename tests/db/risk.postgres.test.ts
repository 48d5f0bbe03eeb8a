import { registerRiskSuite } from './risk.suite.ts';

// No skip when PostgreSQL is down: withTestDatabase throws and the suite fails.
registerRiskSuite('postgres');
