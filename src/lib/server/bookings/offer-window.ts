// When a waiting-list offer expires: 24 hours after it is made, but never later than 2 hours
// before the first session. Inside those last 2 hours the waiting list is closed and a freed
// place is simply open to book.

export const OFFER_VALIDITY_MS = 24 * 3_600_000;
export const WAITING_LIST_CLOSES_BEFORE_MS = 2 * 3_600_000;

export function waitingListClosesAt(
	firstSessionStart: Date,
	closesBeforeMs = WAITING_LIST_CLOSES_BEFORE_MS
) {
	return new Date(firstSessionStart.getTime() - closesBeforeMs);
}

export function isWaitingListOpen(
	firstSessionStart: Date,
	now: Date,
	closesBeforeMs = WAITING_LIST_CLOSES_BEFORE_MS
) {
	return now.getTime() < waitingListClosesAt(firstSessionStart, closesBeforeMs).getTime();
}

/** When an offer made now must be answered by, or null when offers are no longer made. */
export function offerExpiresAt(
	firstSessionStart: Date,
	now: Date,
	options: { validityMs?: number; closesBeforeMs?: number } = {}
) {
	const closes = waitingListClosesAt(firstSessionStart, options.closesBeforeMs);
	if (now.getTime() >= closes.getTime()) return null;
	return new Date(
		Math.min(now.getTime() + (options.validityMs ?? OFFER_VALIDITY_MS), closes.getTime())
	);
}

const hours = (ms: number) => {
	const n = Math.round(ms / 3_600_000);
	return `${n} ${n === 1 ? 'hour' : 'hours'}`;
};

/** How long an offered place is held, in the words the joining page and emails use. */
export function describeOfferWindow(
	validityMs = OFFER_VALIDITY_MS,
	closesBeforeMs = WAITING_LIST_CLOSES_BEFORE_MS
) {
	return `If a place comes up we will email you, and hold it for you for ${hours(validityMs)} (less if the event starts sooner: offers end ${hours(closesBeforeMs)} before it starts).`;
}
