// Demo data of the follow-up: the conferences (with their difficulties), then the conclusions' tasks
// and the recommendations the seed articles mention, each with its source. Idempotent: only loaded
// together with a conference that was not yet in the store.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { loadConferenceDemo } from '../conferences/demo.ts';
import { findConference } from '../conferences/store.ts';
import { taskGroupInputSchema, taskInputSchema } from './tasks/input.ts';
import { recommendationInputSchema } from './recommendations/input.ts';
import { createTask, createTaskGroup } from './tasks/store.ts';
import { createRecommendation } from './recommendations/store.ts';

const read = (name: string) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));

const tasksFile = z.object({
  conferences: z.array(z.object({
    conference: z.string(),
    groups: z.array(taskGroupInputSchema.extend({ tasks: z.array(taskInputSchema) })),
  })),
});
const recsFile = z.object({
  recommendations: z.array(recommendationInputSchema.extend({ via: z.enum(['province', 'session']), submitted_on: z.string() })),
});

export const readTaskData = () => tasksFile.parse(read('tasks.json')).conferences;
export const readRecommendationData = () => recsFile.parse(read('recommendations.json')).recommendations;

export interface ConferenceDemoReport {
  conferences: number;
  tasks: number;
  recommendations: number;
}

export async function ensureConferenceDemo(db: Db): Promise<ConferenceDemoReport> {
  const created = await loadConferenceDemo(db);
  const report = { conferences: created.length, tasks: 0, recommendations: 0 };
  for (const c of readTaskData().filter((x) => created.includes(x.conference))) {
    const conf = (await findConference(db, c.conference))!;
    for (const { tasks, ...g } of c.groups) {
      const groupId = await createTaskGroup(db, conf.id, g, 'seed');
      for (const t of tasks) {
        await createTask(db, groupId, t, 'seed');
        report.tasks++;
      }
    }
  }
  for (const { via, submitted_on, ...r } of readRecommendationData()) {
    if (typeof r.conference !== 'string' || !created.includes(r.conference)) continue;
    await createRecommendation(db, r, 'demo', { via, origin: 'seed', submittedAt: `${submitted_on}T03:00:00.000Z` });
    report.recommendations++;
  }
  return report;
}
