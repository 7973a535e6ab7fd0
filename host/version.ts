import { existsSync, readFileSync } from 'node:fs';

/** package.json beside the sources (`host/`) or beside the build (`dist/host/`). */
const file = ['../package.json', '../../package.json'].map((p) => new URL(p, import.meta.url)).find((url) => existsSync(url))!;

/** The gateway's version, from package.json. */
export const VERSION: string = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
