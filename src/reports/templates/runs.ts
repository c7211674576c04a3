// Writing sentences as runs: a tagged template where strings stay text and figures stay figures,
// so the templates read like the prose they produce: p`${name} của ${where} đạt ${value}.`
import type { Run } from '../model.ts';

export type Slot = string | Run | readonly Run[] | null | undefined | false;

function push(out: Run[], r: Run): void {
  const last = out[out.length - 1];
  if (r.kind === 'text' && last?.kind === 'text' && !!last.bold === !!r.bold && !!last.italic === !!r.italic) {
    out[out.length - 1] = { ...last, text: last.text + r.text };
  } else if (r.text) out.push({ ...r });
}

function add(out: Run[], slot: Slot): void {
  if (slot === null || slot === undefined || slot === false || slot === '') return;
  if (typeof slot === 'string') push(out, { kind: 'text', text: slot });
  else if (Array.isArray(slot)) for (const r of slot as readonly Run[]) push(out, r);
  else push(out, slot as Run);
}

export function p(strings: TemplateStringsArray, ...slots: Slot[]): Run[] {
  const out: Run[] = [];
  strings.forEach((s, i) => {
    add(out, s);
    if (i < slots.length) add(out, slots[i]);
  });
  return out;
}

/** Joins pieces of runs with a separator (", " / "; "), skipping empty ones. */
export function join(parts: ReadonlyArray<readonly Run[] | null | undefined>, sep: string, last = sep): Run[] {
  const list = parts.filter((x): x is readonly Run[] => !!x && x.length > 0);
  const out: Run[] = [];
  list.forEach((x, i) => {
    if (i > 0) add(out, i === list.length - 1 ? last : sep);
    add(out, x);
  });
  return out;
}

export const bold = (t: string): Run => ({ kind: 'text', text: t, bold: true });
export const italic = (t: string): Run => ({ kind: 'text', text: t, italic: true });

/** "Chỉ số sản xuất…" → "chỉ số sản xuất…" after "Trong 9 tháng…, "; acronyms (IIP) stay. */
export function lowerFirst(s: string): string {
  if (s.length > 1 && s[1] === s[1]!.toUpperCase() && s[1] !== s[1]!.toLowerCase()) return s;
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

export function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** Capitalises the first letter of the first text run (a sentence opening with a lower-case phrase). */
export function capitalise(runs: Run[]): Run[] {
  const i = runs.findIndex((r) => r.text.length > 0);
  if (i < 0) return runs;
  const r = runs[i]!;
  return [...runs.slice(0, i), { ...r, text: upperFirst(r.text) }, ...runs.slice(i + 1)];
}
