CREATE TABLE `grant_application_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`message` text,
	`actor_user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `grant_applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `grant_history_application_idx` ON `grant_application_history` (`application_id`);--> statement-breakpoint
CREATE TABLE `grant_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`round_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`household_key` text,
	`flags` text DEFAULT '{}' NOT NULL,
	`assisted_by` integer,
	`award_pence` integer,
	`decision_reason` text,
	`decided_by` integer,
	`decided_at` integer,
	`paid_at` integer,
	`payment_reference` text,
	`submitted_at` integer,
	`bank_details_ciphertext` text,
	`erased_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `grant_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assisted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grant_applications_reference_unique` ON `grant_applications` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `grant_applications_one_per_member_round` ON `grant_applications` (`round_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `grant_applications_round_status_idx` ON `grant_applications` (`round_id`,`status`);--> statement-breakpoint
CREATE INDEX `grant_applications_household_idx` ON `grant_applications` (`round_id`,`household_key`);--> statement-breakpoint
CREATE TABLE `grant_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `grant_applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `grant_evidence_application_idx` ON `grant_evidence` (`application_id`);--> statement-breakpoint
CREATE TABLE `grant_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`budget_pence` integer NOT NULL,
	`standard_award_pence` integer NOT NULL,
	`income_threshold_pence` integer NOT NULL,
	`savings_limit_pence` integer NOT NULL,
	`cool_down_months` integer DEFAULT 12 NOT NULL,
	`retention_months` integer DEFAULT 6 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
