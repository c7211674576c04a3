// The two provincial geographies a map can draw: the 63 provinces and cities in force until 30 June
// 2025, and the 34 from 1 July 2025 (Resolution 202/2025/QH15). Each has a tile-grid layout shipped
// with the product (tiles-63.json, tiles-34.json: one tile per province, laid out like the country,
// with the Hoàng Sa and Trường Sa archipelagos as labelled markers) and, optionally, real boundaries an
// administrator imported. A period is drawn on the geography in force on its end date.
import { readFileSync } from 'node:fs';
import { inForce, type Reference, type UnitRef } from '../reference.ts';

export type GeographyId = '63' | '34';
export const GEOGRAPHY_IDS: readonly GeographyId[] = ['63', '34'];

export interface TileSpec {
  code: string;
  row: number;
  col: number;
}

export interface ArchipelagoSpec {
  id: 'hoang-sa' | 'truong-sa';
  /** Code of the province it belongs to, in this geography (Đà Nẵng 48, Khánh Hòa 56). */
  unit_code: string;
  name_vi: string;
  name_en: string;
  row: number;
  col: number;
  lon: number;
  lat: number;
}

export interface TileLayout {
  geography: GeographyId;
  /** The date on which this geography's units are in force (codes are read on this date). */
  date: string;
  valid_from?: string;
  valid_to?: string;
  label_vi: string;
  label_en: string;
  tiles: TileSpec[];
  archipelagos: ArchipelagoSpec[];
}

const layouts = new Map<GeographyId, TileLayout>();

export function isGeography(s: string): s is GeographyId {
  return (GEOGRAPHY_IDS as readonly string[]).includes(s);
}

export function tileLayout(g: GeographyId): TileLayout {
  let l = layouts.get(g);
  if (!l) {
    l = JSON.parse(readFileSync(new URL(`./tiles-${g}.json`, import.meta.url), 'utf8')) as TileLayout;
    layouts.set(g, l);
  }
  return l;
}

/** The geography in force on a date (YYYY-MM-DD): 63 until 2025-06-30, 34 from 2025-07-01. */
export function geographyOn(date: string): GeographyId {
  return date < '2025-07-01' ? '63' : '34';
}

/** Provinces of a geography: those in force on its date, real ones only (no unidentified places). */
export function unitsOfGeography(ref: Reference, g: GeographyId): UnitRef[] {
  const date = tileLayout(g).date;
  return [...ref.unitsById.values()]
    .filter((u) => u.level === 'province' && !u.unidentified && inForce(u, date))
    .sort((a, b) => (a.code ?? a.slug).localeCompare(b.code ?? b.slug));
}

export interface PlacedTile extends TileSpec {
  unit: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
}

export interface TileGrid {
  geography: GeographyId;
  date: string;
  label_vi: string;
  label_en: string;
  rows: number;
  cols: number;
  tiles: PlacedTile[];
  archipelagos: Array<ArchipelagoSpec & { unit: string | null }>;
  /** Units of the geography the layout has no tile for (master data ahead of the layout file). */
  unplaced: string[];
}

/** Grids per catalogue snapshot (a new snapshot after any master-data change): the map asks on every
 *  dashboard, and joining the layout was ~3% of the dashboard's server time (bench/load, profiled). */
const grids = new WeakMap<Reference, Map<GeographyId, TileGrid>>();

/** The layout joined to the catalogue: every tile names its unit (code read on the geography's date). */
export function tileGrid(ref: Reference, g: GeographyId): TileGrid {
  let byRef = grids.get(ref);
  if (!byRef) grids.set(ref, (byRef = new Map()));
  let grid = byRef.get(g);
  if (!grid) byRef.set(g, (grid = buildTileGrid(ref, g)));
  return grid;
}

function buildTileGrid(ref: Reference, g: GeographyId): TileGrid {
  const layout = tileLayout(g);
  const units = unitsOfGeography(ref, g);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const tiles: PlacedTile[] = [];
  for (const t of layout.tiles) {
    const u = byCode.get(t.code);
    if (!u) continue;
    tiles.push({ ...t, unit: u.slug, name_vi: u.nameVi, name_en: u.nameEn, short_vi: u.shortVi, short_en: u.shortEn });
  }
  const placed = new Set(tiles.map((t) => t.unit));
  const cells = [...layout.tiles, ...layout.archipelagos];
  return {
    geography: g,
    date: layout.date,
    label_vi: layout.label_vi,
    label_en: layout.label_en,
    rows: Math.max(...cells.map((c) => c.row)) + 1,
    cols: Math.max(...cells.map((c) => c.col)) + 1,
    tiles,
    archipelagos: layout.archipelagos.map((a) => ({ ...a, unit: byCode.get(a.unit_code)?.slug ?? null })),
    unplaced: units.filter((u) => !placed.has(u.slug)).map((u) => u.slug),
  };
}
