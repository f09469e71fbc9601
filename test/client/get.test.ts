// getEndpoint(client, …): the seed's Titanpy.Get(endpoint, query, id, category, url), resolved by the
// catalog layer and sent by the client, checked by what the sandbox actually received.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findEndpoint, getEndpoint } from '../../src/catalog/index.js';
import type { AtlasError } from '../../src/errors.js';
import { ServiceTitanClient } from '../../src/client/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { fast, tenantFor } from './support/fixtures.js';

describe('get', () => {
  let sandbox: Sandbox;
  let client: ServiceTitanClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.02, seed: 51 });
    client = new ServiceTitanClient({ tenant: tenantFor(sandbox), ...fast });
  });
  afterAll(async () => {
    await sandbox.close();
  });
  afterEach(() => {
    sandbox.clearRequests();
  });

  const base = (): string => `/crm/v2/tenant/${sandbox.tenantId}`;

  it("applies the endpoint's defaultQuery when no query is given, and only the given query otherwise", async () => {
    const body = await getEndpoint<{ data: unknown[] }>(client, 'crm/customers');
    expect(Array.isArray(body.data)).toBe(true);
    await getEndpoint(client, 'crm/customers', { query: { pageSize: 5 } });
    const [first, second] = sandbox.requests();
    expect(first.path).toBe(`${base()}/customers`);
    expect(first.query).toEqual(findEndpoint('crm/customers')!.defaultQuery);
    expect(second.query).toEqual({ pageSize: '5' });
  });

  it('resolves seed names within a group', async () => {
    const body = await getEndpoint<{ hasMore: boolean; data: unknown[] }>(client, 'export/customers', { group: 'crm' });
    expect(typeof body.hasMore).toBe('boolean');
    expect(sandbox.requests()[0].endpoint).toBe('crm/export/customers');
  });

  it('fills {id} placeholders, and turns several ids into ?ids= where the path has none', async () => {
    const [customer] = sandbox.truth('crm/export/customers') as Array<{ id: number }>;
    const one = await getEndpoint<{ id: number }>(client, 'crm/customers/{id}', { id: customer.id });
    expect(one.id).toBe(customer.id);
    await getEndpoint(client, 'crm/customers', { id: [customer.id, 42] });
    const [byId, byIds] = sandbox.requests();
    expect(byId.path).toBe(`${base()}/customers/${customer.id}`);
    expect(byIds.query.ids).toBe(`${customer.id},42`);
  });

  it('fills the category placeholder of reporting endpoints', async () => {
    await getEndpoint(client, 'reporting/report-category/{report_category}/reports', { category: 'operations' }).catch(() => undefined);
    expect(sandbox.requests()[0].path).toBe(`/reporting/v2/tenant/${sandbox.tenantId}/report-category/operations/reports`);
  });

  it('`url` bypasses the catalog (absolute or relative to apiUrl)', async () => {
    await getEndpoint(client, undefined, { url: `${sandbox.apiUrl}${base()}/export/customers`, query: { from: '2024-01-01' } });
    await getEndpoint(client, undefined, { url: `${base()}/export/locations` });
    const [absolute, relative] = sandbox.requests();
    expect(absolute.endpoint).toBe('crm/export/customers');
    expect(absolute.query).toEqual({ from: '2024-01-01' });
    expect(relative.endpoint).toBe('crm/export/locations');
  });

  it('rejects bad arguments before any request is sent', async () => {
    const missingId = await getEndpoint(client, 'crm/customers/{id}').catch((e: unknown) => e);
    expect((missingId as AtlasError).code).toBe('ENDPOINT_ARGUMENT');
    const nothing = await getEndpoint(client, undefined).catch((e: unknown) => e);
    expect((nothing as AtlasError).code).toBe('ENDPOINT_ARGUMENT');
    const unknown = await getEndpoint(client, 'crm/no-such-endpoint').catch((e: unknown) => e);
    expect((unknown as AtlasError).code).toBe('ENDPOINT_UNKNOWN');
    // A retired seed name is refused rather than sent to a different endpoint.
    const retired = await getEndpoint(client, 'suppressions', { group: 'marketing' }).catch((e: unknown) => e);
    expect((retired as AtlasError).code).toBe('ENDPOINT_UNKNOWN');
    expect((retired as AtlasError).message).toMatch(/is retired: Titanpy requested marketing\/v2\/tenant\/\{tenant\}\/suppressions/);
    const foreignUrl = 'https://example.com/crm/v2/tenant/1/export/customers';
    const elsewhere = await getEndpoint(client, undefined, { url: foreignUrl }).catch((e: unknown) => e);
    expect((elsewhere as AtlasError).code).toBe('ENDPOINT_ARGUMENT');
    // The POST read as data is not a GET: a build reads it (with its body), `get` refuses it.
    const post = await getEndpoint(client, 'dispatch/capacity').catch((e: unknown) => e);
    expect([(post as AtlasError).code, (post as AtlasError).message]).toEqual([
      'ENDPOINT_ARGUMENT',
      'dispatch/capacity is read with POST, not GET; extract it with atlas build --endpoint dispatch/capacity',
    ]);
    expect(sandbox.requests()).toEqual([]);
  });
});
