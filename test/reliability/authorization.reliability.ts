import { SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument, type OperationSpec } from '../../host/http/openapi-document.js';
import { TOKENS } from '../../host/tokens.js';
import type { AccessTokens } from '../../ports/access-tokens.js';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';
import { record } from './record.js';

const doc = loadOpenApiDocument();
const OWNER_PDL = '64975835695673';
const OTHER_PDL = '22516914714270';
const WRITES = new Set([
  'regenerateSecret',
  'deleteAccount',
  'changePassword',
  'updatePassword',
  'createPdl',
  'updatePdl',
  'reorderPdls',
  'setPdlName',
  'setPdlActive',
  'setPdlType',
  'setPdlContract',
  'setPdlPricingOption',
  'setPdlSelectedOffer',
  'linkPdlProduction',
  'fetchPdlContract',
  'deletePdl',
  'syncPdl',
  'purgeCache',
  'startConsent',
]);
const ENTRY = {
  provider: 'Taken over',
  name: 'Base',
  offer_type: 'BASE',
  power_kva: 6,
  valid_from: '2026-02-01',
  subscription_eur_per_year: '100',
  prices: { base: '0.1' },
};
/** Operations outside the Admin tag that need an administration permission. */
const ADMIN_OPERATIONS = new Set(['createEnergyOffer', 'replaceEnergyOffer', 'retireEnergyOffer']);
const BODIES: Record<string, object> = {
  changePassword: { current_password: STRONG_PASSWORD, new_password: 'Other-Pass-9' },
  createPdl: { usage_point_id: '55555555555555' },
  updatePdl: { name: 'Taken over' },
  adminUpdateUser: { role: 'visitor' },
  updatePassword: { old_password: STRONG_PASSWORD, new_password: 'Other-Pass-9' },
  reorderPdls: { pdl_orders: [{ id: OWNER_PDL, order: 0 }] },
  setPdlName: { name: 'Taken over' },
  setPdlActive: { is_active: false },
  setPdlType: { has_consumption: false, has_production: true },
  setPdlContract: { subscribed_power: 3 },
  setPdlPricingOption: { pricing_option: 'TEMPO' },
  setPdlSelectedOffer: { selected_offer_id: 'taken-over' },
  linkPdlProduction: { linked_production_pdl_id: null },
  createEnergyOffer: ENTRY,
  replaceEnergyOffer: ENTRY,
};

/** Required queries of protected operations outside /enedis. */
const QUERIES: Record<string, Record<string, string>> = {
  getEcoWattHistory: { start_date: '2025-01-01', end_date: '2025-01-03' },
};

interface Case {
  readonly op: OperationSpec;
  readonly who: string;
  readonly auth: string | null;
  readonly expected: number;
  readonly code?: string;
}

