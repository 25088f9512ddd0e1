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
