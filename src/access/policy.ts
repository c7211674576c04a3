// Who may do what, as plain questions about an actor: no HTTP, no SQL, so routes, CLI and tests ask
// them the same way. Every write route answers one of these before touching the store.
import type { Actor } from './roles.ts';

const ministry = (a: Actor | null): boolean => !!a && (a.role === 'admin' || a.role === 'analyst');

export const canManageAccounts = (a: Actor | null): boolean => a?.role === 'admin';
export const canReadAudit = (a: Actor | null): boolean => a?.role === 'admin';

/** Data sets, the reporting calendar and holidays are the ministry's. */
export const canDefineDatasets = (a: Actor | null): boolean => ministry(a);

/** Writing figures straight into the published series (POST /api/values, imports): the ministry
 *  only. A province's figures go through its submission and are published when approved. */
export const canPublishValues = (a: Actor | null): boolean => ministry(a);

/** Entering, uploading and submitting a province's report: that province's officer only. The ministry
 *  returns or approves, it does not fill a province's report in its name. */
export function canWriteProvince(a: Actor | null, unitId: number): boolean {
  return !!a && a.role === 'province_officer' && a.provinceId !== null && a.provinceId === unitId;
}

/** Reviewing (return, approve) a data set's submissions: the ministry, or the ministry unit the data
 *  set is assigned to. */
export function canReview(a: Actor | null, datasetMinistryUnitId: number | null): boolean {
  if (ministry(a)) return true;
  return !!a && a.role === 'ministry_unit' && a.ministryUnitId !== null && a.ministryUnitId === datasetMinistryUnitId;
}

/** Figures not yet published (drafts, submitted, returned): the province itself and its reviewers. */
export function canReadSubmission(a: Actor | null, unitId: number, datasetMinistryUnitId: number | null): boolean {
  return canWriteProvince(a, unitId) || canReview(a, datasetMinistryUnitId);
}

/** Correcting an approved report (it goes back to draft, the published figures stay until the
 *  correction is approved): the province or a reviewer, always with a reason. */
export function canReopen(a: Actor | null, unitId: number, datasetMinistryUnitId: number | null): boolean {
  return canWriteProvince(a, unitId) || canReview(a, datasetMinistryUnitId);
}

/** Statuses, calendars and the completeness report carry no figures: anyone signed in. */
export const canSeeStatus = (a: Actor | null): boolean => !!a;
