CREATE TABLE `grant_draw_places` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`position` integer NOT NULL,
	`reserve_position` integer,
	FOREIGN KEY (`application_id`) REFERENCES `grant_applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `grant_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grant_draw_places_position` ON `grant_draw_places` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `grant_round_draws` (
	`round_id` integer PRIMARY KEY NOT NULL,
	`seed` text NOT NULL,
	`commitment` text NOT NULL,
	`drawn_at` integer,
	`draw_claim` text,
	`drawn_order` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `grant_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
