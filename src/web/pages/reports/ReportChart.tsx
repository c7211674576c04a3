// A report chart drawn from its data: horizontal bars (many provinces) or columns (a few indicators),
// a reference line for the regional average, every value written beside its bar. Presentation
// attributes only (no inline styles, which the page's Content-Security-Policy refuses).
import type { Chart } from '../../../reports/model.ts';
import { formatNumber } from '../../fmt.ts';
import type { Lang } from '../../i18n.ts';

const BAR = '#14508a';
const NEG = '#c2410c';
const REF = '#b3261e';

export function ReportChart({ chart, lang }: { chart: Chart; lang: Lang }) {
  const values = chart.series[0]?.values ?? [];
  const all = [...values.filter((v): v is number => v !== null), ...(chart.reference ? [chart.reference.value] : [])];
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const label = (v: number | null) => (v === null ? '—' : `${formatNumber(v, lang, { decimals: 2 })}${chart.unit === '%' ? '%' : ` ${chart.unit}`}`);
  const title = `${chart.label}. ${chart.title}`;
  if (chart.kind === 'bar') {
    const row = 22;
    const left = 150;
    const plot = 360;
    const h = values.length * row + 30;
    const x = (v: number) => left + ((v - min) / span) * plot;
    return (
      <figure className="report-chart" id={chart.id}>
        <svg viewBox={`0 0 ${left + plot + 90} ${h}`} role="img" aria-label={title} width="100%">
          {chart.categories.map((c, i) => {
            const v = values[i] ?? null;
            const y = 8 + i * row;
            return (
              <g key={c}>
                <text x={left - 6} y={y + 13} textAnchor="end" fontSize="11" fill="#1f2933">{c}</text>
                {v !== null && <rect x={Math.min(x(0), x(v))} y={y + 2} width={Math.max(1, Math.abs(x(v) - x(0)))} height={row - 7} fill={v < 0 ? NEG : BAR} />}
                <text x={Math.max(x(0), v === null ? x(0) : x(v)) + 4} y={y + 13} fontSize="11" fill="#1f2933">{label(v)}</text>
              </g>
            );
          })}
          {chart.reference && (
            <g>
              <line x1={x(chart.reference.value)} x2={x(chart.reference.value)} y1={4} y2={h - 18} stroke={REF} strokeWidth="2" strokeDasharray="4 3" />
              <text x={x(chart.reference.value)} y={h - 5} textAnchor="middle" fontSize="11" fill={REF}>{chart.reference.label}: {label(chart.reference.value)}</text>
            </g>
          )}
        </svg>
        <figcaption>{title}</figcaption>
      </figure>
    );
  }
  const col = 70;
  const top = 20;
  const plotH = 180;
  const w = values.length * col + 20;
  const y = (v: number) => top + ((max - v) / span) * plotH;
  return (
    <figure className="report-chart" id={chart.id}>
      <svg viewBox={`0 0 ${w} ${top + plotH + 40}`} role="img" aria-label={title} width="100%">
        <line x1={10} x2={w - 10} y1={y(0)} y2={y(0)} stroke="#9aa5b1" />
        {chart.categories.map((c, i) => {
          const v = values[i] ?? null;
          const cx = 10 + i * col + col / 2;
          return (
            <g key={c}>
              {v !== null && <rect x={cx - col / 3} y={Math.min(y(0), y(v))} width={(col * 2) / 3} height={Math.max(1, Math.abs(y(v) - y(0)))} fill={v < 0 ? NEG : BAR} />}
              <text x={cx} y={(v === null ? y(0) : Math.min(y(0), y(v))) - 4} textAnchor="middle" fontSize="11" fill="#1f2933">{label(v)}</text>
              <text x={cx} y={top + plotH + 16} textAnchor="middle" fontSize="10" fill="#1f2933">{c.length > 14 ? `${c.slice(0, 13)}…` : c}<title>{c}</title></text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
