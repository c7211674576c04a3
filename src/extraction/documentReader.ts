// .docx and .pdf text through a worker thread (documentWorker.mjs): the server keeps answering while a
// document is read, and a document that takes too long is stopped for real — the worker is terminated,
// not just raced by a timer while it keeps burning the CPU. One worker, started on first use and
// reused; documents queue behind each other (they are read one at a time, as uploads are).
import { Worker } from 'node:worker_threads';

export type WorkerDocument = 'docx' | 'pdf';

/** Why a document could not be read: too slow, password-protected, unreadable, or its content unreadable. */
export class DocumentReadFailure extends Error {
  constructor(readonly code: 'timeout' | 'encrypted' | 'corrupt' | 'content', message: string) {
    super(message);
  }
}

interface Pending { resolve: (text: string) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
interface Reader { worker: Worker; pending: Map<number, Pending> }

let current: Reader | null = null;
let nextId = 0;

function start(): Reader {
  // execArgv: [] — plain JavaScript needs no TypeScript loader.
  const worker = new Worker(new URL('./documentWorker.mjs', import.meta.url), { execArgv: [] });
  // Each worker answers only its own requests: a terminated worker's late 'exit' must not fail the
  // requests already sent to its successor.
  const reader: Reader = { worker, pending: new Map() };
  worker.on('message', (m: { id: number; text?: string; error?: string; code?: DocumentReadFailure['code'] }) => {
    const p = reader.pending.get(m.id);
    if (!p) return;
    reader.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.error !== undefined) p.reject(new DocumentReadFailure(m.code ?? 'corrupt', m.error));
    else p.resolve(m.text ?? '');
  });
  const fail = (e: Error) => {
    if (current === reader) current = null;
    for (const p of reader.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    reader.pending.clear();
  };
  worker.on('error', (e) => fail(new DocumentReadFailure('corrupt', e.message)));
  worker.on('exit', () => fail(new DocumentReadFailure('corrupt', 'worker stopped')));
  // After the listeners: adding a 'message' listener refs the worker's port again. A CLI run ends when
  // its work does, not when this idle thread would.
  worker.unref();
  return reader;
}

/** The document's text, read in the worker; a DocumentReadFailure when it cannot be. */
export function readInWorker(kind: WorkerDocument, bytes: Uint8Array, timeoutMs: number, options: { maxPages?: number; maxChars?: number } = {}): Promise<string> {
  const reader = (current ??= start());
  const id = ++nextId;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reader.pending.delete(id);
      reject(new DocumentReadFailure('timeout', `no answer in ${timeoutMs} ms`));
      // Documents queued behind it on this worker fail with "worker stopped"; the next call starts a
      // fresh worker.
      if (current === reader) current = null;
      void reader.worker.terminate();
    }, timeoutMs);
    reader.pending.set(id, { resolve, reject, timer });
    // A copy goes to the worker (pdf.js takes ownership of the array it is given).
    reader.worker.postMessage({ id, kind, bytes, options });
  });
}
