// When an approval commits the last of a round's budget, the members it affects are told at
// once, in the same batch as that approval: those with an unsent draft that they can no longer
// submit, and those whose application is still waiting (submitted, or answering a request for
// more information) that the fund is spent and what that means for theirs.
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { renderEmail } from '../email/templates/layout.ts';
import { committedPenceSql, SMALLEST_AWARD_PENCE } from './rounds.ts';
import { branchOfficeText } from '../../branch-contact.ts';
import { branchSettingsNow } from '../settings/branch-settings.ts';

type Mailer = Pick<Config, 'origin' | 'branchName'>;

/** Replaced by each application's reference in the statement, so one render serves every row. */
const REFERENCE = '{{reference}}';

const help = () =>
	`If you are struggling with bills, call ${branchOfficeText(branchSettingsNow())}: a welfare officer can tell you about other help.`;

export function budgetSpentEmails(round: GrantRound, mailer: Mailer) {
	const reason = `You got this email because you applied for the ${mailer.branchName} winter fuel grant.`;
	const draft = renderEmail(
		{
			subject: `The ${round.name} is no longer taking applications`,
			preview: 'The grant’s budget has now been given out.',
			heading: `The ${round.name} has given out its whole budget`,
			blocks: [
				{ kind: 'paragraph', text: 'Hello,' },
				{
					kind: 'paragraph',
					text: `You started an application for the ${round.name} but did not send it. The branch has now approved grants for the whole of this round’s budget, so you cannot submit it and we cannot take any more applications.`
				},
				{ kind: 'paragraph', text: `We are sorry. ${help()}` }
			],
			reason: `You got this email because you started an application for the ${mailer.branchName} winter fuel grant.`
		},
		mailer
	);
	const pending = renderEmail(
		{
			subject: `The ${round.name} budget has been given out: your application ${REFERENCE}`,
			preview: 'Your application has not been decided yet, but the fund is spent.',
			heading: `The ${round.name} has given out its whole budget`,
			blocks: [
				{ kind: 'paragraph', text: 'Hello,' },
				{
					kind: 'paragraph',
					text: `Your application ${REFERENCE} has not been decided yet. The branch has now approved grants for the whole of this round’s budget, so there is no money left in the fund to approve it.`
				},
				{
					kind: 'paragraph',
					text: 'A welfare officer will still look at your application and email you their decision. You do not need to do anything, and your application stays on your account page.'
				},
				{ kind: 'paragraph', text: `We are sorry. ${help()}` }
			],
			reason
		},
		mailer
	);
	return { draft, pending };
}

/**
 * One outbox row per member with a draft or a waiting application, written only if `approved`
 * held and the money is gone; each gets the wording for where their application stands.
 */
export function queueBudgetSpentEmails(
	db: Pick<Database, 'run'>,
	round: GrantRound,
	approved: SQL,
	mailer: Mailer,
	now = new Date()
) {
	const { draft, pending } = budgetSpentEmails(round, mailer);
	const a = table.grantApplications;
	const u = table.users;
	const isDraft = sql`${a.status} = 'draft'`;
	const pick = (forDraft: string, forPending: string) =>
		sql`case when ${isDraft} then ${forDraft} else replace(${forPending}, ${REFERENCE}, ${a.reference}) end`;
	const spent = sql`(select ${table.grantRounds.budgetPence} from ${table.grantRounds} where ${table.grantRounds.id} = ${round.id}) - ${committedPenceSql(round.id)} < ${SMALLEST_AWARD_PENCE}`;
	return db.run(sql`insert into outbox
		(idempotency_key, recipient, recipient_name, template, subject, text_body, html_body,
		 status, attempts, next_attempt_at, created_at)
		select 'grant-budget-spent/' || ${a.id}, lower(${u.email}), ${u.name},
		 case when ${isDraft} then 'grant-budget-spent' else 'grant-budget-spent-pending' end,
		 ${pick(draft.subject, pending.subject)}, ${pick(draft.text, pending.text)}, ${pick(draft.html, pending.html)},
		 'pending', 0, ${now.getTime()}, ${now.getTime()}
		from ${a} join ${u} on ${u.id} = ${a.userId}
		where ${a.roundId} = ${round.id} and ${a.status} in ('draft', 'submitted', 'needs-info')
		 and ${u.deletedAt} is null and ${approved} and ${spent}
		on conflict (idempotency_key) do nothing`);
}
