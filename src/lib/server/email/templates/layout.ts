// The one email layout: branded, readable on a phone, plain language, and always saying why the
// person got the message. Each template describes its content as blocks; the layout writes the
// HTML and plain-text versions from the same blocks so they never drift apart.
import { addressOneLine, mailtoHref, telHref } from '../../../branch-contact.ts';
import { branchSettingsNow, type BranchSettings } from '../../settings/branch-settings.ts';

export type Block =
	| { kind: 'paragraph'; text: string }
	| { kind: 'code'; text: string; label: string }
	| { kind: 'button'; text: string; href: string }
	| { kind: 'facts'; rows: [label: string, value: string][] }
	| { kind: 'notice'; text: string }
	/** A picture on the site (mail apps block data: URIs), with a link to the same thing as a page. */
	| { kind: 'image'; src: string; alt: string; width: number; href: string; linkText: string };

export type EmailContent = {
	subject: string;
	/** Shown by mail apps beside the subject. */
	preview: string;
	heading: string;
	blocks: Block[];
	/** Why this person got this email, in one sentence. */
	reason: string;
};

export type Branding = { branchName: string; origin: string };

/** The branch office's details for the footer: what an admin set at /admin/settings. */
export type FooterDetails = Pick<BranchSettings, 'name' | 'address' | 'phone' | 'email'>;

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(value: string) {
	return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const paragraphHtml = (text: string) =>
	text
		.split('\n')
		.map((line) => escapeHtml(line))
		.join('<br>');

function blockHtml(block: Block): string {
	switch (block.kind) {
		case 'paragraph':
			// Long links wrap on a phone instead of widening the message.
			return `<p style="margin:0 0 16px;overflow-wrap:anywhere;word-break:break-word">${paragraphHtml(block.text)}</p>`;
		case 'code':
			return `<p style="margin:0 0 4px">${escapeHtml(block.label)}</p><p style="margin:0 0 16px;font-size:32px;font-weight:700;letter-spacing:6px;font-family:Menlo,Consolas,monospace">${escapeHtml(block.text)}</p>`;
		case 'button':
			return `<p style="margin:0 0 24px"><a href="${escapeHtml(block.href)}" style="display:inline-block;background:#3d1a6e;color:#ffffff;font-weight:700;padding:12px 20px;text-decoration:none">${escapeHtml(block.text)}</a></p>`;
		case 'facts':
			return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${block.rows
				.map(
					([label, value]) =>
						`<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0">${escapeHtml(label)}</th><td style="padding:4px 0;overflow-wrap:anywhere;word-break:break-word">${paragraphHtml(value)}</td></tr>`
				)
				.join('')}</table>`;
		case 'notice':
			return `<p style="margin:0 0 16px;padding:12px;border-left:6px solid #3d1a6e;background:#f1ecf8">${paragraphHtml(block.text)}</p>`;
		case 'image':
			return `<p style="margin:0 0 8px"><img src="${escapeHtml(block.src)}" alt="${escapeHtml(block.alt)}" width="${block.width}" height="${block.width}" style="display:block;border:0"></p><p style="margin:0 0 16px"><a href="${escapeHtml(block.href)}">${escapeHtml(block.linkText)}</a></p>`;
	}
}

function blockText(block: Block): string {
	switch (block.kind) {
		case 'paragraph':
		case 'notice':
			return block.text;
		case 'code':
			return `${block.label}\n\n    ${block.text}`;
		case 'button':
			return `${block.text}:\n${block.href}`;
		case 'facts':
			return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
		case 'image':
			return `${block.linkText}:\n${block.href}`;
	}
}

function officeLines(branch: FooterDetails) {
	return [
		branch.address ? `${branch.name}, ${addressOneLine(branch.address)}` : branch.name,
		[branch.phone && `Phone ${branch.phone}`, branch.email && `Email ${branch.email}`]
			.filter(Boolean)
			.join(' · ')
	].filter(Boolean);
}

function officeHtml(branch: FooterDetails) {
	const contacts = [
		branch.phone &&
			`Phone <a href="${escapeHtml(telHref(branch.phone))}" style="color:#4b1f8f">${escapeHtml(branch.phone)}</a>`,
		branch.email &&
			`Email <a href="${escapeHtml(mailtoHref(branch.email))}" style="color:#4b1f8f">${escapeHtml(branch.email)}</a>`
	].filter(Boolean);
	return `<p style="margin:0 0 8px">${escapeHtml(officeLines(branch)[0])}${contacts.length ? `<br>${contacts.join(' · ')}` : ''}</p>`;
}

export function renderEmail(
	content: EmailContent,
	brand: Branding,
	branch: FooterDetails = branchSettingsNow()
) {
	const html = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f2f1;color:#0b0c0c;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:17px;line-height:1.5">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preview)}</div>
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:#3d1a6e;color:#ffffff;padding:16px 24px;font-weight:700;font-size:19px">${escapeHtml(branch.name)}</div>
<div style="padding:24px">
<h1 style="font-size:24px;line-height:1.25;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.blocks.map(blockHtml).join('\n')}
</div>
<div style="padding:16px 24px;border-top:1px solid #b1b4b6;font-size:14px;color:#484949">
<p style="margin:0 0 8px">${escapeHtml(content.reason)}</p>
${officeHtml(branch)}
<p style="margin:0"><a href="${escapeHtml(brand.origin)}" style="color:#4b1f8f">${escapeHtml(brand.origin.replace(/^https?:\/\//, ''))}</a></p>
</div>
</div>
</body>
</html>`;
	const text = [
		branch.name,
		'',
		content.heading,
		'',
		...content.blocks.flatMap((block) => [blockText(block), '']),
		'---',
		content.reason,
		...officeLines(branch),
		brand.origin
	].join('\n');
	return { subject: content.subject, text, html };
}
