import { useEffect, useRef } from 'react';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** A colour-blind-safe palette (Okabe–Ito), dark enough against white for lines and marks. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#7A5C00', '#56B4E9', '#000000'];

/**
 * An Apache ECharts chart in a box of fixed height (no layout shift), described for screen readers
 * by `label` (ECharts' aria description is on too). Every chart has a table beside it with the same
 * figures: the table is the accessible way to reach a point's events by keyboard.
 */
export function Chart({ option, label, height = 320, onPointClick }: { option: ChartOption; label: string; height?: number; onPointClick?: (params: { seriesIndex?: number; dataIndex: number; seriesName?: string }) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onPointClick);
  clickHandler.current = onPointClick;

  useEffect(() => {
    const instance = echarts.init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clickHandler.current?.(params as never));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, aria: { enabled: true, label: { description: label } }, animation: false, textStyle: { fontFamily: 'inherit', fontSize: 14 }, ...option }, true);
  }, [option, label]);

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />;
}
