// How a ballot's times read, on the event page, the listing and in emails (London time).
import { formatDay, formatDayAndTime, formatTime } from './london-time.ts';

type Times = { entriesCloseAt: Date; drawAt: Date };

/** { closes: 'Tue 12 Jan, 12:00pm', drawn: 'at 12:05pm' } (or 'on Wed 13 Jan, 9:00am'). */
export function drawTimes(ballot: Times) {
	const sameDay = formatDay(ballot.drawAt) === formatDay(ballot.entriesCloseAt);
	const drawn = sameDay ? formatTime(ballot.drawAt) : formatDayAndTime(ballot.drawAt);
	return {
		closes: formatDayAndTime(ballot.entriesCloseAt),
		drawn: `${sameDay ? 'at' : 'on'} ${drawn}`
	};
}

/** "Enter the ballot: entries close Tue 12 Jan, 12:00pm. Places are drawn at 12:05pm and everyone hears by email." */
export function ballotInvitation(ballot: Times) {
	const { closes, drawn } = drawTimes(ballot);
	return `Enter the ballot: entries close ${closes}. Places are drawn ${drawn} and everyone hears by email.`;
}
