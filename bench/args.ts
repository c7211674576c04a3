// Minimal `--flag value` / `--flag` parser shared by the bench entry points (no dependency needed).
export type Flags = Map<string, string>;

export function parseFlags(argv: string[] = process.argv.slice(2)): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) flags.set(name, argv[++i]!);
    else flags.set(name, 'true');
  }
  return flags;
}

/** Integer flag; accepts 80000000, 80_000_000, 80M, 1m, 500k. */
export function intFlag(flags: Flags, name: string, dflt: number): number {
  const v = flags.get(name);
  if (v === undefined) return dflt;
  const m = /^(\d+(?:\.\d+)?)([kmKM]?)$/.exec(v.replace(/_/g, ''));
  if (!m) throw new Error(`--${name} must be a number, got ${v}`);
  const mult = { '': 1, k: 1e3, m: 1e6 }[m[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(m[1]) * mult);
}

export const listFlag = (flags: Flags, name: string, dflt: string[]): string[] =>
  flags.get(name)?.split(',').map((s) => s.trim()).filter(Boolean) ?? dflt;
