// Calendars in the branch's own time zone: every time is written as Europe/London wall-clock time
// with TZID, and the file carries the zone's VTIMEZONE (from @touch4it/ical-timezones), so a
// calendar anywhere shows a session at the time printed on the poster, summer or winter.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { type ICalCalendarData } from 'ical-generator';
import { LONDON, toLondonIso } from '../../london-time.ts';

// The zone's rules are read from the package's file once, not for every calendar served.
const zones = new Map<string, string | null>();
function vtimezone(zone: string) {
	if (!zones.has(zone)) zones.set(zone, getVtimezoneComponent(zone));
	return zones.get(zone) ?? null;
}

export function londonCalendar(data: ICalCalendarData = {}) {
	return ical({ ...data, timezone: { name: LONDON, generator: vtimezone } });
}

/**
 * An instant as London wall-clock text. ical-generator writes a string without an offset exactly
 * as given under the calendar's zone, whatever zone the server itself runs in.
 */
export function londonWallClock(instant: Date) {
	return `${toLondonIso(instant)}:00`;
}

const utcStamp = (instant: Date) => `${instant.toISOString().replace(/[-:]|\.\d{3}/g, '')}`;

/**
 * The finished file, with every DTSTAMP as the UTC time RFC 5545 requires: ical-generator writes
 * stamps in the calendar's zone without saying which.
 */
export function calendarText(calendar: ReturnType<typeof ical>, stamp: Date) {
	return calendar.toString().replace(/^DTSTAMP:[^\r\n]*/gm, `DTSTAMP:${utcStamp(stamp)}`);
}
