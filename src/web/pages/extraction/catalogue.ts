// The catalogue as the readings need it: indicator names and units, and every place a figure can be
// saved for (regions and the country, the provinces in force before and after July 2025).
import { useMemo } from 'react';
import { useApi, type Indicator, type RegionBrief, type UnitBrief } from '../../api.ts';
import { dateLabel, periodLabel } from '../../fmt.ts';
import type { Lang } from '../../i18n.ts';

export interface Place { id: string; name: string; group: 'region' | 'province'; until: string | null }

export interface Catalogue {
  ready: boolean;
  indicators: Indicator[];
  places: Place[];
  indicator(code: string): Indicator | undefined;
  indicatorName(code: string, label?: string): string;
  placeName(id: string): string;
  isRegion(id: string): boolean;
  periodName(code: string): string;
  /** the units a value of the indicator can be written in: the one read first, then the ladder */
  unitsOf(code: string, written: string): string[];
  /** a unit as written ("tỷ đồng"), in the page's language when the catalogue knows it */
  unitName(code: string, unit: string): string;
}

export function useCatalogue(lang: Lang): Catalogue {
  const inds = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const units = useApi<{ units: UnitBrief[] }>('/api/units?all=true');
  const regions = useApi<{ regions: RegionBrief[] }>('/api/regions');
  return useMemo(() => {
    const indicators = inds.data?.indicators ?? [];
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    const name = (u: { short_vi: string; short_en: string }) => (lang === 'vi' ? u.short_vi : u.short_en);
    const regionPlaces: Place[] = (regions.data?.regions ?? []).map((r) => ({ id: r.id, name: lang === 'vi' ? r.name_vi : r.name_en, group: 'region', until: null }));
    const provincePlaces: Place[] = (units.data?.units ?? [])
      .map((u): Place => ({ id: u.id, name: name(u), group: 'province', until: u.valid_to ? dateLabel(u.valid_to, lang) : null }))
      .sort((a, b) => a.name.localeCompare(b.name, lang) || (a.until ? 0 : 1) - (b.until ? 0 : 1));
    const places = [...regionPlaces, ...provincePlaces];
    const byId = new Map(places.map((p) => [p.id, p]));
    return {
      ready: !!inds.data && !!units.data && !!regions.data,
      indicators,
      places,
      indicator: (code) => byCode.get(code),
      indicatorName: (code, label) => {
        const i = byCode.get(code);
        return i ? (lang === 'vi' ? i.name_vi : i.name_en) : label || code;
      },
      placeName: (id) => byId.get(id)?.name ?? id,
      isRegion: (id) => byId.get(id)?.group === 'region',
      periodName: (code) => (code ? periodLabel(code, lang) : ''),
      unitsOf: (code, written) => {
        const ladder = (byCode.get(code)?.ladder ?? []).map((l) => l.unit);
        return [...new Set([written, ...ladder].filter(Boolean))];
      },
      unitName: (code, unit) => {
        if (lang === 'vi') return unit;
        const all = [byCode.get(code), ...indicators].flatMap((i) => i?.ladder ?? []);
        return all.find((l) => l.unit === unit)?.unit_en ?? unit;
      },
    };
  }, [inds.data, units.data, regions.data, lang]);
}
