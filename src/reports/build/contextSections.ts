// Difficulties, tasks and recommendations come from the conferences capability through
// ConferenceContext; grouped by field ("a) Lĩnh vực công nghiệp"), or stated as not yet available.
import type { ContextItem, Recommendation } from '../context.ts';
import type { Block, Run } from '../model.ts';
import { p } from '../templates/runs.ts';
import { para, type SectionDraft, type Writer } from './writer.ts';

function byField(w: Writer, items: ContextItem[]): Array<{ label: string; items: ContextItem[] }> {
  const groups = new Map<string, ContextItem[]>();
  for (const it of items) {
    const label = it.fieldLabel ?? w.t.fieldOther;
    (groups.get(label) ?? groups.set(label, []).get(label)!).push(it);
  }
  return [...groups].map(([label, list]) => ({ label, items: list }));
}

const itemRuns = (it: ContextItem): Run[] => p`${it.by ? `${it.by}: ` : ''}${it.text}`;

/** Blocks and sub-sections for a list of items: one sub-section per field when there are several. */
export function itemsSection(w: Writer, title: string, items: ContextItem[], none: Run[]): SectionDraft {
  if (!items.length) return { title, blocks: [para(none, 'missing')] };
  const groups = byField(w, items);
  if (groups.length === 1) return { title, blocks: [{ kind: 'bullets', items: items.map(itemRuns) }] };
  return { title, blocks: [], sections: groups.map((g) => ({ title: g.label, blocks: [{ kind: 'bullets', items: g.items.map(itemRuns) } as Block] })) };
}

export function recommendationsSection(w: Writer, title: string, recs: Recommendation[]): SectionDraft {
  if (!recs.length) return { title, blocks: [para(w.t.noContext.recommendations, 'missing')] };
  return {
    title,
    blocks: [{ kind: 'bullets', items: recs.map((r) => w.t.recommendation(r.text, r.by, r.to, r.answer?.text ?? null, r.answer?.by ?? null)) }],
  };
}
