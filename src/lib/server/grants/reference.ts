// Application references people can read aloud on the phone: no 0/O or 1/I to confuse.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newGrantReference() {
	let code = '';
	for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
	return `WFG-${code}`;
}
