// Reading a grant round's drawn order back: what an applicant is told about their own place,
// and what anyone may see to check the draw (the commitment before it; the seed and the ordered
// application numbers after). Application numbers identify nobody outside the branch office.
import { checkPublishedDraw } from '../ballot/draw.ts';
import { db as defaultDb } from '../db/index.ts';
import type { GrantApplication, GrantRound } from '../db/schema/index.ts';
import { formatDayAndTime } from '../../london-time.ts';
import type { OfficerDrawPlace } from '../../grants/draw-place.ts';
import { drawCheckPath } from './draw-emails.ts';
import { drawnOrderNotice, findRoundDraw } from './drawn-order.ts';
import { findDrawPlace } from './reserve-list.ts';
import { findRound } from './rounds.ts';

export type ApplicantDrawNotice = { text: string; number: number; checkPath: string };

/** The applicant's place in words, while their application is undecided in a drawn round. */
export async function applicantDrawNotice(
	application: Pick<GrantApplication, 'id' | 'status'>,
	round: Pick<GrantRound, 'id' | 'closesAt'>,
	db = defaultDb
): Promise<ApplicantDrawNotice | null> {
	if (application.status !== 'submitted' && application.status !== 'needs-info') return null;
	const draw = await findRoundDraw(round.id, db);
	if (!draw) return null;
	const base = { number: application.id, checkPath: drawCheckPath(round.id) };
	if (!draw.drawnAt) return { ...base, text: drawnOrderNotice(round) };
	const place = await findDrawPlace(application.id, db);
	if (!place) return null;
	const text =
		place.reservePosition !== null
			? `Your application is number ${place.position} in the drawn order, beyond what the budget can fund now: it is number ${place.reservePosition} on the reserve list. If an application ahead of yours is declined or withdrawn, the money goes to the next on the reserve list, and we will email you.`
			: place.fundedAt
				? `Your application is number ${place.position} in the drawn order. Money freed ahead of it brought it off the reserve list: the budget now reaches it, and a welfare officer will decide it.`
				: `Your application is number ${place.position} in the drawn order, within what the budget can fund. A welfare officer will decide it and email you.`;
	return { ...base, text };
}

/** The public record of a round's draw, checked; null when the round has no drawn order. */
export async function publishedGrantDraw(roundId: number, db = defaultDb) {
	const round = await findRound(roundId, db);
	const draw = round && (await findRoundDraw(round.id, db));
	if (!round || !draw) return null;
	const published =
		draw.drawnAt && draw.drawnOrder
			? { seed: draw.seed, commitment: draw.commitment, order: draw.drawnOrder }
			: null;
	return {
		round: { id: round.id, name: round.name },
		closes: formatDayAndTime(round.closesAt),
		drawn: draw.drawnAt ? formatDayAndTime(draw.drawnAt) : null,
		commitment: draw.commitment,
		published: published && { seed: published.seed, order: published.order },
		check: published && checkPublishedDraw(published)
	};
}

/** Where an application stands in a drawn round, for the decision page; null without a draw. */
export async function officerDrawPlace(
	applicationId: number,
	round: Pick<GrantRound, 'id' | 'closesAt'>,
	db = defaultDb
): Promise<OfficerDrawPlace | null> {
	const draw = await findRoundDraw(round.id, db);
	if (!draw) return null;
	const checkPath = drawCheckPath(round.id);
	if (!draw.drawnAt)
		return { checkPath, state: 'waiting', drawsOn: formatDayAndTime(round.closesAt) };
	const place = await findDrawPlace(applicationId, db);
	if (!place) return { checkPath, state: 'outside' };
	return {
		checkPath,
		state: 'placed',
		position: place.position,
		reserve: place.reservePosition,
		funded: place.fundedAt !== null
	};
}
