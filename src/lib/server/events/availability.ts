// How many places an event has left, in the words a member sees on a card or detail page.

export type AvailabilityInput = {
	booking: 'required' | 'none';
	capacity: number | null;
	/** Confirmed and offered places, guests included. */
	placesTaken: number;
	waiting: number;
};

export type Availability = {
	state: 'no-booking' | 'unlimited' | 'open' | 'full' | 'cancelled';
	placesLeft: number | null;
	waiting: number;
	label: string;
};

export function describeAvailability(input: AvailabilityInput): Availability {
	const { booking, capacity, placesTaken, waiting } = input;
	if (booking === 'none') {
		return {
			state: 'no-booking',
			placesLeft: null,
			waiting: 0,
			label: 'No booking needed — just turn up'
		};
	}
	if (capacity === null) {
		return { state: 'unlimited', placesLeft: null, waiting, label: 'Unlimited places' };
	}
	const placesLeft = Math.max(0, capacity - placesTaken);
	if (placesLeft === 0) {
		return { state: 'full', placesLeft: 0, waiting, label: 'Full — join the waiting list' };
	}
	return {
		state: 'open',
		placesLeft,
		waiting,
		label: placesLeft === 1 ? '1 place left' : `${placesLeft} places left`
	};
}
