import { describe, expect, it } from 'vitest';
import { describeAvailability } from './availability.ts';

describe('availability wording', () => {
	it('counts the places left, singular and plural', () => {
		expect(
			describeAvailability({ booking: 'required', capacity: 16, placesTaken: 4, waiting: 0 }).label
		).toBe('12 places left');
		expect(
			describeAvailability({ booking: 'required', capacity: 16, placesTaken: 15, waiting: 0 }).label
		).toBe('1 place left');
	});

	it('says full and points to the waiting list when every place is taken', () => {
		const full = describeAvailability({
			booking: 'required',
			capacity: 12,
			placesTaken: 12,
			waiting: 3
		});
		expect(full).toEqual({
			state: 'full',
			placesLeft: 0,
			waiting: 3,
			label: 'Full — join the waiting list'
		});
	});

	it('never shows a negative number if capacity was lowered below the places taken', () => {
		const over = describeAvailability({
			booking: 'required',
			capacity: 10,
			placesTaken: 11,
			waiting: 0
		});
		expect(over.placesLeft).toBe(0);
		expect(over.state).toBe('full');
	});

	it('has unlimited places when there is no capacity', () => {
		expect(
			describeAvailability({ booking: 'required', capacity: null, placesTaken: 500, waiting: 0 })
				.label
		).toBe('Unlimited places');
	});

	it('needs no booking for just-turn-up events, whatever the capacity', () => {
		expect(
			describeAvailability({ booking: 'none', capacity: 20, placesTaken: 0, waiting: 0 }).label
		).toBe('No booking needed — just turn up');
	});
});
