// /dev/mail exists only while the dev transport is in use. It holds every message, password-reset
// links among them, so only the demo shows it to everyone; on a real branch's database (dev mail
// allowed there with ALLOW_DEV_MAIL=true) only a signed-in admin who has passed two-factor sees it.
import { staffAccess, type Viewer } from '../auth/authorization.ts';
import { config } from '../config.ts';
import { db } from '../db/index.ts';
import { readDatabaseKind } from '../deployment/database-kind.ts';

export async function devMailOpenTo(viewer: Viewer) {
	if (config.email.transport !== 'dev') return false;
	if (staffAccess(viewer, ['admin']) === 'allow') return true;
	return (await readDatabaseKind(db)).kind === 'demo';
}
