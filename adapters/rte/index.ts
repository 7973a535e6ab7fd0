export { RteGridSignals, type RteConfig } from './grid-signals.rte.js';
