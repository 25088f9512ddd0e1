// Calendar dates without a time of day ('2026-11-22'), as the membership list records them.
// "Today" is the date in London; arithmetic is whole days, so clock changes never shift it.
import { londonParts } from './london-time.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const longFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

/** The date in London at `now`, e.g. '2026-11-22'. */
export function londonDate(now: Date): string {
	const p = londonParts(now);
	return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Whether year, month and day name a day that exists (no 31 February). */
export function isRealDate(year: number, month: number, day: number) {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** A date typed as 'YYYY-MM-DD', as year, month and day; null unless it names a real day. */
export function parseIsoDate(value: string) {
	const match = ISO_DATE.exec(value);
	if (!match) return null;
	const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return isRealDate(y, mo, d) ? { y, mo, d } : null;
}

function dayNumber(date: string) {
	const match = ISO_DATE.exec(date);
	if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
	return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

export function addDays(date: string, days: number): string {
	return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string) {
	return dayNumber(to) - dayNumber(from);
}

/** "22 November 2026" */
export function formatPlainDate(date: string) {
	return longFormat.format(new Date(dayNumber(date) * DAY_MS));
}
