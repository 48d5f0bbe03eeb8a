import { registerSeedsSuite } from './e2e-seeds.suite.ts';

registerSeedsSuite('pglite');
