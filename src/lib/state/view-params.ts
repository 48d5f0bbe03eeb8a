/** Parameters of the overview beside the view's filters: the map's metric and its LAO layer. */
export const METRIC_PARAM = 'metric';
export const POINTS_PARAM = 'laos';
