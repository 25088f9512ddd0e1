// When an approval commits the last of a round's budget, members with an unsent draft are told
// at once that the round can take no more applications, in the same batch as that approval.
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { renderEmail } from '../email/templates/layout.ts';
import { committedPenceSql } from './rounds.ts';

type Mailer = Pick<Config, 'origin' | 'branchName'>;

/** One outbox row per member with a draft, written only if `approved` held and the money is gone. */
export function queueBudgetSpentEmails(
	db: Pick<Database, 'run'>,
	round: GrantRound,
	approved: SQL,
	mailer: Mailer,
	now = new Date()
) {
	const email = renderEmail(
		{
			subject: `The ${round.name} is no longer taking applications`,
			preview: 'The grant’s budget has now been given out.',
			heading: `The ${round.name} has given out its whole budget`,
			blocks: [
				{ kind: 'paragraph', text: 'Hello,' },
				{
					kind: 'paragraph',
					text: `You started an application for the ${round.name} but did not send it. The branch has now approved grants for the whole of this round’s budget, so we cannot take any more applications.`
				},
				{
					kind: 'paragraph',
					text: 'We are sorry. If you are struggling with bills, call the branch office: a welfare officer can tell you about other help.'
				}
			],
			reason: `You got this email because you started an application for the ${mailer.branchName} winter fuel grant.`
		},
		mailer
	);
	const a = table.grantApplications;
	const u = table.users;
	const spent = sql`(select ${table.grantRounds.budgetPence} from ${table.grantRounds} where ${table.grantRounds.id} = ${round.id}) - ${committedPenceSql(round.id)} < ${round.standardAwardPence}`;
	return db.run(sql`insert into outbox
		(idempotency_key, recipient, recipient_name, template, subject, text_body, html_body,
		 status, attempts, next_attempt_at, created_at)
		select 'grant-budget-spent/' || ${a.id}, lower(${u.email}), ${u.name}, 'grant-budget-spent',
		 ${email.subject}, ${email.text}, ${email.html}, 'pending', 0, ${now.getTime()}, ${now.getTime()}
		from ${a} join ${u} on ${u.id} = ${a.userId}
		where ${a.roundId} = ${round.id} and ${a.status} = 'draft' and ${u.deletedAt} is null
		 and ${approved} and ${spent}
		on conflict (idempotency_key) do nothing`);
}
