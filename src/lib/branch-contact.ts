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

/** Splits a message so the office phone number and email address in it can be links. */
export function linkOfficeContact(message: string, branch: BranchContactDetails): TextPiece[] {
	const targets = [
		branch.phone && { text: branch.phone, href: telHref(branch.phone) },
		branch.email && { text: branch.email, href: mailtoHref(branch.email) }
	].filter((t): t is { text: string; href: string } => Boolean(t));
	let pieces: TextPiece[] = [{ text: message }];
	for (const target of targets) {
		pieces = pieces.flatMap((piece) => {
			if (piece.href) return [piece];
			const parts = piece.text.split(target.text);
			return parts.flatMap((part, i) => (i === 0 ? [{ text: part }] : [target, { text: part }]));
		});
	}
	return pieces.filter((piece) => piece.text);
}
