// What the crash campaign asked for and what it was told, and the rules the store must satisfy after
// any crash (pure: no store, no process). An operation is acknowledged (the server or CLI said it was
// stored), refused (a 4xx: nothing may have been stored), or unknown (killed before an answer, or a 5xx).
// Writers of one key run one after another, so for each key the story is a sequence:
//   - its current value is that of the last acknowledged writer, or of a later writer whose outcome is
//     unknown; with no acknowledged writer it may also be absent;
//   - every acknowledged operation has its change set, with exactly its rows;
//   - an unknown operation is there entirely (its change set with all its rows) or not at all.

export type Outcome = 'pending' | 'acked' | 'refused' | 'unknown';

export interface Op {
  id: number;
  kind: 'api-write' | 'api-import' | 'cli-bulk' | 'approval';
  /** "place|indicator|period" → the value written. */
  writes: Map<string, number>;
  outcome: Outcome;
}

export class Ledger {
  readonly ops: Op[] = [];
  /** For each key, the ops that wrote it, in the order they ran. */
  private readonly writers = new Map<string, Op[]>();

  begin(kind: Op['kind'], writes: Map<string, number>): Op {
    const op: Op = { id: this.ops.length + 1, kind, writes, outcome: 'pending' };
    this.ops.push(op);
    for (const k of writes.keys()) this.writers.set(k, [...(this.writers.get(k) ?? []), op]);
    return op;
  }

  /** Anything still pending when the process died has an unknown outcome. */
  settlePending(): void {
    for (const op of this.ops) if (op.outcome === 'pending') op.outcome = 'unknown';
  }

  keys(): string[] {
    return [...this.writers.keys()];
  }

  /** Values the key may hold now (`null`: absent), given the outcomes. */
  allowed(key: string): Array<number | null> {
    const ws = this.writers.get(key) ?? [];
    let last = -1;
    ws.forEach((w, i) => w.outcome === 'acked' && (last = i));
    const out: Array<number | null> = last >= 0 ? [ws[last]!.writes.get(key)!] : [null];
    for (let i = last + 1; i < ws.length; i++) if (ws[i]!.outcome === 'unknown' || ws[i]!.outcome === 'pending') out.push(ws[i]!.writes.get(key)!);
    return out;
  }

  counts(): Record<Outcome, number> {
    const c: Record<Outcome, number> = { pending: 0, acked: 0, refused: 0, unknown: 0 };
    for (const op of this.ops) c[op.outcome]++;
    return c;
  }
}

export interface StoredChangeSet {
  note: string | null;
  rows: number;
}

export const opNote = (op: Op) => `crash:${op.id}`;

/**
 * Every violation of the rules above, in words. `current` maps a key to its stored value (absent keys
 * missing); `changeSets` are the stored change sets whose note names an op.
 */
export function violations(ledger: Ledger, current: Map<string, number>, changeSets: StoredChangeSet[]): string[] {
  const out: string[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  for (const key of ledger.keys()) {
    const allowed = ledger.allowed(key);
    const v = current.has(key) ? current.get(key)! : null;
    const ok = allowed.some((a) => (a === null ? v === null : v !== null && close(a, v)));
    if (!ok) out.push(`${key}: có/has ${v ?? 'không có/absent'}, được phép/allowed ${allowed.map((a) => a ?? 'absent').join(' | ')}`);
  }
  const byNote = new Map<string, StoredChangeSet[]>();
  for (const c of changeSets) if (c.note) byNote.set(c.note, [...(byNote.get(c.note) ?? []), c]);
  for (const op of ledger.ops) {
    const sets = byNote.get(opNote(op)) ?? [];
    if (sets.length > 1) out.push(`op ${op.id} (${op.kind}): ${sets.length} lô ghi / change sets`);
    const rows = sets[0]?.rows;
    if (op.outcome === 'acked' && rows !== op.writes.size) out.push(`op ${op.id} (${op.kind}) đã xác nhận nhưng lô ghi có ${rows ?? 0}/${op.writes.size} dòng / acknowledged but its change set holds ${rows ?? 0}/${op.writes.size} rows`);
    if (op.outcome === 'unknown' && rows !== undefined && rows !== op.writes.size) out.push(`op ${op.id} (${op.kind}) ghi dở ${rows}/${op.writes.size} dòng / half-written`);
    if (op.outcome === 'refused' && rows !== undefined && rows > 0) out.push(`op ${op.id} (${op.kind}) bị từ chối nhưng đã ghi / refused but written`);
  }
  return out;
}
