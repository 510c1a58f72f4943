'use client';

import { type FormEvent, useState } from 'react';
import { AttentionCard } from '../../components/admin-attention';
import { LoadState, useLoad } from '../../components/admin-ui';
import { BarChart } from '../../components/charts/bar-chart';
import { niceMax } from '../../components/charts/chart-frame';
import { LineChart } from '../../components/charts/line-chart';
import { hasKey, useI18n } from '../../i18n/i18n';
import { getMetrics, type Metrics } from '../../lib/api-admin';
import { formatPaise, IST, istDate } from '../../lib/format';

const STATUS_COLORS: Record<string, string> = {
  PENDING: '#8a4b00',
  CONFIRMED: '#0f5ea8',
  IN_PROGRESS: '#5b3fa6',
  COMPLETED: '#116b2f',
  CANCELLED: '#6b7280',
  REJECTED: '#9ca3af',
  EXPIRED: '#c4c9d1',
  NO_SHOW: '#d97706',
  DISPUTED: '#b3261e',
};

/** Axis top for seconds: whole "nice" minutes once past two minutes. */
function responseMax(values: number[]): number {
  const max = Math.max(0, ...values);
  return max > 120 ? niceMax(max / 60) * 60 : niceMax(max);
}

const daysAgo = (n: number) => istDate(new Date(Date.now() - n * 86_400_000));

/** Overview: the marketplace's health over a date range, optionally for one city. */
export default function AdminOverview() {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(daysAgo(0));
  const [city, setCity] = useState('');
  const [query, setQuery] = useState({ from: daysAgo(29), to: daysAgo(0), city: '' });
  const { data, error, loading, reload } = useLoad(
    () => getMetrics({ from: query.from, to: query.to, city: query.city.trim() || undefined }),
    [query],
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ from, to, city });
  };
  const preset = (days: number) => {
    const q = { from: daysAgo(days - 1), to: daysAgo(0), city };
    setFrom(q.from);
    setTo(q.to);
    setQuery(q);
  };

  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t('admin.overview.title')}</h1>
      <AttentionCard />
      <form className="admin-filters" onSubmit={apply}>
        <div>
          <label htmlFor="ov-from">{t('admin.filter.from')}</label>
          <input id="ov-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div>
          <label htmlFor="ov-to">{t('admin.filter.to')}</label>
          <input id="ov-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <div>
          <label htmlFor="ov-city">{t('admin.filter.city')}</label>
          <input
            id="ov-city"
            list="ov-cities"
            value={city}
            onChange={(e) => setCity(e.target.value)}
            placeholder={t('admin.filter.allCities')}
          />
          <datalist id="ov-cities">
            {['Lucknow', 'Delhi', 'Mumbai', 'Bengaluru', 'Jaipur', 'Kanpur'].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="btn-row">
          <button type="submit" className="btn">
            {t('admin.filter.apply')}
          </button>
          <button type="button" className="btn secondary" onClick={() => preset(7)}>
            {t('admin.overview.last7')}
          </button>
          <button type="button" className="btn secondary" onClick={() => preset(30)}>
            {t('admin.overview.last30')}
          </button>
          <button type="button" className="btn secondary" onClick={() => preset(90)}>
            {t('admin.overview.last90')}
          </button>
        </div>
      </form>
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data && <OverviewBody data={data} locale={locale} />}
      </LoadState>
    </section>
  );
}

