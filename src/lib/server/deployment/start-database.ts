// What the start command does with its database: an empty one gets the demo, or with
// DEMO_DATA=off becomes a real branch's, ready for its first admin; any other stays as it is.
import type { Database } from '../db/client.ts';
import type { DatabaseKind } from '../db/schema/index.ts';
import { DemoSeedRefused, seedDemoData, type SeedOutcome } from '../demo/seed-demo.ts';
import { markDatabase, settleDatabaseKind, type DatabaseKindReading } from './database-kind.ts';

export type PreparedDatabase = {
	kind: DatabaseKind;
	reading: DatabaseKindReading;
	/** What this start did to it, if anything. */
	seeded: SeedOutcome | null;
	markedReal: boolean;
};

export async function prepareDatabaseForStart(
	db: Database,
	options: { demoData: 'on' | 'off'; now?: Date }
): Promise<PreparedDatabase> {
	const now = options.now ?? new Date();
	let reading = await settleDatabaseKind(db, now);
	let seeded: SeedOutcome | null = null;
	let markedReal = false;
	if (reading.kind === 'empty' && options.demoData === 'off') {
		reading = await markDatabase(db, 'real', 'DEMO_DATA=off', now);
		markedReal = reading.kind === 'real';
	} else if (reading.kind === 'empty') {
		try {
			const outcome = await seedDemoData(db, { now });
			if (outcome.seeded) seeded = outcome;
		} catch (error) {
			// Another process made it a real branch's meanwhile: that answer stands.
			if (!(error instanceof DemoSeedRefused)) throw error;
		}
		reading = await settleDatabaseKind(db, now);
	}
	// Still unmarked only if another process is filling it this moment: the safer answer is real.
	return { kind: reading.kind === 'empty' ? 'real' : reading.kind, reading, seeded, markedReal };
}
