// The map of the provinces coloured by the chosen indicator, on the geography in force at the period's
// end (63 provinces until 30 June 2025, 34 from 1 July 2025): the tile grid the product ships, or the
// real boundaries once an administrator imported them. Both always show the Hoàng Sa and Trường Sa
// archipelagos. Loaded on demand (d3-geo only when boundaries are drawn).
import { useEffect, useId, useMemo, useState } from 'react';
import { getJson, useApi, type Archipelago, type BoundaryCollection, type Indicator, type TileGrid } from '../api.ts';
import { quantity, signedPct } from '../fmt.ts';
import { useLang } from '../i18n.ts';
import { ErrorBox, Loading } from './States.tsx';

export type MapMeasure = 'growth' | 'value';

const BLUES = ['#dbe8f5', '#a9c8e6', '#6b9fd0', '#3574b3', '#0b3a66'];
const NEG = ['#f4a261', '#c75d12'];
const OUTSIDE = '#eef0f3';
const NODATA = '#ffffff';

interface Klass {
  color: string;
  from: number;
  to: number;
}

function quantileBreaks(vals: number[], k: number): number[] {
  const s = [...vals].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 1; i < k; i++) out.push(s[Math.min(s.length - 1, Math.floor((i * s.length) / k))]!);
  return [...new Set(out)];
}

/** Colour classes: blues by quantile for values; for growth, decreases in orange, increases in blues. */
export function classify(vals: number[], measure: MapMeasure): Klass[] {
  if (!vals.length) return [];
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const classes: Klass[] = [];
  const seq = (xs: number[], from: number, to: number, palette: string[]) => {
    const k = Math.min(palette.length, Math.max(1, new Set(xs).size));
    const br = quantileBreaks(xs, k);
    const edges = [from, ...br, to];
    for (let i = 0; i < edges.length - 1; i++) classes.push({ color: palette[Math.min(palette.length - 1, i + (palette.length - (edges.length - 1)))]!, from: edges[i]!, to: edges[i + 1]! });
  };
  if (measure === 'growth' && lo < 0) {
    const neg = vals.filter((v) => v < 0);
    const pos = vals.filter((v) => v >= 0);
    if (neg.length > 1 && Math.min(...neg) < Math.max(...neg)) {
      const mid = (Math.min(...neg) + Math.max(...neg)) / 2;
      classes.push({ color: NEG[1]!, from: lo, to: mid }, { color: NEG[0]!, from: mid, to: 0 });
    } else {
      classes.push({ color: NEG[1]!, from: lo, to: 0 });
    }
    if (pos.length) seq(pos, 0, hi, BLUES.slice(1));
  } else {
    seq(vals, lo, hi, BLUES);
  }
  return classes;
}

function colorOf(v: number, classes: Klass[]): string {
  for (const c of classes) if (v <= c.to) return c.color;
  return classes[classes.length - 1]?.color ?? BLUES[2]!;
}

/** Splits a name into at most two lines that fit a tile. */
function lines(name: string, max = 10): string[] {
  if (name.length <= max) return [name];
  const words = name.split(/\s+/);
  const out: string[] = [''];
  for (const w of words) {
    const cur = out[out.length - 1]!;
    if (!cur) out[out.length - 1] = w;
    else if ((cur + ' ' + w).length <= max || out.length === 2) out[out.length - 1] = cur + ' ' + w;
    else out.push(w);
  }
  return out.slice(0, 2);
}

