import { describe, expect, it } from 'vitest';
import { budgetWindow, parseDuration } from './budget-window.js';

describe('budgetWindow', () => {
  it('names the calendar month in the budget timezone and ends it at local midnight', () => {
    // 2026-11-30 23:30 UTC is already December 1st in Tokyo (UTC+9).
    const now = new Date('2026-11-30T23:30:00Z');
    const tokyo = budgetWindow({ name: 'b', usd: 1, period: 'month', timezone: 'Asia/Tokyo' }, now);
    expect(tokyo.label).toBe('month-2026-12-01-Asia/Tokyo');
    expect(now.getTime() + tokyo.windowMs).toBe(Date.parse('2026-12-31T15:00:00Z'));
    const utc = budgetWindow({ name: 'b', usd: 1, period: 'month' }, now);
    expect(utc.label).toBe('month-2026-11-01-UTC');
    expect(utc.windowMs).toBe(30 * 60_000);
  });
  it('starts weeks on Monday and handles New York daylight time', () => {
    const now = new Date('2026-11-25T12:00:00Z'); // a Wednesday
    const week = budgetWindow({ name: 'b', usd: 1, period: 'week', timezone: 'America/New_York' }, now);
    expect(week.label).toBe('week-2026-11-23-America/New_York');
    expect(now.getTime() + week.windowMs).toBe(Date.parse('2026-11-30T05:00:00Z'));
    const day = budgetWindow({ name: 'b', usd: 1, period: 'day', timezone: 'America/New_York' }, new Date('2026-07-04T03:00:00Z'));
    expect(day.label).toBe('day-2026-07-03-America/New_York');
  });
  it('uses a rolling window when one is given, and rejects durations it cannot read', () => {
    expect(budgetWindow({ name: 'b', usd: 1, window: '24h' }, new Date())).toMatchObject({ kind: 'sliding', windowMs: 86_400_000 });
    expect(() => parseDuration('a day', 'budget "b" window')).toThrow(/budget "b" window: "a day" is not a duration/);
  });
});
