import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { accessToken, getToken, urlFor } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ scale: 0.02, tokenTtlSeconds: 2 });
});
afterAll(async () => {
  await sb.close();
});

const jobTypes = (): string => urlFor(sb, 'jpm/job-types');

describe('sandbox auth', () => {
  it('issues a bearer token for the right client credentials', async () => {
    const res = await getToken(sb);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 2 });
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.scope).toBe('string');
  });

  it('answers invalid_client for a wrong secret or client id, and rejects other grants', async () => {
    for (const overrides of [{ client_secret: 'cs1.wrong' }, { client_id: 'cid.nobody' }] as Array<Record<string, string>>) {
      const res = await getToken(sb, overrides);
      expect([400, 401]).toContain(res.status);
      expect(await res.json()).toEqual({ error: 'invalid_client' });
    }
    const grant = await getToken(sb, { grant_type: 'password' });
    expect(grant.status).toBe(400);
    expect(((await grant.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('accepts the token with or without the Bearer prefix', async () => {
    const token = await accessToken(sb);
    for (const authorization of [`Bearer ${token}`, token]) {
      const res = await fetch(jobTypes(), { headers: { Authorization: authorization, 'ST-App-Key': sb.credentials.appKey } });
      expect(res.status).toBe(200);
    }
  });

  it('rejects a missing token, a missing app key and a wrong app key', async () => {
    const token = await accessToken(sb);
    const noToken = await fetch(jobTypes(), { headers: { 'ST-App-Key': sb.credentials.appKey } });
    expect(noToken.status).toBe(401);
    const bogus = await fetch(jobTypes(), { headers: { Authorization: 'Bearer nope', 'ST-App-Key': sb.credentials.appKey } });
    expect(bogus.status).toBe(401);
    const noKey = await fetch(jobTypes(), { headers: { Authorization: `Bearer ${token}` } });
    expect(noKey.status).toBe(401);
    const wrongKey = await fetch(jobTypes(), { headers: { Authorization: `Bearer ${token}`, 'ST-App-Key': 'ak1.other' } });
    expect([401, 403]).toContain(wrongKey.status);
    const body = (await wrongKey.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['data', 'errors', 'status', 'title', 'traceId', 'type']);
  });

  it('refuses another tenant with an ApiErrorResponse', async () => {
    const token = await accessToken(sb);
    const res = await fetch(urlFor(sb, 'jpm/job-types', {}, '1500999999'), {
      headers: { Authorization: `Bearer ${token}`, 'ST-App-Key': sb.credentials.appKey },
    });
    expect([403, 404]).toContain(res.status);
    expect((await res.json()) as Record<string, unknown>).toMatchObject({ status: res.status });
  });

  it('expires tokens by wall clock and by the sandbox clock', async () => {
    const headers = (t: string) => ({ Authorization: `Bearer ${t}`, 'ST-App-Key': sb.credentials.appKey });
    const first = await accessToken(sb);
    expect((await fetch(jobTypes(), { headers: headers(first) })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await fetch(jobTypes(), { headers: headers(first) })).status).toBe(401);

    const second = await accessToken(sb);
    expect((await fetch(jobTypes(), { headers: headers(second) })).status).toBe(200);
    sb.advance({ hours: 1, changes: 0 });
    expect((await fetch(jobTypes(), { headers: headers(second) })).status).toBe(401);
    expect((await fetch(jobTypes(), { headers: headers(await accessToken(sb)) })).status).toBe(200);
  });

  it('does not log token requests, only API requests', async () => {
    sb.clearRequests();
    const token = await accessToken(sb);
    await fetch(jobTypes(), { headers: { Authorization: `Bearer ${token}`, 'ST-App-Key': sb.credentials.appKey } });
    const log = sb.requests();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'GET', endpoint: 'jpm/job-types', status: 200 });
  });
});
