export * from './users.ts';
export * from './events.ts';
export * from './bookings.ts';
export * from './email.ts';
