// The conferences capability as the reports read it (src/reports/context.ts): one provider for a
// region's or a province's report of a period. The lead wires it once at start-up with
// setConferenceContextProvider(reportsConferenceContext).
import type { ConferenceContextProvider, ContextItem, Recommendation } from '../reports/context.ts';
import { endDate, periodCode } from '../periods/period.ts';
import { lookup, regionsOfOn } from '../conferences/lookup.ts';
import { conferenceContext } from './context.ts';
import { recommendationScope } from './policy.ts';
import { difficultyScope } from '../conferences/roles.ts';

export const reportsConferenceContext: ConferenceContextProvider = async (db, q) => {
  const l = await lookup(db);
  const place = l.ref.unitsBySlug.get(q.place);
  if (!place) return { conference: null, difficulties: [], tasks: [], recommendations: [] };
  const province = place.level === 'province' ? place : null;
  // A province's report reads its region's conference (the first region it belongs to at the period's end).
  const region = province ? regionsOfOn(l, province.id, endDate(q.period))[0]?.slug : place.slug;
  if (!region) return { conference: null, difficulties: [], tasks: [], recommendations: [] };
  // The reader's own rules (policy.ts, roles.ts); the command line (no reader given) reads everything.
  const scopes = q.reader === undefined ? {} : { recommendationScope: recommendationScope(q.reader), difficultyScope: difficultyScope(q.reader) };
  const ctx = await conferenceContext(db, { region, period: periodCode(q.period), lang: q.lang, ...scopes });
  const mine = (slug: string | null) => !province || slug === province.slug;

  const difficulties: ContextItem[] = ctx.difficulties.groups.flatMap((g) => g.kinds.flatMap((k) => k.items
    .filter((i) => mine(i.unit) || (province !== null && i.unit === region))
    .map((i) => ({ field: g.field, fieldLabel: g.label, text: i.text, by: i.unitName }))));

  const tasks: ContextItem[] = ctx.tasks.groups.flatMap((g) => g.tasks
    .filter((t) => !province || t.parties.some((p) => p.kind === 'province' && p.unit === province.slug))
    .map((t) => ({
      field: t.field ?? g.field, fieldLabel: t.field_label, text: t.title,
      by: t.responsible_note ?? (t.parties.map((p) => p.name).join(', ') || null),
    })));

  const recommendations: Recommendation[] = ctx.recommendations.items
    .filter((r) => r.status !== 'withdrawn' && mine(r.province))
    .map((r) => {
      const answered = r.assignments.filter((a) => a.answer_text);
      return {
        field: r.field, fieldLabel: r.field_label, text: r.title, by: r.province_name,
        to: r.assignments.map((a) => a.unit_name).filter(Boolean).join(', ') || null,
        answer: answered.length ? {
          text: answered.map((a) => (answered.length > 1 ? `${a.unit_name}: ` : '') + a.answer_text).join('\n'),
          by: answered.map((a) => a.unit_name).join(', '),
          date: answered.map((a) => a.answered_at!.slice(0, 10)).sort().at(-1) ?? null,
        } : null,
      };
    });

  const c = ctx.conference;
  return {
    conference: c ? { title: c.title, ordinal: c.ordinal, date: c.starts_on, host: c.host_name, place: c.venue } : null,
    difficulties, tasks, recommendations,
  };
};
