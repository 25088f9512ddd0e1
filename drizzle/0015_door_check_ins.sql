CREATE TABLE `check_ins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`booking_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`checked_in_at` integer NOT NULL,
	`device_id` text NOT NULL,
	`client_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `event_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_ins_client_id_unique` ON `check_ins` (`client_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `check_ins_one_per_session` ON `check_ins` (`booking_id`,`session_id`);--> statement-breakpoint
CREATE INDEX `check_ins_session_idx` ON `check_ins` (`session_id`);--> statement-breakpoint
CREATE TABLE `door_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`token_digest` text NOT NULL,
	`pin_digest` text NOT NULL,
	`label` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`failed_pins` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `door_links_token_digest_unique` ON `door_links` (`token_digest`);--> statement-breakpoint
CREATE INDEX `door_links_event_idx` ON `door_links` (`event_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `attendance_needed` integer;