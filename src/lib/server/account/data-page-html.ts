// The small pieces the readable data page is built from: escaped text, dates in words in
// London time, label-and-value lists and titled sections.
import { formatLongDate, formatTime } from '../../london-time.ts';
import { formatPlainDate } from '../../plain-date.ts';
import { escapeHtml } from '../email/templates/layout.ts';

export type Row = [label: string, value: string];

/** "Saturday 12 December 2026 at 7:00pm", in London time. */
export function inWords(instant: Date | null | undefined) {
	return instant ? `${formatLongDate(instant)} at ${formatTime(instant)}` : '';
}

/** A calendar date such as a membership list's "2026-11-29", as "29 November 2026". */
export function dayInWords(date: string | null | undefined) {
	return date ? formatPlainDate(date) : '';
}

/** Text with its line breaks kept. */
export function text(value: string) {
	return escapeHtml(value).replace(/\n/g, '<br>');
}

/** Rows with an empty value are left out: "not given" is said by leaving the line away. */
export function facts(rows: Row[]) {
	const shown = rows.filter(([, value]) => value !== '');
	if (!shown.length) return '';
	const items = shown.map(([label, value]) => `<dt>${text(label)}</dt><dd>${text(value)}</dd>`);
	return `<dl>${items.join('')}</dl>`;
}

export function section(id: string, title: string, body: string, empty: string) {
	return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body || `<p>${escapeHtml(empty)}</p>`}</section>`;
}

export function list(items: string[]) {
	return items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : '';
}

/** A link to a file inside the zip, from the page beside it. */
export function fileLink(path: string, label: string) {
	const href = path.split('/').map(encodeURIComponent).join('/');
	return `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
}

export const PAGE_STYLE = `
body { font: 1rem/1.5 system-ui, sans-serif; color: #0b0c0c; margin: 0 auto; padding: 1rem;
  max-width: 46rem; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; border-top: 2px solid #b1b4b6; padding-top: 1rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
dl { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 700; }
dd { margin: 0; }
@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.5rem; } }
ul { padding-left: 1.25rem; }
a { color: #1d70b8; }
.secondary { color: #505a5f; }
`;
