import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/process.js';

const run = promisify(execFile);

/** The README's embedding example, exactly as written there. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding the library'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README has no embedding example');
  return match[1]!;
}

describe('the library as an npm package', () => {
  const work = mkdtempSync(join(tmpdir(), 'med-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('when packed, installed in another project and imported, then the README example reads a day of consumption', async () => {
    await run('npm', ['run', 'build'], { cwd: ROOT });
    const { stdout: packed } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT });
    const [{ filename, files }] = JSON.parse(packed) as Array<{ filename: string; files: Array<{ path: string }> }>;
    expect(files.some((f) => f.path === 'dist/domain/index.d.ts')).toBe(true);
    expect(files.some((f) => f.path.startsWith('test/'))).toBe(false);

    const app = join(work, 'app');
    await run('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'embedding-app', private: true, type: 'module' }));
    await run('npm', ['install', join(work, filename), '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app });
    writeFileSync(join(app, 'example.mjs'), readmeExample());
    const { stdout } = await run('node', ['example.mjs'], { cwd: app });
    const readings = JSON.parse(stdout.trim()) as Array<{ date: string; value: number; quality: string }>;
    expect(readings).toEqual([{ date: '2025-01-15', value: expect.any(Number), quality: 'CORRIGE' }]);
    expect(readings[0]!.value).toBeGreaterThan(15_000);
    expect(readme()).toContain(`// ${stdout.trim()}`);
  }, 240_000);
});

const readme = () => readFileSync(join(ROOT, 'README.md'), 'utf8');
