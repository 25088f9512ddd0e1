// The emails of a grant round decided in a drawn order: each applicant's place once the order is
// drawn (within the budget, or on the reserve list with its number), and the reserve applicant
// whom money freed by a decline or withdrawal ahead has brought within the budget.
import type { Config } from '../config.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { renderEmail } from '../email/templates/layout.ts';

type Mailer = Pick<Config, 'origin' | 'branchName'>;

/** Replaced by each application's reference in SQL, so one render serves every row. */
export const REFERENCE_PLACEHOLDER = '{{reference}}';

const reason = (mailer: Mailer) =>
	`You got this email because you applied for the ${mailer.branchName} winter fuel grant.`;

/** Where anyone can check the round's draw against its published commitment. */
export const drawCheckPath = (roundId: number) => `/grants/winter-fuel/draw/${roundId}`;

export function drawResultEmail(
	mailer: Mailer,
	round: GrantRound,
	app: { reference: string; email: string; name: string; number: number },
	place: { position: number; reserve: number | null }
) {
	const text =
		place.reserve === null
			? `The order for the ${round.name} has been drawn. Your application is number ${place.position}, within what the budget can fund. Welfare officers decide applications in this order, and will email you their decision.`
			: `The order for the ${round.name} has been drawn. Your application is number ${place.position}, beyond what the budget can fund now, so it is number ${place.reserve} on the reserve list. If an application ahead of yours is declined or withdrawn, the money goes to the next on the reserve list, and we will email you.`;
	return {
		idempotencyKey: `grant/${app.reference}/drawn/${round.id}`,
		template: place.reserve === null ? 'grant-drawn-order' : 'grant-reserve-list',
		to: { email: app.email, name: app.name },
		...renderEmail(
			{
				subject: `The order has been drawn: your winter fuel grant application (${app.reference})`,
				preview:
					place.reserve === null
						? `Number ${place.position}`
						: `Reserve list number ${place.reserve}`,
				heading:
					place.reserve === null
						? `Your application is number ${place.position}`
						: `You are number ${place.reserve} on the reserve list`,
				blocks: [
					{ kind: 'paragraph', text: `Hello ${app.name},` },
					{ kind: 'paragraph', text },
					{
						kind: 'facts',
						rows: [
							['Application reference', app.reference],
							['Number in the published draw', String(app.number)]
						]
					},
					{
						kind: 'button',
						text: 'See your application',
						href: `${mailer.origin}/account/grants/${app.reference}`
					},
					{
						kind: 'paragraph',
						text: `The published draw, and how to check it: ${mailer.origin}${drawCheckPath(round.id)}`
					}
				],
				reason: reason(mailer)
			},
			mailer
		)
	};
}

/** Rendered once, with the reference left as a placeholder for SQL to fill per application. */
export function reserveFundedEmail(mailer: Mailer, round: Pick<GrantRound, 'name'>) {
	return renderEmail(
		{
			subject: `Your winter fuel grant application ${REFERENCE_PLACEHOLDER} is off the reserve list`,
			preview: 'The budget now reaches your application.',
			heading: 'Your application is off the reserve list',
			blocks: [
				{ kind: 'paragraph', text: 'Hello,' },
				{
					kind: 'paragraph',
					text: `Money in the ${round.name} budget has been freed (an application ahead of yours in the drawn order was declined or withdrawn, or given less than the standard award), so it now goes to your application ${REFERENCE_PLACEHOLDER}. A welfare officer will decide it and email you their decision.`
				},
				{
					kind: 'button',
					text: 'See your application',
					href: `${mailer.origin}/account/grants/${REFERENCE_PLACEHOLDER}`
				}
			],
			reason: reason(mailer)
		},
		mailer
	);
}