describe('the authorisation matrix', () => {
  let t: TestGateway;
  const tokens: Record<string, string> = {};
  let ownerId: string;

  const verifiedUser = async (email: string) => {
    await api(t.app).post('/api/accounts/signup').send({ email, password: STRONG_PASSWORD }).expect(201);
    const link = /verify-email\?token=([\w%-]+)/.exec(t.mailer.lastTo(email)!.text)![1]!;
    await api(t.app).get(`/api/accounts/verify-email?token=${link}`).expect(200);
    const login = await api(t.app).post('/api/accounts/login').send({ email, password: STRONG_PASSWORD }).expect(200);
    return `Bearer ${login.body.data.access_token}`;
  };

  beforeAll(async () => {
    t = await startTestGateway({ REQUIRE_EMAIL_VERIFICATION: 'true', ADMIN_EMAILS: 'admin@example.org' });
    tokens.owner = await verifiedUser('owner@example.org');
    tokens.other = await verifiedUser('other@example.org');
    tokens.admin = await verifiedUser('admin@example.org');
    tokens.inactive = await verifiedUser('inactive@example.org');
    await api(t.app).post('/api/accounts/signup').send({ email: 'unverified@example.org', password: STRONG_PASSWORD }).expect(201);
    tokens.unverified = `Bearer ${(await api(t.app).post('/api/accounts/login').send({ email: 'unverified@example.org', password: STRONG_PASSWORD }).expect(200)).body.data.access_token}`;
    const demo = await t.gateway.useCases.ensureDemoAccount();
    await t.gateway.container.get<{ update(id: string, p: object): Promise<unknown> }>(TOKENS.UserRepo).update(demo.user.id, { emailVerified: true });
    tokens.demo = `Bearer ${demo.clientSecret}`;
    await api(t.app).post('/api/pdl').set('Authorization', tokens.owner).send({ usage_point_id: OWNER_PDL }).expect(201);
    await api(t.app).post('/api/pdl').set('Authorization', tokens.other).send({ usage_point_id: OTHER_PDL }).expect(201);
    ownerId = (await api(t.app).get('/api/accounts/me').set('Authorization', tokens.owner).expect(200)).body.data.id;
    const inactiveId = (await api(t.app).get('/api/accounts/me').set('Authorization', tokens.inactive).expect(200)).body.data.id;
    const inactiveSecret = (await api(t.app).post('/api/accounts/regenerate-secret').set('Authorization', tokens.inactive).expect(200)).body.data
      .client_secret as string;
    await api(t.app).patch(`/api/admin/users/${inactiveId}`).set('Authorization', tokens.admin).send({ is_active: false }).expect(200);
    // The deactivation ended the account's sessions; its client secret still names it, and is refused as inactive.
    tokens.inactiveSession = tokens.inactive;
    tokens.inactive = `Bearer ${inactiveSecret}`;

    const ownerJwt = tokens.owner.slice(7);
    const [, payload] = ownerJwt.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    tokens.algNone = `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    tokens.otherKey = `Bearer ${await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a key that is not the gateway key 0123456789'))}`;
    const now = t.clock.now();
    t.clock.advance(-31 * 86_400_000);
    tokens.expired = `Bearer ${(await t.gateway.container.get<AccessTokens>(TOKENS.AccessTokens).issue(ownerId, { version: 0, secretFingerprint: null })).token}`;
    t.clock.set(now);
    tokens.malformed = 'Bearer not.a.jwt';
    tokens.basic = `Basic ${Buffer.from('owner@example.org:' + STRONG_PASSWORD).toString('base64')}`;
  });
  afterAll(() => t.close());

  const pathOf = (op: OperationSpec, pdl: string, userId: string) =>
    doc.basePath +
    op.path
      .replace('{usage_point_id}', pdl)
      .replace('{pdl_id}', pdl)
      .replace('{user_id}', userId)
      .replace('{offer_id}', '00000000-0000-4000-8000-000000000000');

  function send(c: Case, pdl = OWNER_PDL, userId = ownerId) {
    const agent = request(t.app);
    let req = agent[c.op.method](pathOf(c.op, pdl, userId)).query(
      c.op.path.startsWith('/enedis/') && !c.op.path.includes('contract') && !/address|customer|contact|cache|statistics/.test(c.op.path)
        ? { start: '2025-01-01', end: '2025-01-03' }
        : (QUERIES[c.op.operationId] ?? {}),
    );
    if (c.auth) req = req.set('Authorization', c.auth);
    return BODIES[c.op.operationId] ? req.send(BODIES[c.op.operationId]!) : req;
  }

  it('when every protected route meets every kind of caller, then each gets exactly the expected status, and nobody reads another account', async () => {
    const protectedOps = doc.operations.filter((op) => op.requiresBearer);
    const cases: Case[] = [];
    for (const op of protectedOps) {
      for (const who of ['none', 'malformed', 'basic', 'expired', 'otherKey', 'algNone']) {
        cases.push({ op, who, auth: who === 'none' ? null : tokens[who]!, expected: 401, code: who === 'expired' ? 'TOKEN_EXPIRED' : 'UNAUTHORIZED' });
      }
      cases.push({ op, who: 'inactive', auth: tokens.inactive!, expected: 403, code: 'USER_INACTIVE' });
      cases.push({ op, who: 'inactive (session)', auth: tokens.inactiveSession!, expected: 401, code: 'TOKEN_REVOKED' });
      if (!op.allowUnverified) cases.push({ op, who: 'unverified', auth: tokens.unverified!, expected: 403, code: 'EMAIL_NOT_VERIFIED' });
      if (op.tag === 'Admin' || ADMIN_OPERATIONS.has(op.operationId)) {
        cases.push({ op, who: 'visitor', auth: tokens.owner!, expected: 403, code: 'FORBIDDEN' });
        cases.push({ op, who: 'demo', auth: tokens.demo!, expected: 403, code: 'FORBIDDEN' });
      } else if (WRITES.has(op.operationId)) {
        cases.push({ op, who: 'demo', auth: tokens.demo!, expected: 403, code: 'DEMO_READ_ONLY' });
      }
      if (/\{(usage_point_id|pdl_id)\}/.test(op.path)) cases.push({ op, who: 'another user', auth: tokens.other!, expected: 404, code: 'PDL_NOT_FOUND' });
    }

    const mismatches: string[] = [];
    for (const c of cases) {
      const res = await send(c);
      if (res.status !== c.expected || (c.code && res.body?.error?.code !== c.code)) {
        mismatches.push(`${c.op.operationId} as ${c.who}: ${res.status} ${res.body?.error?.code ?? ''}, expected ${c.expected} ${c.code ?? ''}`);
      }
      if (c.who === 'another user') {
        const missing = await send(c, '00000000000001');
        if (JSON.stringify(missing.body) !== JSON.stringify(res.body))
          mismatches.push(`${c.op.operationId}: another user's meter answers differently from a missing one`);
      }
    }

    const leaks: string[] = [];
    for (const path of ['/api/accounts/me', '/api/pdl', '/api/accounts/usage']) {
      const res = await api(t.app).get(path).set('Authorization', tokens.other!).expect(200);
      if (JSON.stringify(res.body).includes(OWNER_PDL) || JSON.stringify(res.body).includes('owner@example.org')) leaks.push(path);
    }
    const owner = await api(t.app).get(`/api/pdl/${OWNER_PDL}`).set('Authorization', tokens.owner!).expect(200);
    expect(owner.body.data.name).toBeNull();

    const byWho = new Map<string, number>();
    for (const c of cases) byWho.set(c.who, (byWho.get(c.who) ?? 0) + 1);
    console.info(
      `authorisation matrix: ${cases.length} cases over ${protectedOps.length} protected operations, ${mismatches.length} mismatches, ${leaks.length} leaks`,
    );
    record('authorization', [
      {
        part: 'authorisation matrix',
        tried: cases.length,
        outcome: mismatches.length + leaks.length === 0 ? 'pass' : `${mismatches.length} mismatches, ${leaks.length} leaks`,
        detail: [...byWho.entries()].map(([who, n]) => `${who}×${n}`).join(' '),
      },
    ]);
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
  });
});
