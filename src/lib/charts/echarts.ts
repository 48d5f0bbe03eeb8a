/**
 * The one place ECharts is registered in the browser, modularly: only the series and components
 * the builders use (echarts-parts.ts), so the bundle stays small. Imported dynamically by
 * EChart.svelte in the browser only.
 */
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { ECHARTS_PARTS } from './echarts-parts.ts';

echarts.use([...ECHARTS_PARTS, CanvasRenderer]);

export { echarts };
