// Grant emails: received, more information needed, approved, declined, paid. Each is keyed by
// the application and the moment of the change, so a retried change cannot send twice.
import type { OutgoingEmail } from '../message.ts';
import { renderEmail, type Block, type Branding } from './layout.ts';

type Recipient = { email: string; name?: string | null };
export type GrantEmailKind =
	'received' | 'needs-info' | 'approved' | 'declined' | 'paid' | 'assisted-copy';

const SUBJECTS: Record<GrantEmailKind, string> = {
	received: 'We have received your winter fuel grant application',
	'needs-info': 'We need more information about your winter fuel grant application',
	approved: 'Your winter fuel grant has been approved',
	declined: 'Your winter fuel grant application has been declined',
	paid: 'Your winter fuel grant has been paid',
	'assisted-copy': 'A copy of the winter fuel grant application made with you'
};

export function grantEmail(
	kind: GrantEmailKind,
	to: Recipient,
	options: Branding & {
		reference: string;
		changeKey: string;
		blocks: Block[];
	}
): OutgoingEmail {
	const link = `${options.origin}/account/grants/${options.reference}`;
	return {
		idempotencyKey: `grant/${options.reference}/${kind}/${options.changeKey}`,
		to,
		template: `grant-${kind}`,
		...renderEmail(
			{
				subject: `${SUBJECTS[kind]} (${options.reference})`,
				preview: `Application reference ${options.reference}`,
				heading: SUBJECTS[kind],
				blocks: [
					{ kind: 'paragraph', text: `Hello ${to.name ?? ''}`.trim() + ',' },
					...options.blocks,
					{ kind: 'facts', rows: [['Application reference', options.reference]] },
					{ kind: 'button', text: 'See your application', href: link }
				],
				reason: `You got this email because you applied for the ${options.branchName} winter fuel grant.`
			},
			options
		)
	};
}
