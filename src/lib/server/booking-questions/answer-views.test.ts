import { describe, expect, it } from 'vitest';
import type { BookingQuestion } from '../db/schema/index.ts';
import { answerFilterChoices } from './answer-views.ts';

function question(fields: Partial<BookingQuestion>): BookingQuestion {
	const now = new Date();
	return {
		id: 1,
		eventId: 1,
		type: 'one-choice',
		wording: 'Shift pattern',
		hint: null,
		options: [],
		required: false,
		sensitive: false,
		hidden: false,
		position: 1,
		createdAt: now,
		updatedAt: now,
		...fields
	};
}

describe('the attendee list filter by answer', () => {
	it('offers each choice under its question, without a colon after a question mark', () => {
		const choices = answerFilterChoices([
			question({ id: 4, wording: 'Which shift pattern do you work?', options: ['Days', 'Nights'] }),
			question({ id: 5, wording: 'Shift pattern', options: ['Earlies'] }),
			question({ id: 6, type: 'yes-no', wording: 'Newly elected rep' }),
			question({ id: 7, type: 'short-text', wording: 'Workplace' })
		]);
		expect(choices).toEqual([
			{ value: '4:Days', label: 'Which shift pattern do you work? Days' },
			{ value: '4:Nights', label: 'Which shift pattern do you work? Nights' },
			{ value: '5:Earlies', label: 'Shift pattern: Earlies' },
			{ value: '6:Yes', label: 'Newly elected rep: Yes' },
			{ value: '6:No', label: 'Newly elected rep: No' }
		]);
	});
});
