// Where the application pages point, for a member applying themselves or an officer assisting.
export type ApplicationLinks = {
	/** Question pages are `${base}/${step}`; Check your answers is `${base}/check`. */
	base: string;
	/** Where Back goes from the first question. */
	start: string;
	/** Evidence files are `${evidence}/${id}`. */
	evidence: string;
	exit: { href: string; label: string };
	/** Whose application it is, in the page caption. */
	caption: string;
	declaration: string;
};

export const MEMBER_DECLARATION =
	'I confirm that my answers are true and complete, and I will tell the branch if my circumstances change. I understand the branch may take back a grant given on false information.';

export function memberLinks(reference: string): ApplicationLinks {
	return {
		base: '/grants/winter-fuel/apply',
		start: '/grants/winter-fuel',
		evidence: `/account/grants/${reference}/evidence`,
		exit: { href: '/account/grants', label: 'Stop for now: your answers are saved' },
		caption: 'Winter fuel grant application',
		declaration: MEMBER_DECLARATION
	};
}

export function assistedLinks(
	reference: string,
	applicationId: number,
	applicantName: string
): ApplicationLinks {
	return {
		base: `/organiser/grants/assist/${reference}`,
		start: '/organiser/grants/assist',
		evidence: `/organiser/grants/${applicationId}/evidence`,
		exit: { href: '/organiser/grants', label: 'Stop for now: the answers are saved' },
		caption: `Assisted application for ${applicantName}`,
		declaration: `${applicantName} has read these answers and confirms they are true and complete, and will tell the branch if their circumstances change.`
	};
}
