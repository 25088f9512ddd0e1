// How details typed by a member are compared with the membership list: case and spacing never
// matter, and the apostrophes phones type (O’Brien) count as the plain one (O'Brien).

function squash(value: string) {
	return value.normalize('NFKC').replace(/\s+/g, '');
}

/** The form a membership number is stored and looked up in: 'b 100201' → 'B100201'. */
export function membershipKey(value: string) {
	return squash(value).toUpperCase();
}

export function surnameKey(value: string) {
	return squash(value)
		.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
		.toLocaleLowerCase('en-GB');
}

export function postcodeKey(value: string) {
	return squash(value).toUpperCase();
}

/** Trims a value for storing and showing, with runs of spaces made one. */
export function tidy(value: string) {
	return value.normalize('NFKC').trim().replace(/\s+/g, ' ');
}
