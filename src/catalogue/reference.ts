// An in-memory snapshot of the master data the hot paths need (ids, validity, region membership,
// weights), read once per store and refreshed whenever master data or weights are written.
import type { Db } from '../db/database.ts';
import { catalogueStamp, noteStoreChanged } from '../analytics/answerCache.ts';
import { endDate, fromKey } from '../periods/period.ts';

export interface UnitRef {
  id: number;
  slug: string;
  code: string | null;
  level: string;
  nameVi: string;
  nameEn: string;
  shortVi: string;
  shortEn: string;
  validFrom: string;
  validTo: string | null;
  aliases: string[];
  meta: Record<string, unknown>;
  /** A place an article does not name: kept, never guessed, never aggregated or listed as a province. */
  unidentified: boolean;
}

export interface IndicatorRef {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  shortVi: string;
  shortEn: string;
  baseUnit: string;
  decimals: number;
  nature: 'flow' | 'stock' | 'index';
  aggregation: 'sum' | 'weighted_index' | 'derived' | 'none';
  formula: string | null;
  meta: Record<string, unknown>;
}

export interface Membership {
  regionId: number;
  unitId: number;
  validFrom: string;
  validTo: string | null;
}

export class Reference {
  readonly unitsById = new Map<number, UnitRef>();
  readonly unitsBySlug = new Map<string, UnitRef>();
  readonly indicatorsById = new Map<number, IndicatorRef>();
  readonly indicatorsByCode = new Map<string, IndicatorRef>();
  readonly memberships: Membership[] = [];
  // Numeric keys (unit × 2^16 + indicator): looked up once per value in bulk loads.
  readonly weights = new Map<number, number>();
  /** Indicators aggregated with weights: only these need a weight lookup. */
  readonly weighted = new Set<number>();
  readonly predecessors = new Map<number, number[]>(); // successor → predecessors
  readonly successors = new Map<number, number[]>(); // predecessor → successors
  // Numeric keys (unit × 10^7 + period key): this lookup runs once per value in bulk loads.
  private readonly regionsCache = new Map<number, number[]>();
  private readonly membersCache = new Map<string, readonly UnitRef[]>();

  /** Regions whose membership includes the unit on the period's end date (provinces only roll up). */
  regionsOf(unitId: number, periodKey: number): number[] {
    const cacheKey = unitId * 10_000_000 + periodKey;
    const hit = this.regionsCache.get(cacheKey);
    if (hit) return hit;
    const unit = this.unitsById.get(unitId);
    let regions: number[] = [];
    if (unit?.level === 'province') {
      const d = endDate(fromKey(periodKey));
      regions = this.memberships
        .filter((m) => m.unitId === unitId && inForce(m, d))
        .map((m) => m.regionId);
    }
    this.regionsCache.set(cacheKey, regions);
    return regions;
  }

  /** Members of a region on a date, in code order (cached: the snapshot is replaced, never edited). */
  membersOn(regionId: number, date: string): readonly UnitRef[] {
    const key = `${regionId}|${date}`;
    let members = this.membersCache.get(key);
    if (!members) {
      members = Object.freeze(this.memberships
        .filter((m) => m.regionId === regionId && inForce(m, date))
        .map((m) => this.unitsById.get(m.unitId)!)
        .sort((a, b) => (a.code ?? a.slug).localeCompare(b.code ?? b.slug)));
      this.membersCache.set(key, members);
    }
    return members;
  }

  weightOf(unitId: number, indicatorId: number): number | null {
    if (!this.weighted.has(indicatorId)) return null;
    return this.weights.get(unitId * 65_536 + indicatorId) ?? null;
  }

  /**
   * The units in force on `date` whose territories make up `unitId`: itself when it is in force then,
   * else its predecessors (recursively) or, going forward, nothing (a successor is never split back).
   */
  unitsCoveringOn(unitId: number, date: string): number[] {
    const u = this.unitsById.get(unitId);
    if (!u) return [];
    if (inForce(u, date)) return [unitId];
    if (date < u.validFrom) {
      return (this.predecessors.get(unitId) ?? []).flatMap((p) => this.unitsCoveringOn(p, date));
    }
    return [];
  }
}

export function inForce(v: { validFrom: string; validTo: string | null }, date: string): boolean {
  return v.validFrom <= date && (v.validTo === null || date <= v.validTo);
}

const cache = new WeakMap<Db, { ref: Promise<Reference>; stamp: string | null }>();

/**
 * The catalogue in memory, reloaded when it changed in the store — by this process (invalidateReference)
 * or by another one: a `catalogue load` beside the running server, a second server (catalogueStamp).
 */
export function reference(db: Db): Promise<Reference> {
  const stamp = catalogueStamp(db);
  const kept = cache.get(db);
  // Kept while the stamp has not moved, or while it cannot be told (PostgreSQL before its listener is
  // up); a catalogue loaded before the stamp could be told is loaded again once it can.
  if (kept && (stamp === null || kept.stamp === stamp)) return kept.ref;
  const entry = { ref: loadReference(db), stamp };
  cache.set(db, entry);
  entry.ref.catch(() => { if (cache.get(db) === entry) cache.delete(db); });
  return entry.ref;
}

/** Call after writing master data or weights. */
export function invalidateReference(db: Db): void {
  cache.delete(db);
  noteStoreChanged(db); // answers computed with the old memberships or weights are dropped too
}

async function loadReference(db: Db): Promise<Reference> {
  const ref = new Reference();
  const [units, inds, members, weights, succ] = await Promise.all([
    db.k.selectFrom('unit').selectAll().execute(),
    db.k.selectFrom('indicator').selectAll().execute(),
    db.k.selectFrom('region_membership').selectAll().execute(),
    db.k.selectFrom('unit_weight').selectAll().execute(),
    db.k.selectFrom('unit_succession').selectAll().execute(),
  ]);
  for (const u of units) {
    const unit: UnitRef = {
      id: u.id, slug: u.slug, code: u.code, level: u.level, nameVi: u.name_vi, nameEn: u.name_en,
      shortVi: u.short_vi, shortEn: u.short_en, validFrom: u.valid_from, validTo: u.valid_to,
      aliases: JSON.parse(u.aliases), meta: JSON.parse(u.meta), unidentified: u.unidentified === 1,
    };
    ref.unitsById.set(u.id, unit);
    ref.unitsBySlug.set(u.slug, unit);
  }
  for (const i of inds) {
    const ind: IndicatorRef = {
      id: i.id, code: i.code, nameVi: i.name_vi, nameEn: i.name_en, shortVi: i.short_vi,
      shortEn: i.short_en, baseUnit: i.base_unit, decimals: i.decimals, nature: i.nature,
      aggregation: i.aggregation, formula: i.formula, meta: JSON.parse(i.meta),
    };
    ref.indicatorsById.set(i.id, ind);
    ref.indicatorsByCode.set(i.code, ind);
  }
  for (const m of members) {
    ref.memberships.push({ regionId: m.region_id, unitId: m.unit_id, validFrom: m.valid_from, validTo: m.valid_to });
  }
  for (const w of weights) ref.weights.set(w.unit_id * 65_536 + w.indicator_id, w.weight);
  for (const i of ref.indicatorsById.values()) if (i.aggregation === 'weighted_index') ref.weighted.add(i.id);
  for (const s of succ) {
    push(ref.predecessors, s.successor_id, s.predecessor_id);
    push(ref.successors, s.predecessor_id, s.successor_id);
  }
  return ref;
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
