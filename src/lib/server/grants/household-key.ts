// Duplicate-household detection: two applications with the same normalised postcode and first
// address line are one household, however each member typed them.
import { postcodeKey } from '../members/matching-keys.ts';

const ABBREVIATIONS: Record<string, string> = {
	st: 'street',
	rd: 'road',
	ave: 'avenue',
	av: 'avenue',
	ln: 'lane',
	dr: 'drive',
	cl: 'close',
	ct: 'court',
	cres: 'crescent',
	gdns: 'gardens',
	pl: 'place',
	sq: 'square',
	ter: 'terrace',
	terr: 'terrace',
	flt: 'flat',
	apt: 'flat',
	apartment: 'flat'
};

function addressLineKey(line: string) {
	return line
		.normalize('NFKC')
		.toLocaleLowerCase('en-GB')
		.replace(/[^a-z0-9 ]+/g, ' ')
		.split(/\s+/)
		.filter(Boolean)
		.map((word) => ABBREVIATIONS[word] ?? word)
		.join(' ');
}

/** 'B15 2TT' + '12, Acacia Rd.' → 'B152TT|12 acacia road'; null until both are given. */
export function householdKey(postcode: string | undefined, addressLine1: string | undefined) {
	const code = postcodeKey(postcode ?? '');
	const line = addressLineKey(addressLine1 ?? '');
	if (!code || !line) return null;
	return `${code}|${line}`;
}
