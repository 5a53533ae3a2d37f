import { stringify } from "csv-stringify/sync";

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula; names are typed by people, so such cells are prefixed to stay plain text.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV file (RFC 4180, CRLF line ends) of a header row and data rows. */
export function csvFile(header: readonly string[], rows: readonly string[][]): string {
  return stringify([[...header], ...rows], { record_delimiter: "\r\n" });
}
