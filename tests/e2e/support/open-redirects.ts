// Known ways of smuggling another site into a "return to" address, gathered from published
// open-redirect payload lists and browser quirks, plus a random-string generator shaped like
// them. Shared by the unit property test and the end-to-end check.
import fc from 'fast-check';

export const EVIL_HOST = 'evil.example';

export const OPEN_REDIRECT_CORPUS = [
	'//evil.example',
	'//evil.example/',
	'///evil.example',
	'////evil.example',
	'/\\evil.example',
	'/\\/evil.example',
	'\\\\evil.example',
	'\\/evil.example',
	'/\t/evil.example',
	'/\t\\evil.example',
	'/\n/evil.example',
	'/\r\n/evil.example',
	'/%0d%0aLocation:%20https://evil.example',
	'/\r\nLocation: https://evil.example',
	'/ /evil.example',
	'/\u00a0/evil.example',
	'/\u2028/evil.example',
	'/\u3000/evil.example',
	'/\ufeff/evil.example',
	'/\u200b/evil.example',
	'/\x00/evil.example',
	'/\x0b/evil.example',
	'/%2fevil.example',
	'/%2Fevil.example',
	'/%5cevil.example',
	'/%5Cevil.example',
	'/%2f%2fevil.example',
	'/%252f%252fevil.example',
	'/%09/evil.example',
	'/.//evil.example',
	'/..//evil.example',
	'/./..//evil.example',
	'/a/..//evil.example',
	'/%2e%2e//evil.example',
	'/%2e//evil.example',
	'https://evil.example',
	'https:evil.example',
	'http:/evil.example',
	'http:\\\\evil.example',
	'https://evil.example%2f@localhost',
	'//localhost@evil.example',
	'/@evil.example',
	'//evil.example@localhost:3000',
	'//evil%E3%80%82example',
	'//evil。example',
	'//%65vil.example',
	'javascript:alert(1)',
	'/javascript:alert(1)',
	'JaVaScRiPt:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	'//evil.example/%2e%2e',
	'/ //evil.example',
	'/\t//evil.example',
	'/#//evil.example',
	'/?//evil.example',
	'//\tevil.example',
	'/\\\tevil.example',
	'/%00//evil.example',
	'/\u0085/evil.example',
	'/\u180e/evil.example',
	'/account\r\nSet-Cookie: session=stolen',
	'/account%0d%0aSet-Cookie:%20session=stolen',
	'/événements',
	'/account?next=//evil.example',
	'/' + 'a'.repeat(5000),
	'',
	' ',
	'/'
];

const pieces = fc.constantFrom(
	'/',
	'//',
	'\\',
	'\t',
	'\n',
	'\r',
	' ',
	'.',
	'..',
	'%2f',
	'%5c',
	'%09',
	'%0a',
	'@',
	':',
	'?',
	'#',
	'evil.example',
	'https:',
	'javascript:',
	'\u3002',
	'\u2028',
	'\ufeff'
);

/** Random targets: free strings, and strings stitched from the pieces open redirects use. */
export const randomTargets = fc.oneof(
	fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')),
	fc
		.tuple(fc.array(pieces, { maxLength: 4 }), fc.string({ maxLength: 10 }))
		.map(([parts, tail]) => '/' + parts.join('') + tail)
);

/** True when a browser that follows `location` from `origin` stays on `origin`. */
export function staysOnSite(location: string, origin: string) {
	let url: URL;
	try {
		url = new URL(location, origin);
	} catch {
		return false;
	}
	return url.origin === new URL(origin).origin;
}
