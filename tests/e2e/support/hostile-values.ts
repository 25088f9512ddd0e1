// Random and hostile form values for property-based tests: empty and megabyte strings, unicode
// that breaks naive code (right-to-left overrides, emoji sequences, NUL, lone surrogates), SQL
// and HTML fragments, numbers that are not numbers, names of Object's own properties, files
// where text belongs, and bytes that are not UTF-8 at all.
import fc from 'fast-check';
import type { Encoding, FieldValue, FormPart } from './form-body.ts';

const MEGABYTE = 1024 * 1024;

export const HOSTILE_STRINGS = [
	'',
	' ',
	'\t\r\n',
	'<script>window.__x=1</script>',
	'<img src=x onerror="window.__x=1">',
	'"><svg onload=alert(1)>',
	"javascript:alert('x')",
	"' OR '1'='1",
	"'; DROP TABLE users; --",
	'1 UNION SELECT password_hash FROM users',
	"Robert'); DELETE FROM bookings; --",
	'\u0000',
	'a\u0000b',
	'\u202Eevil\u202C',
	'مرحبا بالعالم',
	'שלום',
	'👩‍👩‍👧‍👦🏴󠁧󠁢󠁳󠁣󠁴󠁿',
	'Z̷̢̛a̸l̵g̶o̷',
	'\uFEFF',
	'\uD800',
	'\uDFFFtail',
	'line one\r\nBcc: victim@example.org',
	'../../etc/passwd',
	'%00',
	'%',
	'${7*7}{{7*7}}',
	'-1',
	'0',
	'-0',
	'1e309',
	'NaN',
	'Infinity',
	'0x10',
	'1.5',
	'9007199254740993',
	'99999999999999999999999',
	'[]',
	'{}',
	'null',
	'undefined',
	'true',
	'=HYPERLINK("http://example.com","x")',
	'+1+1',
	'@SUM(1)',
	'\tinjected'
];

/** A few big values, built once: one megabyte of ASCII, of two-byte letters and of markup. */
const BIG_STRINGS = ['x'.repeat(MEGABYTE), 'é'.repeat(MEGABYTE / 2), '<b>'.repeat(MEGABYTE / 3)];

/** Bytes a browser would never send: UTF-8 of a surrogate, an overlong NUL, a stray 0xFF. */
const INVALID_UTF8 = [[0xed, 0xa0, 0x80], [0xc0, 0x80], [0xff], [0x61, 0xe2, 0x82]];

/** Names every object has: `name in LIST` is true for them, and `LIST[name]` is a function. */
export const OBJECT_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
	{ weight: 3, arbitrary: fc.constantFrom(...OBJECT_KEYS) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 3000 }) }
);

const text = (t: string): FieldValue => ({ kind: 'text', text: t });

const SMALL_PDF = new TextEncoder().encode('%PDF-1.7\n% evidence\n%%EOF\n');

/** Files, right and wrong, with names that try to climb out of a folder or break a header. */
export const hostileFile: fc.Arbitrary<FieldValue> = fc
	.record({
		filename: fc.oneof(
			fc.constantFrom(
				'payslip.pdf',
				'../../etc/passwd.pdf',
				'..\\..\\boot.ini.png',
				'a\u0000b.pdf',
				'line\r\nbreak.pdf',
				'"quoted";.pdf',
				`${'long'.repeat(200)}.pdf`,
				'',
				'تقرير.pdf'
			),
			fc.string({ unit: 'grapheme', maxLength: 30 })
		),
		type: fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/x-msdownload'),
		bytes: fc.oneof(
			fc.constant(SMALL_PDF),
			fc.constant(new Uint8Array()),
			fc.constant(new TextEncoder().encode('MZ\u0090 not really a program')),
			fc.uint8Array({ maxLength: 64 })
		)
	})
	.map((f) => ({ kind: 'file', ...f }));

/** A value once in `every` runs, otherwise null. */
const sometimes = <T>(value: fc.Arbitrary<T>, every: number) =>
	fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });

/** A value of the wrong kind for any field: hostile text, bytes that are not UTF-8, a file. */
export const wrongValue: fc.Arbitrary<FieldValue> = fc.oneof(
	{ weight: 6, arbitrary: hostileText.map(text) },
	{
		weight: 1,
		arbitrary: fc.constantFrom(...INVALID_UTF8).map((b) => ({ kind: 'bytes', bytes: b }) as const)
	},
	{ weight: 1, arbitrary: hostileFile }
);

export type HostileForm = { parts: FormPart[]; encoding: Encoding };

/**
 * A submission of a form with these fields: what a person might type, with a field or a few
 * spoiled, one sometimes missing, some sent twice, a few made-up names, and at most one field a
 * megabyte long (a few megabytes stay under the server's body limit). Mostly plausible values
 * get past the first check, so the spoiled one reaches the rules behind it.
 */
export function hostileForm(
	fields: string[],
	plausibleFor: (field: string) => fc.Arbitrary<string>
): fc.Arbitrary<HostileForm> {
	const names = fields.length ? fields : ['field'];
	const anyValue = (name: string) => fc.oneof(plausibleFor(name).map(text), wrongValue);
	return fc
		.record({
			values: fc.tuple(...names.map((name) => plausibleFor(name).map(text))),
			spoiled: fc.oneof(
				{ weight: 1, arbitrary: fc.constant([]) },
				{
					weight: 4,
					arbitrary: fc.array(fc.tuple(fc.nat(), wrongValue), { minLength: 1, maxLength: 1 })
				},
				{
					weight: 1,
					arbitrary: fc.array(fc.tuple(fc.nat(), wrongValue), { minLength: 2, maxLength: 3 })
				}
			),
			missing: sometimes(fc.nat(), 4),
			repeated: fc.array(
				fc.constantFrom(...names).chain((name) => anyValue(name).map((value) => ({ name, value }))),
				{ maxLength: 2 }
			),
			madeUp: fc.array(
				fc.record({
					name: fc.oneof(fc.constantFrom(...OBJECT_KEYS, '', 'a[b]'), hostileText),
					value: anyValue('')
				}),
				{ maxLength: 2 }
			),
			big: sometimes(fc.nat(), 10),
			encoding: fc.oneof(
				{ weight: 7, arbitrary: fc.constantFrom<Encoding>('urlencoded', 'multipart') },
				{ weight: 1, arbitrary: fc.constant<Encoding>('cut-multipart') }
			)
		})
		.map(({ values, spoiled, missing, repeated, madeUp, big, encoding }): HostileForm => {
			const parts: FormPart[] = names.map((name, i) => ({ name, value: values[i] }));
			for (const [at, value] of spoiled) parts[at % parts.length].value = value;
			if (big !== null)
				parts[big % parts.length].value = text(BIG_STRINGS[big % BIG_STRINGS.length]);
			const kept = parts.filter((_, i) => missing === null || missing % parts.length !== i);
			return { parts: [...kept, ...repeated, ...madeUp], encoding };
		});
}

/** How a run's form reads in a failure message, without printing a megabyte. */
export function describeForm(form: HostileForm) {
	const show = (v: FieldValue) =>
		v.kind === 'text'
			? JSON.stringify(
					v.text.length > 80 ? `${v.text.slice(0, 80)}… (${v.text.length} chars)` : v.text
				)
			: v.kind === 'bytes'
				? `bytes ${v.bytes.map((b) => b.toString(16)).join(' ')}`
				: `file ${JSON.stringify(v.filename)} (${v.type}, ${v.bytes.length} bytes)`;
	return `${form.encoding}: ${form.parts.map((p) => `${JSON.stringify(p.name)}=${show(p.value)}`).join(', ')}`;
}
