import { useEffect, useRef } from 'react';
import { useWallClock } from '../../i18n/use-format';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Clock-ins per local hour as bars (uPlot), with the numbers in a table for screen readers. */
export default function HourChart({ counts, label }: { counts: number[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const clock = useWallClock();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const ink = dark ? '#cbd5e1' : '#334155';
    const grid = dark ? '#334155' : '#e2e8f0';
    const chart = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: 200,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, 23.5] },
          y: { range: (_u, _min, max) => [0, Math.max(4, max)] },
        },
        axes: [
          {
            stroke: ink,
            grid: { show: false },
            values: (_u, splits) => splits.map((hour) => String(hour).padStart(2, '0')),
          },
          { stroke: ink, grid: { stroke: grid }, size: 36 },
        ],
        series: [
          {},
          {
            label,
            stroke: '#0f766e',
            fill: 'rgba(15, 118, 110, 0.55)',
            paths: uPlot.paths.bars!({ size: [0.7, 40] }),
            points: { show: false },
          },
        ],
      },
      [HOURS, HOURS.map(() => 0)],
      element,
    );
    plot.current = chart;
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(240, element.clientWidth), height: 200 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [label]);

  useEffect(() => {
    plot.current?.setData([HOURS, counts]);
  }, [counts, label]);

  return (
    <>
      <div ref={box} className="chart" aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{label}</caption>
        <tbody>
          {counts.map((count, hour) =>
            count > 0 ? (
              <tr key={hour}>
                <th scope="row">{clock(`${String(hour).padStart(2, '0')}:00`)}</th>
                <td>{count}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </>
  );
}
