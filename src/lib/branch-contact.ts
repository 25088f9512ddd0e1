// How the branch office's details are written on pages, letters and emails: shared by the
// components and the email layout so a phone number links the same way everywhere.

export type BranchContactDetails = { phone: string; email: string };

/** A tel: link: digits and a leading +, since spaces and brackets are for people only. */
export function telHref(phone: string) {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function mailtoHref(email: string) {
	return `mailto:${email}`;
}

/** The address as lines, without blank ones. */
export function addressLines(address: string) {
	return address
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}

/** The address on one line, for a footer or a sentence. */
export function addressOneLine(address: string) {
	return addressLines(address).join(', ');
}

/**
 * "the branch office", with the office phone and email when the branch has set them: for
 * messages written as plain text (form errors, emails), where pages link them afterwards.
 */
export function branchOfficeText(branch: BranchContactDetails) {
	const ways = [branch.phone && `phone ${branch.phone}`, branch.email && `email ${branch.email}`];
	const given = ways.filter(Boolean);
	return given.length ? `the branch office (${given.join(' or ')})` : 'the branch office';
}

export type TextPiece = { text: string; href?: string };

// A UK phone number as people write it (0121 496 0000, +44 121 496 0000) and an email address.
const PHONE_OR_EMAIL =
	/(\+44[\d ]{9,13}\d|\b0\d[\d ]{8,12}\d\b|[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[a-z]{2,})/gi;

/** Splits a message so the phone numbers and email addresses in it can be links. */
export function linkContactDetails(message: string): TextPiece[] {
	return message
		.split(PHONE_OR_EMAIL)
		.map((part, i) => {
			// split() puts what the pattern captured at the odd positions.
			if (i % 2 === 0) return { text: part };
			return { text: part, href: part.includes('@') ? mailtoHref(part) : telHref(part) };
		})
		.filter((piece) => piece.text);
}
