import { describe, expect, it } from 'vitest';
import { redisVersionProblem } from '../../../adapters/redis/redis-client.js';

const info = (version: string) => `# Server\r\nredis_version:${version}\r\nredis_git_sha1:00000000\r\n`;

describe('the Redis version the adapters need', () => {
  it('when the server is 7.0 or later, then nothing is wrong', () => {
    for (const version of ['7.0.0', '7.0.15', '7.2.4', '8.0.1', '10.0.0']) expect(redisVersionProblem(info(version))).toBeNull();
  });

  it('when the server is older, then the problem names both versions', () => {
    for (const version of ['6.2.14', '6.0.16', '5.0.7']) {
      expect(redisVersionProblem(info(version))).toBe(
        `Redis ${version} is too old: the cache and the quotas need Redis 7.0.0 or later, and will answer as if Redis were down`,
      );
    }
  });

  it('when the answer does not say, then nothing is claimed', () => {
    expect(redisVersionProblem('# Server\r\n')).toBeNull();
  });
});
