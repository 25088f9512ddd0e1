// Signing keys for tickets, certificate codes and door passes, each derived from the server's
// grant data key and its purpose, so a deployment keeps one secret, not several. Each is made
// once as a key object: HMAC given a raw key wraps it anew on every call, four times the work.
import { createHmac, createSecretKey } from 'node:crypto';
import { config } from './config.ts';

export function derivedKey(purpose: string) {
	return createSecretKey(createHmac('sha256', config.grantDataKey.key).update(purpose).digest());
}
