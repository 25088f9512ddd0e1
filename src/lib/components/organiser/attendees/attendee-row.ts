// One person as the attendees page lists them: their booking, answers and what the desk needs.
export type AttendeeRow = {
	uid: string;
	name: string;
	membershipNumber: string | null;
	guests: number;
	bookedAt: Date;
	checkedInAt: Date | null;
	waitingNumber: number | null;
	offerExpiresAt: Date | null;
	cancelledAt: Date | null;
	answers: { dietary?: string; employer?: string };
	access: string;
	own: { question: string; text: string; sensitive: boolean }[];
};
