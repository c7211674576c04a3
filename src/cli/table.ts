// Plain-text tables for the terminal: right-aligned numbers, widths by display length.
export function printTable(headers: string[], rows: (string | number | null)[][], numeric: boolean[] = []): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '—' : String(c))));
  const width = headers.map((h, i) => Math.max([...h].length, ...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(width[i]! - [...s].length);
    return numeric[i] ? gap + s : s + gap;
  };
  const line = (r: string[]) => r.map(pad).join('  ').trimEnd();
  return [line(headers), width.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
