// Place helpers over master data: which units are in force, codes at a date, names, regions and
// the 2025 successions. Every function is pure (same master data and arguments → same answer).
import { spans } from './dates.ts';
import type { MasterData, Unit } from './masterDataSchema.ts';
import { nameKey } from './text.ts';

/** Whether the unit exists on the date (valid_from ≤ date ≤ valid_to, valid_to null = open). */
export function isInForce(unit: Pick<Unit, 'valid_from' | 'valid_to'>, date: string): boolean {
  return spans(unit.valid_from, unit.valid_to, date);
}

export interface InForceOptions {
  /** Which level to list (default 'province'). */
  level?: Unit['level'];
  /** Include units an article did not name (default false: they are in no count or aggregate). */
  includeUnidentified?: boolean;
}

/** The units of a level in force on the date, by code then id (63 provinces on 2025-06-30, 34 on 2025-07-01). */
export function unitsInForce(md: MasterData, date: string, options: InForceOptions = {}): Unit[] {
  const level = options.level ?? 'province';
  return md.units
    .filter((u) => u.level === level && isInForce(u, date) && (options.includeUnidentified || !u.unidentified))
    .sort(byCodeThenId);
}

function byCodeThenId(a: Unit, b: Unit): number {
  return (a.code ?? '~').localeCompare(b.code ?? '~') || a.id.localeCompare(b.id);
}

/** The province that had `code` on the date (code 24: Bắc Giang on 2024-01-01, Bắc Ninh from 2025-07-01). */
export function unitByCode(md: MasterData, code: string | number, date: string): Unit | undefined {
  const c = String(code).trim().padStart(2, '0');
  return md.units.find((u) => u.code === c && isInForce(u, date));
}

const nameIndexes = new WeakMap<MasterData, Map<string, Unit[]>>();

function nameIndex(md: MasterData): Map<string, Unit[]> {
  let idx = nameIndexes.get(md);
  if (idx) return idx;
  idx = new Map();
  for (const u of md.units) {
    if (u.unidentified) continue;
    for (const n of unitNameKeys(u)) {
      const list = idx.get(n) ?? [];
      list.push(u);
      idx.set(n, list);
    }
  }
  nameIndexes.set(md, idx);
  return idx;
}

/** The names (folded keys) of a unit, for checks on ambiguity. */
export function unitNameKeys(u: Unit): string[] {
  const names = [u.name_vi, u.name_en, u.short_vi, u.short_en, ...u.aliases];
  for (const f of u.former_names) names.push(f.name_vi, f.name_en, f.short_vi, f.short_en);
  return [...new Set(names.map(nameKey))].filter(Boolean);
}

/**
 * Every unit a name may mean ("TP.HCM", "Thừa Thiên Huế", "tỉnh Bà Rịa- Vũng Tàu", "khu vực phía Nam",
 * "cả nước"; case-, diacritic- and dash-insensitive; "Tỉnh"/"Thành phố"/"TP." prefixes ignored),
 * restricted to those in force on `date` when given. An exact id matches too. Unidentified units
 * never match a name.
 */
export function findUnitsByName(md: MasterData, text: string, date?: string): Unit[] {
  const byId = md.unitById.get(text.trim());
  let found = byId ? [byId] : (nameIndex(md).get(nameKey(text)) ?? []);
  if (date !== undefined) found = found.filter((u) => isInForce(u, date));
  return [...found];
}

/**
 * The unit a name means. With a date: the one in force then. Without: the one in force now-or-last
 * (open-ended first, else the latest valid_to), e.g. "Bắc Ninh" → bac-ninh-2025.
 */
export function findUnitByName(md: MasterData, text: string, date?: string): Unit | undefined {
  const found = findUnitsByName(md, text, date);
  if (found.length <= 1) return found[0];
  return [...found].sort((a, b) => (b.valid_to ?? '9999-12-31').localeCompare(a.valid_to ?? '9999-12-31'))[0];
}

/** The members of a region (or of the country) on the date, by code. */
export function regionMembers(md: MasterData, regionId: string, date: string): Unit[] {
  const ids = new Set(md.memberships.filter((m) => m.region === regionId && spans(m.valid_from, m.valid_to, date)).map((m) => m.unit));
  return md.units.filter((u) => ids.has(u.id)).sort(byCodeThenId);
}

/** The regions (level 'region') a unit belongs to on the date. */
export function regionsOf(md: MasterData, unitId: string, date: string): Unit[] {
  const ids = new Set(
    md.memberships.filter((m) => m.unit === unitId && m.basis !== 'derived' && spans(m.valid_from, m.valid_to, date)).map((m) => m.region),
  );
  return md.units.filter((u) => ids.has(u.id));
}

/**
 * The units in force on `date` whose values sum to this unit: itself if it spans the date; its
 * predecessors (recursively) if the date is before it began; none if the date is after it ended
 * or before it and its predecessors existed. E.g. bac-ninh-2025 on 2024-01-01 → [bac-giang, bac-ninh].
 */
export function predecessorsAt(md: MasterData, unitId: string, date: string): Unit[] {
  const unit = md.unitById.get(unitId);
  if (!unit) return [];
  if (isInForce(unit, date)) return [unit];
  if (date > (unit.valid_to ?? '9999-12-31')) return [];
  const seen = new Set<string>();
  const out = md.successions
    .filter((s) => s.successor === unitId)
    .flatMap((s) => predecessorsAt(md, s.predecessor, date))
    .filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
  return out.sort(byCodeThenId);
}

/**
 * The unit in force on `date` that contains this unit: itself if it spans the date, else its
 * successor (followed through later successions). Undefined before the unit existed, or if a
 * later change split it (no single successor). E.g. bac-giang on 2025-07-01 → bac-ninh-2025.
 */
export function successorAt(md: MasterData, unitId: string, date: string): Unit | undefined {
  const unit = md.unitById.get(unitId);
  if (!unit || date < unit.valid_from) return undefined;
  if (isInForce(unit, date)) return unit;
  const next = md.successions.filter((s) => s.predecessor === unitId);
  if (next.length !== 1) return undefined;
  return successorAt(md, next[0]!.successor, date);
}

/** The unit's official names on the date (Huế: "Tỉnh Thừa Thiên Huế" until 2024-12-31). */
export function namesAt(md: MasterData, unitId: string, date: string): Pick<Unit, 'name_vi' | 'name_en' | 'short_vi' | 'short_en'> | undefined {
  const u = md.unitById.get(unitId);
  if (!u) return undefined;
  const former = [...u.former_names].sort((a, b) => a.valid_to.localeCompare(b.valid_to)).find((f) => date <= f.valid_to);
  const n = former ?? u;
  return { name_vi: n.name_vi, name_en: n.name_en, short_vi: n.short_vi, short_en: n.short_en };
}

/**
 * The label a region goes by in text on the date: "khu vực phía Bắc", or counted
 * ("28 tỉnh, thành phố khu vực phía Bắc" in 2024, 18 from 2025-07-01).
 */
export function regionLabel(md: MasterData, regionId: string, date: string, options: { lang?: 'vi' | 'en'; counted?: boolean } = {}): string | undefined {
  const r = md.unitById.get(regionId)?.region;
  if (!r) return undefined;
  const lang = options.lang ?? 'vi';
  if (!options.counted) return lang === 'vi' ? r.label_vi : r.label_en;
  const n = regionMembers(md, regionId, date).length;
  return (lang === 'vi' ? r.label_counted_vi : r.label_counted_en).replace('{n}', String(n));
}
