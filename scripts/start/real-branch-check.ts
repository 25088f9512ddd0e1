// The start command and the worker on a real branch's database: they stop, with one line per
// missing setting, rather than fall back to the demo's open mailbox or published key.
import type { Config } from '../../src/lib/server/config.ts';
import {
	describeMark,
	type DatabaseKindReading
} from '../../src/lib/server/deployment/database-kind.ts';
import { missingRealBranchSettings } from '../../src/lib/server/deployment/real-branch-settings.ts';

export function exitUnlessReadyForRealBranch(config: Config, reading: DatabaseKindReading) {
	const missing = missingRealBranchSettings(config);
	if (!missing.length) return;
	console.error(
		`Branchdesk cannot start: this is a real branch's database (${describeMark(reading)}), and it needs these settings:`
	);
	for (const line of missing) console.error(`  ${line}`);
	console.error(
		'Every setting is described in .env.example; README.md "Run it for your branch" goes through them.'
	);
	process.exit(1);
}
