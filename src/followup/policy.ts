// Role rules of the follow-up, as questions about the actor (HTTP-free, shared by API, CLI, tests):
// a province writes only its own recommendations and progress reports; a ministry unit answers only
// what is assigned to it and reports only on its own tasks; the coordinators triage, assign and close;
// the public reads only what has been published.
import { canActForProvince, isCoordinator, isMinistryUnit, type ActorLike } from '../conferences/roles.ts';

export interface RecFacts {
  via: 'province' | 'session' | string;
  provinceUnitId: number | null;
  published: boolean;
  /** The ministry units it is assigned to. */
  assignedUnitIds?: number[];
}

/** Which recommendations an actor reads. What a province raised and what the ministry answered stay
 *  between the province, the units it is assigned to and the coordinators until the Agency publishes
 *  it: a province officer reads its province's own (its submissions and what a session recorded in
 *  its name) plus the published ones; a ministry unit what is assigned to it plus the published
 *  ones; the coordinators, administrators and analysts everything. A viewer reads as the public does:
 *  the role reads, it is party to no correspondence. */
export type RecommendationScope =
  | { kind: 'all' }
  | { kind: 'published' }
  | { kind: 'province'; provinceUnitId: number }
  | { kind: 'ministry_unit'; ministryUnitId: number };

export function recommendationScope(a: ActorLike | null): RecommendationScope {
  if (!a) return { kind: 'published' };
  if (a.role === 'admin' || a.role === 'analyst' || isCoordinator(a)) return { kind: 'all' };
  if (a.role === 'province_officer' && a.provinceId !== null) return { kind: 'province', provinceUnitId: a.provinceId };
  if (a.role === 'ministry_unit' && a.ministryUnitId !== null) return { kind: 'ministry_unit', ministryUnitId: a.ministryUnitId };
  return { kind: 'published' };
}

export function inRecommendationScope(s: RecommendationScope, r: RecFacts): boolean {
  if (s.kind === 'all' || r.published) return true;
  if (s.kind === 'province') return r.provinceUnitId === s.provinceUnitId;
  if (s.kind === 'ministry_unit') return (r.assignedUnitIds ?? []).includes(s.ministryUnitId);
  return false;
}

/** A province submits in its own name; what is raised in a conference session (whoever raised it) is
 *  recorded by the coordinators. */
export function canSubmit(a: ActorLike | null, via: RecFacts['via'], provinceUnitId: number | null): boolean {
  if (via === 'province') return provinceUnitId !== null && canActForProvince(a, provinceUnitId);
  return isCoordinator(a);
}

/** Edit or withdraw (while not yet assigned): whoever may submit it. */
export function canChangeRecommendation(a: ActorLike | null, r: RecFacts): boolean {
  return canSubmit(a, r.via, r.provinceUnitId);
}

export const canTriage = (a: ActorLike | null): boolean => isCoordinator(a);

export function canAnswer(a: ActorLike | null, assignment: { ministryUnitId: number }): boolean {
  return isMinistryUnit(a, assignment.ministryUnitId);
}

export function canReadRecommendation(a: ActorLike | null, r: RecFacts): boolean {
  return inRecommendationScope(recommendationScope(a), r);
}

export interface Party {
  kind: 'province' | 'ministry_unit';
  id: number;
}

/** A progress report speaks for one party: only that party's own accounts write it. */
export function canReportFor(a: ActorLike | null, party: Party): boolean {
  if (!a) return false;
  if (party.kind === 'ministry_unit') return isMinistryUnit(a, party.id);
  return a.role === 'province_officer' && a.provinceId === party.id;
}

/** The party an actor reports as, when they speak for exactly one. */
export function ownParty(a: ActorLike | null): Party | null {
  if (!a) return null;
  if (a.role === 'province_officer' && a.provinceId !== null) return { kind: 'province', id: a.provinceId };
  if (a.role === 'ministry_unit' && a.ministryUnitId !== null) return { kind: 'ministry_unit', id: a.ministryUnitId };
  return null;
}
