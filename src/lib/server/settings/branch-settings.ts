// The branch's own details (name, office address and contacts, signatory, welfare contact), set by
// an admin and stored in the database. Everything that prints such a fact reads it from here.
import { db, table } from '../db/index.ts';
import { auditInsert } from '../audit.ts';
import { config, useSavedBranchName } from '../config.ts';
import {
	branchSettingKeys,
	branchSettingWrites,
	type BranchSettings
} from './branch-setting-rows.ts';

export { branchSettingKeys, type BranchSettings };

export const BRANCH_SETTING_CHANGED = 'branch-setting-changed';

/** A setting nobody has saved yet: the environment's value where there is one, else empty. */
export function defaultBranchSettings(): BranchSettings {
	return {
		name: config.branchNameFromEnvironment,
		address: '',
		phone: '',
		email: '',
		openingHours: '',
		website: '',
		dataProtectionContact: '',
		signatoryName: '',
		signatoryRole: '',
		welfareContact: ''
	};
}

/**
 * Another process (npm run worker) may save nothing but must still see an admin's change, so
 * the cache is also refreshed after this long; this process's own saves replace it at once.
 */
const CACHE_MS = 30_000;
let cached: { settings: BranchSettings; loadedAt: number } | null = null;

function fromRows(rows: { key: string; value: string }[]): BranchSettings {
	const settings = defaultBranchSettings();
	for (const row of rows) {
		if ((branchSettingKeys as readonly string[]).includes(row.key)) {
			settings[row.key as keyof BranchSettings] = row.value;
		}
	}
	return settings;
}

export async function readBranchSettings(): Promise<BranchSettings> {
	const now = Date.now();
	if (cached && now - cached.loadedAt < CACHE_MS) return cached.settings;
	const rows = await db
		.select({ key: table.branchSettings.key, value: table.branchSettings.value })
		.from(table.branchSettings);
	const settings = fromRows(rows);
	remember(settings);
	return settings;
}

/**
 * The settings as last read, for code that renders synchronously (email templates). The web
 * process reads them on every request and the job runner before each run, so this is current.
 */
export function branchSettingsNow(): BranchSettings {
	return cached?.settings ?? defaultBranchSettings();
}

/** Forgets the cached copy, for a process whose database changed underneath it (tests, reset). */
export function forgetBranchSettings() {
	cached = null;
	useSavedBranchName(null);
}

function remember(settings: BranchSettings) {
	cached = { settings, loadedAt: Date.now() };
	useSavedBranchName(settings.name);
}

/**
 * Stores the settings that differ from what is saved, each with an audit record of its old and
 * new value, in one batch. Returns the names of the settings that changed.
 */
export async function saveBranchSettings(
	actor: { id: number } | null,
	values: Partial<BranchSettings>,
	now = new Date()
): Promise<(keyof BranchSettings)[]> {
	forgetBranchSettings();
	const before = await readBranchSettings();
	const changed = branchSettingKeys.filter(
		(key) => values[key] !== undefined && values[key] !== before[key]
	);
	if (changed.length === 0) return [];
	const actorUserId = actor?.id ?? null;
	const changes = Object.fromEntries(changed.map((key) => [key, values[key]]));
	const [first, ...rest] = [
		...branchSettingWrites(db, changes, actorUserId, now),
		...changed.map((key) =>
			auditInsert(
				db,
				{
					actorUserId,
					action: BRANCH_SETTING_CHANGED,
					subjectType: 'branch-setting',
					subjectId: key,
					detail: { from: before[key], to: values[key] }
				},
				now
			)
		)
	];
	await db.batch([first, ...rest]);
	remember({ ...before, ...changes });
	return changed;
}
