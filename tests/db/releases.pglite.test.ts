import { registerReleasesSuite } from './releases.suite.ts';

registerReleasesSuite('pglite');
