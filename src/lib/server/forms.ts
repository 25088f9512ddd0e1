// Reading submitted forms defensively: every field arrives as a string (missing, repeated or
// file fields become ''), and nothing longer than a form could sensibly need is let through.
const MAX_FIELD = 20_000;

export function formText(form: FormData, name: string, options: { trim?: boolean } = {}) {
	const value = form.get(name);
	if (typeof value !== 'string') return '';
	const bounded = value.slice(0, MAX_FIELD);
	return options.trim === false ? bounded : bounded.trim();
}
