// Loads the lexicon and gazetteer data files that sit in ./data beside this module.
import { readFileSync } from 'node:fs';

export function loadJson<T>(name: string): T {
  const url = new URL(`./data/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}
