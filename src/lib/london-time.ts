// Branch events happen in Europe/London: every date shown or typed is London wall-clock time,
// every date stored is a UTC instant. These helpers convert between the two, clock changes included.

export const LONDON = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: LONDON,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	weekday: 'short'
});

export type LondonParts = {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	weekday: string;
};

// Event times repeat on every page view, and formatToParts is slow: remember recent answers.
const remembered = new Map<number, LondonParts>();

export function londonParts(instant: Date): LondonParts {
	const key = instant.getTime();
	const known = remembered.get(key);
	if (known) return known;
	if (remembered.size >= 10_000) remembered.clear();
	const parts: Record<string, string> = {};
	for (const part of partsFormat.formatToParts(instant)) parts[part.type] = part.value;
	const result = {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		weekday: parts.weekday
	};
	remembered.set(key, result);
	return result;
}

/** The UTC instant of a London wall-clock time (month is 1–12). */
export function fromLondonTime(year: number, month: number, day: number, hour = 0, minute = 0) {
	const wall = Date.UTC(year, month - 1, day, hour, minute);
	// London is UTC+0 or UTC+1; try both and keep the one that reads back as the wall time.
	for (const offsetHours of [1, 0]) {
		const candidate = new Date(wall - offsetHours * 3_600_000);
		const p = londonParts(candidate);
		if (p.hour === hour && p.minute === minute && p.day === day) return candidate;
	}
	// A wall time skipped by the spring clock change (01:00–01:59) reads as the hour after it.
	return new Date(wall);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "7:00pm", "10:30am", "12:00pm" */
export function formatTime(instant: Date): string {
	const { hour, minute } = londonParts(instant);
	const h12 = hour % 12 === 0 ? 12 : hour % 12;
	return `${h12}:${String(minute).padStart(2, '0')}${hour < 12 ? 'am' : 'pm'}`;
}

/** "Sat 12 Dec" */
export function formatDay(instant: Date): string {
	const p = londonParts(instant);
	return `${p.weekday} ${p.day} ${MONTHS[p.month - 1]}`;
}

/** "Sat 12 Dec, 7:00pm" */
export function formatDayAndTime(instant: Date): string {
	return `${formatDay(instant)}, ${formatTime(instant)}`;
}

/** "Saturday 12 December 2026" */
const longDateFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: LONDON,
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

export function formatLongDate(instant: Date): string {
	return longDateFormat.format(instant).replace(',', '');
}

/** "Sat 12 Dec, 7:00pm to 11:00pm", or both days when a session runs past midnight. */
export function formatSessionTime(startsAt: Date, endsAt: Date): string {
	const sameDay = formatDay(startsAt) === formatDay(endsAt);
	return sameDay
		? `${formatDayAndTime(startsAt)} to ${formatTime(endsAt)}`
		: `${formatDayAndTime(startsAt)} to ${formatDayAndTime(endsAt)}`;
}

/** The date block on an event card: { weekday: 'SAT', day: '13', month: 'DEC' } */
export function dateBlock(instant: Date) {
	const p = londonParts(instant);
	return {
		weekday: p.weekday.toUpperCase(),
		day: String(p.day),
		month: MONTHS[p.month - 1].toUpperCase()
	};
}

/** "December 2026", the heading that groups a listing by month. */
export function formatMonth(instant: Date): string {
	const p = londonParts(instant);
	return `${MONTH_NAMES[p.month - 1]} ${p.year}`;
}

/** "2026-12-12T19:00", for a datetime attribute or a datetime-local field. */
export function toLondonIso(instant: Date): string {
	const p = londonParts(instant);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
