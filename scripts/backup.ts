// npm run backup — writes a consistent copy of the embedded database to BACKUP_DIR (backups/
// by default) while the app keeps running.
import { config } from '../src/lib/server/config.ts';
import { backupDatabase, BackupError, describeCounts } from '../src/lib/server/db/backup.ts';

try {
	const backup = await backupDatabase({
		url: config.databaseUrl,
		folder: config.backupDir,
		busyTimeoutMs: config.databaseBusyTimeoutMs
	});
	const counts = describeCounts(backup.counts);
	console.log(
		`Backed up ${config.databaseUrl} to ${backup.file} (${(backup.bytes / 1024 / 1024).toFixed(1)} MB, copied in ${Math.round(backup.copiedMs)} ms; integrity ok; ${counts}).`
	);
} catch (error) {
	if (!(error instanceof BackupError)) throw error;
	console.error(error.message);
	process.exit(1);
}
