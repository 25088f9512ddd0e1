import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { updateRound } from '$lib/server/grants/round-editor';
import { readRoundForm, roundFormValues, validateRoundForm } from '$lib/server/grants/round-form';
import { findRound, grantBudget } from '$lib/server/grants/rounds';
import { readForm } from '$lib/server/kit/read-form';
import { formText } from '$lib/server/forms';
import { chooseDrawnOrder, drawRoundNow, findRoundDraw } from '$lib/server/grants/drawn-order';
import { drawCheckPath } from '$lib/server/grants/draw-emails';
import { config } from '$lib/server/config';
import type { RequestEvent } from './$types';

async function roundFor(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user } = requireRole(event, 'welfare');
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : null;
	const round = id === null ? null : await findRound(id);
	if (!round) error(404, 'No grant round with that number');
	return { user, round };
}

export const load = async (event) => {
	const { round } = await roundFor(event);
	const budget = await grantBudget(round.id);
	return {
		round: { id: round.id, name: round.name },
		committedPence: budget.committedPence,
		values: roundFormValues(round),
		draw: await findRoundDraw(round.id).then(
			(d) =>
				d && {
					commitment: d.commitment,
					drawnAt: d.drawnAt,
					closed: round.closesAt.getTime() <= Date.now(),
					checkPath: drawCheckPath(round.id)
				}
		),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions = {
	save: async (event) => {
		const { user, round } = await roundFor(event);
		const values = readRoundForm(await readForm(event.request));
		const checked = validateRoundForm(values);
		if (!checked.ok) return fail(400, { values, errors: checked.errors });
		const saved = await updateRound(round, checked.draft, user.id);
		if (!saved.ok) return fail(409, { values, errors: saved.errors });
		return { values: roundFormValues((await findRound(round.id))!), errors: {}, saved: true };
	},
	order: async (event) => {
		const { user, round } = await roundFor(event);
		const order = formText(await readForm(event.request), 'order');
		if (order !== 'arrival' && order !== 'drawn')
			return fail(400, { orderError: 'Select how applications are decided' });
		const chosen = await chooseDrawnOrder(round, order === 'drawn', user.id);
		if (!chosen.ok) return fail(409, { orderError: chosen.error });
		return { orderSaved: true };
	},
	drawNow: async (event) => {
		const { user, round } = await roundFor(event);
		const drawn = await drawRoundNow(round, user.id, config);
		if (!drawn.ok) return fail(409, { orderError: drawn.error });
		return { drawnNow: drawn.placed };
	}
};
