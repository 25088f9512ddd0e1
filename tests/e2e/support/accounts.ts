// Signing in and out as a person does, addresses no other test uses, and stored passwords.
import { expect, type Page } from '@playwright/test';
import { hashPassword } from '../../../src/lib/server/auth/password.ts';

let serial = 0;
/** An address no other test uses, even across runs against the same server. */
export function uniqueEmail(label: string) {
	return `${label}-${Date.now()}-${process.pid}-${++serial}@example.org`;
}

export async function signIn(page: Page, email: string, password: string) {
	if (!page.url().includes('/login')) await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
}

const hashes = new Map<string, Promise<string>>();
/**
 * The stored form of a test password. Argon2 is slow on purpose, so each password is hashed
 * once per test process and its hash shared by the accounts written with it.
 */
export function storedPassword(password: string) {
	if (!hashes.has(password)) hashes.set(password, hashPassword(password));
	return hashes.get(password)!;
}
