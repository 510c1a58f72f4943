// Every module's tables, for Drizzle's relational queries and drizzle-kit. One line per module.

export * from '../http/idempotency.tables';
export * from '../modules/audit/audit.tables';
export * from '../modules/auth/auth.tables';
export * from '../modules/bookings/bookings.tables';
export * from '../modules/catalog/catalog.tables';
export * from '../modules/chat/chat.tables';
export * from '../modules/disputes/disputes.tables';
export * from '../modules/notifications/notifications.tables';
export * from '../modules/payments/payments.tables';
export * from '../modules/providers/providers.tables';
export * from '../modules/reviews/reviews.tables';
export * from '../modules/search/search.tables';
export * from '../modules/users/users.tables';
