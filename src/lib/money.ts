// Money as members read it: £15,000, £100.50. Amounts are stored as whole pence.
export function formatPounds(pence: number) {
	return `£${(pence / 100).toLocaleString('en-GB', {
		minimumFractionDigits: pence % 100 === 0 ? 0 : 2,
		maximumFractionDigits: 2
	})}`;
}

/** "£1,500.50", "1 500", "1500" → pence; null when it is not an amount of money. */
export function parsePounds(value: string) {
	const cleaned = value.replace(/[£,\s]/g, '');
	if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
	return Math.round(Number(cleaned) * 100);
}

/** Always with pence, as on a statement: £1,450.00. */
export function formatPoundsAndPence(pence: number) {
	return `£${(pence / 100).toLocaleString('en-GB', {
		minimumFractionDigits: 2,
		maximumFractionDigits: 2
	})}`;
}
