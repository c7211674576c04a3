// The text as read, every figure's words highlighted and numbered like its card, and the words that
// gave a reading its indicator, place, period or status underlined. A number links to its card.
import { useMemo } from 'react';
import { useDict } from '../../i18n.ts';
import { EXTRACTION_DICT } from './i18n.ts';
import { pieces, type Cue, type Draft, type Reading } from './model.ts';

const CUES: Cue[] = ['indicator', 'place', 'period', 'status'];

export function HighlightedText({ text, readings, drafts, selected, onSelect }: {
  text: string;
  readings: Reading[];
  drafts: Draft[];
  selected: number | null;
  onSelect: (i: number) => void;
}) {
  const t = useDict(EXTRACTION_DICT);
  const cut = useMemo(() => pieces(text, readings), [text, readings]);
  const firstPiece = useMemo(() => {
    // each reading's number goes before the first piece of its quote
    const m = new Map<number, number[]>();
    readings.forEach((r, i) => m.set(r.explain.start, [...(m.get(r.explain.start) ?? []), i]));
    return m;
  }, [readings]);
  return (
    <section className="panel" aria-labelledby="extract-text-h">
      <div className="panel-head">
        <h2 className="panel-title" id="extract-text-h">{t.textTitle}</h2>
        <p className="extract-legend small" aria-label={t.legend}>
          <mark className="reading conf-high">{t.readingMark(1)}</mark>
          {CUES.map((c) => <span key={c} className={`cue cue-${c}`}>{t.cue(c)}</span>)}
        </p>
      </div>
      <div className="extract-text" lang="vi" data-testid="highlighted-text">
        {cut.map((p) => {
          const s = text.slice(p.start, p.end);
          const cueClass = p.cues.map((c) => `cue cue-${c}`).join(' ');
          const numbers = (firstPiece.get(p.start) ?? []).map((i) => (
            <a key={`n${i}`} className="reading-no" href={`#reading-${i + 1}`} onClick={() => onSelect(i)}
              aria-label={t.readingMark(i + 1)} data-reading={i + 1}>{i + 1}</a>
          ));
          if (!p.readings.length) return cueClass ? <span key={p.start} className={cueClass}>{numbers}{s}</span> : <span key={p.start}>{numbers}{s}</span>;
          const i = p.readings[0]!;
          const r = readings[i]!;
          const dropped = p.readings.every((k) => drafts[k]?.dropped);
          const cls = ['reading', `conf-${r.confidence.level}`, dropped ? 'dropped' : '', p.readings.includes(selected ?? -1) ? 'selected' : '', cueClass].filter(Boolean).join(' ');
          return (
            <span key={p.start}>
              {numbers}
              <mark className={cls} data-readings={p.readings.map((k) => k + 1).join(' ')} title={p.readings.map((k) => t.readingMark(k + 1)).join(', ')}>{s}</mark>
            </span>
          );
        })}
      </div>
    </section>
  );
}
