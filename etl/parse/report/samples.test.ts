import { fileURLToPath } from 'node:url';
import { describeSamples } from '../common/samples.ts';
import { parseProgressReport } from './index.ts';

describeSamples(
	'progress report samples',
	fileURLToPath(new URL('./samples', import.meta.url)),
	parseProgressReport,
	7
);
