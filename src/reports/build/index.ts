// Builds a report model for a request: which builder, which place, which period.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../access/roles.ts';
import type { Period } from '../../periods/period.ts';
import type { ConferenceContext } from '../context.ts';
import type { Report, ReportType } from '../model.ts';
import type { Lang } from '../../shared/format.ts';
import { buildConferenceReport } from './conference.ts';
import { buildMonthlyBrief } from './monthly.ts';
import { buildProvincialReport } from './provincial.ts';
import { reportBadRequest } from './errors.ts';

export interface ReportRequest {
  type: ReportType;
  region?: string | null;
  province?: string | null;
  period: Period;
  lang: Lang;
  /** The date printed on the report (ISO); today by default. */
  date?: string;
  context?: ConferenceContext;
  /** Who asked (see ContextQuery.reader). */
  reader?: Actor | null;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function buildReport(db: Db, r: ReportRequest): Promise<Report> {
  const o = { lang: r.lang, date: r.date ?? today(), generatedAt: new Date().toISOString(), context: r.context, reader: r.reader };
  switch (r.type) {
    case 'conference':
      if (!r.region) throw reportBadRequest('Báo cáo hội nghị cần vùng (region).', 'A conference report needs a region.', 'region');
      return buildConferenceReport(db, r.region, r.period, o);
    case 'provincial':
      if (!r.province) throw reportBadRequest('Báo cáo sơ kết cần tỉnh, thành phố (province).', 'A period review needs a province.', 'province');
      return buildProvincialReport(db, r.province, r.period, o);
    case 'monthly':
      return buildMonthlyBrief(db, r.region ?? null, r.period, o);
  }
}
