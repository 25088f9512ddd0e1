import { describe, expect, it } from 'vitest';
import { verificationCodeEmail } from './account.ts';
import { renderEmail } from './layout.ts';

const brand = { branchName: 'Birmingham City Branch', origin: 'http://localhost:3000' };

describe('the email layout', () => {
	it('escapes whatever a member typed in the HTML but keeps it readable in the text', () => {
		const email = renderEmail(
			{
				subject: 'Hello',
				preview: 'p',
				heading: '<script>alert(1)</script>',
				blocks: [{ kind: 'paragraph', text: 'Name: "Bob" <b>&</b>' }],
				reason: 'Because.'
			},
			brand
		);
		expect(email.html).not.toContain('<script>');
		expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(email.html).toContain('Name: &quot;Bob&quot; &lt;b&gt;&amp;&lt;/b&gt;');
		expect(email.text).toContain('Name: "Bob" <b>&</b>');
	});

	it('says why the person got the email, in both versions', () => {
		const email = verificationCodeEmail({ email: 'a@b.example', name: 'Amara' }, '12345678', {
			...brand,
			requestId: 9,
			expiresInMinutes: 15
		});
		expect(email.idempotencyKey).toBe('email-verification/9');
		expect(email.subject).toBe('12345678 is your Birmingham City Branch verification code');
		for (const body of [email.text, email.html]) {
			expect(body).toContain('12345678');
			expect(body).toContain('You got this email because');
			expect(body).toContain('expires in 15 minutes');
		}
	});
});
