import { describe, expect, it } from 'vitest';
import {
	dateBlock,
	formatDayAndTime,
	formatMonth,
	formatSessionTime,
	formatTime,
	fromLondonTime,
	toLondonIso
} from './london-time.ts';

describe('London time', () => {
	it('shows winter times as GMT: "Sat 12 Dec, 7:00pm"', () => {
		expect(formatDayAndTime(new Date('2026-12-12T19:00:00Z'))).toBe('Sat 12 Dec, 7:00pm');
	});

	it('shows summer times as BST, an hour ahead of UTC', () => {
		expect(formatDayAndTime(new Date('2026-07-04T18:00:00Z'))).toBe('Sat 4 Jul, 7:00pm');
	});

	it('keeps a 7pm event at 7pm either side of the October clock change', () => {
		const before = fromLondonTime(2026, 10, 24, 19, 0);
		const after = fromLondonTime(2026, 10, 31, 19, 0);
		expect(before.toISOString()).toBe('2026-10-24T18:00:00.000Z');
		expect(after.toISOString()).toBe('2026-10-31T19:00:00.000Z');
		expect(formatDayAndTime(before)).toBe('Sat 24 Oct, 7:00pm');
		expect(formatDayAndTime(after)).toBe('Sat 31 Oct, 7:00pm');
	});

	it('reads an hour that happens twice in October as the first (summer time) one', () => {
		expect(fromLondonTime(2026, 10, 25, 1, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
	});

	it('moves an hour skipped in March forward into summer time', () => {
		const instant = fromLondonTime(2027, 3, 28, 1, 30);
		expect(toLondonIso(instant)).toBe('2027-03-28T02:30');
	});

	it('writes noon and midnight the way people say them', () => {
		expect(formatTime(new Date('2026-12-01T12:00:00Z'))).toBe('12:00pm');
		expect(formatTime(new Date('2026-12-01T00:05:00Z'))).toBe('12:05am');
		expect(formatTime(new Date('2026-12-01T09:30:00Z'))).toBe('9:30am');
	});

	it('builds the card date block and month heading from the London date, not the UTC one', () => {
		// 23:30 UTC on 31 July is already 1 August in London.
		const lateJuly = new Date('2026-07-31T23:30:00Z');
		expect(dateBlock(lateJuly)).toEqual({ weekday: 'SAT', day: '1', month: 'AUG' });
		expect(formatMonth(lateJuly)).toBe('August 2026');
	});

	it('names both days when a session runs past midnight', () => {
		const start = fromLondonTime(2026, 12, 31, 20, 0);
		const end = fromLondonTime(2027, 1, 1, 1, 0);
		expect(formatSessionTime(start, end)).toBe('Thu 31 Dec, 8:00pm to Fri 1 Jan, 1:00am');
	});
});
