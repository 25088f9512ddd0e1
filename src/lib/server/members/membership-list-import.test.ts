import { describe, expect, it } from 'vitest';
import {
	decodeMembershipListFile,
	parseMembershipListCsv,
	parseMembershipListDate,
	type MembershipListParse
} from './membership-list-import.ts';
import { formatFileSize } from './membership-list-upload.ts';

const today = '2026-11-22';
const HEADER = 'Membership number,Surname,Postcode,Joined on,Subs paid to';

function problems(result: MembershipListParse) {
	return result.ok ? [] : result.problems;
}

describe('reading the membership list CSV', () => {
	it('reads every member, with dates in either accepted form and numbers in one canonical form', () => {
		const result = parseMembershipListCsv(
			[
				HEADER,
				'b 100201, Okafor ,b15  2tt,2015-03-01,31/12/2026',
				'B100202,Hughes,B2 5AL,1/9/2020,2026-11-30'
			].join('\n'),
			today
		);
		expect(result).toEqual({
			ok: true,
			rows: [
				{
					membershipNumber: 'B100201',
					surname: 'Okafor',
					postcode: 'b15 2tt',
					joinedOn: '2015-03-01',
					subsPaidTo: '2026-12-31',
					line: 2
				},
				{
					membershipNumber: 'B100202',
					surname: 'Hughes',
					postcode: 'B2 5AL',
					joinedOn: '2020-09-01',
					subsPaidTo: '2026-11-30',
					line: 3
				}
			]
		});
	});

	it('accepts the header spellings membership systems export, in any order, ignoring other columns', () => {
		const result = parseMembershipListCsv(
			[
				'First name,Last Name,Membership No.,Date joined,Post code,Subs paid up to,Email',
				"Amara,O'Brien,B1,2019-01-01,B1 1AA,2026-12-01,amara@example.org"
			].join('\r\n'),
			today
		);
		expect(result.ok && result.rows[0]).toMatchObject({
			membershipNumber: 'B1',
			surname: "O'Brien",
			postcode: 'B1 1AA',
			joinedOn: '2019-01-01',
			subsPaidTo: '2026-12-01'
		});
	});

	it('reads semicolon-separated files, a byte order mark, blank lines and quoted values', () => {
		const result = parseMembershipListCsv(
			'\ufeffMember number;Surname;Postcode;Joined;Paid to\n\nB7;"Smith; Jones";B9 4AA;2020-01-01;2026-12-01\n;;;;\n',
			today
		);
		expect(result.ok && result.rows).toEqual([
			expect.objectContaining({ membershipNumber: 'B7', surname: 'Smith; Jones', line: 3 })
		]);
	});

	it('reports every bad row by line number with what is wrong, and returns no rows at all', () => {
		const result = parseMembershipListCsv(
			[
				HEADER,
				'B1,Okafor,B15 2TT,2015-03-01,2026-12-31',
				',Hughes,B2 5AL,2020-01-01,2026-12-31',
				'B3,,B2 5AL,31/02/2020,2026-12-31',
				'B4,Begum,NOT A CODE,2020-01-01,next year',
				'B1,Doyle,B2 5AL,2030-01-01,2026-12-31',
				'B6,Price'
			].join('\n'),
			today
		);
		expect(problems(result)).toEqual([
			'Line 3: membership number is missing',
			'Line 4: surname is missing',
			"Line 4: joined on '31/02/2020' is not a real date",
			"Line 5: postcode 'NOT A CODE' is not a UK postcode",
			"Line 5: subs paid to 'next year' is not a date like 2020-01-31 or 31/01/2020",
			'Line 6: membership number B1 is also on line 2',
			"Line 6: joined on '2030-01-01' is in the future",
			'Line 7: postcode is missing',
			'Line 7: joined on is missing',
			'Line 7: subs paid to is missing'
		]);
	});

	it('counts lines the way a spreadsheet shows them when a quoted value spans lines', () => {
		const result = parseMembershipListCsv(
			[
				HEADER,
				'B1,"Okafor\nSmith",B15 2TT,2015-03-01,2026-12-31',
				'B2,Hughes,B2 5AL,2020-13-01,2026-12-31'
			].join('\n'),
			today
		);
		expect(problems(result)).toEqual(["Line 4: joined on '2020-13-01' is not a real date"]);
	});

	it('explains a missing or unrecognised header line', () => {
		expect(
			problems(parseMembershipListCsv('B1,Okafor,B15 2TT,2015-03-01,2026-12-31\n', today))[0]
		).toMatch(
			/^Line 1: the first line must name the columns: membership number, surname, postcode, joined on, subs paid to\. It reads 'B1, Okafor/
		);
		expect(
			problems(parseMembershipListCsv('Number,Surname,Postcode\nB1,Okafor,B1 1AA\n', today))
		).toEqual([
			'Line 1: there is no joined on, no subs paid to column. The first line must name the columns: membership number, surname, postcode, joined on, subs paid to.'
		]);
		expect(
			problems(
				parseMembershipListCsv('Surname,Last name,Number,Postcode,Joined,Paid to\n', today)
			)[0]
		).toMatch(/^Line 1: two columns are both surname/);
	});

	it('says so when the file is empty or has no members', () => {
		expect(problems(parseMembershipListCsv('', today))).toEqual(['The file is empty.']);
		expect(problems(parseMembershipListCsv(`${HEADER}\n`, today))).toEqual([
			'The file has a header line but no members in it.'
		]);
	});

	it('points at the line of a broken quote mark', () => {
		expect(
			problems(
				parseMembershipListCsv(`${HEADER}\nB1,"Okafor,B15 2TT,2015-03-01,2026-12-31\n`, today)
			)[0]
		).toMatch(/^Line \d: a value that opens with a quote mark \("\) is never closed/);
		expect(
			problems(
				parseMembershipListCsv(`${HEADER}\nB1,"Okafor"x,B15 2TT,2015-03-01,2026-12-31\n`, today)
			)
		).toEqual(['Line 2: a value in quote marks has more text after its closing quote mark.']);
	});

	it('refuses membership numbers that cannot be real and surnames too long to be', () => {
		const result = parseMembershipListCsv(
			[
				HEADER,
				`B1!,Okafor,B15 2TT,2015-03-01,2026-12-31`,
				`B2,${'x'.repeat(101)},B15 2TT,2015-03-01,2026-12-31`
			].join('\n'),
			today
		);
		expect(problems(result)).toEqual([
			"Line 2: membership number 'B1!' must be up to 20 letters and numbers",
			'Line 3: surname is longer than 100 characters'
		]);
	});

	it('reads 50,000 members quickly', () => {
		const lines = [HEADER];
		for (let i = 0; i < 50_000; i++)
			lines.push(`B${200000 + i},Surname${i},B15 2TT,2015-03-01,2026-12-31`);
		const started = performance.now();
		const result = parseMembershipListCsv(lines.join('\n'), today);
		expect(result.ok && result.rows).toHaveLength(50_000);
		expect(performance.now() - started).toBeLessThan(5000);
	});
});

describe('register dates', () => {
	it('accepts ISO and British dates, and the midnight time spreadsheets add', () => {
		expect(parseMembershipListDate('2020-02-29')).toEqual({ ok: true, date: '2020-02-29' });
		expect(parseMembershipListDate('29/02/2020')).toEqual({ ok: true, date: '2020-02-29' });
		expect(parseMembershipListDate('5/1/2021 00:00')).toEqual({ ok: true, date: '2021-01-05' });
		expect(parseMembershipListDate('2021-01-05T00:00:00')).toEqual({
			ok: true,
			date: '2021-01-05'
		});
	});

	it('refuses dates that do not exist or are in another form', () => {
		expect(parseMembershipListDate('29/02/2021')).toEqual({ ok: false, why: 'is not a real date' });
		expect(parseMembershipListDate('01/01/0020')).toMatchObject({ ok: false });
		expect(parseMembershipListDate('Jan 5 2021')).toMatchObject({ ok: false });
		expect(parseMembershipListDate('01/05/21')).toMatchObject({ ok: false });
	});
});

describe('the uploaded file', () => {
	it('is read as UTF-8, or as Excel’s Windows-1252 when it is not UTF-8', () => {
		expect(decodeMembershipListFile(new TextEncoder().encode('Fernández'))).toEqual({
			ok: true,
			text: 'Fernández'
		});
		expect(decodeMembershipListFile(new Uint8Array([0x46, 0x65, 0x72, 0x6e, 0xe1, 0x6e]))).toEqual({
			ok: true,
			text: 'Fernán'
		});
	});

	it('is recognised as an Excel workbook when someone uploads one by mistake', () => {
		const result = decodeMembershipListFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problem).toMatch(/Excel workbook, not a CSV file/);
	});

	it('sizes are said the way people read them', () => {
		expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
		expect(formatFileSize(2.45 * 1024 * 1024)).toBe('2.5 MB');
		expect(formatFileSize(600 * 1024)).toBe('600 KB');
	});
});
