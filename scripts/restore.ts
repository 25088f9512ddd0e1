// npm run restore -- FILE [--force] — replaces the embedded database with a backup. Refuses
// while any process (the server, npm run worker) has the database open, unless forced.
import { config } from '../src/lib/server/config.ts';
import { BackupError, describeCounts, restoreDatabase } from '../src/lib/server/db/backup.ts';

const USAGE = 'Usage: npm run restore -- backups/branchdesk-2026-11-22T09-30-00Z.db [--force]';
const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((arg) => arg !== '--force');
if (files.length !== 1) {
	console.error(USAGE);
	process.exit(1);
}

try {
	const restored = await restoreDatabase({ url: config.databaseUrl, backupFile: files[0], force });
	const counts = describeCounts(restored.counts);
	console.log(`Restored ${restored.file} from ${files[0]} (${counts}).`);
	if (restored.keptAs) console.log(`The database it replaced is kept as ${restored.keptAs}.`);
	console.log('Start the app again (npm start, or node build); it applies any newer migrations.');
} catch (error) {
	if (!(error instanceof BackupError)) throw error;
	console.error(error.message);
	process.exit(1);
}
