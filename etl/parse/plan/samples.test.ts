import { fileURLToPath } from 'node:url';
import { describeSamples } from '../common/samples.ts';
import { parseMultiYearPlan } from './index.ts';

describeSamples(
	'plan samples',
	fileURLToPath(new URL('./samples', import.meta.url)),
	parseMultiYearPlan,
	10
);
