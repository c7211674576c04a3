// The Period model (kỳ báo cáo): one import for the rest of the code base.
// core: shape, validation, canonical form, storage key · codes: T10/2024 … · calendar: months and
// dates covered, navigation · cutoff: Decree 09 windows and deadlines · labels / parse: human text.
export * from './core.ts';
export * from './codes.ts';
export * from './calendar.ts';
export * from './cutoff.ts';
export * from './labels.ts';
export * from './parse.ts';
