import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts-setup';

/**
 * A React wrapper for one echarts instance: created on mount, given the option whenever it changes
 * (replacing, not merging, so removed series disappear), resized with its box, disposed on unmount.
 * The chart itself is decorative for assistive technology: every card carries the figures as a table.
 */
export function EChart({ option, height = 280 }: { option: ChartOption; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="echart" style={{ height }} aria-hidden="true" />;
}
