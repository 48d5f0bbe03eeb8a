import { registerListsSuite } from './lists.suite.ts';

registerListsSuite('postgres');
