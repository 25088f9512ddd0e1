// Reading submitted forms defensively: every field arrives as a string (missing, repeated or
// file fields become ''), and nothing longer than a form could sensibly need is let through.

const MAX_FIELD = 20_000;
// Control characters (NUL, bell, escape…) are never typed on purpose, and calendar files,
// spreadsheet cells and email must not carry them. Tabs and line breaks stay.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function formText(form: FormData, name: string, options: { trim?: boolean } = {}) {
	const value = form.get(name);
	if (typeof value !== 'string') return '';
	const bounded = value.slice(0, MAX_FIELD).replace(CONTROL_CHARACTERS, '');
	return options.trim === false ? bounded : bounded.trim();
}

/** The named fields as typed, each read as formText reads one: what a refused form shows again. */
export function formFields<Name extends string>(form: FormData, names: readonly Name[]) {
	return Object.fromEntries(names.map((name) => [name, formText(form, name)])) as Record<
		Name,
		string
	>;
}

/** A record id from a hidden field: a whole number from 1 up, or null for anything else. */
export function formId(form: FormData, name: string) {
	const value = formText(form, name);
	const id = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Every field whose name is `prefix` and a number (such as q-12), with all its values, for
 * questions the page made up as it went. Bounded, as a hostile form may send thousands.
 */
export function formNumberedFields(form: FormData, prefix: string, most = 100) {
	const fields: Record<string, string[]> = {};
	const pattern = new RegExp(`^${prefix}\\d{1,12}$`);
	for (const [name, value] of form) {
		if (typeof value !== 'string' || !pattern.test(name)) continue;
		if (!Object.hasOwn(fields, name)) {
			if (Object.keys(fields).length >= most) continue;
			fields[name] = [];
		}
		if (fields[name].length >= most) continue;
		fields[name].push(value.slice(0, MAX_FIELD).replace(CONTROL_CHARACTERS, ''));
	}
	return fields;
}
