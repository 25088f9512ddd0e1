// The branch settings form's rules, shared by /admin/settings and the first-run setup: each
// field's limits and format, with a message naming what to fix.
import { formText } from '../forms.ts';
import { branchSettingKeys, type BranchSettings } from './branch-setting-rows.ts';

export type BranchSettingsErrors = Partial<Record<keyof BranchSettings, string>>;

export type BranchSettingsCheck =
	| { ok: true; values: BranchSettings }
	| { ok: false; values: BranchSettings; errors: BranchSettingsErrors };

const EMAIL = /^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$/;
const PHONE = /^\+?[\d\s().-]+$/;
const ADDRESS_LINES = 8;

function websiteProblem(value: string) {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return "Enter the website's full address, starting https://, like https://www.example.org";
	}
	if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) {
		return "Enter the website's full address, starting https://, like https://www.example.org";
	}
	return undefined;
}

function fieldProblem(key: keyof BranchSettings, value: string): string | undefined {
	if (key === 'name') {
		if (!value) return "Enter the branch's name";
		if (value.length > 100) return "The branch's name must be 100 characters or fewer";
		return undefined;
	}
	if (!value) return undefined;
	switch (key) {
		case 'address':
			if (value.length > 400 || value.split('\n').length > ADDRESS_LINES) {
				return `The address must be ${ADDRESS_LINES} lines or fewer and 400 characters or fewer`;
			}
			return undefined;
		case 'phone': {
			const digits = value.replace(/\D/g, '').length;
			if (!PHONE.test(value) || digits < 6 || digits > 15) {
				return 'Enter a phone number, like 0121 496 0000 or +44 121 496 0000';
			}
			return undefined;
		}
		case 'email':
			if (!EMAIL.test(value) || value.length > 254) {
				return 'Enter an email address in the correct format, like office@example.org';
			}
			return undefined;
		case 'website':
			return value.length > 200
				? 'The website address must be 200 characters or fewer'
				: websiteProblem(value);
		default:
			return value.length > 200 ? 'This must be 200 characters or fewer' : undefined;
	}
}

/** Reads and checks every setting from a submitted form; the values come back as typed. */
export function checkBranchSettings(form: FormData): BranchSettingsCheck {
	const values = Object.fromEntries(
		branchSettingKeys.map((key) => {
			const text = formText(form, key);
			// One line per field, except the address, whose lines are kept without blank ones.
			const cleaned =
				key === 'address'
					? text
							.split(/\r?\n/)
							.map((line) => line.trim())
							.filter(Boolean)
							.join('\n')
					: text.replace(/\s+/g, ' ');
			return [key, cleaned];
		})
	) as BranchSettings;
	const errors: BranchSettingsErrors = {};
	for (const key of branchSettingKeys) {
		const problem = fieldProblem(key, values[key]);
		if (problem) errors[key] = problem;
	}
	return Object.keys(errors).length ? { ok: false, values, errors } : { ok: true, values };
}

/** What a branch must fill in before its pages, letters and emails are complete. */
export const essentialBranchSettings = [
	'name',
	'address',
	'phone',
	'email',
	'dataProtectionContact',
	'signatoryName',
	'signatoryRole',
	'welfareContact'
] as const satisfies readonly (keyof BranchSettings)[];

export const branchSettingLabels: Record<keyof BranchSettings, string> = {
	name: 'Branch name',
	address: 'Branch office postal address',
	phone: 'Office phone',
	email: 'Office email',
	openingHours: 'Opening hours',
	website: 'Website',
	dataProtectionContact: 'Data protection contact',
	signatoryName: 'Name of the person who signs letters and certificates',
	signatoryRole: 'Their role',
	welfareContact: 'Welfare contact for the winter fuel grant'
};

export function missingBranchSettings(settings: BranchSettings) {
	return essentialBranchSettings.filter((key) => !settings[key].trim());
}
