// The field where staff type the member they mean, by email address or membership number, as
// Valibot schemas: what is looked up (trimmed), or the form's own message when it is left blank.
import * as v from 'valibot';
import { checkField } from '../form-schema.ts';

const memberLookup = (blank: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(blank));

const ATTENDEE_TO_ADD = memberLookup('Enter the member’s email address or membership number');
const MEMBER_TO_ASSIST = memberLookup('Enter the member’s membership number or email address');

type Lookup = { ok: true; key: string } | { ok: false; error: string };

function read(schema: typeof ATTENDEE_TO_ADD, typed: string): Lookup {
	const checked = checkField(schema, typed);
	return checked.ok ? { ok: true, key: checked.value } : checked;
}

/** The member an organiser adds to an event's attendees. */
export const readAttendeeToAdd = (typed: string) => read(ATTENDEE_TO_ADD, typed);

/** The member a welfare officer fills in a grant application with. */
export const readMemberToAssist = (typed: string) => read(MEMBER_TO_ASSIST, typed);
