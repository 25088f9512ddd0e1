// The kinds of question an organiser can add to an event's booking form, named as the editor
// shows them. Shared by the server rules and the editor component.
export const BOOKING_QUESTION_TYPES = {
	'short-text': 'Short text',
	'long-text': 'Long text',
	'one-choice': 'One choice from a list',
	'several-choices': 'Several choices from a list',
	'yes-no': 'Yes or no',
	number: 'A number'
} as const;

export type BookingQuestionType = keyof typeof BOOKING_QUESTION_TYPES;

export const bookingQuestionTypes = Object.keys(BOOKING_QUESTION_TYPES) as BookingQuestionType[];

/** A question as the organiser wrote it and a member is asked it. */
export type QuestionDraft = {
	type: BookingQuestionType;
	wording: string;
	hint: string | null;
	options: string[];
	required: boolean;
	sensitive: boolean;
};

/** Types whose answers are picked from the organiser's list of options. */
export function takesOptions(type: BookingQuestionType) {
	return type === 'one-choice' || type === 'several-choices';
}

/** A question's wording as the lead-in to its answer: "Which workplace?" stays as it is, "Shift
 * pattern" becomes "Shift pattern:". */
export function answerLead(wording: string) {
	return /[?:!.]$/.test(wording.trim()) ? wording.trim() : `${wording.trim()}:`;
}
