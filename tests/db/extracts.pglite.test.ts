import { registerExtractsSuite } from './extracts.suite.ts';

registerExtractsSuite('pglite');
