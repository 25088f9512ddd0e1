// A member's answer when a welfare officer asks for more information on their application, as
// a Valibot schema with its GOV.UK messages.
import * as v from 'valibot';
import { checkForm, requiredText } from '../form-schema.ts';

const REPLY = v.object({
	reply: requiredText(
		'Enter your answer to the welfare officer',
		2000,
		'Keep your answer to 2,000 characters or fewer'
	)
});

/** The answer as typed, or a message to fix it. */
export const checkReply = (input: { reply: string }) => checkForm(REPLY, input);
