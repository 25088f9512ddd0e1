export * from './users.ts';
export * from './events.ts';
export * from './bookings.ts';
export * from './email.ts';
export * from './auth.ts';
export * from './members.ts';
export * from './grants.ts';
export * from './jobs.ts';
