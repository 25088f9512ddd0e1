import { fail, redirect } from '@sveltejs/kit';
import { changePassword } from '$lib/server/account/change-password';
import { requestEmailChange } from '$lib/server/account/change-email';
import { accountOverview } from '$lib/server/account/overview';
import { listSignedInDevices } from '$lib/server/auth/signed-in-devices';
import { requireUser } from '$lib/server/kit/guards';
import { rememberVerification } from '$lib/server/kit/verification-cookie';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { checkMembership } from '$lib/server/members/membership-check';

type Errors = Record<string, string | undefined>;
type Values = Record<string, string>;

export const load = async (event) => {
	const { user, session } = requireUser(event);
	const notice = event.url.searchParams;
	return {
		account: await accountOverview(user),
		devices: await listSignedInDevices(user, session.id),
		notices: {
			passwordChanged: notice.has('passwordChanged'),
			emailChanged: notice.has('emailChanged'),
			membershipConfirmed: notice.has('membershipConfirmed')
		}
	};
};

export const actions = {
	checkMembership: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const values: Values = {
			membershipNumber: formText(form, 'membershipNumber'),
			surname: formText(form, 'surname'),
			postcode: formText(form, 'postcode')
		};
		const result = await checkMembership(user.id, {
			membershipNumber: values.membershipNumber,
			surname: values.surname,
			postcode: values.postcode
		});
		if (!result.ok) {
			return fail(result.status, { form: 'membership', values, errors: result.errors as Errors });
		}
		redirect(303, '/account?membershipConfirmed=1');
	},

	changeEmail: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const values: Values = { newEmail: formText(form, 'newEmail') };
		const result = await requestEmailChange(user, {
			newEmail: values.newEmail,
			password: formText(form, 'emailPassword', { trim: false })
		});
		if (!result.ok)
			return fail(result.status, { form: 'email', values, errors: result.errors as Errors });
		rememberVerification(event.cookies, result.verificationId, result.email);
		redirect(303, `/verify-email?redirectTo=${encodeURIComponent('/account?emailChanged=1')}`);
	},

	changePassword: async (event) => {
		const viewer = requireUser(event);
		const form = await readForm(event.request);
		const result = await changePassword(viewer, {
			currentPassword: formText(form, 'currentPassword', { trim: false }),
			newPassword: formText(form, 'newPassword', { trim: false })
		});
		if (!result.ok) {
			return fail(result.status, {
				form: 'password',
				values: {} as Values,
				errors: result.errors as Errors
			});
		}
		redirect(303, '/account?passwordChanged=1');
	}
};
