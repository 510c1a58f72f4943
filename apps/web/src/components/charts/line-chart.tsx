'use client';

import { Axes, CHART, ChartFrame, type ChartProps, niceMax } from './chart-frame';

/** One line per series; gaps where a value is null (e.g. no searches that day). */
export function LineChart(props: ChartProps & { maxValue?: number }) {
  const { labels, series, format = String } = props;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v != null));
  const max = props.maxValue ?? niceMax(Math.max(0, ...all));
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const slot = plotW / Math.max(1, labels.length);
  const xy = (i: number, v: number) => [left + slot * (i + 0.5), top + plotH * (1 - Math.min(v, max) / max)] as const;
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
          {series.map((s) => {
            // Split into runs of non-null values.
            const runs: string[] = [];
            let cur: string[] = [];
            s.values.forEach((v, i) => {
              if (v == null) {
                if (cur.length) runs.push(cur.join(' '));
                cur = [];
              } else {
                const [x, y] = xy(i, v);
                cur.push(`${x.toFixed(1)},${y.toFixed(1)}`);
              }
            });
            if (cur.length) runs.push(cur.join(' '));
            return (
              <g key={s.key}>
                {runs.map((pts) => (
                  <polyline
                    key={pts}
                    points={pts}
                    fill="none"
                    stroke={s.color}
                    strokeWidth={2.5}
                    vectorEffect="non-scaling-stroke"
                  />
                ))}
                {s.values.map((v, i) => {
                  if (v == null) return null;
                  const [x, y] = xy(i, v);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: points are positional
                    <circle key={i} cx={x} cy={y} r={3} fill={s.color}>
                      <title>{`${labels[i]} · ${s.label}: ${format(v)}`}</title>
                    </circle>
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
