import { sql } from 'drizzle-orm';
import { bigint, customType, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid().primaryKey().default(sql`gen_random_uuid()`);
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
export const tstz = () => timestamp({ withTimezone: true });
/** Money: integer paise. JS number is exact up to 2^53 paise (~90 trillion rupees). */
export const paise = () => bigint({ mode: 'number' });

export const tstzrange = customType<{ data: string }>({
  dataType: () => 'tstzrange',
});
