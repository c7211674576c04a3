// Every migration, by its dated name. Add new ones at the end; never edit one that has shipped.
import type { Migration } from 'kysely';
import * as reportingCore from './2026-11-23T1900-reporting-core.ts';
import * as conferences from './2026-11-23T2100-conferences.ts';
import * as followup from './2026-11-23T2110-followup.ts';
import * as geoBoundaries from './2026-11-23T2120-geo-boundaries.ts';
import * as access from './2026-11-23T2130-access.ts';
import * as collectionWorkflow from './2026-11-23T2140-collection-workflow.ts';
import * as signInLockout from './2026-11-23T2230-sign-in-lockout.ts';
import * as rollupChangeNotify from './2026-11-23T2240-rollup-change-notify.ts';
import * as answerInputsNotify from './2026-11-24T0100-answer-inputs-notify.ts';
import * as accessEpoch from './2026-11-24T0130-access-epoch.ts';
import * as refuseFunction from './2026-11-24T0200-refuse-function.ts';
import * as catalogueEpoch from './2026-11-24T0210-catalogue-epoch.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-23T1900-reporting-core': reportingCore,
  '2026-11-23T2100-conferences': conferences,
  '2026-11-23T2110-followup': followup,
  '2026-11-23T2120-geo-boundaries': geoBoundaries,
  '2026-11-23T2130-access': access,
  '2026-11-23T2140-collection-workflow': collectionWorkflow,
  '2026-11-23T2230-sign-in-lockout': signInLockout,
  '2026-11-23T2240-rollup-change-notify': rollupChangeNotify,
  '2026-11-24T0100-answer-inputs-notify': answerInputsNotify,
  '2026-11-24T0130-access-epoch': accessEpoch,
  '2026-11-24T0200-refuse-function': refuseFunction,
  '2026-11-24T0210-catalogue-epoch': catalogueEpoch,
};
