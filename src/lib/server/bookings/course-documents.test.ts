import { beforeEach, describe, expect, it } from 'vitest';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { loadCourseDocument } from './course-documents.ts';

beforeEach(emptyDatabase);

describe('course papers', () => {
	it('open for the member and the course’s desk only, for confirmed course places', async () => {
		const course = await createEvent({ category: 'course', title: 'Equal pay: know your rights' });
		const member = await createMember({ membershipNumber: 'B777' });
		const booking = await createBooking(course, {
			userId: member.id,
			answers: { employer: 'Birmingham City Council' }
		});
		const letter = await loadCourseDocument(booking.uid, { userId: member.id });
		expect(letter).toMatchObject({
			member: { membershipNumber: 'B777' },
			employer: 'Birmingham City Council',
			event: { title: 'Equal pay: know your rights' },
			checkedInAt: null
		});
		expect(letter?.sessions).toHaveLength(1);
		expect(await loadCourseDocument(booking.uid, { eventId: course.id })).not.toBeNull();

		const stranger = await createMember();
		expect(await loadCourseDocument(booking.uid, { userId: stranger.id })).toBeNull();
		const other = await createEvent({ category: 'course' });
		expect(await loadCourseDocument(booking.uid, { eventId: other.id })).toBeNull();

		const social = await createEvent({ category: 'celebration' });
		const party = await createBooking(social, { userId: member.id });
		expect(await loadCourseDocument(party.uid, { userId: member.id })).toBeNull();
		const waiting = await createBooking(other, {
			userId: member.id,
			status: 'waitlisted',
			waitlistPosition: 1
		});
		expect(await loadCourseDocument(waiting.uid, { userId: member.id })).toBeNull();
	});
});
