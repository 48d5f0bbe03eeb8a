/**
 * The one place ECharts is registered, modularly: only the series and components the builders
 * use, so the bundle stays small. Imported dynamically by EChart.svelte in the browser only.
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
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	CustomChart,
	ScatterChart,
	AriaComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	VisualMapComponent,
	CanvasRenderer
]);

export { echarts };
