import { existsSync, readFileSync } from 'node:fs';

/** package.json beside the sources (`host/`) or beside the build (`dist/host/`). */
const file = ['../package.json', '../../package.json'].map((p) => new URL(p, import.meta.url)).find((url) => existsSync(url))!;

const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version: string; description: string };

/** The gateway's version, from package.json. */
export const VERSION: string = manifest.version;

/** What the gateway is, in one sentence, from package.json. */
export const DESCRIPTION: string = manifest.description;
