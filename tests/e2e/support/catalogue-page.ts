import { expect, type Page } from '@playwright/test';

/** The public event listing at /events, as a member uses it. */
export class CataloguePage {
	readonly page: Page;

	constructor(page: Page) {
		this.page = page;
	}

	async open(query = '') {
		await this.page.goto(`/events${query}`);
	}

	cards() {
		return this.page.locator('article');
	}

	cardTitled(title: string) {
		return this.cards().filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
	}

	async chooseCategory(heading: string) {
		await this.page
			.getByRole('navigation', { name: 'Event categories' })
			.getByRole('link', { name: heading })
			.click();
	}

	async search(words: string) {
		await this.page.getByLabel('Search events').fill(words);
		await this.page.getByRole('button', { name: 'Search' }).click();
	}

	async expectEveryCardTagged(label: string) {
		const tags = await this.cards().locator('.tag').allTextContents();
		expect(tags.length).toBeGreaterThan(0);
		expect(new Set(tags)).toEqual(new Set([label]));
	}
}
