import type { Express } from 'express';
import request from 'supertest';
import { conformsToSpec } from './spec-check.js';

/** supertest with every answer, success or error, checked against openapi.yaml. */
export function api(app: Express) {
  const agent = request(app);
  return {
    get: (url: string) => agent.get(url).expect(conformsToSpec),
    post: (url: string) => agent.post(url).expect(conformsToSpec),
    patch: (url: string) => agent.patch(url).expect(conformsToSpec),
    put: (url: string) => agent.put(url).expect(conformsToSpec),
    delete: (url: string) => agent.delete(url).expect(conformsToSpec),
  };
}
