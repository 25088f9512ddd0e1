// What the booking-question editor works with: a question as the organiser sees it (with how
// many answers it has), and the form's values, filled from the question being changed.
import type { QuestionDraft } from '$lib/booking-question-types';

export type EditableQuestion = QuestionDraft & { id: number; hidden: boolean; answers: number };

export type QuestionValues = Record<
	'type' | 'wording' | 'hint' | 'options' | 'required' | 'sensitive',
	string
>;

/** The form as it opens: the chosen question's settings, or empty for a new question. */
export function formValues(changing: EditableQuestion | null): QuestionValues {
	if (!changing)
		return { type: '', wording: '', hint: '', options: '', required: '', sensitive: '' };
	return {
		type: changing.type,
		wording: changing.wording,
		hint: changing.hint ?? '',
		options: changing.options.join('\n'),
		required: changing.required ? 'yes' : '',
		sensitive: changing.sensitive ? 'yes' : ''
	};
}
