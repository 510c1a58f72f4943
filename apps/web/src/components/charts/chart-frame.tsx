'use client';

import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  values: (number | null)[];
}

export interface ChartProps {
  title: string;
  /** One sentence for screen readers: what the chart shows and its headline number. */
  description: string;
  /** X labels (e.g. days), one per value. */
  labels: string[];
  series: ChartSeries[];
  /** Formats a value for axis ticks and the data table. */
  format?: (v: number) => string;
}

/**
 * A chart's frame: a heading, the SVG (given the title/desc ids to label itself), a legend and a
 * "show the numbers" toggle with the same data as a table (for screen readers and exact values).
 */
export function ChartFrame({
  title,
  labels,
  series,
  format = String,
  children,
}: ChartProps & { children: (ids: { titleId: string; descId: string }) => ReactNode }) {
  const { t } = useI18n();
  const [table, setTable] = useState(false);
  const id = useId();
  const titleId = `${id}-t`;
  const descId = `${id}-d`;
  return (
    <figure className="chart card">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      {children({ titleId, descId })}
      {series.length > 1 && (
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" aria-expanded={table} onClick={() => setTable((v) => !v)}>
        {table ? t('chart.hideTable') : t('chart.showTable')}
      </button>
      {table && (
        <div className="table-wrap">
          <table className="admin-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.label')}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((l, i) => (
                <tr key={l}>
                  <th scope="row">{l}</th>
                  {series.map((s) => {
                    const v = s.values[i];
                    return <td key={s.key}>{v == null ? '—' : format(v)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

/** A "nice" axis maximum (1, 2, 5 × 10^n) at or above `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export const CHART = { width: 640, height: 220, left: 56, right: 12, top: 12, bottom: 28 } as const;

/** Y grid lines with tick labels, and a few x labels (first, middle, last). */
export function Axes({ max, labels, format }: { max: number; labels: string[]; format: (v: number) => string }) {
  const { width, height, left, right, top, bottom } = CHART;
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const ticks = [0, 0.5, 1];
  const n = labels.length;
  const xIdx = n <= 1 ? [0] : Array.from(new Set([0, Math.floor((n - 1) / 2), n - 1]));
  return (
    <g className="axes">
      {ticks.map((f) => {
        const y = top + plotH * (1 - f);
        return (
          <g key={f}>
            <line x1={left} x2={width - right} y1={y} y2={y} className="grid" />
            <text x={left - 6} y={y + 4} textAnchor="end">
              {format(max * f)}
            </text>
          </g>
        );
      })}
      {labels.length > 0 &&
        xIdx.map((i) => (
          <text key={i} x={left + (plotW * (i + 0.5)) / n} y={height - 8} textAnchor="middle">
            {labels[i]}
          </text>
        ))}
    </g>
  );
}
