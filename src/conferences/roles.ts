// Who may do what with conferences and their follow-up, as questions about the request's actor (the
// access contract in docs/CONTRACTS.md). Free of HTTP so that routes, CLI and tests ask the same way.
import { readFileSync } from 'node:fs';
import { forbidden as accessForbidden, unauthenticated } from '../access/guards.ts';
import type { Actor } from '../access/roles.ts';
import { canWriteProvince } from '../access/policy.ts';

/** The request's actor, per the access contract (src/access). */
export type ActorLike = Actor;

export const coordinators: string[] = JSON.parse(
  readFileSync(new URL('./data/coordinators.json', import.meta.url), 'utf8'),
).coordinating_units;

/** The Agency's side: records conferences and conclusions, triages, assigns and closes recommendations. */
export function isCoordinator(a: ActorLike | null): boolean {
  if (!a) return false;
  if (a.role === 'admin' || a.role === 'analyst') return true;
  return a.role === 'ministry_unit' && !!a.ministryUnitSlug && coordinators.includes(a.ministryUnitSlug);
}

/** Writes in a province's name (its recommendations, difficulties, progress): that province's officer
 *  only, the same question the access policy asks for figures. The Agency records what is raised in a
 *  conference session in its own name, never in a province's. */
export function canActForProvince(a: ActorLike | null, provinceUnitId: number): boolean {
  return canWriteProvince(a, provinceUnitId);
}

/** Only the unit itself speaks for a ministry unit (its answers, its progress reports). */
export function isMinistryUnit(a: ActorLike | null, ministryUnitId: number): boolean {
  return !!a && a.role === 'ministry_unit' && a.ministryUnitId !== null && a.ministryUnitId === ministryUnitId;
}

/** Which difficulties an actor reads. They are raised to the ministry as a whole (nothing assigns
 *  them to one unit), so every ministry account reads them all; a province officer reads its own
 *  province's and the public ones; the public and viewers the public ones, i.e. those quoted from a
 *  published source. */
export type DifficultyScope = { kind: 'all' } | { kind: 'public' } | { kind: 'province'; unitId: number };

export function difficultyScope(a: ActorLike | null): DifficultyScope {
  if (!a || a.role === 'viewer') return { kind: 'public' };
  if (a.role === 'province_officer') return a.provinceId !== null ? { kind: 'province', unitId: a.provinceId } : { kind: 'public' };
  return { kind: 'all' };
}

/** A difficulty is public when it cites a published source (the articles the demo data quotes). */
export function inDifficultyScope(s: DifficultyScope, d: { unitId: number; hasSource: boolean }): boolean {
  if (s.kind === 'all' || d.hasSource) return true;
  return s.kind === 'province' && d.unitId === s.unitId;
}

export function actorLabel(a: ActorLike | null): string {
  return a ? a.username : 'anonymous';
}

export const signInRequired = unauthenticated;
export const forbidden = (vi: string, en: string) => accessForbidden(vi, en);

export function requireCoordinator(a: ActorLike | null): void {
  if (!a) throw signInRequired();
  if (!isCoordinator(a)) {
    throw forbidden('Chỉ Cục Công Thương địa phương (đơn vị điều phối) hoặc quản trị viên được làm việc này.',
      'Only the coordinating agency or an administrator may do this.');
  }
}
