import { describe, expect, it } from 'vitest';
import { endpointUrl, findEndpoint, seedArguments } from '../../src/catalog/index.js';
import type { EndpointDescriptor } from '../../src/catalog/index.js';
import { caught } from './support.js';

function endpoint(name: string): EndpointDescriptor {
  const d = findEndpoint(name);
  if (!d) throw new Error(`${name} missing from the catalog`);
  return d;
}

const api = { apiUrl: 'https://api.servicetitan.io', tenantId: '1234567890' };

describe('endpointUrl', () => {
  it('builds module/version/tenant URLs', () => {
    expect(endpointUrl(endpoint('crm/export/customers'), api)).toBe(
      'https://api.servicetitan.io/crm/v2/tenant/1234567890/export/customers',
    );
    expect(endpointUrl(endpoint('telecom/calls'), api)).toBe('https://api.servicetitan.io/telecom/v3/tenant/1234567890/calls');
    expect(endpointUrl(endpoint('telecom/v2/calls'), api)).toBe('https://api.servicetitan.io/telecom/v2/tenant/1234567890/calls');
  });

  it('substitutes placeholders, URL-encoded, and ignores a trailing slash on apiUrl', () => {
    const url = endpointUrl(endpoint('reporting/report-category/{report_category}/reports/{reportId}'), {
      apiUrl: 'https://api-integration.servicetitan.io/',
      tenantId: 42,
      params: { report_category: 'business unit/dash?', reportId: 175 },
    });
    expect(url).toBe(
      'https://api-integration.servicetitan.io/reporting/v2/tenant/42/report-category/business%20unit%2Fdash%3F/reports/175',
    );
    expect(endpointUrl(endpoint('crm/customers/{id}/notes'), { ...api, params: { id: 9007199254740993n } })).toBe(
      'https://api.servicetitan.io/crm/v2/tenant/1234567890/customers/9007199254740993/notes',
    );
  });

  it('names the missing parameter', () => {
    const error = caught(() =>
      endpointUrl(endpoint('reporting/report-category/{report_category}/reports/{reportId}'), {
        ...api,
        params: { report_category: 'operations' },
      }),
    );
    expect(error.code).toBe('ENDPOINT_ARGUMENT');
    expect(error.message).toContain('"reportId"');
    expect(error.details).toMatchObject({ parameter: 'reportId' });
    expect(caught(() => endpointUrl(endpoint('crm/customers/{id}'), { ...api, params: { id: '' } })).message).toContain('"id"');
  });

  it('rejects a parameter the path does not have', () => {
    const error = caught(() => endpointUrl(endpoint('crm/customers/{id}'), { ...api, params: { id: 1, customerId: 2 } }));
    expect(error.code).toBe('ENDPOINT_ARGUMENT');
    expect(error.message).toContain('"customerId"');
  });
});

describe('seedArguments (Titanpy id and category)', () => {
  it('puts category into the category placeholder and id into the last other one', () => {
    expect(
      seedArguments(endpoint('reporting/report-category/{report_category}/reports/{reportId}'), { category: 'operations', id: 175 }),
    ).toEqual({
      params: { report_category: 'operations', reportId: '175' },
      query: {},
    });
    expect(seedArguments(endpoint('crm/booking-provider/{booking_provider}/bookings'), { category: '77' }).params).toEqual({
      booking_provider: '77',
    });
    expect(seedArguments(endpoint('payroll/jobs/{job}/splits'), { id: 5 }).params).toEqual({ job: '5' });
  });

  it('sends id as ?ids= where the path has no placeholder but the endpoint filters by ids', () => {
    expect(seedArguments(endpoint('jpm/jobs/cancel-reasons'), { id: '1,2' })).toEqual({ params: {}, query: { ids: '1,2' } });
  });

  it('refuses arguments the endpoint cannot take', () => {
    expect(caught(() => seedArguments(endpoint('crm/customers/{id}'), { category: 'x' })).code).toBe('ENDPOINT_ARGUMENT');
    expect(caught(() => seedArguments(endpoint('jbce/call-reasons'), { id: 1 })).message).toMatch(/takes no id/);
  });
});
