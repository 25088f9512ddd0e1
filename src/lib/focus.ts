// Where keyboard focus goes when a page arrives or a form comes back, so keyboard and
// screen-reader users start where a sighted reader's eyes go: a problem first, then a question
// waiting for an answer, then the result of what they just did, then the page's heading.
// Focusing a banner also has it read out, which a banner that arrives with its page is not.
const ARRIVAL_TARGETS = [
	'.error-summary',
	'main [role="alert"]',
	'[data-takes-focus]',
	'main .notice[role="status"], main .success[role="status"], main .confirmation[role="status"], main .status-notice[role="status"]',
	'main h1'
];

/** The element that should have focus when `root` arrives; the heading only if `withHeading`. */
export function arrivalTarget(root: ParentNode, withHeading: boolean): HTMLElement | null {
	const targets = withHeading ? ARRIVAL_TARGETS : ARRIVAL_TARGETS.slice(0, -1);
	for (const selector of targets) {
		const found = root.querySelector<HTMLElement>(selector);
		if (found) return found;
	}
	return null;
}

export function focusOnArrival(root: ParentNode = document, withHeading = true) {
	const target = arrivalTarget(root, withHeading);
	if (!target) return;
	if (!target.matches('a, button, input, select, textarea, [tabindex]'))
		target.setAttribute('tabindex', '-1');
	target.focus();
}
