// What a report needs from the conferences capability (issue 5): the conference, the difficulties
// recorded, the tasks and solutions agreed, and the recommendations with their answers. Reports read
// it through this interface only; until the capability is wired in, the provider returns nothing and
// the report says "chưa có dữ liệu" in those sections rather than inventing any of it.
import type { Db } from '../db/database.ts';
import type { Actor } from '../access/roles.ts';
import type { Period } from '../periods/period.ts';

export interface ConferenceInfo {
  /** "Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X năm 2024" */
  title: string;
  ordinal: number | null;
  date: string | null;
  host: string | null;
  place: string | null;
}

export interface ContextItem {
  /** industry | trade | energy | … (the conferences capability's field codes) */
  field: string | null;
  /** Field label in the report's language ("Lĩnh vực công nghiệp"). */
  fieldLabel: string | null;
  text: string;
  /** Who raised it or owns it ("Sở Công Thương tỉnh Kiên Giang", "Cục Hóa chất"). */
  by: string | null;
}

export interface Recommendation extends ContextItem {
  /** To whom it is addressed (a ministry unit). */
  to: string | null;
  answer: { text: string; by: string | null; date: string | null } | null;
}

export interface ConferenceContext {
  conference: ConferenceInfo | null;
  difficulties: ContextItem[];
  tasks: ContextItem[];
  recommendations: Recommendation[];
}

export interface ContextQuery {
  /** Region slug for a regional report, province slug for a provincial one. */
  place: string;
  period: Period;
  lang: 'vi' | 'en';
  /**
   * Who will read the report: it shows only what they may read (unpublished recommendations, a
   * province's own difficulties). null: the public. Omitted: the operator at the command line, all.
   */
  reader?: Actor | null;
}

export type ConferenceContextProvider = (db: Db, q: ContextQuery) => Promise<ConferenceContext>;

export const EMPTY_CONTEXT: ConferenceContext = { conference: null, difficulties: [], tasks: [], recommendations: [] };

/** The provider used until issue 5 is wired in: nothing known, and the report says so. */
export const noConferenceContext: ConferenceContextProvider = async () => EMPTY_CONTEXT;

let current: ConferenceContextProvider = noConferenceContext;

/** The lead wires the conferences capability here (one call at start-up). */
export function setConferenceContextProvider(p: ConferenceContextProvider): void {
  current = p;
}

export function conferenceContext(db: Db, q: ContextQuery): Promise<ConferenceContext> {
  return current(db, q);
}
