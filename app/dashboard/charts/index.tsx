// The dashboard's charts: server components that draw plain SVG, so no chart code is sent
// to the browser and the charts are in the page before any script runs (and in print).
export { BarChartView, type BarDatum } from "./bar-chart";
export { LineChartView, type LineSeries } from "./line-chart";
