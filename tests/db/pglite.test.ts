import { registerDbSuite } from './suite.ts';

registerDbSuite('pglite');
