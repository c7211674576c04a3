// Shapes shared by the aggregation math. Kept here rather than imported so that this layer depends on
// nothing but the contracts (docs/CONTRACTS.md).

/** One unit's figure for one indicator and period. `null` = not reported: missing is never zero. */
export interface Observation {
  unitId: string;
  value: number | null;
}

/** Figure status as in the contracts. */
export type FigureStatus = 'estimate' | 'official' | 'plan';

/** A figure with its status (and, optionally, the vintage it was published in). */
export interface StatusedValue {
  value: number | null;
  status: FigureStatus;
  vintage?: string;
}
