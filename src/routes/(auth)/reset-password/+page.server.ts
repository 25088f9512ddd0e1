import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db, table } from '$lib/server/db';
import { checkPasswordResetToken, resetPassword } from '$lib/server/auth/password-reset';
import { startSession } from '$lib/server/kit/sign-in';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

const LINK_PROBLEMS = {
	invalid:
		'This link is not right. Check you copied the whole link from the email, or ask for a new one.',
	used: 'This link has already been used. If you still need to change your password, ask for a new link.',
	expired: 'This link has expired: links work for one hour. Ask for a new one.'
};

export const load = async ({ url, setHeaders }) => {
	// The token is in the address: never send it on to another site as a referrer.
	setHeaders({ 'referrer-policy': 'no-referrer' });
	const token = url.searchParams.get('token') ?? '';
	const state = await checkPasswordResetToken(token);
	return { token, linkProblem: state.ok ? null : LINK_PROBLEMS[state.reason] };
};

export const actions = {
	default: async ({ request, cookies }) => {
		const form = await readForm(request);
		const token = formText(form, 'token');
		const result = await resetPassword(token, formText(form, 'password', { trim: false }));
		if (!result.ok) {
			const errors: Record<string, string | undefined> = { password: result.passwordError };
			if (result.linkProblem) {
				return fail(400, {
					linkProblem: LINK_PROBLEMS[result.linkProblem.reason],
					errors: {} as typeof errors
				});
			}
			return fail(400, { linkProblem: null, errors });
		}
		const [user] = await db.select().from(table.users).where(eq(table.users.id, result.userId));
		await startSession(cookies, user, request);
		redirect(303, '/account?passwordChanged=1');
	}
};
