import { registerLaoPageSuite } from './lao-page.suite.ts';

registerLaoPageSuite('pglite');
