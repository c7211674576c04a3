// The known conferences as product data (data/conferences.json, data/difficulties.json): every fact
// with its source. Loaded into a store idempotently: a conference already there (by slug) is left
// as it is, and its difficulties are loaded only with it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { conferenceInputSchema } from './conference.ts';
import { difficultyInputSchema } from './difficulties.ts';
import { createConference, findConference } from './store.ts';
import { createDifficulty } from './difficultyStore.ts';

const read = (name: string) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));

const conferencesFile = z.object({
  conferences: z.array(z.object({ origin: z.enum(['seed', 'primer']) }).passthrough()),
});
const difficultiesFile = z.object({ difficulties: z.array(difficultyInputSchema) });

export function readConferenceData() {
  const file = conferencesFile.parse(read('conferences.json'));
  return file.conferences.map(({ origin, ...rest }) => ({ origin, conference: conferenceInputSchema.parse(rest) }));
}

export function readDifficultyData() {
  return difficultiesFile.parse(read('difficulties.json')).difficulties;
}

/** Loads the conferences not yet in the store; returns the slugs it created. */
export async function loadConferenceDemo(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const { origin, conference } of readConferenceData()) {
    if (await findConference(db, conference.slug!)) continue;
    await createConference(db, conference, { origin });
    created.push(conference.slug!);
  }
  for (const d of readDifficultyData()) {
    if (typeof d.conference === 'string' && created.includes(d.conference)) await createDifficulty(db, d, 'demo', 'seed');
  }
  return created;
}
