import { chartOperations } from '../../contract/charts.ts';
import { notImplementedArea, type Handler } from '../handler.ts';

type ChartOperations = typeof chartOperations;

/** Handlers of the charts area, one per operation (checked at compile time in handlers.ts). */
export const chartHandlers: { [K in keyof ChartOperations]: Handler<ChartOperations[K]> } = {
  ...notImplementedArea(chartOperations, 'charts'),
};
