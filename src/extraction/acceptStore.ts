// Saving accepted readings: the document becomes a source, and the values are written all or nothing,
// one change set per sentence so each value's history names the sentence it was read from.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { reference } from '../catalogue/reference.ts';
import { ImportRejected, prepareWrites } from '../collection/importValues.ts';
import { writeInTransaction, WriteRejected } from '../collection/writeValues.ts';
import type { ValueInput } from '../collection/valueInput.ts';

export interface AcceptRequest {
  document: { title: string; publisher?: string; published_on?: string; url?: string };
  figures: Array<ValueInput & { quote: string }>;
}

export async function acceptReadings(db: Db, req: AcceptRequest, actor: string): Promise<{ document: string; values: number; changeSets: number }> {
  const writes = await prepareWrites(db, req.figures.map(({ quote: _q, ...input }) => input));
  const ref = await reference(db);
  const documentId = `doc-${randomUUID().slice(0, 8)}`;
  const bySentence = new Map<string, number[]>();
  req.figures.forEach((f, i) => bySentence.set(f.quote, [...(bySentence.get(f.quote) ?? []), i]));
  try {
    await db.k.transaction().execute(async (trx) => {
      await trx.insertInto('document').values({
        id: documentId, title: req.document.title, publisher: req.document.publisher ?? null,
        published_on: req.document.published_on ?? null, place: null, url: req.document.url ?? null,
        summary_vi: null, summary_en: null, kind: 'extraction', created_at: new Date().toISOString(),
      }).execute();
      for (const [quote, idx] of bySentence) {
        try {
          await writeInTransaction(trx, db.kind === 'postgres', ref, idx.map((i) => writes[i]!), {
            actor, kind: 'extraction', sourceDocument: documentId, sourceQuote: quote,
          });
        } catch (e) {
          // Problems come numbered within the sentence's group: report the user's row numbers.
          if (e instanceof WriteRejected) throw new WriteRejected(e.problems.map((p) => ({ ...p, index: idx[p.index]! })));
          throw e;
        }
      }
    });
  } catch (e) {
    if (e instanceof WriteRejected) {
      throw new ImportRejected(e.problems.map((p) => ({ row: p.index + 1, field: 'value', messageVi: p.messageVi, messageEn: p.messageEn })));
    }
    throw e;
  }
  return { document: documentId, values: writes.length, changeSets: bySentence.size };
}
