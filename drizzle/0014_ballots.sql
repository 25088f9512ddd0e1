CREATE TABLE `ballot_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`entry_number` integer NOT NULL,
	`guests` integer DEFAULT 0 NOT NULL,
	`answers` text,
	`status` text DEFAULT 'entered' NOT NULL,
	`priority` integer,
	`ineligible_reason` text,
	`booking_uid` text,
	`created_at` integer NOT NULL,
	`status_changed_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_entries_number` ON `ballot_entries` (`event_id`,`entry_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_entries_one_live_per_member` ON `ballot_entries` (`event_id`,`user_id`) WHERE "ballot_entries"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX `ballot_entries_event_status_idx` ON `ballot_entries` (`event_id`,`status`);--> statement-breakpoint
CREATE INDEX `ballot_entries_user_idx` ON `ballot_entries` (`user_id`);--> statement-breakpoint
CREATE TABLE `event_ballots` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`entries_open_at` integer NOT NULL,
	`entries_close_at` integer NOT NULL,
	`draw_at` integer NOT NULL,
	`priority` integer DEFAULT false NOT NULL,
	`seed` text NOT NULL,
	`commitment` text NOT NULL,
	`drawn_at` integer,
	`draw_claim` text,
	`drawn_order` text,
	`draw_summary` text,
	`drawn_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`drawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `events` ADD `allocation` text DEFAULT 'first-come' NOT NULL;