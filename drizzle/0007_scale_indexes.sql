DROP INDEX `bookings_event_status_idx`;--> statement-breakpoint
CREATE INDEX `bookings_offer_expiry_idx` ON `bookings` (`offer_expires_at`) WHERE "bookings"."status" = 'offered';--> statement-breakpoint
CREATE INDEX `bookings_event_status_idx` ON `bookings` (`event_id`,`status`,`guests`);--> statement-breakpoint
CREATE INDEX `users_admin_list_idx` ON `users` (("roles" = '[]'),lower("name"),`id`);