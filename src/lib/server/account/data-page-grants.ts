// The grant applications part of the readable data page: each application's answers as on
// "Check your answers", money in pounds and pence, its history, and links to the evidence files
// that sit beside the page in the zip.
import { formatPoundsAndPence } from '../../money.ts';
import { summariseAnswers } from '../grants/answer-summary.ts';
import type { EvidenceFileCopy } from '../grants/account-data.ts';
import { STATUS_LABELS } from '../grants/transitions.ts';
import { escapeHtml } from '../email/templates/layout.ts';
import type { AccountData } from './data-export.ts';
import { facts, fileLink, inWords, list, section, text, type Row } from './data-page-html.ts';

type Application = AccountData['grantApplications'][number];

const HISTORY_KINDS = {
	status: 'Status',
	message: 'Message from a welfare officer',
	reply: 'Reply'
};

function historyLine(h: Application['history'][number]) {
	const what =
		h.kind === 'status'
			? `${h.from ? STATUS_LABELS[h.from] : 'New'} to ${h.to ? STATUS_LABELS[h.to] : ''}`
			: HISTORY_KINDS[h.kind];
	const by = h.by === 'you' ? 'by you' : `by ${h.by}`;
	return `${escapeHtml(inWords(h.at))}: ${escapeHtml(what)} ${escapeHtml(by)}${h.message ? `<br>${text(h.message)}` : ''}`;
}

function decisionRows(x: Application): Row[] {
	return [
		['Status', STATUS_LABELS[x.status]],
		['Sent on', inWords(x.submittedAt)],
		['Decided on', inWords(x.decidedAt)],
		['Grant awarded', x.awardPence === null ? '' : formatPoundsAndPence(x.awardPence)],
		['Reason given', x.decisionReason ?? ''],
		['Paid on', inWords(x.paidAt)],
		['Payment reference', x.paymentReference ?? ''],
		['Filled in with a welfare officer', x.assisted ? 'Yes' : '']
	];
}

function applicationHtml(x: Application, files: EvidenceFileCopy[]) {
	const answers = summariseAnswers(x.answers, { bank: x.bankDetails }, formatPoundsAndPence);
	const ownFiles = files.filter((f) => f.reference === x.reference);
	const evidence = ownFiles.length
		? `<h4>Evidence you uploaded</h4>${list(ownFiles.map((f) => fileLink(f.path, f.filename)))}`
		: '';
	const history = x.history.length
		? `<h4>What happened</h4>${list(x.history.map(historyLine))}`
		: '';
	return [
		`<h3>${escapeHtml(x.round)}, reference ${escapeHtml(x.reference)}</h3>`,
		facts(decisionRows(x)),
		`<h4>Your answers</h4>`,
		facts(answers.map((row): Row => [row.label, row.value])),
		evidence,
		history
	].join('');
}

export function grantsSection(applications: Application[], files: EvidenceFileCopy[]) {
	return section(
		'grant-applications',
		'Your grant applications',
		applications.map((x) => applicationHtml(x, files)).join(''),
		'You have not applied for a grant.'
	);
}
