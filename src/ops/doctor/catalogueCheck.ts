// Units, regions and their dates agree with each other: a validity never ends before it starts, a code
// names one unit on any date, a membership lies within both the region's and the member's validity, a
// successor takes over the day after its predecessor ends, and every value belongs to a unit that was
// in force on its period's last day (the rule the import applies). The catalogue is small: the rules
// run in memory; only values are counted in the store, one period at a time.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { endDate } from '../../periods/calendar.ts';
import { fromKey } from '../../periods/core.ts';
import { periodCode } from '../../periods/codes.ts';
import type { CheckResult, Problem } from './findings.ts';

interface U { id: number; slug: string; code: string | null; level: string; valid_from: string; valid_to: string | null; unidentified: number }
interface M { region_id: number; unit_id: number; valid_from: string; valid_to: string | null }
interface S { predecessor_id: number; successor_id: number; effective_date: string }

const END = '9999-12-31';
const overlaps = (a: { valid_from: string; valid_to: string | null }, b: { valid_from: string; valid_to: string | null }) =>
  a.valid_from <= (b.valid_to ?? END) && b.valid_from <= (a.valid_to ?? END);
const within = (inner: { valid_from: string; valid_to: string | null }, outer: { valid_from: string; valid_to: string | null }) =>
  inner.valid_from >= outer.valid_from && (inner.valid_to ?? END) <= (outer.valid_to ?? END);
const span = (x: { valid_from: string; valid_to: string | null }) => `${x.valid_from} → ${x.valid_to ?? '…'}`;

/** The rules on the catalogue alone (pure, so that they can be tested on made-up rows). */
export function catalogueProblems(units: U[], members: M[], successions: S[]): Problem[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const name = (id: number) => byId.get(id)?.slug ?? `#${id}`;
  const out: Problem[] = [];
  const add = (code: string, examples: string[], vi: string, en: string, fixVi?: string, fixEn?: string) => {
    if (examples.length) out.push({ code, count: examples.length, vi: `${examples.length} ${vi}.`, en: `${examples.length} ${en}.`, fixVi, fixEn, examples: examples.slice(0, 5) });
  };
  const fix = ['Sửa tệp danh mục (src/catalogue/data) rồi chạy `congthuong catalogue load`.', 'Correct the master data files (src/catalogue/data), then run `congthuong catalogue load`.'] as const;

  add('unit_validity_inverted', units.filter((u) => u.valid_to !== null && u.valid_to < u.valid_from).map((u) => `${u.slug}: ${span(u)}`),
    'đơn vị có ngày hết hiệu lực trước ngày bắt đầu', 'unit(s) whose validity ends before it starts', ...fix);

  const sameCode: string[] = [];
  const coded = units.filter((u) => u.code && !u.unidentified);
  for (let i = 0; i < coded.length; i++) {
    for (let j = i + 1; j < coded.length; j++) {
      const a = coded[i]!, b = coded[j]!;
      if (a.code === b.code && a.level === b.level && overlaps(a, b)) sameCode.push(`${a.code}: ${a.slug} (${span(a)}) & ${b.slug} (${span(b)})`);
    }
  }
  add('unit_code_ambiguous', sameCode, 'cặp đơn vị cùng mã cùng cấp có hiệu lực chồng nhau (mã + ngày không còn xác định một đơn vị)',
    'pair(s) of units with the same code and level in force at the same time (code + date no longer names one unit)', ...fix);

  const badMember: string[] = [];
  for (const m of members) {
    const region = byId.get(m.region_id), unit = byId.get(m.unit_id);
    const label = `${name(m.region_id)} ∋ ${name(m.unit_id)} (${span(m)})`;
    if (m.valid_to !== null && m.valid_to < m.valid_from) badMember.push(`${label}: kết thúc trước khi bắt đầu / ends before it starts`);
    else if (region && region.level !== 'region' && region.level !== 'country') badMember.push(`${label}: ${region.slug} không phải vùng / is not a region`);
    else if (region && !within(m, region)) badMember.push(`${label}: ngoài hiệu lực của vùng / outside the region's validity`);
    else if (unit && !within(m, unit)) badMember.push(`${label}: ngoài hiệu lực của đơn vị (${span(unit)}) / outside the unit's validity`);
  }
  add('membership_invalid', badMember, 'thành viên vùng có ngày không khớp', 'region membership(s) with inconsistent dates', ...fix);

  const dup: string[] = [];
  const byPair = new Map<string, M[]>();
  for (const m of members) byPair.set(`${m.region_id}|${m.unit_id}`, [...(byPair.get(`${m.region_id}|${m.unit_id}`) ?? []), m]);
  for (const list of byPair.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      if (overlaps(list[i]!, list[j]!)) dup.push(`${name(list[i]!.region_id)} ∋ ${name(list[i]!.unit_id)}: ${span(list[i]!)} & ${span(list[j]!)}`);
    }
  }
  add('membership_overlap', dup, 'thành viên vùng bị khai báo chồng thời gian (tỉnh sẽ bị cộng hai lần)',
    'overlapping membership(s) of one unit in one region (the unit would be counted twice)', ...fix);

  const badSucc: string[] = [];
  for (const s of successions) {
    const p = byId.get(s.predecessor_id), n = byId.get(s.successor_id);
    if (!p || !n) continue; // an orphan: reported by the references check
    const label = `${p.slug} → ${n.slug} (${s.effective_date})`;
    if (p.valid_to === null || p.valid_to >= s.effective_date) badSucc.push(`${label}: đơn vị cũ còn hiệu lực từ ngày kế thừa / the predecessor is still in force on the effective date`);
    else if (n.valid_from > s.effective_date || (n.valid_to !== null && n.valid_to < s.effective_date)) badSucc.push(`${label}: đơn vị mới chưa có hiệu lực vào ngày kế thừa / the successor is not in force on the effective date`);
  }
  add('succession_dates', badSucc, 'quan hệ kế thừa có ngày không khớp với hiệu lực của hai đơn vị',
    'succession(s) whose date disagrees with the two units\' validity', ...fix);
  return out;
}

