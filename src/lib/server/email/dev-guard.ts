// /dev/mail exists only while the dev transport is in use.
import { config } from '../config.ts';

export function devMailEnabled() {
	return config.email.transport === 'dev';
}