export default function MapPanel(props: {
  geography: '63' | '34';
  values: Map<string, number | null>;
  members: Set<string>;
  measure: MapMeasure;
  indicator: Indicator;
  regionName: string;
  highlight: string | null;
  onHighlight: (unit: string | null) => void;
  /** Every province in one neutral colour, no legend (the administrator's preview). */
  neutral?: boolean;
}) {
  const { t, lang } = useLang();
  const { geography, values, members, measure, indicator, highlight, onHighlight } = props;
  const grid = useApi<TileGrid>(`/api/geo/${geography}`);
  const hasBoundaries = (grid.data?.boundaries.count ?? 0) > 0;
  const [style, setStyle] = useState<'tiles' | 'boundaries' | null>(null);
  const drawn = style ?? (hasBoundaries ? 'boundaries' : 'tiles');
  const styleId = useId();
  const vals = [...members].map((m) => values.get(m)).filter((v): v is number => v !== null && v !== undefined);
  const classes = useMemo(() => classify(vals, measure), [vals.join(','), measure]);
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? t.noData : measure === 'growth' ? signedPct(v, lang) : quantity(v, indicator, lang));
  if (grid.error) return <ErrorBox error={grid.error} retry={grid.retry} />;
  if (!grid.data) return <Loading lines={6} />;
  const g = grid.data;
  const nameOf = (unit: string | null) => {
    const tl = g.tiles.find((x) => x.unit === unit);
    return tl ? (lang === 'vi' ? tl.short_vi : tl.short_en) : unit ?? '';
  };
  const fill = (unit: string) => {
    if (props.neutral) return BLUES[1]!;
    if (!members.has(unit)) return OUTSIDE;
    const v = values.get(unit);
    return v === null || v === undefined ? NODATA : colorOf(v, classes);
  };
  const geoLabel = geography === '63' ? t.mapGeography63 : t.mapGeography34;
  const placed = new Set(g.tiles.map((x) => x.unit));
  const unplaced = [...members].filter((m) => !placed.has(m));
  const archLabel = (a: Archipelago) => t.archipelagoOf(a.id === 'hoang-sa' ? t.hoangSa : t.truongSa, nameOf(a.unit));
  return (
    <div className="map-panel" data-geography={geography} data-style={drawn}>
      <div className="map-tools">
        <span className="map-geo">{geoLabel}</span>
        {hasBoundaries && (
          <div className="field inline">
            <label htmlFor={styleId}>{t.mapStyle}</label>
            <select id={styleId} value={drawn} onChange={(e) => setStyle(e.target.value as 'tiles' | 'boundaries')}>
              <option value="boundaries">{t.mapBoundaries}</option>
              <option value="tiles">{t.mapTiles}</option>
            </select>
          </div>
        )}
      </div>
      {drawn === 'boundaries'
        ? <BoundaryMap geography={geography} grid={g} fill={fill} label={(u) => `${nameOf(u)}: ${members.has(u) ? fmt(values.get(u)) : t.mapOutside}`} archLabel={archLabel} highlight={highlight} onHighlight={onHighlight} summary={t.mapSummary(props.regionName, members.size, geoLabel)} />
        : <TileMap grid={g} fill={fill} members={members} label={(u) => `${nameOf(u)}: ${members.has(u) ? fmt(values.get(u)) : t.mapOutside}`} archLabel={archLabel} highlight={highlight} onHighlight={onHighlight} summary={t.mapSummary(props.regionName, members.size, geoLabel)} />}
      {!props.neutral && <ul className="legend" aria-label={t.mapLegend}>
        {classes.map((c, i) => (
          <li key={i}><span className="swatch" style={{ background: c.color }} aria-hidden="true" />{fmt(c.from)} – {fmt(c.to)}</li>
        ))}
        <li><span className="swatch nodata" aria-hidden="true" />{t.mapNoData}</li>
        <li><span className="swatch" style={{ background: OUTSIDE }} aria-hidden="true" />{t.mapOutside}</li>
      </ul>}
      {!hasBoundaries && <p className="muted small">{t.mapNoBoundaries}</p>}
      {unplaced.length > 0 && <p className="muted small">{unplaced.join(', ')}</p>}
    </div>
  );
}

interface DrawProps {
  grid: TileGrid;
  fill: (unit: string) => string;
  label: (unit: string) => string;
  archLabel: (a: Archipelago) => string;
  highlight: string | null;
  onHighlight: (unit: string | null) => void;
  summary: string;
}

