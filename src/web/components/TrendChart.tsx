// The time-series chart of the selected indicator: values as bars (in a readable unit), growth against
// the same period last year as a line; a data table for screen readers and keyboard users. ECharts is
// loaded with this component, not with the first page.
import { useEffect, useRef, useState } from 'react';
import type { Indicator, SeriesPoint } from '../api.ts';
import echarts from '../echarts.ts';
import { formatNumber, isIndex, periodLabel, scaleFor, signedPct } from '../fmt.ts';
import { useLang } from '../i18n.ts';

export default function TrendChart({ points, indicator, current, title }: {
  points: SeriesPoint[];
  indicator: Indicator;
  current: string;
  title: string;
}) {
  const { t, lang } = useLang();
  const el = useRef<HTMLDivElement>(null);
  const [table, setTable] = useState(false);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const index = isIndex(indicator);
  const { factor, unit } = scaleFor(values, indicator, lang);
  const hasValues = values.length > 0 && !index;
  const labels = points.map((p) => periodLabel(p.period, lang, 'short'));
  const num = (v: number, d = 2) => formatNumber(v, lang, { decimals: d });

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const series: any[] = [];
    if (hasValues) {
      series.push({
        name: `${t.chartValue} (${unit})`, type: 'bar', yAxisIndex: 0, barMaxWidth: 28,
        data: points.map((p) => ({
          value: p.value === null ? '-' : p.value / factor,
          itemStyle: { color: p.period === current ? '#0b3a66' : '#7ea6cf' },
        })),
      });
    }
    series.push({
      name: t.chartGrowth, type: 'line', yAxisIndex: hasValues ? 1 : 0, connectNulls: false, symbolSize: 6,
      lineStyle: { width: 2, color: '#c05621' }, itemStyle: { color: '#c05621' },
      data: points.map((p) => (p.growthPct === null ? '-' : p.growthPct)),
    });
    const yAxis: any[] = [];
    if (hasValues) yAxis.push({ type: 'value', name: unit, nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v: number) => num(v, 1) }, splitLine: { lineStyle: { color: '#e5e7eb' } } });
    yAxis.push({ type: 'value', name: '%', nameTextStyle: { align: 'right' }, axisLabel: { formatter: (v: number) => num(v, 1) }, splitLine: { show: !hasValues, lineStyle: { color: '#e5e7eb' } } });
    chart.setOption({
      aria: { enabled: true, label: { description: title } },
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, textStyle: { color: '#374151' } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? num(v) : '—'),
      },
      xAxis: { type: 'category', data: labels, axisLabel: { color: '#374151', hideOverlap: true } },
      yAxis,
      series,
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [points, indicator, current, lang, factor, unit, hasValues, title]);

  return (
    <figure className="trend">
      <div ref={el} className="trend-chart" data-testid="trend-chart" />
      <figcaption>
        <button type="button" className="btn link" aria-expanded={table} onClick={() => setTable(!table)}>
          {table ? t.hideTable : t.showTable}
        </button>
      </figcaption>
      {table && (
        <div className="table-wrap">
          <table className="data">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr><th scope="col">{t.period}</th>{hasValues && <th scope="col" className="num">{`${t.chartValue} (${unit})`}</th>}<th scope="col" className="num">{t.chartGrowth}</th></tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{periodLabel(p.period, lang)}</th>
                  {hasValues && <td className="num">{p.value === null ? '—' : num(p.value / factor)}</td>}
                  <td className="num">{signedPct(p.growthPct, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
