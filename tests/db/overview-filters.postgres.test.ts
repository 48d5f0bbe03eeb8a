import { registerOverviewFiltersSuite } from './overview-filters.suite.ts';

// No skip when PostgreSQL is down: withTestDatabase throws and every test fails.
registerOverviewFiltersSuite('postgres');
