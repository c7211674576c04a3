// The aggregation math of the reporting core: pure functions over per-unit observations.
export type { Observation, FigureStatus, StatusedValue } from './types.ts';
export { sum, difference, decimalSum, neumaierSum, dot, twoProduct } from './compensated.ts';
export { regionalTotal, type RegionalTotal, type Coverage } from './regionalTotal.ts';
export { growthPct, growthOfSums, type GrowthOfSums, type ExclusionReason } from './growth.ts';
export { unitGrowths, unitsAboveAverage, type UnitGrowth, type AboveAverage } from './unitGrowths.ts';
export {
  weightedIndex,
  unweightedMean,
  type UnitWeight,
  type WeightedIndex,
  type UnweightedMean,
} from './weightedIndex.ts';
export { rank, type RankKey, type RankOptions, type Ranked } from './rank.ts';
export { shares, type Share } from './shares.ts';
export { planProgress, type PlanProgress } from './planProgress.ts';
export { monthFromCumulatives, cumulativeFromMonths, type DerivedFigure } from './cumulatives.ts';
export { mapOntoSuccessors, type SuccessorValue } from './successors.ts';
export { parseFormula, formulaVariables, FormulaParseError, type FormulaNode } from './formulaParse.ts';
export { evalFormula, type FormulaValues } from './formulaEval.ts';
