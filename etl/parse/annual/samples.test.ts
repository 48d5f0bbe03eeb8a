import { fileURLToPath } from 'node:url';
import { describeSamples } from '../common/samples.ts';
import { parseAnnualPlan } from './index.ts';

describeSamples(
	'annual plan samples',
	fileURLToPath(new URL('./samples', import.meta.url)),
	parseAnnualPlan,
	9
);
