/**
 * The ECharts series and components the option builders use, registered both by the browser
 * (echarts.ts, canvas) and by the server's SVG rendering (src/lib/server/charts/render-svg.ts).
 * A builder that starts using another series or component must add it here.
 */
import { BarChart, CustomChart, ScatterChart } from 'echarts/charts';
import {
	AriaComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';

export const ECHARTS_PARTS = [
	BarChart,
	CustomChart,
	ScatterChart,
	AriaComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	VisualMapComponent
];
