import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(...registerables);

export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: string;
  readonly kind?: 'bar' | 'line';
  readonly dashed?: boolean;
}

/**
 * A Chart.js chart. The data attribute `data-series` lists each series with its number of points,
 * for tests and for anyone inspecting the page.
 */
export function ChartView({ labels, series, unit, testId }: { labels: readonly string[]; series: readonly Series[]; unit: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: [...labels],
        datasets: series.map((s) => ({
          type: s.kind ?? 'bar',
          label: s.label,
          data: [...s.values],
          backgroundColor: s.color,
          borderColor: s.color,
          borderWidth: s.kind === 'line' ? 1.5 : 0,
          borderDash: s.dashed ? [6, 4] : [],
          pointRadius: 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { title: { display: true, text: unit }, beginAtZero: true }, x: { ticks: { maxTicksLimit: 12 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [labels, series, unit]);
  return (
    <div className="chart" data-testid={testId} data-series={series.map((s) => `${s.label}:${s.values.length}`).join('|')}>
      <canvas ref={canvas} />
    </div>
  );
}
