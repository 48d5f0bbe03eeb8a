import { registerFactCubeSuite } from './fact-cube.suite.ts';

registerFactCubeSuite('postgres');
