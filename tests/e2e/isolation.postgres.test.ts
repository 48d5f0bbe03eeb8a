import { registerIsolationSuite } from './isolation/suite.ts';

registerIsolationSuite('postgres');
