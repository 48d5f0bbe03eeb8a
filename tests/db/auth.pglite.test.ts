import { registerAuthSuite } from './auth.suite.ts';

registerAuthSuite('pglite');
