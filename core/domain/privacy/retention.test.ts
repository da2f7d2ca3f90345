import { describe, expect, it } from 'vitest';
import { monthsBefore, retentionCutoffs } from './retention';

describe('monthsBefore', () => {
  it.each([
    ['2026-11-27', 36, '2023-11-27'],
    ['2026-11-27', 12, '2025-11-27'],
    ['2026-01-15', 1, '2025-12-15'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2028-02-29', 12, '2027-02-28'],
    ['2028-02-29', 48, '2024-02-29'],
    ['2026-12-31', 0, '2026-12-31'],
    ['2026-05-31', 120, '2016-05-31'],
  ])('%s − %i months → %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });
});

describe('retentionCutoffs', () => {
  it('counts each period back from today', () => {
    expect(retentionCutoffs('2026-11-27', { requestRetentionYears: 3, eventRetentionMonths: 12, volunteeringRetentionYears: 2 })).toEqual({
      requestsClosedBefore: '2023-11-27',
      eventsEndedBefore: '2025-11-27',
      volunteeringUpdatedBefore: '2024-11-27',
    });
  });
});
