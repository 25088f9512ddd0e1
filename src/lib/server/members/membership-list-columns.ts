// The columns of a membership list file, found by the names membership systems give them.

export type Column = 'membershipNumber' | 'surname' | 'postcode' | 'joinedOn' | 'subsPaidTo';

export const COLUMN_NAMES: Record<Column, string> = {
	membershipNumber: 'membership number',
	surname: 'surname',
	postcode: 'postcode',
	joinedOn: 'joined on',
	subsPaidTo: 'subs paid to'
};

// Header spellings seen in membership system exports, compared lower-case without spaces or
// punctuation: "Membership No.", "Last name", "Date joined", "Subs paid up to".
const HEADER_SPELLINGS: Record<Column, string[]> = {
	membershipNumber: [
		'membershipnumber',
		'membershipno',
		'membershipnum',
		'membershipid',
		'membership',
		'membernumber',
		'memberno',
		'membernum',
		'memberid',
		'number',
		'no'
	],
	surname: ['surname', 'lastname', 'familyname'],
	postcode: ['postcode', 'postalcode', 'homepostcode', 'zip', 'zipcode'],
	joinedOn: [
		'joinedon',
		'joined',
		'datejoined',
		'joindate',
		'joiningdate',
		'dateofjoining',
		'membersince',
		'startdate'
	],
	subsPaidTo: [
		'subspaidto',
		'subspaiduntil',
		'subspaidupto',
		'subscriptionspaidto',
		'subscriptionpaidto',
		'subscriptionspaiduntil',
		'subscriptionspaidupto',
		'paidto',
		'paiduntil',
		'paidupto',
		'substo'
	]
};

const COLUMNS = Object.keys(COLUMN_NAMES) as Column[];
function headerKey(cell: string) {
	return cell.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A value as the admin typed it, shortened, for a problem message. */
export function quoted(value: string) {
	return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
}

/** Which cell of each line holds which column, from the file's first line. */
export function mapHeader(
	cells: string[]
): { ok: true; columns: Record<Column, number> } | { ok: false; problem: string } {
	const found: Partial<Record<Column, number>> = {};
	for (const [index, cell] of cells.entries()) {
		const key = headerKey(cell);
		const column = COLUMNS.find((c) => HEADER_SPELLINGS[c].includes(key));
		if (!column) continue;
		if (found[column] !== undefined) {
			return {
				ok: false,
				problem: `Line 1: two columns are both ${COLUMN_NAMES[column]} (${quoted(cells[found[column]!])} and ${quoted(cell)}). Remove one of them.`
			};
		}
		found[column] = index;
	}
	const missing = COLUMNS.filter((c) => found[c] === undefined);
	if (missing.length === COLUMNS.length) {
		return {
			ok: false,
			problem: `Line 1: the first line must name the columns: membership number, surname, postcode, joined on, subs paid to. It reads ${quoted(cells.join(', '))}.`
		};
	}
	if (missing.length) {
		return {
			ok: false,
			problem: `Line 1: there is no ${missing.map((c) => COLUMN_NAMES[c]).join(', no ')} column. The first line must name the columns: membership number, surname, postcode, joined on, subs paid to.`
		};
	}
	return { ok: true, columns: found as Record<Column, number> };
}
