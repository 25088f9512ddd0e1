/** A round's cool-down as people read it: "6 months", "1 month". */
export function coolDownPeriod(months: number) {
	return months === 1 ? '1 month' : `${months} months`;
}
