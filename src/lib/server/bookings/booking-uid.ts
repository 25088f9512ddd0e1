// Bookings are named by a random id chosen before they are written, so the confirmation email
// and its calendar UID can go in the same atomic write as the booking itself.
import { generateSecret } from '../auth/secrets.ts';

export function newBookingUid() {
	return generateSecret(16);
}
