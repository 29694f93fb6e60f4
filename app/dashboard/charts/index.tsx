"use client";

// Charts draw in the browser only: they measure themselves, and their ids would not match
// between a server render and the browser's.
import dynamic from "next/dynamic";

export const BarChartView = dynamic(() => import("./bar-chart"), { ssr: false });
export const LineChartView = dynamic(() => import("./line-chart"), { ssr: false });
export type { BarDatum } from "./bar-chart";
export type { LineSeries } from "./line-chart";
