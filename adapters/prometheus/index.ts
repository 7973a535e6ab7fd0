/** The prometheus adapters. */
export * from './telemetry.prometheus.js';
