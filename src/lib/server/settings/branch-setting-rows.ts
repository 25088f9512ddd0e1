// The shape of the branch settings and the rows that store them, free of the process-wide
// database so that the demo seed can write them inside its own transaction.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import type { BranchSettings } from '../../branch-settings.ts';

export { branchSettingKeys, type BranchSettings } from '../../branch-settings.ts';

/** The upserts that store `values`, for callers that write them inside their own transaction. */
export function branchSettingWrites(
	writer: Pick<Database, 'insert'>,
	values: Partial<BranchSettings>,
	actorUserId: number | null,
	now = new Date()
) {
	return Object.entries(values).map(([key, value]) =>
		writer
			.insert(table.branchSettings)
			.values({ key, value: value ?? '', updatedAt: now, updatedBy: actorUserId })
			.onConflictDoUpdate({
				target: table.branchSettings.key,
				set: { value: sql`excluded.value`, updatedAt: now, updatedBy: actorUserId }
			})
	);
}
