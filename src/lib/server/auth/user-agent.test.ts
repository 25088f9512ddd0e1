import { describe, expect, it } from 'vitest';
import { describeDevice, deviceName } from './user-agent.ts';

const SEEN = {
	chromeWindows:
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
	edgeWindows:
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
	firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
	safariMac:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
	safariIphone:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
	chromeIphone:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
	samsungAndroid:
		'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
	chromeAndroid:
		'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
	firefoxIpad:
		'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15',
	operaWindows:
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
	chromebook:
		'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
};

describe('the device a session was signed in on', () => {
	it('is named by its browser and system, as people know them', () => {
		expect(describeDevice(SEEN.chromeWindows)).toEqual({ browser: 'Chrome', system: 'Windows' });
		expect(deviceName(SEEN.edgeWindows)).toBe('Edge on Windows');
		expect(deviceName(SEEN.firefoxLinux)).toBe('Firefox on Linux');
		expect(deviceName(SEEN.safariMac)).toBe('Safari on macOS');
		expect(deviceName(SEEN.safariIphone)).toBe('Safari on iPhone');
		expect(deviceName(SEEN.chromeIphone)).toBe('Chrome on iPhone');
		expect(deviceName(SEEN.samsungAndroid)).toBe('Samsung Internet on Android');
		expect(deviceName(SEEN.chromeAndroid)).toBe('Chrome on Android');
		expect(deviceName(SEEN.firefoxIpad)).toBe('Firefox on iPad');
		expect(deviceName(SEEN.operaWindows)).toBe('Opera on Windows');
		expect(deviceName(SEEN.chromebook)).toBe('Chrome on ChromeOS');
	});

	it('is said to be unknown when the browser sent nothing recognisable', () => {
		expect(deviceName(null)).toBe('Unknown browser on unknown system');
		expect(deviceName('curl/8.5.0')).toBe('Unknown browser on unknown system');
		expect(deviceName('<script>alert(1)</script>')).toBe('Unknown browser on unknown system');
	});
});
