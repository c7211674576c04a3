// Importing real boundary files (GeoJSON or TopoJSON) for a geography: read the features, match each
// to a unit of the geography by code or by name, and report what did not match. Geometries are
// normalised for drawing (rings wound the way d3-geo expects, lightly simplified, rounded to ~10 m).
// Pure: no HTTP, no SQL.
import * as topojson from 'topojson-client';
import type { UnitRef } from '../reference.ts';

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: PolygonCoords[];
}

export interface RawFeature {
  index: number;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown } | null;
}

export class BoundaryFileError extends Error {
  constructor(readonly messageVi: string, readonly messageEn: string) {
    super(messageEn);
  }
}

/** Features of a GeoJSON FeatureCollection / Feature / geometry, or of one object of a TopoJSON topology. */
export function readBoundaryFile(input: unknown, opts: { object?: string } = {}): RawFeature[] {
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      throw new BoundaryFileError('Tệp không phải JSON hợp lệ (GeoJSON hoặc TopoJSON).', 'The file is not valid JSON (GeoJSON or TopoJSON).');
    }
  }
  const obj = input as { type?: unknown; objects?: Record<string, unknown>; features?: unknown[]; geometry?: unknown; properties?: unknown };
  if (!obj || typeof obj !== 'object' || typeof obj.type !== 'string') {
    throw new BoundaryFileError('Tệp không có trường "type" của GeoJSON hoặc TopoJSON.', 'The file has no GeoJSON or TopoJSON "type".');
  }
  let features: Array<{ properties?: unknown; geometry?: unknown }>;
  if (obj.type === 'Topology') {
    const names = Object.keys(obj.objects ?? {});
    if (!names.length) throw new BoundaryFileError('TopoJSON không có đối tượng nào.', 'The TopoJSON has no objects.');
    const name = opts.object ?? names[0]!;
    if (!names.includes(name)) {
      throw new BoundaryFileError(`TopoJSON không có đối tượng "${name}" (có: ${names.join(', ')}).`, `The TopoJSON has no object "${name}" (it has: ${names.join(', ')}).`);
    }
    let fc: unknown;
    try {
      fc = topojson.feature(obj as any, (obj.objects as any)[name]);
    } catch (e) {
      throw new BoundaryFileError(`Không đọc được TopoJSON: ${(e as Error).message}`, `Cannot read the TopoJSON: ${(e as Error).message}`);
    }
    const f = fc as { type: string; features?: unknown[] };
    features = (f.type === 'FeatureCollection' ? f.features ?? [] : [f]) as typeof features;
  } else if (obj.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features)) throw new BoundaryFileError('FeatureCollection không có "features".', 'The FeatureCollection has no "features".');
    features = obj.features as typeof features;
  } else if (obj.type === 'Feature') {
    features = [obj];
  } else if (obj.type === 'Polygon' || obj.type === 'MultiPolygon') {
    features = [{ properties: {}, geometry: obj }];
  } else {
    throw new BoundaryFileError(`Kiểu "${obj.type}" không phải GeoJSON hoặc TopoJSON.`, `Type "${obj.type}" is neither GeoJSON nor TopoJSON.`);
  }
  return features.map((f, index) => ({
    index,
    properties: (f && typeof f.properties === 'object' && f.properties) ? f.properties as Record<string, unknown> : {},
    geometry: (f?.geometry ?? null) as RawFeature['geometry'],
  }));
}

// ---------------------------------------------------------------------------------------------
// Matching features to units

export type MatchBy = 'auto' | 'code' | 'name';

export const CODE_PROPERTIES = ['ma_tinh', 'matinh', 'ma', 'code', 'province_code', 'ma_dvhc', 'MA_TINH', 'MaTinh', 'Code', 'CODE'];
export const NAME_PROPERTIES = ['ten_tinh', 'tentinh', 'ten', 'name', 'name_vi', 'province', 'tinh', 'TEN_TINH', 'TenTinh', 'Name', 'NAME', 'NAME_1', 'VARNAME_1'];

