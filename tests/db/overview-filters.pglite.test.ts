import { registerOverviewFiltersSuite } from './overview-filters.suite.ts';

registerOverviewFiltersSuite('pglite');
