// Response shapes of the collection and access API, taken from the server's own functions (type-only
// imports, erased from the bundle), so these pages and the API cannot drift apart.
import type { buildGrid } from '../../../collection/submissions/grid.ts';
import type { completeness, statusBoard } from '../../../collection/submissions/board.ts';
import type { datasetView } from '../../../collection/datasets/routes.ts';
import type { peerComparison } from '../../../collection/submissions/peers.ts';
import type { changesSincePrevious } from '../../../collection/submissions/changes.ts';
import type { publicView } from '../../../access/accounts.ts';
import type { AuditRecord } from '../../../access/audit.ts';

export type Grid = Awaited<ReturnType<typeof buildGrid>>;
export type GridRow = Grid['rows'][number];
export type Issue = GridRow['issues'][number];
export type SubmissionView = Grid['submission'];
export type Board = Awaited<ReturnType<typeof statusBoard>>;
export type BoardStatus = Board['provinces'][number]['status'];
export type Completeness = Awaited<ReturnType<typeof completeness>>;
export type Dataset = ReturnType<typeof datasetView>;
export type Peers = Awaited<ReturnType<typeof peerComparison>>;
export type Changes = ReturnType<typeof changesSincePrevious>;
export type Account = ReturnType<typeof publicView>;
export type { AuditRecord };

export type Measure = 'actual' | 'plan';

/** GET /api/collection/submissions/:id */
export interface ReviewDetail extends Grid {
  peers: Peers;
  changes: Changes;
  timeline: Array<{ at: string; actor: string; role: string | null; action: string; note: string | null; status_before: string | null; status_after: string | null }>;
}

/** GET /api/collection/submissions */
export interface SubmissionListItem extends SubmissionView {
  dataset: string;
  province: string;
  province_name_vi: string;
  period: string;
  deadline: string;
}

/** A cell as a 409 returns it: the value someone else saved. */
export interface CurrentCell {
  item: number;
  measure: Measure;
  value: number | null;
  comment: string | null;
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

/** What an upload or a save refuses, per cell (an upload adds the sheet and the cell). */
export interface CellProblem {
  item?: number;
  measure?: Measure;
  sheet?: string;
  cell?: string;
  code?: string;
  severity?: string;
  message?: string;
  messageEn?: string;
}

export interface Role { id: string; name_vi: string; name_en: string }
export interface MinistryUnit { id: string; name_vi: string; name_en: string; short_vi: string; short_en: string }
export interface DemoInfo {
  demo: boolean;
  password?: string;
  accounts?: Array<{ username: string; role: string; role_vi: string; role_en: string; scope_vi: string | null; scope_en: string | null }>;
}
