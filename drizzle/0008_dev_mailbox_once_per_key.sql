-- A mailbox kept before this index may hold repeats of one message: keep the first copy of each.
DELETE FROM `dev_mailbox` WHERE `id` NOT IN (SELECT min(`id`) FROM `dev_mailbox` GROUP BY `idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `dev_mailbox_idempotency_key_unique` ON `dev_mailbox` (`idempotency_key`);
