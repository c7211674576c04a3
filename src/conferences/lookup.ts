// Names and ids the conference and follow-up stores translate between: units (provinces, regions) by
// slug through the catalogue's reference snapshot, ministry units from their table.
import type { Db } from '../db/database.ts';
import { reference, inForce, type Reference, type UnitRef } from '../catalogue/reference.ts';
import { UserError } from '../server/errors.ts';
import type { Lang } from '../shared/format.ts';

export interface MinistryUnitRef {
  id: number;
  slug: string;
  nameVi: string;
  nameEn: string;
  shortVi: string;
}

export interface Lookup {
  ref: Reference;
  ministryById: Map<number, MinistryUnitRef>;
  ministryBySlug: Map<string, MinistryUnitRef>;
}

export async function lookup(db: Db): Promise<Lookup> {
  const ref = await reference(db);
  const rows = await db.k.selectFrom('ministry_unit').select(['id', 'slug', 'name_vi', 'name_en', 'short_vi']).execute();
  const list = rows.map((r) => ({ id: r.id, slug: r.slug, nameVi: r.name_vi, nameEn: r.name_en, shortVi: r.short_vi }));
  return { ref, ministryById: new Map(list.map((m) => [m.id, m])), ministryBySlug: new Map(list.map((m) => [m.slug, m])) };
}

export function unitBySlug(l: Lookup, slug: string, what: 'province' | 'region' | 'any' = 'any'): UnitRef {
  const u = l.ref.unitsBySlug.get(slug);
  const ok = u && (what === 'any' ? u.level === 'province' || u.level === 'region' : u.level === what);
  if (!u || !ok) {
    const [vi, en] = what === 'region' ? ['vùng', 'region'] : what === 'province' ? ['tỉnh, thành phố', 'province'] : ['đơn vị', 'unit'];
    throw new UserError(422, 'unknown_unit', `Không có ${vi} "${slug}".`, `No ${en} "${slug}".`);
  }
  return u;
}

export function ministryBySlug(l: Lookup, slug: string): MinistryUnitRef {
  const m = l.ministryBySlug.get(slug);
  if (!m) throw new UserError(422, 'unknown_ministry_unit', `Không có đơn vị thuộc Bộ "${slug}".`, `No ministry unit "${slug}".`);
  return m;
}

export function unitName(l: Lookup, id: number | null, lang: Lang = 'vi'): string | null {
  if (id === null) return null;
  const u = l.ref.unitsById.get(id);
  return u ? (lang === 'vi' ? u.shortVi : u.shortEn) : null;
}

export function ministryName(l: Lookup, id: number | null, lang: Lang = 'vi'): string | null {
  if (id === null) return null;
  const m = l.ministryById.get(id);
  return m ? (lang === 'vi' ? m.nameVi : m.nameEn) : null;
}

export const slugOf = (l: Lookup, id: number | null): string | null => (id === null ? null : l.ref.unitsById.get(id)?.slug ?? null);

/** Regions the province belongs to on a date (a province may be in two). */
export function regionsOfOn(l: Lookup, unitId: number, date: string): UnitRef[] {
  return l.ref.memberships.filter((m) => m.unitId === unitId && inForce(m, date)).map((m) => l.ref.unitsById.get(m.regionId)!);
}

/** b took over a's territory, directly or through several merges. */
export function isSuccessorOf(l: Lookup, a: string, b: string): boolean {
  const from = l.ref.unitsBySlug.get(a);
  const to = l.ref.unitsBySlug.get(b);
  if (!from || !to) return false;
  const seen = new Set<number>();
  const walk = (id: number): boolean => {
    if (seen.has(id)) return false;
    seen.add(id);
    return (l.ref.successors.get(id) ?? []).some((s) => s === to.id || walk(s));
  };
  return walk(from.id);
}

export function isMemberOn(l: Lookup, regionSlug: string, unitSlug: string, date: string): boolean {
  const r = l.ref.unitsBySlug.get(regionSlug);
  const u = l.ref.unitsBySlug.get(unitSlug);
  if (!r || !u) return false;
  return l.ref.memberships.some((m) => m.regionId === r.id && m.unitId === u.id && inForce(m, date));
}
