/** Report windows stay on their grid; report field names become safe, unique column names. */
import { describe, expect, it } from 'vitest';
import { columnValue, normaliseFieldName, reportColumns } from '../../src/reports/columns.js';
import { windowsToRead } from '../../src/reports/windows.js';

describe('report windows', () => {
  const plan = { startDate: '2024-01-01', windowDays: 7, lookbackDays: 3 };
  it('a first run walks from startDate; the window holding today is clipped and not settled', () => {
    const windows = windowsToRead({ ...plan, next: null, today: '2024-01-17' });
    expect(windows).toEqual([
      { from: '2024-01-01', to: '2024-01-07', settled: true },
      { from: '2024-01-08', to: '2024-01-14', settled: true },
      { from: '2024-01-15', to: '2024-01-17', settled: false },
    ]);
  });
  it('a later run refreshes from the grid window holding today minus the look-back, or the cursor when older', () => {
    expect(windowsToRead({ ...plan, next: '2024-01-29', today: '2024-01-30' }).map((w) => w.from)).toEqual(['2024-01-22', '2024-01-29']);
    expect(windowsToRead({ ...plan, next: '2024-01-08', today: '2024-01-30' }).map((w) => w.from)).toEqual([
      '2024-01-08',
      '2024-01-15',
      '2024-01-22',
      '2024-01-29',
    ]);
  });
});

describe('report columns', () => {
  it('normalises field names', () => {
    expect(['TechnicianId', 'Revenue/Hour', 'Conversion Rate %', 'KPIValue', '2024 Sales', '***'].map(normaliseFieldName)).toEqual([
      'technician_id',
      'revenue_hour',
      'conversion_rate_pct',
      'kpi_value',
      'f_2024_sales',
      'field',
    ]);
  });
  it('keeps clear of Atlas columns and of each other, and maps types', () => {
    const columns = reportColumns([
      { name: 'TenantId', dataType: 'Number' },
      { name: 'Amount', dataType: 'Number' },
      { name: 'amount', dataType: 'Boolean' },
      { name: 'When', dataType: 'Date' },
      { name: 'Odd', dataType: 'Colour' },
    ]);
    expect(columns.map((c) => [c.column, c.sqlType])).toEqual([
      ['tenant_id_field', 'numeric'],
      ['amount', 'numeric'],
      ['amount_field', 'boolean'],
      ['when', 'timestamp'],
      ['odd', 'text'],
    ]);
  });
  it('rejects values that do not fit their declared type, naming the field', () => {
    const [amount] = reportColumns([{ name: 'Amount', dataType: 'Number' }]);
    expect(columnValue(amount, 12.5)).toEqual({ value: 12.5 });
    expect(columnValue(amount, '12.50')).toEqual({ value: '12.50' });
    expect(columnValue(amount, 'n/a')).toEqual({ reason: 'field "Amount" is declared Number but holds "n/a"' });
  });
});
