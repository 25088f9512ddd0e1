// Reading the branch membership list from an uploaded CSV file. Pure: bytes in, either every
// row ready to store or every problem by line number, so an admin fixes the file in one go and
// nothing half-imports.
import { parse } from 'csv-parse/sync';
import { isRealDate } from '../../plain-date.ts';
import { membershipKey, postcodeKey, tidy } from './matching-keys.ts';
import { COLUMN_NAMES, mapHeader, quoted, type Column } from './membership-list-columns.ts';

/**
 * The largest file the import accepts: a 50,000-member list is about 3 MB, so this leaves room
 * for extra columns and a much bigger branch. The server's BODY_SIZE_LIMIT must be above it.
 */
export const MEMBERSHIP_LIST_FILE_MAX_BYTES = 10 * 1024 * 1024;

export type MembershipListRow = {
	membershipNumber: string;
	surname: string;
	postcode: string;
	/** YYYY-MM-DD */
	joinedOn: string;
	/** YYYY-MM-DD */
	subsPaidTo: string;
	line: number;
};

export type MembershipListParse =
	{ ok: true; rows: MembershipListRow[] } | { ok: false; problems: string[] };

const MEMBERSHIP_NUMBER = /^[A-Z0-9][A-Z0-9/-]{0,19}$/;
const UK_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}|GIR0AA|BFPO\d{1,4})$/;
const SURNAME_MAX = 100;

/** Text of the uploaded file: UTF-8, or the Windows-1252 that Excel's plain "CSV" saves. */
export function decodeMembershipListFile(
	bytes: Uint8Array
): { ok: true; text: string } | { ok: false; problem: string } {
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
		return {
			ok: false,
			problem:
				'This is an Excel workbook, not a CSV file. In Excel choose File, Save As, "CSV UTF-8", then upload that file.'
		};
	}
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
	}
}

/** 'YYYY-MM-DD' or 'DD/MM/YYYY' (a midnight time that spreadsheets add is ignored). */
export function parseMembershipListDate(
	raw: string
): { ok: true; date: string } | { ok: false; why: string } {
	const value = raw.replace(/[ T]00:00(:00)?$/, '');
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
	const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
	if (!iso && !british) return { ok: false, why: 'is not a date like 2020-01-31 or 31/01/2020' };
	const [year, month, day] = iso
		? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
		: [Number(british![3]), Number(british![2]), Number(british![1])];
	if (!isRealDate(year, month, day)) return { ok: false, why: 'is not a real date' };
	if (year < 1900 || year > 2200) return { ok: false, why: 'is not a date between 1900 and 2200' };
	const two = (n: number) => String(n).padStart(2, '0');
	return { ok: true, date: `${year}-${two(month)}-${two(day)}` };
}

function detectDelimiter(text: string) {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
	return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readRecords(
	text: string
): { ok: true; records: { cells: string[]; line: number }[] } | { ok: false; problem: string } {
	try {
		const parsed = parse(text, {
			bom: true,
			delimiter: detectDelimiter(text),
			info: true,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			trim: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
		return {
			ok: true,
			records: parsed
				.filter(({ record }) => record.some((cell) => cell !== ''))
				.map(({ record, info }) => ({
					cells: record,
					// csv-parse counts to a record's last line; a quoted value may span several.
					line: info.lines - record.join('').split('\n').length + 1
				}))
		};
	} catch (error) {
		const { code, lines } = error as { code?: string; lines?: number };
		const where = lines ? `Line ${lines}: ` : '';
		if (code === 'CSV_QUOTE_NOT_CLOSED') {
			return {
				ok: false,
				problem: `${where}a value that opens with a quote mark (") is never closed. Check the quote marks on this line and the lines before it.`
			};
		}
		if (
			code === 'CSV_INVALID_CLOSING_QUOTE' ||
			code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'
		) {
			return {
				ok: false,
				problem: `${where}a value in quote marks has more text after its closing quote mark.`
			};
		}
		return { ok: false, problem: `${where}the file cannot be read as CSV.` };
	}
}

/**
 * Every row of the file, checked. `today` (YYYY-MM-DD, London) catches joining dates in the
 * future, which are always a typing or export mistake.
 */
export function parseMembershipListCsv(text: string, today: string): MembershipListParse {
	const read = readRecords(text);
	if (!read.ok) return { ok: false, problems: [read.problem] };
	const [header, ...records] = read.records;
	if (!header) return { ok: false, problems: ['The file is empty.'] };
	const mapped = mapHeader(header.cells);
	if (!mapped.ok) return { ok: false, problems: [mapped.problem] };
	if (records.length === 0) {
		return { ok: false, problems: ['The file has a header line but no members in it.'] };
	}

	const problems: string[] = [];
	const rows: MembershipListRow[] = [];
	const firstSeenOn = new Map<string, number>();
	for (const { cells, line } of records) {
		const cell = (column: Column) => tidy(cells[mapped.columns[column]] ?? '');
		const checked = checkListRow(cell, line, firstSeenOn, today);
		if (checked.row) rows.push(checked.row);
		else problems.push(...checked.problems);
	}
	return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** One line of the file: its member, or every problem with it, each naming the line. */
function checkListRow(
	cell: (column: Column) => string,
	line: number,
	firstSeenOn: Map<string, number>,
	today: string
): { row: MembershipListRow; problems?: never } | { row?: never; problems: string[] } {
	const problems: string[] = [];
	const say = (text: string) => problems.push(`Line ${line}: ${text}`);

	const rawNumber = cell('membershipNumber');
	const membershipNumber = membershipKey(rawNumber);
	if (!membershipNumber) say('membership number is missing');
	else if (!MEMBERSHIP_NUMBER.test(membershipNumber)) {
		say(`membership number ${quoted(rawNumber)} must be up to 20 letters and numbers`);
	} else if (firstSeenOn.has(membershipNumber)) {
		say(
			`membership number ${membershipNumber} is also on line ${firstSeenOn.get(membershipNumber)}`
		);
	} else firstSeenOn.set(membershipNumber, line);

	const surname = cell('surname');
	if (!surname) say('surname is missing');
	else if (surname.length > SURNAME_MAX) say(`surname is longer than ${SURNAME_MAX} characters`);

	const postcode = cell('postcode');
	if (!postcode) say('postcode is missing');
	else if (!UK_POSTCODE.test(postcodeKey(postcode))) {
		say(`postcode ${quoted(postcode)} is not a UK postcode`);
	}

	const dates: Partial<Record<'joinedOn' | 'subsPaidTo', string>> = {};
	for (const column of ['joinedOn', 'subsPaidTo'] as const) {
		const raw = cell(column);
		if (!raw) {
			say(`${COLUMN_NAMES[column]} is missing`);
			continue;
		}
		const date = parseMembershipListDate(raw);
		if (!date.ok) say(`${COLUMN_NAMES[column]} ${quoted(raw)} ${date.why}`);
		else dates[column] = date.date;
	}
	if (dates.joinedOn && dates.joinedOn > today) {
		say(`joined on ${quoted(cell('joinedOn'))} is in the future`);
	}
	if (problems.length) return { problems };
	const { joinedOn, subsPaidTo } = dates as Record<'joinedOn' | 'subsPaidTo', string>;
	return { row: { membershipNumber, surname, postcode, joinedOn, subsPaidTo, line } };
}
