// Fields (lĩnh vực) that recommendations, difficulties and tasks are tagged with: the sector's own
// headings in conference reports ("trong lĩnh vực công nghiệp…", "lĩnh vực thương mại…").
import { z } from 'zod';

export const FIELDS = {
  industry: { vi: 'Công nghiệp', en: 'Industry' },
  industrial_clusters: { vi: 'Cụm công nghiệp', en: 'Industrial clusters' },
  trade: { vi: 'Thương mại trong nước', en: 'Domestic trade' },
  trade_infrastructure: { vi: 'Hạ tầng thương mại', en: 'Trade infrastructure' },
  import_export: { vi: 'Xuất nhập khẩu', en: 'Import and export' },
  trade_promotion: { vi: 'Xúc tiến thương mại', en: 'Trade promotion' },
  energy: { vi: 'Năng lượng, điện lực', en: 'Energy and power' },
  e_commerce: { vi: 'Thương mại điện tử', en: 'E-commerce' },
  market_surveillance: { vi: 'Quản lý thị trường', en: 'Market surveillance' },
  administrative_procedures: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  planning: { vi: 'Quy hoạch, cơ chế chính sách', en: 'Planning and policy' },
  chemicals: { vi: 'Hóa chất', en: 'Chemicals' },
  safety: { vi: 'An toàn, môi trường', en: 'Safety and environment' },
  digital_transformation: { vi: 'Chuyển đổi số', en: 'Digital transformation' },
  general: { vi: 'Chung', en: 'General' },
  other: { vi: 'Khác', en: 'Other' },
} as const;

export type Field = keyof typeof FIELDS;
export const FIELD_CODES = Object.keys(FIELDS) as Field[];

export const fieldParam = z.enum(FIELD_CODES as [Field, ...Field[]]).describe(
  'Lĩnh vực / field: ' + FIELD_CODES.join(', '),
);

export function fieldLabel(field: string, lang: 'vi' | 'en' = 'vi'): string {
  const f = (FIELDS as Record<string, { vi: string; en: string }>)[field];
  return f ? f[lang] : field;
}
