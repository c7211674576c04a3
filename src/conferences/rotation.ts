// The rotating flag (cờ luân lưu): who hosted each conference of a region, who received the right to
// host the next one, whether that came true, and who hosts next — as of a date. Pure.

export interface RotationConference {
  id: number;
  slug: string;
  ordinal: number | null;
  year: number;
  startsOn: string | null;
  status: 'planned' | 'held' | 'cancelled' | string;
  host: string | null;
}

export interface RotationHandover {
  id: number;
  conferenceId: number;
  from: string | null;
  to: string;
  forOrdinal: number | null;
  forYear: number | null;
}

export type HandoverOutcome =
  | 'held_by_recipient' // the next conference was held by the province that received the flag
  | 'held_by_successor' // …by the province it merged into (Long An → Tây Ninh, 2025)
  | 'held_elsewhere' // a conference with that number/year was held by another province
  | 'not_recorded' // later conferences are known but none matches: the record is incomplete
  | 'pending'; // nothing held since: this is the next host

export interface HandoverStatus extends RotationHandover {
  outcome: HandoverOutcome;
  fulfilledBy: string | null;
}

export interface Rotation {
  asOf: string;
  pastHosts: { conference: string; host: string | null; year: number; ordinal: number | null; startsOn: string | null }[];
  handovers: HandoverStatus[];
  next: { host: string; forOrdinal: number | null; forYear: number | null; basis: 'handover' | 'planned'; conference: string | null; handoverId: number | null } | null;
}

const dayOf = (c: RotationConference) => c.startsOn ?? `${c.year}-12-31`;

/**
 * `isSuccessor(a, b)`: b took over a's territory (directly or through several merges). Used so that a
 * flag handed to a province that later merged is recognised as honoured by its successor.
 */
export function rotation(
  conferences: RotationConference[], handovers: RotationHandover[], asOf: string,
  isSuccessor: (from: string, to: string) => boolean = () => false,
): Rotation {
  const sorted = [...conferences].sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
  const held = sorted.filter((c) => c.status === 'held' && dayOf(c) <= asOf);
  const byId = new Map(sorted.map((c) => [c.id, c]));
  const statuses: HandoverStatus[] = [];
  for (const h of handovers) {
    const at = byId.get(h.conferenceId);
    if (!at || dayOf(at) > asOf) continue; // a handover not yet made as of the date
    const later = held.filter((c) => dayOf(c) > dayOf(at));
    const match = later.find((c) => (h.forOrdinal !== null && c.ordinal === h.forOrdinal) || (h.forYear !== null && c.year === h.forYear))
      ?? (h.forOrdinal === null && h.forYear === null ? later[0] : undefined);
    let outcome: HandoverOutcome;
    if (match) {
      outcome = match.host === h.to ? 'held_by_recipient'
        : match.host && isSuccessor(h.to, match.host) ? 'held_by_successor' : 'held_elsewhere';
    } else outcome = later.length ? 'not_recorded' : 'pending';
    statuses.push({ ...h, outcome, fulfilledBy: match?.slug ?? null });
  }
  statuses.sort((a, b) => dayOf(byId.get(a.conferenceId)!).localeCompare(dayOf(byId.get(b.conferenceId)!)));
  const planned = sorted.find((c) => c.status === 'planned' && dayOf(c) > asOf && c.host);
  const pending = [...statuses].reverse().find((s) => s.outcome === 'pending');
  let next: Rotation['next'] = null;
  if (planned) {
    next = { host: planned.host!, forOrdinal: planned.ordinal, forYear: planned.year, basis: 'planned', conference: planned.slug, handoverId: null };
  } else if (pending) {
    next = { host: pending.to, forOrdinal: pending.forOrdinal, forYear: pending.forYear, basis: 'handover', conference: null, handoverId: pending.id };
  }
  return {
    asOf,
    pastHosts: held.map((c) => ({ conference: c.slug, host: c.host, year: c.year, ordinal: c.ordinal, startsOn: c.startsOn })),
    handovers: statuses,
    next,
  };
}
