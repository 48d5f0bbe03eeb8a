import { registerListSnapshotSuite } from './list-snapshot.suite.ts';

registerListSnapshotSuite('pglite');
