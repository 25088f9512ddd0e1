// A device named the way its owner would recognise it ("Firefox on Windows"), read from the
// browser's User-Agent with a few patterns. No lookup, no location: only what the browser sent.

export type DeviceDescription = { browser: string; system: string };

// Order matters: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
	[/\bEdg(?:e|A|iOS)?\//, 'Edge'],
	[/\b(?:OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(?:Firefox|FxiOS)\//, 'Firefox'],
	[/\b(?:Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
	[/\bMSIE |\bTrident\//, 'Internet Explorer']
];

const SYSTEMS: [RegExp, string][] = [
	[/\b(?:iPhone|iPod)\b/, 'iPhone'],
	[/\biPad\b/, 'iPad'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux']
];

export function describeDevice(userAgent: string | null | undefined): DeviceDescription {
	const ua = userAgent ?? '';
	const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? 'Unknown browser';
	const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? 'unknown system';
	return { browser, system };
}

/** "Firefox on Windows", as the list of signed-in devices shows it. */
export function deviceName(userAgent: string | null | undefined) {
	const { browser, system } = describeDevice(userAgent);
	return `${browser} on ${system}`;
}
