import { describe, expect, it } from 'vitest';
import { parseCceTimestamp } from './time.ts';

describe('parseCceTimestamp', () => {
  it.each([
    ['2024-01-22T11:05:45Z', '2024-01-22T11:05:45.000Z'],
    ['2023-11-14T20:30:57+08:00', '2023-11-14T12:30:57.000Z'],
    ['2023-11-24 16:41:12.09236 +0800 CST', '2023-11-24T08:41:12.092Z'],
    ['2018-08-02 03:52:33.859150791 +0000 UTC', '2018-08-02T03:52:33.859Z'],
    ['2023-11-25 06:32:34 +0000 UTC', '2023-11-25T06:32:34.000Z'],
    ['2024-06-04T12:49:28.773718231Z', '2024-06-04T12:49:28.773Z'],
    ['2024-06-04T12:49:28-0330', '2024-06-04T16:19:28.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseCceTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '2024-13-45T99:99:99Z', '1700000000', '2024-01-22', undefined, null])('refuses %j', (text) => {
    expect(parseCceTimestamp(text)).toBeUndefined();
  });
});
