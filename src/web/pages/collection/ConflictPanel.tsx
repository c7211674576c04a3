// Two people editing the same figure: the second save is refused and this panel shows, per cell, what
// they typed and what is stored now (who saved it, when). Nothing is overwritten until they choose:
// keep the stored figure, or save theirs over it knowingly.
import { useState } from 'react';
import { dateTimeLabel, plain } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { useT } from './common.tsx';
import { cellText, keyOf, type Drafts } from './gridState.ts';
import type { CurrentCell, GridRow } from './types.ts';

export type Choice = 'mine' | 'theirs';

export function ConflictPanel({ conflict, rows, drafts, onResolve, onCancel }: {
  conflict: CurrentCell[]; rows: GridRow[]; drafts: Drafts; onResolve: (c: Record<string, Choice>) => void; onCancel: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(conflict.map((c) => [keyOf(c.item, c.measure), 'theirs'])));
  const byItem = new Map(rows.map((r) => [r.item, r]));
  return (
    <section className="ct-conflict" role="alertdialog" aria-labelledby="ct-conflict-title" aria-describedby="ct-conflict-intro" data-testid="conflict">
      <h3 id="ct-conflict-title">{t.conflictTitle}</h3>
      <p id="ct-conflict-intro">{t.conflictIntro}</p>
      <table className="data">
        <thead>
          <tr><th scope="col">{t.indicator}</th><th scope="col" className="num">{t.yourValue}</th><th scope="col" className="num">{t.currentValue}</th><th scope="col">{t.keep}</th></tr>
        </thead>
        <tbody>
          {conflict.map((c) => {
            const row = byItem.get(c.item);
            const k = keyOf(c.item, c.measure);
            const name = row ? `${lang === 'vi' ? row.name_vi : row.name_en} (${lang === 'vi' ? row.period_vi : row.period_en})${c.measure === 'plan' ? ` — ${t.plan}` : ''}` : String(c.item);
            return (
              <tr key={k} data-item={c.item} data-measure={c.measure}>
                <th scope="row">{name}</th>
                <td className="num" data-testid="mine">{row ? cellText(row, c.measure, drafts, lang) || '—' : '—'}</td>
                <td className="num">
                  <span data-testid="theirs">{plain(c.value, row?.decimals ?? 2, lang)}</span>
                  <div className="small muted" data-testid="saved-by">{t.savedBy(c.updated_by ?? '?', dateTimeLabel(c.updated_at, lang))}</div>
                </td>
                <td>
                  <fieldset className="ct-choice">
                    <legend className="sr-only">{t.keep}: {name}</legend>
                    <label><input type="radio" name={`keep-${k}`} checked={choices[k] === 'theirs'} onChange={() => setChoices({ ...choices, [k]: 'theirs' })} /> {t.keepTheirs}</label>
                    <label><input type="radio" name={`keep-${k}`} checked={choices[k] === 'mine'} onChange={() => setChoices({ ...choices, [k]: 'mine' })} /> {t.keepMine}</label>
                  </fieldset>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="ct-actions">
        <button type="button" className="btn primary" onClick={() => onResolve(choices)} data-testid="resolve">{t.applyChoices}</button>
        <button type="button" className="btn" onClick={onCancel}>{t.decideLater}</button>
      </div>
    </section>
  );
}
