// Charts for the web preview: ECharts rendered on the server to SVG (no browser, no script on the
// page). ECharts escapes the text it writes, so names from the data cannot break the markup.
import * as echarts from 'echarts';
import { formatNumber, type Lang } from '../../shared/format.ts';
import type { Chart } from '../model.ts';

const FONT = "'Times New Roman', Tinos, serif";
const COLOR = '#1f4e79';
const NEGATIVE = '#a33a2b';

export function chartSvg(c: Chart, lang: Lang, width = 640): string {
  const horizontal = c.kind === 'bar';
  const height = horizontal ? Math.max(220, 60 + 22 * c.categories.length) : 300;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const num = (v: number) => formatNumber(v, lang, { decimals: 2 });
  const values = c.series[0]?.values ?? [];
  const data = values.map((v) => (v === null ? null : { value: v, itemStyle: { color: v < 0 ? NEGATIVE : COLOR } }));
  const category = { type: 'category' as const, data: c.categories, inverse: horizontal, axisLabel: { fontFamily: FONT, fontSize: 12, interval: 0 } };
  const value = { type: 'value' as const, axisLabel: { fontFamily: FONT, fontSize: 11, formatter: (v: number) => num(v) } };
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: horizontal ? 110 : 50, right: 40, top: 20, bottom: horizontal ? 30 : 50, containLabel: false },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [{
      type: 'bar', data, barMaxWidth: 36,
      label: { show: true, position: horizontal ? 'right' : 'top', fontFamily: FONT, fontSize: 11, formatter: (p: { value: number }) => num(p.value) },
      markLine: c.reference ? {
        symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#555' },
        label: { formatter: `${c.reference.label}: ${num(c.reference.value)}`, fontFamily: FONT, position: horizontal ? 'start' : 'end' },
        data: [horizontal ? { xAxis: c.reference.value } : { yAxis: c.reference.value }],
      } : undefined,
    }],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
