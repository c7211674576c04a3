// Shapes of the master-data files in ./data and the types the rest of the product uses.
// Files are validated strictly (an unknown field is an error: it is usually a typo).
import { z } from 'zod';
import { isIsoDate } from './dates.ts';

const isoDate = z.string().refine(isIsoDate, { message: 'ngày phải có dạng YYYY-MM-DD / date must be YYYY-MM-DD' });
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'id phải là slug ASCII chữ thường, gạch nối / id must be a lower-case ASCII slug with dashes' });
const text = z.string().trim().min(1);
const version = z.union([z.number().int().positive(), text]);

export const provinceKindSchema = z.enum(['tinh', 'thanh-pho']);

const formerNameSchema = z.strictObject({
  name_vi: text,
  name_en: text,
  short_vi: text,
  short_en: text,
  kind: provinceKindSchema,
  valid_to: isoDate,
});

export const provinceRowSchema = z.strictObject({
  id: slug,
  code: z.string().regex(/^\d{2}$/, { message: 'mã tỉnh gồm 2 chữ số / a province code has 2 digits' }).nullable(),
  level: z.literal('province'),
  kind: provinceKindSchema,
  name_vi: text,
  name_en: text,
  short_vi: text,
  short_en: text,
  aliases: z.array(text),
  valid_from: isoDate,
  valid_to: isoDate.nullable(),
  unidentified: z.boolean().optional(),
  former_names: z.array(formerNameSchema).optional(),
  note: text.nullable().optional(),
});

export const unitsFileSchema = z.strictObject({
  version,
  updated: isoDate,
  description_vi: text,
  description_en: text,
  units: z.array(provinceRowSchema),
});

export const regionRowSchema = z.strictObject({
  id: slug,
  level: z.enum(['region', 'country']),
  name_vi: text,
  name_en: text,
  short_vi: text,
  short_en: text,
  label_vi: text,
  label_en: text,
  label_counted_vi: text.refine((s) => s.includes('{n}'), { message: 'thiếu {n} / missing {n}' }),
  label_counted_en: text.refine((s) => s.includes('{n}'), { message: 'thiếu {n} / missing {n}' }),
  conference_name_vi: text.nullable(),
  aliases: z.array(text),
  valid_from: isoDate,
  valid_to: isoDate.nullable(),
  membership: z.enum(['listed', 'all-provinces-in-force']),
  note_vi: text,
  note_en: text,
});

export const regionsFileSchema = z.strictObject({
  version,
  updated: isoDate,
  description_vi: text,
  description_en: text,
  regions: z.array(regionRowSchema),
});

const optionalDate = z.preprocess((v) => (v === '' ? null : v), isoDate.nullable());

export const membershipRowSchema = z.strictObject({
  region: slug,
  unit: slug,
  valid_from: isoDate,
  valid_to: optionalDate,
  basis: z.enum(['inferred-pre-2025', 'conference-2025', 'other']),
});

export const successionRowSchema = z.strictObject({
  predecessor: slug,
  successor: slug,
  effective_date: isoDate,
});

export const communeRowSchema = z.strictObject({
  id: slug,
  code: z.string().regex(/^\d{5}$/, { message: 'mã xã gồm 5 chữ số / a commune code has 5 digits' }),
  name_vi: text,
  name_en: text,
  kind: z.enum(['xa', 'phuong', 'dac-khu']),
  parent: slug,
  valid_from: isoDate,
  valid_to: optionalDate,
  aliases: z.string().transform((s) => s.split('|').map((a) => a.trim()).filter(Boolean)),
  note: z.string().transform((s) => (s.trim() === '' ? null : s.trim())),
});

export const ministryUnitRowSchema = z.strictObject({
  id: slug,
  kind: z.enum(['cục', 'vụ']),
  name_vi: text,
  name_en: text,
  short_vi: text,
  short_en: text,
  aliases: z.array(text),
  valid_from: isoDate.nullable(),
  valid_to: isoDate.nullable(),
  successor: slug.nullable(),
  note: text.nullable(),
});

export const ministryUnitsFileSchema = z.strictObject({
  version,
  updated: isoDate,
  description_vi: text,
  description_en: text,
  ministry_units: z.array(ministryUnitRowSchema),
});

export const quantitySchema = z.strictObject({ code: text, name_vi: text, name_en: text, reference: text });
export const unitOfMeasureSchema = z.strictObject({
  code: text,
  name_en: text,
  quantity: text,
  factor: z.number().positive({ message: 'hệ số phải > 0 / factor must be > 0' }),
  aliases: z.array(text),
});

export const unitsOfMeasureFileSchema = z.strictObject({
  version,
  updated: isoDate,
  description_vi: text,
  description_en: text,
  quantities: z.array(quantitySchema),
  units: z.array(unitOfMeasureSchema),
});

export const dimensionOptionSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_]+$/),
  name_vi: text,
  name_en: text,
  flow: z.enum(['export', 'import', 'both']).optional(),
  kind: z.enum(['country', 'territory', 'bloc', 'other']).optional(),
  level: z.enum(['section', 'division']).optional(),
  parent: z.string().nullable().optional(),
});

export const dimensionSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name_vi: text,
  name_en: text,
  note_vi: text,
  note_en: text,
  options: z.array(dimensionOptionSchema).min(1),
});

