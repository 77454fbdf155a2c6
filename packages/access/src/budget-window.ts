import type { Budget } from './access-types.js';

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `'24h'` → milliseconds; throws naming the budget when the text is not a duration. */
export function parseDuration(text: string, what: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(text.trim());
  if (!match) throw new Error(`${what}: "${text}" is not a duration like "30m", "24h" or "7d"`);
  return Number(match[1]) * units[match[2]!]!;
}

/** The counter a budget is kept in at a moment: a rolling window, or the calendar period containing `now`. */
export type BudgetWindow = { kind: 'sliding'; windowMs: number; label: string } | { kind: 'fixed'; windowMs: number; label: string };

/**
 * For a calendar period the label names the period in the budget's timezone (`2026-11`,
 * `2026-11-25`, `week-2026-11-23`) and windowMs is the time left in it, so the counter expires
 * when the period ends.
 */
export function budgetWindow(budget: Budget, now: Date): BudgetWindow {
  if (budget.window) return { kind: 'sliding', windowMs: parseDuration(budget.window, `budget "${budget.name}" window`), label: `w${budget.window}` };
  const period = budget.period ?? 'month';
  const timeZone = budget.timezone ?? 'UTC';
  const local = localParts(now, timeZone);
  let start: { year: number; month: number; day: number };
  let end: { year: number; month: number; day: number };
  if (period === 'day') {
    start = local;
    end = addDays(local, 1);
  } else if (period === 'week') {
    const weekday = (new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7; // Monday = 0
    start = addDays(local, -weekday);
    end = addDays(start, 7);
  } else {
    start = { ...local, day: 1 };
    end = local.month === 12 ? { year: local.year + 1, month: 1, day: 1 } : { year: local.year, month: local.month + 1, day: 1 };
  }
  const endsAt = zonedMidnight(end, timeZone);
  const label = `${period}-${start.year}-${pad(start.month)}-${pad(start.day)}-${timeZone}`;
  return { kind: 'fixed', windowMs: Math.max(1_000, endsAt - now.getTime()), label };
}

function localParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function addDays(day: { year: number; month: number; day: number }, days: number) {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The instant local midnight of `day` happens in `timeZone` (offset found by asking Intl what the UTC guess reads as there). */
function zonedMidnight(day: { year: number; month: number; day: number }, timeZone: string): number {
  const guess = Date.UTC(day.year, day.month - 1, day.day);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(guess));
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const seenAs = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return guess - (seenAs - guess);
}

const pad = (value: number) => String(value).padStart(2, '0');
