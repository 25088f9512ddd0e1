CREATE TABLE `database_kind` (
	`id` integer PRIMARY KEY DEFAULT 1 NOT NULL,
	`kind` text NOT NULL,
	`marked_by` text NOT NULL,
	`marked_at` integer NOT NULL,
	CONSTRAINT "database_kind_one_row" CHECK("database_kind"."id" = 1)
);
