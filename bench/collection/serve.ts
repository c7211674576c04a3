// `node --import tsx bench/collection/serve.ts sqlite|postgres`: the server under test of the deadline
// bench, in its own process, over the store bench/collection/setup.ts prepared (opened as it is). It
// prints `{"port": n}` on stdout once it listens, and stops on SIGTERM.
import { buildApp } from '../../src/server/app.ts';
import { openBenchStore, type Kind } from './setup.ts';

const kind = (process.argv[2] ?? 'sqlite') as Kind;
const db = await openBenchStore(kind, false);
const app = await buildApp({ db, logLevel: process.env.LOG_LEVEL ?? 'warn' });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
