CREATE TABLE `job_runs` (
	`job` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL,
	`last_outcome` text NOT NULL,
	`every_ms` integer NOT NULL
);
