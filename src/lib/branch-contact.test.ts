import { describe, expect, it } from 'vitest';
import { branchOfficeText, linkContactDetails, telHref } from './branch-contact.ts';

describe('branch contact details in messages', () => {
	it('names the office with whatever ways to reach it the branch has set', () => {
		expect(branchOfficeText({ phone: '', email: '' })).toBe('the branch office');
		expect(branchOfficeText({ phone: '0121 496 0000', email: 'office@branch.example' })).toBe(
			'the branch office (phone 0121 496 0000 or email office@branch.example)'
		);
	});

	it('links phone numbers and email addresses, and nothing else', () => {
		const message =
			'Subs paid up to 31 December 2026. Contact the branch office (phone +44 121 496 0000 or email office@branch.example), reference WFG-12345678.';
		expect(linkContactDetails(message)).toEqual([
			{ text: 'Subs paid up to 31 December 2026. Contact the branch office (phone ' },
			{ text: '+44 121 496 0000', href: 'tel:+441214960000' },
			{ text: ' or email ' },
			{ text: 'office@branch.example', href: 'mailto:office@branch.example' },
			{ text: '), reference WFG-12345678.' }
		]);
		expect(linkContactDetails('Ana Silva, 0113 496 0124')[1]).toEqual({
			text: '0113 496 0124',
			href: telHref('0113 496 0124')
		});
	});
});
