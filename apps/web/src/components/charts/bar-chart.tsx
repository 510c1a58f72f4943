'use client';

import { Axes, CHART, ChartFrame, type ChartProps, niceMax } from './chart-frame';

/** Bars per label; several series stack (e.g. bookings by status per day). */
export function BarChart(props: ChartProps) {
  const { labels, series, format = String } = props;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(1, Math.min(28, slot * 0.7));
  return (
    <ChartFrame {...props}>
      {({ titleId, descId }) => (
        <svg
          className="chart-svg"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          preserveAspectRatio="none"
        >
          <title id={titleId}>{props.title}</title>
          <desc id={descId}>{props.description}</desc>
          <Axes max={max} labels={labels} format={format} />
          {labels.map((label, i) => {
            let y = top + plotH;
            const x = left + slot * i + (slot - barW) / 2;
            return (
              <g key={label}>
                {series.map((s) => {
                  const v = s.values[i] ?? 0;
                  if (v <= 0) return null;
                  const h = (v / max) * plotH;
                  y -= h;
                  return (
                    <rect key={s.key} x={x} y={y} width={barW} height={h} fill={s.color}>
                      <title>{`${label} · ${s.label}: ${format(v)}`}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}
