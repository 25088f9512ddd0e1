// Which session a check-in at the door counts for: the latest one that has started or starts
// within the next two hours (people come early), else the first.
const EARLY_MS = 2 * 3_600_000;

export function sessionAtTheDoor<T extends { startsAt: Date | number }>(
	sessions: T[],
	now: Date | number
): T | null {
	const t = typeof now === 'number' ? now : now.getTime();
	const begun = sessions.filter((s) => new Date(s.startsAt).getTime() <= t + EARLY_MS);
	return begun.at(-1) ?? sessions[0] ?? null;
}
