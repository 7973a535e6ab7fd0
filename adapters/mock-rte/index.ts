export { MockRte } from './grid-signals.mock-rte.js';
export { syntheticTempoYear } from './tempo-calendar.js';
