// Account lockout after repeated failed sign-ins (OWASP ASVS 2.2.1): failures counted per username —
// existing or not, so a lock says nothing about whether an account exists — and the time it is locked
// until. Rows are removed by a successful sign-in or an administrator's unlock.
import type { Kysely } from 'kysely';
import { notNull } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('sign_in_lockout')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_failure_at', 'text', notNull)
    .addColumn('last_failure_at', 'text', notNull)
    .addColumn('locked_until', 'text')
    .execute();
}
