// The follow-up board: tasks counted by status per region, per responsible unit and per group. Pure.
import type { TaskStatus } from './progress.ts';

export interface BoardTask {
  id: number;
  region: string;
  conference: string;
  group: { id: number; title: string };
  status: TaskStatus;
  parties: { key: string; name: string; status: TaskStatus }[];
}

export type Counts = Record<TaskStatus, number> & { total: number };

const empty = (): Counts => ({ total: 0, done: 0, on_track: 0, late: 0, no_report: 0 });

export interface Board {
  totals: Counts;
  by_region: ({ region: string } & Counts)[];
  by_unit: ({ unit: string; name: string } & Counts)[];
  by_group: ({ group: number; title: string; conference: string } & Counts)[];
}

export function board(tasks: BoardTask[]): Board {
  const totals = empty();
  const regions = new Map<string, { region: string } & Counts>();
  const units = new Map<string, { unit: string; name: string } & Counts>();
  const groups = new Map<number, { group: number; title: string; conference: string } & Counts>();
  const add = (c: Counts, s: TaskStatus) => { c.total++; c[s]++; };
  for (const t of tasks) {
    add(totals, t.status);
    const r = regions.get(t.region) ?? { region: t.region, ...empty() };
    add(r, t.status);
    regions.set(t.region, r);
    const g = groups.get(t.group.id) ?? { group: t.group.id, title: t.group.title, conference: t.conference, ...empty() };
    add(g, t.status);
    groups.set(t.group.id, g);
    // Per unit, each unit is counted by its own status on the task, not the task's overall one.
    for (const p of t.parties) {
      const u = units.get(p.key) ?? { unit: p.key, name: p.name, ...empty() };
      add(u, p.status);
      units.set(p.key, u);
    }
  }
  return {
    totals,
    by_region: [...regions.values()],
    by_unit: [...units.values()].sort((a, b) => b.late - a.late || b.total - a.total || a.name.localeCompare(b.name)),
    by_group: [...groups.values()],
  };
}
