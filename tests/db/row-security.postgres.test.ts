import { registerRowSecuritySuite } from './row-security.suite.ts';

registerRowSecuritySuite('postgres');
