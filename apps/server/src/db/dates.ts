/** The calendar date (UTC) a `@db.Date` column holds, as `YYYY-MM-DD`. */
export const dateOnly = (date: Date): string => date.toISOString().slice(0, 10);
/** A `YYYY-MM-DD` date as the UTC midnight a `@db.Date` column stores. */
export const asDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);
