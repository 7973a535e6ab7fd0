import { readFileSync } from 'node:fs';
import { startCeiling } from './ceiling-server.js';

/** Scenario E in a process of its own, like the gateway: the body comes from the file named. */
const body = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as unknown;
const { url } = await startCeiling(body);
console.log(`ceiling on ${url}`);
