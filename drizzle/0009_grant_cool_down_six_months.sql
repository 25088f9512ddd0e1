PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_grant_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`budget_pence` integer NOT NULL,
	`standard_award_pence` integer NOT NULL,
	`income_threshold_pence` integer NOT NULL,
	`savings_limit_pence` integer NOT NULL,
	`cool_down_months` integer DEFAULT 6 NOT NULL,
	`retention_months` integer DEFAULT 6 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_grant_rounds`("id", "name", "opens_at", "closes_at", "budget_pence", "standard_award_pence", "income_threshold_pence", "savings_limit_pence", "cool_down_months", "retention_months", "created_by", "created_at") SELECT "id", "name", "opens_at", "closes_at", "budget_pence", "standard_award_pence", "income_threshold_pence", "savings_limit_pence", "cool_down_months", "retention_months", "created_by", "created_at" FROM `grant_rounds`;--> statement-breakpoint
DROP TABLE `grant_rounds`;--> statement-breakpoint
ALTER TABLE `__new_grant_rounds` RENAME TO `grant_rounds`;--> statement-breakpoint
PRAGMA foreign_keys=ON;