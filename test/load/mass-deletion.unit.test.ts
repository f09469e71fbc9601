import { describe, expect, it } from 'vitest';
import { isMassDeletion, MASS_DELETION_MIN_ROWS } from '../../src/load/mass-deletion.js';

describe('isMassDeletion', () => {
  it('calls more than 20% of live rows, and at least the minimum, a mass deletion', () => {
    expect(isMassDeletion(21, 100)).toBe(true);
    expect(isMassDeletion(20, 100)).toBe(false);
    expect(isMassDeletion(1000, 1000)).toBe(true);
  });

  it('lets small tables churn: fewer rows than the minimum are never a mass deletion', () => {
    expect(isMassDeletion(MASS_DELETION_MIN_ROWS - 1, MASS_DELETION_MIN_ROWS - 1)).toBe(false);
    expect(isMassDeletion(MASS_DELETION_MIN_ROWS, MASS_DELETION_MIN_ROWS)).toBe(true);
  });
});