function OverviewBody({ data, locale }: { data: Metrics; locale: string }) {
  const { t } = useI18n();
  const days = data.days;
  const labels = days.map((d) =>
    new Intl.DateTimeFormat(locale, { timeZone: IST, day: 'numeric', month: 'short' }).format(
      new Date(`${d.date}T12:00:00+05:30`),
    ),
  );
  const num = (v: number) => new Intl.NumberFormat(locale).format(Math.round(v));
  const money = (v: number) => formatPaise(Math.round(v), locale);
  const pct = (v: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const secs = (v: number) =>
    v >= 120 ? t('admin.overview.minutes', { n: num(v / 60) }) : t('admin.overview.seconds', { n: num(v) });
  const T = data.totals;
  const statuses = Object.keys(STATUS_COLORS).filter((s) => days.some((d) => (d.bookingsByStatus as Record<string, number>)[s]));
  const statusLabel = (s: string) => {
    const key = `admin.status.${s}`;
    return hasKey(key) ? t(key) : s;
  };
  const range = t('admin.overview.range', { from: data.from, to: data.to, city: data.city ?? t('admin.filter.allCities') });

  const kpis: { label: string; value: string }[] = [
    { label: t('admin.kpi.bookings'), value: num(T.bookingsCreated) },
    { label: t('admin.kpi.completed'), value: num(T.bookingsCompleted) },
    { label: t('admin.kpi.gmv'), value: money(T.gmvPaise) },
    { label: t('admin.kpi.commission'), value: money(T.commissionPaise) },
    { label: t('admin.kpi.activeProviders'), value: num(T.activeProviders) },
    { label: t('admin.kpi.activeCustomers'), value: num(T.activeCustomers) },
    { label: t('admin.kpi.signUps'), value: num(T.newCustomers + T.newProviders) },
    { label: t('admin.kpi.conversion'), value: T.conversionRate == null ? '—' : pct(T.conversionRate) },
    { label: t('admin.kpi.response'), value: T.avgResponseSec == null ? '—' : secs(T.avgResponseSec) },
  ];

  return (
    <>
      <p className="muted">{range}</p>
      <dl className="admin-kpis">
        {kpis.map((k) => (
          <div key={k.label} className="kpi">
            <dt>{k.label}</dt>
            <dd>{k.value}</dd>
          </div>
        ))}
      </dl>
      <div className="admin-charts">
        <BarChart
          title={t('admin.chart.bookingsByStatus')}
          description={t('admin.chart.bookingsByStatusDesc', { n: num(T.bookingsCreated), range })}
          labels={labels}
          format={num}
          series={statuses.map((s) => ({
            key: s,
            label: statusLabel(s),
            color: STATUS_COLORS[s] ?? '#888',
            values: days.map((d) => (d.bookingsByStatus as Record<string, number>)[s] ?? 0),
          }))}
        />
        <BarChart
          title={t('admin.kpi.gmv')}
          description={t('admin.chart.totalDesc', { value: money(T.gmvPaise), range })}
          labels={labels}
          format={money}
          series={[{ key: 'gmv', label: t('admin.kpi.gmv'), color: '#0f5ea8', values: days.map((d) => d.gmvPaise) }]}
        />
        <BarChart
          title={t('admin.kpi.commission')}
          description={t('admin.chart.totalDesc', { value: money(T.commissionPaise), range })}
          labels={labels}
          format={money}
          series={[
            { key: 'commission', label: t('admin.kpi.commission'), color: '#116b2f', values: days.map((d) => d.commissionPaise) },
          ]}
        />
        <LineChart
          title={t('admin.chart.active')}
          description={t('admin.chart.activeDesc', { p: num(T.activeProviders), c: num(T.activeCustomers), range })}
          labels={labels}
          format={num}
          series={[
            { key: 'p', label: t('admin.kpi.activeProviders'), color: '#5b3fa6', values: days.map((d) => d.activeProviders) },
            { key: 'c', label: t('admin.kpi.activeCustomers'), color: '#d97706', values: days.map((d) => d.activeCustomers) },
          ]}
        />
        <BarChart
          title={t('admin.kpi.signUps')}
          description={t('admin.chart.signUpsDesc', { c: num(T.newCustomers), p: num(T.newProviders), range })}
          labels={labels}
          format={num}
          series={[
            { key: 'nc', label: t('admin.chart.newCustomers'), color: '#0f5ea8', values: days.map((d) => d.newCustomers) },
            { key: 'np', label: t('admin.chart.newProviders'), color: '#d97706', values: days.map((d) => d.newProviders) },
          ]}
        />
        <LineChart
          title={t('admin.kpi.conversion')}
          description={t('admin.chart.conversionDesc', {
            value: T.conversionRate == null ? '—' : pct(T.conversionRate),
            n: num(T.searches),
            range,
          })}
          labels={labels}
          format={pct}
          maxValue={Math.max(0.1, Math.min(1, Math.ceil(Math.max(0, ...days.map((d) => d.conversionRate ?? 0)) * 10) / 10))}
          series={[
            { key: 'conv', label: t('admin.kpi.conversion'), color: '#116b2f', values: days.map((d) => d.conversionRate) },
          ]}
        />
        <LineChart
          title={t('admin.kpi.response')}
          description={t('admin.chart.totalDesc', { value: T.avgResponseSec == null ? '—' : secs(T.avgResponseSec), range })}
          labels={labels}
          format={secs}
          maxValue={responseMax(days.map((d) => d.avgResponseSec ?? 0))}
          series={[{ key: 'resp', label: t('admin.kpi.response'), color: '#b3261e', values: days.map((d) => d.avgResponseSec) }]}
        />
      </div>
    </>
  );
}
