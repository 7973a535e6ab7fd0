export { RteGridSignals } from './grid-signals.rte.js';
export type { RteConfig } from './rte-client.js';
