// The branch settings form's rules, shared by /admin/settings and the first-run setup: each
// field's limits and format, with a message naming what to fix, in one Valibot schema.
import * as v from 'valibot';
import { checkForm, requiredText } from '../form-schema.ts';
import { formText } from '../forms.ts';
import { branchSettingKeys, type BranchSettings } from './branch-setting-rows.ts';

export type BranchSettingsErrors = Partial<Record<keyof BranchSettings, string>>;

export type BranchSettingsCheck =
	| { ok: true; values: BranchSettings }
	| { ok: false; values: BranchSettings; errors: BranchSettingsErrors };

const EMAIL = /^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$/;
const PHONE = /^\+?[\d\s().-]+$/;
const ADDRESS_LINES = 8;

function isWebsite(value: string) {
	try {
		const url = new URL(value);
		return ['http:', 'https:'].includes(url.protocol) && url.hostname.includes('.');
	} catch {
		return false;
	}
}

function isPhone(value: string) {
	const digits = value.replace(/\D/g, '').length;
	return PHONE.test(value) && digits >= 6 && digits <= 15;
}

/** Every setting but the name may be left blank; what is typed must pass `requirement`. */
const blankOr = (requirement: (value: string) => boolean, message: string) =>
	v.pipe(
		v.string(),
		v.check((value) => !value || requirement(value), message)
	);

const upTo200 = (message = 'This must be 200 characters or fewer') =>
	v.pipe(v.string(), v.maxLength(200, message));

const SETTINGS = v.object({
	name: requiredText(
		"Enter the branch's name",
		100,
		"The branch's name must be 100 characters or fewer"
	),
	address: blankOr(
		(address) => address.length <= 400 && address.split('\n').length <= ADDRESS_LINES,
		`The address must be ${ADDRESS_LINES} lines or fewer and 400 characters or fewer`
	),
	phone: blankOr(isPhone, 'Enter a phone number, like 0121 496 0000 or +44 121 496 0000'),
	email: blankOr(
		(email) => EMAIL.test(email) && email.length <= 254,
		'Enter an email address in the correct format, like office@example.org'
	),
	openingHours: upTo200(),
	website: v.pipe(
		upTo200('The website address must be 200 characters or fewer'),
		blankOr(
			isWebsite,
			"Enter the website's full address, starting https://, like https://www.example.org"
		)
	),
	dataProtectionContact: upTo200(),
	signatoryName: upTo200(),
	signatoryRole: upTo200(),
	welfareContact: upTo200()
} satisfies Record<keyof BranchSettings, v.GenericSchema<string>>);

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
	const checked = checkForm(SETTINGS, values);
	return checked.ok ? { ok: true, values } : { ok: false, values, errors: checked.errors };
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
