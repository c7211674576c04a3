// Role rules of the follow-up, as questions about the actor (HTTP-free, shared by API, CLI, tests):
// a province writes only its own recommendations and progress reports; a ministry unit answers only
// what is assigned to it and reports only on its own tasks; the coordinators triage, assign and close;
// the public reads only what has been published.
import { canActForProvince, isCoordinator, isMinistryUnit, type ActorLike } from '../conferences/roles.ts';

export interface RecFacts {
  via: 'province' | 'session' | string;
  provinceUnitId: number | null;
  published: boolean;
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
  return a !== null || r.published;
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
