// The winter fuel grant: rounds with a budget, members' applications, their evidence files and
// each application's history of status changes and messages.
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, updatedAtColumn } from './columns.ts';
import { memberColumn, users } from './users.ts';

export const grantStatuses = [
	'draft',
	'submitted',
	'needs-info',
	'approved',
	'declined',
	'paid',
	'withdrawn'
] as const;
export type GrantStatus = (typeof grantStatuses)[number];

export const grantRounds = sqliteTable('grant_rounds', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
	closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
	budgetPence: integer('budget_pence').notNull(),
	standardAwardPence: integer('standard_award_pence').notNull(),
	incomeThresholdPence: integer('income_threshold_pence').notNull(),
	savingsLimitPence: integer('savings_limit_pence').notNull(),
	coolDownMonths: integer('cool_down_months').notNull().default(6),
	retentionMonths: integer('retention_months').notNull().default(6),
	createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: createdAtColumn()
});

export type GrantAnswers = {
	addressLine1?: string;
	addressLine2?: string;
	town?: string;
	postcode?: string;
	adults?: number;
	children?: number;
	paysFuelBills?: boolean;
	supplier?: string;
	paymentType?: 'prepayment' | 'direct-debit' | 'quarterly-bill' | 'other';
	monthlyIncomePence?: number;
	meansTestedBenefit?: string | null;
	savingsUnderLimit?: boolean;
	previousAward?: boolean;
	circumstances?: string;
	payoutMethod?: 'bank' | 'supplier';
	supplierAccountReference?: string;
	declaration?: boolean;
};

export type GrantFlags = {
	duplicateHousehold?: boolean;
	coolDown?: boolean;
	prepayment?: boolean;
	firstTime?: boolean;
};

export const grantApplications = sqliteTable(
	'grant_applications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** What the member and the officer quote, e.g. WFG-7K3Q9D. */
		reference: text('reference').notNull().unique(),
		roundId: integer('round_id')
			.notNull()
			.references(() => grantRounds.id, { onDelete: 'cascade' }),
		userId: memberColumn(),
		status: text('status', { enum: grantStatuses }).notNull().default('draft'),
		answers: text('answers', { mode: 'json' })
			.$type<GrantAnswers>()
			.notNull()
			.default(sql`'{}'`),
		householdKey: text('household_key'),
		flags: text('flags', { mode: 'json' })
			.$type<GrantFlags>()
			.notNull()
			.default(sql`'{}'`),
		/** The welfare officer who filled the application in with the member, if one did. */
		assistedBy: integer('assisted_by').references(() => users.id, { onDelete: 'set null' }),
		awardPence: integer('award_pence'),
		decisionReason: text('decision_reason'),
		decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
		paymentReference: text('payment_reference'),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		/** AES-256-GCM ciphertext of the bank details (grants/bank-details.ts); never plain. */
		bankDetailsCiphertext: text('bank_details_ciphertext'),
		/** Set when retention removed the financial answers, evidence and bank details. */
		erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
		createdAt: createdAtColumn(),
		updatedAt: updatedAtColumn()
	},
	(t) => [
		uniqueIndex('grant_applications_one_per_member_round').on(t.roundId, t.userId),
		index('grant_applications_round_status_idx').on(t.roundId, t.status),
		index('grant_applications_household_idx').on(t.roundId, t.householdKey)
	]
);

export const grantEvidence = sqliteTable(
	'grant_evidence',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		applicationId: integer('application_id')
			.notNull()
			.references(() => grantApplications.id, { onDelete: 'cascade' }),
		filename: text('filename').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		data: blob('data', { mode: 'buffer' }).notNull(),
		uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' })
			.notNull()
			.$defaultFn(() => new Date())
	},
	(t) => [index('grant_evidence_application_idx').on(t.applicationId)]
);

export const grantHistoryKinds = ['status', 'message', 'reply'] as const;

export const grantApplicationHistory = sqliteTable(
	'grant_application_history',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		applicationId: integer('application_id')
			.notNull()
			.references(() => grantApplications.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: grantHistoryKinds }).notNull(),
		fromStatus: text('from_status', { enum: grantStatuses }),
		toStatus: text('to_status', { enum: grantStatuses }),
		message: text('message'),
		actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAtColumn()
	},
	(t) => [index('grant_history_application_idx').on(t.applicationId)]
);

export type GrantRound = typeof grantRounds.$inferSelect;
export type GrantApplication = typeof grantApplications.$inferSelect;
export type GrantEvidence = typeof grantEvidence.$inferSelect;
export type GrantHistoryEntry = typeof grantApplicationHistory.$inferSelect;
