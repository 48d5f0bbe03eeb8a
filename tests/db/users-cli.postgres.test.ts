import { registerUsersCliSuite } from './users-cli.suite.ts';

registerUsersCliSuite('postgres');