export async function checkCatalogue(db: Db): Promise<CheckResult> {
  const [units, members, successions] = await Promise.all([
    db.k.selectFrom('unit').select(['id', 'slug', 'code', 'level', 'valid_from', 'valid_to', 'unidentified']).execute(),
    db.k.selectFrom('region_membership').selectAll().execute(),
    db.k.selectFrom('unit_succession').selectAll().execute(),
  ]);
  const r: CheckResult = {
    id: 'catalogue', nameVi: 'Danh mục đơn vị, vùng và hiệu lực', nameEn: 'Units, regions and their validity',
    problems: catalogueProblems(units as U[], members as M[], successions as S[]),
    noteVi: `${units.length} đơn vị, ${members.length} thành viên vùng, ${successions.length} kế thừa`,
    noteEn: `${units.length} units, ${members.length} memberships, ${successions.length} successions`,
  };
  r.problems.push(...(await valuesOutOfValidity(db)));
  return r;
}

async function valuesOutOfValidity(db: Db): Promise<Problem[]> {
  const periods = (await sql<{ period: number }>`SELECT DISTINCT period FROM value`.execute(db.k)).rows.map((x) => Number(x.period));
  let total = 0;
  const examples: string[] = [];
  for (const p of periods) {
    let end: string;
    try {
      end = endDate(fromKey(p));
    } catch {
      examples.length < 5 && examples.push(`kỳ không hợp lệ / invalid period key ${p}`);
      total++;
      continue;
    }
    const rows = (await sql<{ slug: string; n: number }>`
      SELECT u.slug, COUNT(*) AS n FROM value v JOIN unit u ON u.id = v.unit_id
      WHERE v.period = ${p} AND (u.valid_from > ${end} OR (u.valid_to IS NOT NULL AND u.valid_to < ${end}))
      GROUP BY u.slug`.execute(db.k)).rows;
    for (const x of rows) {
      total += Number(x.n);
      if (examples.length < 5) examples.push(`${x.slug} · ${periodCode(fromKey(p))} (${end}): ${x.n}`);
    }
  }
  if (!total) return [];
  return [{
    code: 'value_unit_not_in_force', count: total,
    vi: `${total} số liệu thuộc đơn vị không còn (hoặc chưa có) hiệu lực vào ngày cuối kỳ.`,
    en: `${total} value(s) belong to a unit not in force on the period's last day.`,
    fixVi: 'Kiểm tra ngày hiệu lực của đơn vị, hoặc chuyển số liệu sang đơn vị kế thừa.',
    fixEn: 'Check the unit\'s validity dates, or move the figures to its successor.',
    examples,
  }];
}
