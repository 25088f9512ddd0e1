// Money as members read it: £15,000, £100.50. Amounts are stored as whole pence.
export function formatPounds(pence: number) {
	return `£${(pence / 100).toLocaleString('en-GB', {
		minimumFractionDigits: pence % 100 === 0 ? 0 : 2,
		maximumFractionDigits: 2
	})}`;
}
