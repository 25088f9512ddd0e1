ALTER TABLE `bookings` ADD `uid` text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE `bookings` ADD `status_changed_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `bookings` SET `uid` = lower(hex(randomblob(10))), `status_changed_at` = `created_at`;--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_uid_unique` ON `bookings` (`uid`);
