export { SealedTokenStore } from './token-store.sealed.js';
