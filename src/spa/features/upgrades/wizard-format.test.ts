import { describe, expect, it } from 'vitest';
import { formatCountdown, rampText } from './wizard-format.ts';

describe('formatCountdown', () => {
  it('writes minutes and seconds, hours when needed, and stops at zero', () => {
    expect(formatCountdown(59 * 60_000 + 12_400)).toBe('59:12');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});

describe('rampText', () => {
  it('doubles from one node up to the batch size and folds repeated full batches', () => {
    expect(rampText(100, 20)).toBe('1, 2, 4, 8, 16, 20 × 3, 9');
    expect(rampText(3, 20)).toBe('1, 2');
    expect(rampText(5, 1)).toBe('1 × 5');
    expect(rampText(0, 20)).toBe('');
  });
});