export const dimensionsFileSchema = z.strictObject({
  version,
  updated: isoDate,
  description_vi: text,
  description_en: text,
  dimensions: z.array(dimensionSchema),
});

export const ladderStepSchema = z.strictObject({
  unit: text,
  unit_en: text,
  factor: z.number().positive({ message: 'hệ số bậc đơn vị phải > 0 / ladder factor must be > 0' }),
  decimals: z.number().int().min(0).max(6),
  use_from: z.number().min(0),
});

export const indicatorSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'mã chỉ tiêu: chữ thường, số, gạch dưới / indicator code: lower-case, digits, underscores' }),
  name_vi: text,
  name_en: text,
  short_vi: text,
  short_en: text,
  aliases_vi: z.array(text),
  /** How a sentence names it ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"); the name when absent. */
  prose_vi: text.optional(),
  prose_en: text.optional(),
  base_unit: text,
  ladder: z.array(ladderStepSchema).min(1),
  decimals: z.number().int().min(0).max(6),
  nature: z.enum(['flow', 'stock', 'index']),
  aggregation: z.enum(['sum', 'weighted_index', 'derived', 'none']),
  formula: text.nullable(),
  weights: z
    .strictObject({ source: text, basis_vi: text, basis_en: text, formula: text, note_vi: text, note_en: text })
    .nullable(),
  field: z.enum(['industry', 'trade', 'energy']),
  definition_vi: text,
  definition_en: text,
  disaggregations: z.array(text),
  note: text.nullable(),
});

export const indicatorsFileSchema = z.strictObject({
  version,
  updated: isoDate,
  description_vi: text,
  description_en: text,
  indicators: z.array(indicatorSchema),
});

// ---------------------------------------------------------------------------------------------
// Types used by the product.

export type UnitLevel = 'country' | 'region' | 'province' | 'commune';
export type FormerName = z.infer<typeof formerNameSchema>;

/** What a region (or the country) carries beyond a unit's names. */
export interface RegionInfo {
  label_vi: string;
  label_en: string;
  /** Template with {n} = number of members on the date ("{n} tỉnh, thành phố khu vực phía Bắc"). */
  label_counted_vi: string;
  label_counted_en: string;
  conference_name_vi: string | null;
  /** 'listed' = region-memberships.csv; 'all-provinces-in-force' = every identified province on the date. */
  membership: 'listed' | 'all-provinces-in-force';
  note_vi: string;
  note_en: string;
}

/** A place that can carry a figure: a province or city, a region, the country (communes: see Commune). */
export interface Unit {
  id: string;
  /** 2-digit statistics code for provinces; null for regions, the country and unidentified units. */
  code: string | null;
  level: UnitLevel;
  /** 'tinh' | 'thanh-pho' for provinces; 'region' | 'country' otherwise. */
  kind: 'tinh' | 'thanh-pho' | 'region' | 'country';
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
  aliases: string[];
  valid_from: string;
  valid_to: string | null;
  /** True for a place an article does not name (never guessed, never aggregated). */
  unidentified: boolean;
  /** Earlier official names, each valid until its valid_to (e.g. Tỉnh Thừa Thiên Huế until 2024-12-31). */
  former_names: FormerName[];
  note: string | null;
  region: RegionInfo | null;
}

export interface Commune {
  id: string;
  code: string;
  level: 'commune';
  name_vi: string;
  name_en: string;
  kind: 'xa' | 'phuong' | 'dac-khu';
  parent: string;
  valid_from: string;
  valid_to: string | null;
  aliases: string[];
  note: string | null;
}

export interface Succession {
  predecessor: string;
  successor: string;
  effective_date: string;
}

export interface RegionMembership {
  region: string;
  unit: string;
  valid_from: string;
  valid_to: string | null;
  /** inferred-pre-2025 | conference-2025 | other | derived (the country's rows, one per province). */
  basis: 'inferred-pre-2025' | 'conference-2025' | 'other' | 'derived';
}

export type MinistryUnit = z.infer<typeof ministryUnitRowSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
export type UnitOfMeasure = z.infer<typeof unitOfMeasureSchema>;
export type DimensionOption = z.infer<typeof dimensionOptionSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type LadderStep = z.infer<typeof ladderStepSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorWeights = NonNullable<Indicator['weights']>;

export interface MasterData {
  /** Directory the files were read from. */
  dir: string;
  /** File name → its version (field `version` or header comment `# version:`). */
  versions: Record<string, string | number>;
  /** Provinces, regions and the country. */
  units: Unit[];
  communes: Commune[];
  successions: Succession[];
  /** Listed region memberships plus the country's derived rows (basis 'derived'). */
  memberships: RegionMembership[];
  ministryUnits: MinistryUnit[];
  quantities: Quantity[];
  unitsOfMeasure: UnitOfMeasure[];
  dimensions: Dimension[];
  indicators: Indicator[];
  unitById: ReadonlyMap<string, Unit>;
  indicatorByCode: ReadonlyMap<string, Indicator>;
  dimensionByCode: ReadonlyMap<string, Dimension>;
  ministryUnitById: ReadonlyMap<string, MinistryUnit>;
}
