// A regional conference: its rules (ordinals in Roman numerals, titles, dates, host in force on the
// day), free of HTTP and SQL. The organiser's numbering is kept as given even when inconsistent;
// the checks report it rather than correct it.
import { z } from 'zod';
import { fromRoman, toRoman, formatDate, type Lang } from '../shared/format.ts';
import { parsePeriod, periodCode } from '../periods/period.ts';
import { fieldSourceSchema, sourceSchema } from './sources.ts';

export const CONFERENCE_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];
export const PARTY_ROLES = ['host', 'co_host', 'organiser', 'attending'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / date as YYYY-MM-DD');

/** "X", "x", 10 → 10. */
export const ordinalParam = z.union([z.number().int().min(1).max(3999), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  const n = /^\d+$/.test(v.trim()) ? Number(v.trim()) : fromRoman(v.trim());
  if (!n) {
    ctx.addIssue({ code: 'custom', message: `Số thứ tự không đọc được: "${v}" (ví dụ X hoặc 10) / unreadable ordinal` });
    return z.NEVER;
  }
  return n;
});

/** Period codes in canonical form; any way people write them is accepted. */
export const periodListParam = z.array(z.string()).transform((list, ctx) => list.map((s) => {
  const p = parsePeriod(s);
  if (!p) {
    ctx.addIssue({ code: 'custom', message: `Kỳ không đọc được: "${s}" / unreadable period` });
    return '';
  }
  return periodCode(p);
}));

export const partySchema = z.strictObject({
  kind: z.enum(['province', 'ministry_unit']),
  unit: z.string().describe('mã tỉnh hoặc mã đơn vị thuộc Bộ / province or ministry unit id'),
  role: z.enum(PARTY_ROLES).default('attending'),
  note: z.string().nullish(),
  source: sourceSchema.nullish(),
});

export const handoverSchema = z.strictObject({
  from: z.string().nullish().describe('tỉnh chuyển giao / handing over (null when the source does not say)'),
  to: z.string().describe('tỉnh nhận cờ / receiving province'),
  for_ordinal: ordinalParam.nullish(),
  for_year: z.number().int().min(1990).max(2999).nullish(),
  note: z.string().nullish(),
  source: sourceSchema.nullish(),
});

export const tradeFairSchema = z.strictObject({
  held: z.boolean(),
  name: z.string().nullish(),
  venue: z.string().nullish(),
  booths: z.number().int().min(0).nullish(),
  note: z.string().nullish(),
  source: sourceSchema.nullish(),
});
export type TradeFair = z.infer<typeof tradeFairSchema>;

export const agendaItemSchema = z.strictObject({
  time: z.string().max(40).nullish(),
  title: z.string().min(1).max(500),
  presenter: z.string().max(300).nullish(),
  note: z.string().max(2000).nullish(),
});

const noteSchema = z.strictObject({ vi: z.string(), en: z.string() });

export const conferenceFields = {
  slug: z.string().regex(/^[a-z][a-z0-9-]{2,79}$/, 'mã: chữ thường, số, gạch nối, bắt đầu bằng chữ / lower-case letters, digits, dashes, starting with a letter').optional(),
  region: z.string(),
  ordinal: ordinalParam.nullish(),
  year: z.number().int().min(1990).max(2999),
  title_vi: z.string().max(500).nullish(),
  title_en: z.string().max(500).nullish(),
  starts_on: isoDate.nullish(),
  ends_on: isoDate.nullish(),
  host: z.string().nullish(),
  venue: z.string().max(500).nullish(),
  chair: z.string().max(500).nullish(),
  organisers: z.string().max(1000).nullish(),
  review_periods: periodListParam.optional(),
  status: z.enum(CONFERENCE_STATUSES).optional(),
  summary_vi: z.string().max(5000).nullish(),
  summary_en: z.string().max(5000).nullish(),
  attendance_note: z.string().max(2000).nullish(),
  trade_fair: tradeFairSchema.nullish(),
  task_groups_stated: z.number().int().min(0).max(500).nullish(),
  notes: z.array(noteSchema).optional(),
  sources: z.array(fieldSourceSchema).optional(),
};

export const conferenceInputSchema = z.strictObject({
  ...conferenceFields,
  parties: z.array(partySchema).optional(),
  agenda: z.array(agendaItemSchema).optional(),
  handovers: z.array(handoverSchema).optional(),
});
export type ConferenceInput = z.input<typeof conferenceInputSchema>;
export type ConferenceParsed = z.output<typeof conferenceInputSchema>;

export const conferencePatchSchema = z.strictObject(conferenceFields).partial().extend({
  expected_version: z.number().int().optional(),
});
export type ConferencePatch = z.output<typeof conferencePatchSchema>;

/** "lần thứ X" / "10th (X)"; null when the organiser gave no number. */
export function ordinalLabel(ordinal: number | null, lang: Lang = 'vi'): string | null {
  if (!ordinal) return null;
  if (lang === 'vi') return `lần thứ ${toRoman(ordinal)}`;
  const suffix = ordinal % 100 >= 11 && ordinal % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[ordinal % 10] ?? 'th';
  return `${ordinal}${suffix} (${toRoman(ordinal)})`;
}

/** The name the organiser uses: "Hội nghị ngành Công Thương … khu vực phía Nam lần thứ X năm 2024". */
export function conferenceTitle(
  c: { ordinal: number | null; year: number; title_vi?: string | null; title_en?: string | null },
  region: { conferenceNameVi: string | null; nameEn: string },
  lang: Lang = 'vi',
): string {
  if (lang === 'vi' && c.title_vi) return c.title_vi;
  if (lang === 'en' && c.title_en) return c.title_en;
  const ord = ordinalLabel(c.ordinal, lang);
  if (lang === 'vi') {
    const base = region.conferenceNameVi ?? 'Hội nghị ngành Công Thương khu vực';
    return [base, ord, `năm ${c.year}`].filter(Boolean).join(' ');
  }
  return [ord ? `${ord}` : null, `Industry and Trade Conference of the ${region.nameEn}, ${c.year}`].filter(Boolean).join(' ');
}

export function dateLabel(c: { starts_on: string | null; ends_on: string | null; year: number }, lang: Lang = 'vi'): string {
  if (!c.starts_on) return lang === 'vi' ? `năm ${c.year}` : String(c.year);
  const start = formatDate(c.starts_on, lang, 'article');
  if (!c.ends_on || c.ends_on === c.starts_on) return start;
  return `${start} – ${formatDate(c.ends_on, lang, 'short')}`;
}

export interface ConferenceProblem {
  field: string;
  vi: string;
  en: string;
  severity: 'error' | 'warning';
}

export interface ValidityLookup {
  /** null when the unit does not exist. */
  unit(slug: string): { validFrom: string; validTo: string | null; level: string } | null;
  isMemberOn(regionSlug: string, unitSlug: string, date: string): boolean;
}

/** Errors stop a write; warnings are shown with the conference (the sources are kept as they are). */
export function checkConference(c: ConferenceParsed, look: ValidityLookup): ConferenceProblem[] {
  const out: ConferenceProblem[] = [];
  const err = (field: string, vi: string, en: string) => out.push({ field, vi, en, severity: 'error' });
  const warn = (field: string, vi: string, en: string) => out.push({ field, vi, en, severity: 'warning' });
  const region = look.unit(c.region);
  if (!region || (region.level !== 'region')) err('region', `Không có vùng "${c.region}".`, `No region "${c.region}".`);
  if (c.starts_on && Number(c.starts_on.slice(0, 4)) !== c.year) {
    err('starts_on', `Ngày khai mạc ${c.starts_on} không thuộc năm ${c.year}.`, `Start date ${c.starts_on} is not in ${c.year}.`);
  }
  if (c.starts_on && c.ends_on && c.ends_on < c.starts_on) err('ends_on', 'Ngày kết thúc trước ngày khai mạc.', 'The end date is before the start date.');
  if (c.ends_on && !c.starts_on) err('ends_on', 'Có ngày kết thúc thì phải có ngày khai mạc.', 'An end date needs a start date.');
  const day = c.starts_on ?? `${c.year}-07-01`;
  const inForce = (slug: string) => {
    const u = look.unit(slug);
    return u && u.validFrom <= day && (u.validTo === null || day <= u.validTo);
  };
  if (c.host) {
    const u = look.unit(c.host);
    if (!u || u.level !== 'province') err('host', `Không có tỉnh, thành phố "${c.host}".`, `No province "${c.host}".`);
    // A code alone never identifies a unit: the host must be the unit in force on the day.
    else if (!inForce(c.host)) err('host', `"${c.host}" không còn/chưa có hiệu lực vào ${day}.`, `"${c.host}" is not in force on ${day}.`);
    else if (region && !look.isMemberOn(c.region, c.host, day)) {
      warn('host', `"${c.host}" không thuộc vùng "${c.region}" vào ${day}.`, `"${c.host}" is not a member of "${c.region}" on ${day}.`);
    }
  }
  for (const [i, p] of (c.parties ?? []).entries()) {
    if (p.kind === 'province' && !inForce(p.unit)) err(`parties[${i}]`, `Tỉnh "${p.unit}" không có hiệu lực vào ${day}.`, `Province "${p.unit}" is not in force on ${day}.`);
  }
  for (const [i, h] of (c.handovers ?? []).entries()) {
    if (!look.unit(h.to)) err(`handovers[${i}].to`, `Không có tỉnh "${h.to}".`, `No province "${h.to}".`);
    if (h.from && !look.unit(h.from)) err(`handovers[${i}].from`, `Không có tỉnh "${h.from}".`, `No province "${h.from}".`);
    if (h.for_year && h.for_year < c.year) err(`handovers[${i}].for_year`, 'Năm đăng cai kế tiếp trước năm hội nghị.', 'The next hosting year is before the conference year.');
  }
  return out;
}

/** Where a region's numbering goes backwards or repeats (Central XIII in 2022, XI in 2025): said, not fixed. */
export function ordinalIrregularities(list: { slug: string; ordinal: number | null; year: number; starts_on: string | null }[]): { slug: string; vi: string; en: string }[] {
  const dated = list.filter((c) => c.ordinal !== null).sort((a, b) => (a.starts_on ?? `${a.year}`).localeCompare(b.starts_on ?? `${b.year}`));
  const out: { slug: string; vi: string; en: string }[] = [];
  for (let i = 1; i < dated.length; i++) {
    const prev = dated[i - 1]!;
    const cur = dated[i]!;
    if (cur.ordinal! <= prev.ordinal!) {
      out.push({
        slug: cur.slug,
        vi: `Số thứ tự ${toRoman(cur.ordinal!)} (${cur.year}) không lớn hơn ${toRoman(prev.ordinal!)} (${prev.year}): ghi theo cách đánh số của đơn vị tổ chức.`,
        en: `Ordinal ${toRoman(cur.ordinal!)} (${cur.year}) does not follow ${toRoman(prev.ordinal!)} (${prev.year}): kept as the organiser numbered it.`,
      });
    }
  }
  return out;
}

/** Held unless its day is still ahead. */
export function defaultStatus(startsOn: string | null | undefined, year: number, today: string): ConferenceStatus {
  const day = startsOn ?? `${year}-12-31`;
  return day > today ? 'planned' : 'held';
}

export function slugFor(c: { region: string; year: number; ordinal?: number | null; starts_on?: string | null }): string {
  const ord = c.ordinal ? `-${toRoman(c.ordinal).toLowerCase()}` : '';
  const day = !c.ordinal && c.starts_on ? `-${c.starts_on.slice(5).replace('-', '')}` : '';
  return `${c.region}${ord}-${c.year}${day}`;
}
