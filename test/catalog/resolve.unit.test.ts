import { describe, expect, it } from 'vitest';
import { closestNames, resolveEndpoint } from '../../src/catalog/index.js';
import { caught } from './support.js';

describe('resolveEndpoint', () => {
  it('accepts canonical names as they are', () => {
    expect(resolveEndpoint('crm/export/customers').name).toBe('crm/export/customers');
    expect(resolveEndpoint(' crm/customers/{id} ').name).toBe('crm/customers/{id}');
  });

  it('reads Titanpy short names inside a module prefix and outside the seed lists', () => {
    expect(resolveEndpoint('crm/customers-notes/').name).toBe('crm/customers/{id}/notes');
    expect(resolveEndpoint('pricebook/categories/').name).toBe('pricebook/categories/{id}');
    expect(resolveEndpoint('timesheets/activity-types/').name).toBe('timesheets/activity-types/{id}');
    expect(resolveEndpoint('export/technician-ratings').name).toBe('customer-interactions/export/technician-ratings');
  });

  it('reports an unknown name with the closest names', () => {
    const error = caught(() => resolveEndpoint('export/customer'));
    expect(error.code).toBe('ENDPOINT_UNKNOWN');
    const suggestions = error.details.suggestions as string[];
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(suggestions[0]).toBe('crm/export/customers');
    expect(error.message).toContain('crm/export/customers');
  });

  it('suggests by shared words too', () => {
    const suggestions = caught(() => resolveEndpoint('customer notes')).details.suggestions as string[];
    expect(suggestions).toContain('crm/customers/{id}/notes');
    expect(caught(() => resolveEndpoint('jobtypes', { group: 'job_planning' })).details.suggestions).toContain('jpm/job-types');
  });

  it('checks Titanpy id/category arguments against the endpoint', () => {
    expect(resolveEndpoint('/reports/', { group: 'reporting', category: 'operations', id: 175 }).name).toBe(
      'reporting/report-category/{report_category}/reports/{reportId}',
    );
    const error = caught(() => resolveEndpoint('call-reasons', { id: 7 }));
    expect(error.code).toBe('ENDPOINT_ARGUMENT');
    expect(error.message).toContain('jbce/call-reasons takes no id');
    expect(caught(() => resolveEndpoint('customers/', { category: 'x' })).message).toContain('crm/customers/{id} takes no category');
  });
});

describe('closestNames', () => {
  it('ranks by edit distance and word overlap, deterministically', () => {
    const names = [
      'crm/export/customers',
      'crm/export/leads',
      'jpm/export/jobs',
      'crm/customers/{id}/notes',
      'settings/export/technicians',
    ];
    const best = closestNames('crm/export/customerz', names, 3);
    expect(best).toHaveLength(3);
    expect(best[0]).toBe('crm/export/customers');
    expect(closestNames('crm/export/customerz', [...names].reverse(), 3)).toEqual(best);
    expect(closestNames('notes of customers', names, 1)).toEqual(['crm/customers/{id}/notes']);
    expect(closestNames('anything', [...names, names[0]], 10)).toHaveLength(names.length);
  });
});
