import { registerQuarantineSuite } from './e2e-quarantine.suite.ts';

registerQuarantineSuite('pglite');
