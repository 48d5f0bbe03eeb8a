import { registerStaleRunsSuite } from './stale-runs.suite.ts';

registerStaleRunsSuite('postgres');
