// Every action the code writes to the audit log has words on the audit page: this walks the
// source for the action strings it writes, so a new one without a phrase fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_PHRASES, describeAuditAction } from './audit-words.ts';
import { MEMBERSHIP_LIST_IMPORTED } from './members/membership-list.ts';
import { BRANCH_SETTING_CHANGED } from './settings/branch-settings.ts';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

/** Quoted names on every line that sets an audit action, and the names built from templates. */
function actionsWritten() {
	const found = new Set<string>([MEMBERSHIP_LIST_IMPORTED, BRANCH_SETTING_CHANGED]);
	for (const file of sourceFiles('src')) {
		for (const line of readFileSync(file, 'utf8').split('\n')) {
			const at = line.search(/\baction:/);
			if (at < 0) continue;
			// Only what the action is set to: not a subject type later on the line, nor a column alias.
			const value = line
				.slice(at)
				.split(/\bsubject(?:Type|Id)\b/)[0]
				.replace(/\.as\('[^']*'\)|\btext\('[^']*'\)/g, '');
			for (const m of value.matchAll(/'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)?)'/g)) found.add(m[1]);
			// `grant.${decision.kind}`: the decision kinds are the four a welfare officer makes.
			if (line.includes('`grant.${decision.kind}`'))
				for (const kind of ['approve', 'decline', 'request-info', 'mark-paid'])
					found.add(`grant.${kind}`);
		}
	}
	return [...found].sort();
}

describe('the audit log in words', () => {
	it('has a phrase for every action the code writes', () => {
		const written = actionsWritten();
		expect(written.length).toBeGreaterThan(40);
		expect(written.filter((action) => !Object.hasOwn(AUDIT_PHRASES, action))).toEqual([]);
	});

	it('says who was given a role, in plain words', () => {
		expect(
			describeAuditAction('role-granted', { subject: 'Dee Walker', detail: { role: 'organiser' } })
		).toBe('gave Dee Walker the organiser role');
		expect(
			describeAuditAction('grant.approve', { subject: 'WFG-7K3Q9D', detail: { awardPence: 10000 } })
		).toBe('approved application WFG-7K3Q9D for £100.00');
		expect(describeAuditAction('made-up', { subject: 'Sam', detail: null })).toBe(
			'did “made-up” to Sam'
		);
	});
});
