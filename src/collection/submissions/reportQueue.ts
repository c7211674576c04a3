// Saves and actions on one report, queued in this process. The store serialises them anyway (a row
// lock on PostgreSQL, the single writer on SQLite); queueing them here first means that at the deadline,
// when a province's ten officers save at once, nine of them wait in memory instead of each holding a
// pooled connection blocked on the same row lock while other provinces' saves wait for a connection.
const tails = new Map<string, Promise<unknown>>();

export async function inReportQueue<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const run = before.then(work); // `before` never rejects: the tail below swallows failures
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    // The last in line removes the key, so the map holds only reports with work under way.
    if (tails.get(key) === tail) tails.delete(key);
  }
}

export const reportKey = (datasetId: number, unitId: number, period: number) => `${datasetId}|${unitId}|${period}`;
