export { SealedTokenStore } from './token-store.sealed.js';
export { SealedDayStore, jsonReadings, type SealedDayStoreOptions } from './day-store.sealed.js';