function TileMap({ grid, fill, label, archLabel, highlight, onHighlight, summary, members }: DrawProps & { members: Set<string> }) {
  const { lang } = useLang();
  const W = 62;
  const H = 42;
  const gap = 3;
  const width = grid.cols * (W + gap) + gap + 10;
  const height = grid.rows * (H + gap) + gap + 24;
  const dark = (c: string) => ['#3574b3', '#0b3a66', '#c75d12'].includes(c);
  return (
    <svg className="map tiles" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} data-testid="map">
      <title>{summary}</title>
      {grid.tiles.map((tl) => {
        const x = gap + tl.col * (W + gap);
        const y = gap + tl.row * (H + gap);
        const f = fill(tl.unit);
        const name = lang === 'vi' ? tl.short_vi : tl.short_en;
        const ls = lines(name.replace(/^TP\. /, ''));
        return (
          <g key={tl.unit} className={`tile${highlight === tl.unit ? ' highlight' : ''}${members.has(tl.unit) ? ' member' : ''}`} data-unit={tl.unit}
            onMouseEnter={() => onHighlight(tl.unit)} onMouseLeave={() => onHighlight(null)}>
            <title>{label(tl.unit)}</title>
            <rect x={x} y={y} width={W} height={H} rx="4" fill={f} />
            <text x={x + W / 2} y={y + H / 2 - (ls.length - 1) * 5.5 + 3.5} textAnchor="middle" className={dark(f) ? 'on-dark' : ''}>
              {ls.map((l, i) => <tspan key={i} x={x + W / 2} dy={i ? 11 : 0}>{l}</tspan>)}
            </text>
          </g>
        );
      })}
      {grid.archipelagos.map((a) => {
        const x = gap + a.col * (W + gap);
        const y = gap + a.row * (H + gap);
        const [name, unit] = archLabel(a).split(' (');
        const ls = [...lines(name!, 13), ...(unit ? [`(${unit}`] : [])];
        return (
          <g key={a.id} className="archipelago" data-archipelago={a.id}>
            <title>{archLabel(a)}</title>
            <rect x={x} y={y} width={W} height={H} rx="6" className="arch-box" />
            {[[0.3, 0.3], [0.5, 0.22], [0.68, 0.34], [0.42, 0.45], [0.6, 0.5]].map(([dx, dy], i) => (
              <circle key={i} cx={x + W * dx!} cy={y + H * dy!} r="1.8" className="arch-dot" />
            ))}
            {ls.map((l, i) => <text key={i} x={x + W / 2} y={y + H + 11 + i * 11} textAnchor="middle" className="arch-label">{l}</text>)}
          </g>
        );
      })}
    </svg>
  );
}

function BoundaryMap({ geography, grid, fill, label, archLabel, highlight, onHighlight, summary }: DrawProps & { geography: '63' | '34' }) {
  const [drawn, setDrawn] = useState<{ paths: Array<{ unit: string; d: string }>; arch: Array<{ a: Archipelago; x: number; y: number }> } | null>(null);
  const [failed, setFailed] = useState(false);
  const W = 560;
  const H = 660;
  useEffect(() => {
    let live = true;
    setDrawn(null);
    Promise.all([getJson<BoundaryCollection>(`/api/geo/${geography}/boundaries`), import('d3-geo')]).then(([fc, d3]) => {
      if (!live) return;
      const marks = grid.archipelagos.map((a) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [a.lon, a.lat] } }));
      const all = { type: 'FeatureCollection' as const, features: [...fc.features, ...marks] };
      const projection = d3.geoMercator().fitExtent([[16, 16], [W - 90, H - 56]], all as any);
      const path = d3.geoPath(projection);
      setDrawn({
        paths: fc.features.map((f) => ({ unit: f.id, d: path(f as any) ?? '' })),
        arch: grid.archipelagos.map((a) => {
          const [x, y] = projection([a.lon, a.lat]) ?? [0, 0];
          return { a, x, y };
        }),
      });
    }, () => live && setFailed(true));
    return () => { live = false; };
  }, [geography, grid]);
  if (failed) return <TileMap grid={grid} fill={fill} label={label} archLabel={archLabel} highlight={highlight} onHighlight={onHighlight} summary={summary} members={new Set()} />;
  if (!drawn) return <Loading lines={6} />;
  return (
    <svg className="map boundaries" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="map">
      <title>{summary}</title>
      {drawn.paths.map((p) => (
        <path key={p.unit} d={p.d} fill={fill(p.unit)} className={`province${highlight === p.unit ? ' highlight' : ''}`} data-unit={p.unit}
          onMouseEnter={() => onHighlight(p.unit)} onMouseLeave={() => onHighlight(null)}>
          <title>{label(p.unit)}</title>
        </path>
      ))}
      {drawn.arch.map(({ a, x, y }) => (
        <g key={a.id} className="archipelago" data-archipelago={a.id}>
          <title>{archLabel(a)}</title>
          <ellipse cx={x} cy={y} rx={a.id === 'truong-sa' ? 30 : 20} ry={a.id === 'truong-sa' ? 24 : 14} className="arch-box" />
          {[[-8, -4], [0, -7], [7, -2], [-3, 4], [6, 5]].map(([dx, dy], i) => <circle key={i} cx={x + dx!} cy={y + dy!} r="1.6" className="arch-dot" />)}
          <text x={x} y={y + (a.id === 'truong-sa' ? 38 : 28)} textAnchor="middle" className="arch-label">{archLabel(a)}</text>
        </g>
      ))}
    </svg>
  );
}
