// What a server-rendered page says to a person, read from its HTML without a browser: the
// alerts a refused form shows (the error summary and other role="alert" boxes), and the
// message of an error page.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

/** The visible text of an HTML fragment: tags and comments dropped, entities read. */
export function visibleText(html: string) {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => ENTITIES[name])
		.replace(/\s+/g, ' ')
		.trim();
}

/** The text of every element marked role="alert", nested markup included. */
export function alertTexts(html: string) {
	const texts: string[] = [];
	for (const open of html.matchAll(/<(\w+)\b[^>]*\brole="alert"[^>]*>/g)) {
		const tag = open[1];
		const start = open.index + open[0].length;
		const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
		tags.lastIndex = start;
		let depth = 1;
		let end = html.length;
		for (let t = tags.exec(html); t; t = tags.exec(html)) {
			depth += t[1] ? -1 : 1;
			if (depth === 0) {
				end = t.index;
				break;
			}
		}
		texts.push(visibleText(html.slice(start, end)));
	}
	return texts;
}

/** The words under an error page's heading, if this is an error page. */
function errorPageText(html: string) {
	const page =
		/<h1[^>]*>\s*(Page not found|There is a problem|Sorry, the service is busy)\s*<\/h1>([\s\S]*?)<\/main>/.exec(
			html
		);
	return page ? visibleText(page[2]) : '';
}

/**
 * The message a refused request shows the person, or null when the page says nothing a person
 * could act on ("There is a problem" alone is not a message).
 */
export function humanMessage(html: string) {
	const said = [...alertTexts(html), errorPageText(html)]
		.map((text) => text.replace(/^There is a problem\s*/, ''))
		.find((text) => /\p{L}{2,}(?:\s+\S+){2,}/u.test(text));
	return said ?? null;
}

/** The names of the fields a rendered page's forms send. */
export function formFieldNames(html: string) {
	return [...html.matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/g)].map(
		(m) => m[1]
	);
}