/** "Thành phố Hồ Chí Minh", "TP. HCM", "Ho Chi Minh City" → comparable keys: no accents, no prefixes, no spaces. */
export function nameKey(s: string): string {
  let t = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
  t = t.replace(/^(tinh|thanh pho|tp\.?|t\.p\.?|province of|city of)\s*/, '').replace(/\s+(province|city)$/, '');
  return t.replace(/[^a-z0-9]/g, '');
}

/** A code as the statistics office writes it ("1" → "01"); null when the value is not a plain number. */
export function codeKey(v: unknown): string | null {
  const s = typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (!/^\d{1,3}$/.test(s)) return null;
  return s.padStart(2, '0');
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

class UnitIndex {
  readonly byCode = new Map<string, UnitRef>();
  readonly byName = new Map<string, Set<UnitRef>>();
  constructor(readonly units: UnitRef[]) {
    for (const u of units) {
      if (u.code) this.byCode.set(u.code, u);
      const former = Array.isArray(u.meta.former_names) ? (u.meta.former_names as Array<Record<string, unknown>>) : [];
      const names = [u.nameVi, u.shortVi, u.nameEn, u.shortEn, ...u.aliases,
        ...former.flatMap((f) => [f.name_vi, f.short_vi, f.name_en, f.short_en]).filter((x): x is string => typeof x === 'string')];
      for (const n of names) {
        const k = nameKey(n);
        if (!k) continue;
        (this.byName.get(k) ?? this.byName.set(k, new Set()).get(k)!).add(u);
      }
    }
  }
  /** Exact key first; otherwise the one unit whose key is within a small edit distance. */
  name(label: string): { unit: UnitRef; approximate: boolean } | { ambiguous: UnitRef[] } | null {
    const k = nameKey(label);
    if (!k) return null;
    const exact = this.byName.get(k);
    if (exact?.size === 1) return { unit: [...exact][0]!, approximate: false };
    if (exact && exact.size > 1) return { ambiguous: [...exact] };
    const limit = k.length >= 6 ? 2 : 1;
    let best = Infinity;
    let found = new Set<UnitRef>();
    for (const [key, units] of this.byName) {
      if (Math.abs(key.length - k.length) > limit) continue;
      const d = levenshtein(k, key);
      if (d > limit || d > best) continue;
      if (d < best) found = new Set();
      best = d;
      for (const u of units) found.add(u);
    }
    if (found.size === 1) return { unit: [...found][0]!, approximate: true };
    if (found.size > 1) return { ambiguous: [...found] };
    return null;
  }
}

export interface MatchOptions {
  by?: MatchBy;
  /** The feature property holding the code or the name; found among the usual names when absent. */
  property?: string;
}

export interface MatchedFeature {
  feature: number;
  label: string;
  unit: string;
  name_vi: string;
  by: 'code' | 'name';
  approximate: boolean;
}

export interface UnmatchedFeature {
  feature: number;
  label: string;
  reason: 'no_key' | 'no_unit' | 'ambiguous' | 'conflict' | 'not_polygon' | 'bad_coordinates';
  candidates: string[];
}

export interface MatchReport {
  features: number;
  by: MatchBy;
  codeProperty: string | null;
  nameProperty: string | null;
  matched: MatchedFeature[];
  unmatched: UnmatchedFeature[];
  /** Units of the geography that no feature matched: they are drawn without a boundary. */
  missingUnits: Array<{ unit: string; name_vi: string; name_en: string }>;
  /** Units that several features matched: their geometries are merged. */
  merged: Array<{ unit: string; features: number[] }>;
}

function pickProperty(features: RawFeature[], candidates: string[], wanted?: string): string | null {
  if (wanted) return wanted;
  const present = (p: string) => features.filter((f) => f.properties[p] !== undefined && f.properties[p] !== null && f.properties[p] !== '').length;
  let best: string | null = null;
  let count = 0;
  for (const c of candidates) {
    const n = present(c);
    if (n > count) [best, count] = [c, n];
  }
  return best;
}

function labelOf(f: RawFeature, nameProp: string | null, codeProp: string | null): string {
  const parts = [nameProp ? f.properties[nameProp] : undefined, codeProp ? f.properties[codeProp] : undefined]
    .filter((x) => x !== undefined && x !== null && x !== '').map(String);
  return parts.length ? parts.join(' · ') : `#${f.index + 1}`;
}

/** Assigns each feature to at most one unit of the geography; everything else goes to the report. */
export function matchFeatures(features: RawFeature[], units: UnitRef[], opts: MatchOptions = {}): { report: MatchReport; assignment: Map<string, number[]> } {
  const by = opts.by ?? 'auto';
  const index = new UnitIndex(units);
  const codeProp = by === 'name' ? null : pickProperty(features, CODE_PROPERTIES, by === 'code' ? opts.property : undefined);
  const nameProp = by === 'code' ? null : pickProperty(features, NAME_PROPERTIES, by === 'name' ? opts.property : undefined);
  const matched: MatchedFeature[] = [];
  const unmatched: UnmatchedFeature[] = [];
  const assignment = new Map<string, number[]>();
  for (const f of features) {
    const label = labelOf(f, nameProp, codeProp);
    const type = f.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      unmatched.push({ feature: f.index, label, reason: 'not_polygon', candidates: [] });
      continue;
    }
    const code = codeProp ? codeKey(f.properties[codeProp]) : null;
    const byCode = code ? index.byCode.get(code) ?? null : null;
    const rawName = nameProp ? f.properties[nameProp] : undefined;
    const byName = typeof rawName === 'string' ? index.name(rawName) : null;
    let unit: UnitRef | null = null;
    let how: 'code' | 'name' = 'code';
    let approximate = false;
    if (by === 'code') {
      unit = byCode;
      if (!unit) {
        unmatched.push({ feature: f.index, label, reason: code ? 'no_unit' : 'no_key', candidates: [] });
        continue;
      }
    } else {
      const nameUnit = byName && 'unit' in byName ? byName.unit : null;
      if (by === 'auto' && byCode && nameUnit && nameUnit !== byCode) {
        unmatched.push({ feature: f.index, label, reason: 'conflict', candidates: [byCode.slug, nameUnit.slug] });
        continue;
      }
      if (by === 'auto' && byCode) {
        unit = byCode;
      } else if (nameUnit) {
        unit = nameUnit;
        how = 'name';
        approximate = byName !== null && 'unit' in byName && byName.approximate;
      } else if (byName && 'ambiguous' in byName) {
        unmatched.push({ feature: f.index, label, reason: 'ambiguous', candidates: byName.ambiguous.map((u) => u.slug) });
        continue;
      } else {
        unmatched.push({ feature: f.index, label, reason: typeof rawName === 'string' || code ? 'no_unit' : 'no_key', candidates: [] });
        continue;
      }
    }
    if (!coordinatesLookGeographic(f.geometry!)) {
      unmatched.push({ feature: f.index, label, reason: 'bad_coordinates', candidates: [unit.slug] });
      continue;
    }
    matched.push({ feature: f.index, label, unit: unit.slug, name_vi: unit.shortVi, by: how, approximate });
    (assignment.get(unit.slug) ?? assignment.set(unit.slug, []).get(unit.slug)!).push(f.index);
  }
  const report: MatchReport = {
    features: features.length,
    by,
    codeProperty: codeProp,
    nameProperty: nameProp,
    matched,
    unmatched,
    missingUnits: units.filter((u) => !assignment.has(u.slug)).map((u) => ({ unit: u.slug, name_vi: u.shortVi, name_en: u.shortEn })),
    merged: [...assignment].filter(([, fs]) => fs.length > 1).map(([unit, fs]) => ({ unit, features: fs })),
  };
  return { report, assignment };
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** Longitude/latitude (WGS 84), not projected metres, nested exactly as the geometry type says
 *  (Polygon: rings of positions; MultiPolygon: polygons of rings). Every position is checked: a
 *  position that is not two numbers, or a level missing, made NaN geometries (found by bench/fuzz). */
export function coordinatesLookGeographic(g: { type?: string; coordinates?: unknown }): boolean {
  const levels = g.type === 'MultiPolygon' ? 2 : g.type === 'Polygon' ? 1 : null;
  if (levels === null) return false;
  let n = 0;
  const position = (p: unknown): boolean => {
    if (!Array.isArray(p) || p.length < 2) return false;
    const [x, y] = p;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (x < -180 || x > 180 || y < -90 || y > 90) return false;
    n++;
    return true;
  };
  const list = (c: unknown, level: number): boolean =>
    Array.isArray(c) && c.every((x) => (level === 0 ? position(x) : list(x, level - 1)));
  return list(g.coordinates, levels) && n > 0;
}

function polygonsOf(g: { type: string; coordinates?: unknown }): PolygonCoords[] {
  if (g.type === 'Polygon') return [g.coordinates as PolygonCoords];
  if (g.type === 'MultiPolygon') return g.coordinates as PolygonCoords[];
  return [];
}

/** Twice the signed planar area (lon as x, lat as y): > 0 counter-clockwise. */
export function ringArea2(r: Ring): number {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += r[j]![0] * r[i]![1] - r[i]![0] * r[j]![1];
  return s;
}

function perpendicular(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas–Peucker on an open polyline (iterative). */
function simplifyLine(pts: Position[], tolerance: number): Position[] {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, pts.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let max = 0;
    let at = -1;
    for (let i = s + 1; i < e; i++) {
      const d = perpendicular(pts[i]!, pts[s]!, pts[e]!);
      if (d > max) [max, at] = [d, i];
    }
    if (at >= 0 && max > tolerance) {
      keep[at] = 1;
      stack.push([s, at], [at, e]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Closed ring, simplified, rounded, duplicates dropped; a ring too small to simplify is kept whole
 *  (islands matter: Trường Sa is made of them). */
export function cleanRing(ring: Ring, tolerance: number, digits = 4): Ring | null {
  const pts = ring.map((p) => [round(p[0], digits), round(p[1], digits)] as Position)
    .filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]);
  if (pts.length && (pts[0]![0] !== pts[pts.length - 1]![0] || pts[0]![1] !== pts[pts.length - 1]![1])) pts.push(pts[0]!);
  if (pts.length < 4) return null;
  // Split at the point farthest from the start so both halves keep the ring's extent.
  let far = 1;
  let best = -1;
  for (let i = 1; i < pts.length - 1; i++) {
    const d = Math.hypot(pts[i]![0] - pts[0]![0], pts[i]![1] - pts[0]![1]);
    if (d > best) [best, far] = [d, i];
  }
  const a = simplifyLine(pts.slice(0, far + 1), tolerance);
  const b = simplifyLine(pts.slice(far), tolerance);
  const out = [...a, ...b.slice(1)];
  return out.length >= 4 ? out : pts;
}

/** Exterior rings clockwise and holes counter-clockwise (d3-geo's spherical convention), simplified. */
export function prepareGeometry(geoms: Array<{ type: string; coordinates?: unknown }>, tolerance = 0.002): MultiPolygonGeometry {
  const out: PolygonCoords[] = [];
  for (const g of geoms) {
    for (const poly of polygonsOf(g)) {
      const rings: Ring[] = [];
      poly.forEach((ring, i) => {
        const r = cleanRing(ring as Ring, tolerance);
        if (!r) return;
        const ccw = ringArea2(r) > 0;
        rings.push((i === 0) === ccw ? r.slice().reverse() : r);
      });
      if (rings.length) out.push(rings);
    }
  }
  return { type: 'MultiPolygon', coordinates: out };
}

export function bbox(g: MultiPolygonGeometry): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  for (const poly of g.coordinates) {
    for (const [x, y] of poly[0] ?? []) {
      if (!b) b = [x, y, x, y];
      else b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
    }
  }
  return b;
}

/** Whether a unit's geometry reaches the archipelago's position (within about one degree). */
export function reaches(g: MultiPolygonGeometry, lon: number, lat: number): boolean {
  return g.coordinates.some((poly) => {
    const r = poly[0] ?? [];
    return r.some(([x, y]) => Math.abs(x - lon) < 1.2 && Math.abs(y - lat) < 1.5);
  });
}
