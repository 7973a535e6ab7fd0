// Builds the dashboard before `npm start` when web/dist is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const web = new URL('.', import.meta.url).pathname;
const built = join(web, 'dist', 'index.html');
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
const sources = Math.max(
  newest(join(web, 'src')),
  statSync(join(web, 'index.html')).mtimeMs,
  statSync(join(web, '..', 'host', 'http', 'openapi-types.ts')).mtimeMs,
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the dashboard (web/) ...');
  execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
}
