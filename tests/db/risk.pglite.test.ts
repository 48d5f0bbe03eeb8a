import { registerRiskSuite } from './risk.suite.ts';

registerRiskSuite('pglite');
