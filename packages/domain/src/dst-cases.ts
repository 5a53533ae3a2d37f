/**
 * One table of wall-clock times around daylight-saving changes and the UTC instants Bridgeway
 * stores for them. The web's form helpers and the server's schedule code each run it in their
 * tests, so the two ends cannot disagree about what "18:00 in New York" means on a given day.
 *
 * Plain data, no I/O. Dates are in 2026: the US changes on 8 March and 1 November, the UK on
 * 29 March and 25 October, New South Wales on 5 April (back) and 4 October (forward).
 */
export type DstCase = {
  zone: string;
  /** Wall-clock date, `YYYY-MM-DD`, in `zone`. */
  date: string;
  /** Wall-clock time, `HH:MM`, in `zone`. */
  time: string;
  /** `gap`: the time is skipped when clocks go forward; `overlap`: it happens twice. */
  kind: "ordinary" | "gap" | "overlap";
  /** The instant expected, as `Date#toISOString` writes it. */
  utc: string;
  /** The zone's offset at that instant, as an ISO offset (`-04:00`). */
  offset: string;
  note: string;
};

// Kept as a table, one case a line, so it reads as one.
// prettier-ignore
export const DST_CASES: readonly DstCase[] = [
  // America/New_York: EST -05:00, EDT -04:00.
  { zone: "America/New_York", date: "2026-03-07", time: "18:00", kind: "ordinary", utc: "2026-03-07T23:00:00.000Z", offset: "-05:00", note: "evening before the change, standard time" },
  { zone: "America/New_York", date: "2026-03-08", time: "01:59", kind: "ordinary", utc: "2026-03-08T06:59:00.000Z", offset: "-05:00", note: "last minute of standard time" },
  { zone: "America/New_York", date: "2026-03-08", time: "02:00", kind: "gap", utc: "2026-03-08T07:00:00.000Z", offset: "-04:00", note: "start of the skipped hour: 03:00 EDT" },
  { zone: "America/New_York", date: "2026-03-08", time: "02:30", kind: "gap", utc: "2026-03-08T07:30:00.000Z", offset: "-04:00", note: "skipped, moved forward by the gap: 03:30 EDT" },
  { zone: "America/New_York", date: "2026-03-08", time: "03:00", kind: "ordinary", utc: "2026-03-08T07:00:00.000Z", offset: "-04:00", note: "first minute of daylight time" },
  { zone: "America/New_York", date: "2026-03-08", time: "18:00", kind: "ordinary", utc: "2026-03-08T22:00:00.000Z", offset: "-04:00", note: "evening of the change, daylight time" },
  { zone: "America/New_York", date: "2026-10-31", time: "18:00", kind: "ordinary", utc: "2026-10-31T22:00:00.000Z", offset: "-04:00", note: "evening before the change, daylight time" },
  { zone: "America/New_York", date: "2026-11-01", time: "00:59", kind: "ordinary", utc: "2026-11-01T04:59:00.000Z", offset: "-04:00", note: "before the repeated hour" },
  { zone: "America/New_York", date: "2026-11-01", time: "01:00", kind: "overlap", utc: "2026-11-01T05:00:00.000Z", offset: "-04:00", note: "repeated hour: the first 01:00, EDT" },
  { zone: "America/New_York", date: "2026-11-01", time: "01:30", kind: "overlap", utc: "2026-11-01T05:30:00.000Z", offset: "-04:00", note: "repeated hour: the first 01:30, EDT" },
  { zone: "America/New_York", date: "2026-11-01", time: "02:00", kind: "ordinary", utc: "2026-11-01T07:00:00.000Z", offset: "-05:00", note: "after the repeated hour, standard time" },
  { zone: "America/New_York", date: "2026-11-01", time: "18:00", kind: "ordinary", utc: "2026-11-01T23:00:00.000Z", offset: "-05:00", note: "evening of the change, standard time" },

  // America/Chicago: CST -06:00, CDT -05:00.
  { zone: "America/Chicago", date: "2026-03-08", time: "01:59", kind: "ordinary", utc: "2026-03-08T07:59:00.000Z", offset: "-06:00", note: "last minute of standard time" },
  { zone: "America/Chicago", date: "2026-03-08", time: "02:30", kind: "gap", utc: "2026-03-08T08:30:00.000Z", offset: "-05:00", note: "skipped, moved forward by the gap: 03:30 CDT" },
  { zone: "America/Chicago", date: "2026-03-08", time: "03:00", kind: "ordinary", utc: "2026-03-08T08:00:00.000Z", offset: "-05:00", note: "first minute of daylight time" },
  { zone: "America/Chicago", date: "2026-11-01", time: "01:30", kind: "overlap", utc: "2026-11-01T06:30:00.000Z", offset: "-05:00", note: "repeated hour: the first 01:30, CDT" },
  { zone: "America/Chicago", date: "2026-11-01", time: "02:00", kind: "ordinary", utc: "2026-11-01T08:00:00.000Z", offset: "-06:00", note: "after the repeated hour, standard time" },

  // America/Los_Angeles: PST -08:00, PDT -07:00.
  { zone: "America/Los_Angeles", date: "2026-03-08", time: "01:59", kind: "ordinary", utc: "2026-03-08T09:59:00.000Z", offset: "-08:00", note: "last minute of standard time" },
  { zone: "America/Los_Angeles", date: "2026-03-08", time: "02:30", kind: "gap", utc: "2026-03-08T10:30:00.000Z", offset: "-07:00", note: "skipped, moved forward by the gap: 03:30 PDT" },
  { zone: "America/Los_Angeles", date: "2026-03-08", time: "18:00", kind: "ordinary", utc: "2026-03-09T01:00:00.000Z", offset: "-07:00", note: "evening of the change falls on the next UTC day" },
  { zone: "America/Los_Angeles", date: "2026-11-01", time: "01:30", kind: "overlap", utc: "2026-11-01T08:30:00.000Z", offset: "-07:00", note: "repeated hour: the first 01:30, PDT" },
  { zone: "America/Los_Angeles", date: "2026-11-01", time: "02:00", kind: "ordinary", utc: "2026-11-01T10:00:00.000Z", offset: "-08:00", note: "after the repeated hour, standard time" },

  // America/Phoenix: MST -07:00 all year; the hours other US zones skip or repeat are ordinary.
  { zone: "America/Phoenix", date: "2026-03-08", time: "02:30", kind: "ordinary", utc: "2026-03-08T09:30:00.000Z", offset: "-07:00", note: "no daylight saving: exists once, as in winter" },
  { zone: "America/Phoenix", date: "2026-07-01", time: "09:00", kind: "ordinary", utc: "2026-07-01T16:00:00.000Z", offset: "-07:00", note: "summer keeps the winter offset" },
  { zone: "America/Phoenix", date: "2026-11-01", time: "01:30", kind: "ordinary", utc: "2026-11-01T08:30:00.000Z", offset: "-07:00", note: "no daylight saving: happens once" },

  // Europe/London: GMT +00:00, BST +01:00.
  { zone: "Europe/London", date: "2026-03-28", time: "18:00", kind: "ordinary", utc: "2026-03-28T18:00:00.000Z", offset: "+00:00", note: "evening before the change, GMT" },
  { zone: "Europe/London", date: "2026-03-29", time: "00:30", kind: "ordinary", utc: "2026-03-29T00:30:00.000Z", offset: "+00:00", note: "before the skipped hour" },
  { zone: "Europe/London", date: "2026-03-29", time: "01:00", kind: "gap", utc: "2026-03-29T01:00:00.000Z", offset: "+01:00", note: "start of the skipped hour: 02:00 BST" },
  { zone: "Europe/London", date: "2026-03-29", time: "01:30", kind: "gap", utc: "2026-03-29T01:30:00.000Z", offset: "+01:00", note: "skipped, moved forward by the gap: 02:30 BST" },
  { zone: "Europe/London", date: "2026-03-29", time: "02:00", kind: "ordinary", utc: "2026-03-29T01:00:00.000Z", offset: "+01:00", note: "first minute of BST" },
  { zone: "Europe/London", date: "2026-03-29", time: "18:00", kind: "ordinary", utc: "2026-03-29T17:00:00.000Z", offset: "+01:00", note: "evening of the change, BST" },
  { zone: "Europe/London", date: "2026-10-24", time: "18:00", kind: "ordinary", utc: "2026-10-24T17:00:00.000Z", offset: "+01:00", note: "evening before the change, BST" },
  { zone: "Europe/London", date: "2026-10-25", time: "00:30", kind: "ordinary", utc: "2026-10-24T23:30:00.000Z", offset: "+01:00", note: "before the repeated hour, on the previous UTC day" },
  { zone: "Europe/London", date: "2026-10-25", time: "01:00", kind: "overlap", utc: "2026-10-25T00:00:00.000Z", offset: "+01:00", note: "repeated hour: the first 01:00, BST" },
  { zone: "Europe/London", date: "2026-10-25", time: "01:30", kind: "overlap", utc: "2026-10-25T00:30:00.000Z", offset: "+01:00", note: "repeated hour: the first 01:30, BST" },
  { zone: "Europe/London", date: "2026-10-25", time: "02:00", kind: "ordinary", utc: "2026-10-25T02:00:00.000Z", offset: "+00:00", note: "after the repeated hour, GMT" },
  { zone: "Europe/London", date: "2026-10-25", time: "18:00", kind: "ordinary", utc: "2026-10-25T18:00:00.000Z", offset: "+00:00", note: "evening of the change, GMT" },

  // Australia/Sydney: AEST +10:00, AEDT +11:00; southern summer, so clocks go back in April.
  { zone: "Australia/Sydney", date: "2026-04-05", time: "01:30", kind: "ordinary", utc: "2026-04-04T14:30:00.000Z", offset: "+11:00", note: "before the repeated hour, AEDT" },
  { zone: "Australia/Sydney", date: "2026-04-05", time: "02:00", kind: "overlap", utc: "2026-04-04T15:00:00.000Z", offset: "+11:00", note: "repeated hour: the first 02:00, AEDT" },
  { zone: "Australia/Sydney", date: "2026-04-05", time: "02:30", kind: "overlap", utc: "2026-04-04T15:30:00.000Z", offset: "+11:00", note: "repeated hour: the first 02:30, AEDT" },
  { zone: "Australia/Sydney", date: "2026-04-05", time: "03:00", kind: "ordinary", utc: "2026-04-04T17:00:00.000Z", offset: "+10:00", note: "after the repeated hour, AEST" },
  { zone: "Australia/Sydney", date: "2026-04-05", time: "18:00", kind: "ordinary", utc: "2026-04-05T08:00:00.000Z", offset: "+10:00", note: "evening of the change, AEST" },
  { zone: "Australia/Sydney", date: "2026-10-03", time: "18:00", kind: "ordinary", utc: "2026-10-03T08:00:00.000Z", offset: "+10:00", note: "evening before the change, AEST" },
  { zone: "Australia/Sydney", date: "2026-10-04", time: "01:30", kind: "ordinary", utc: "2026-10-03T15:30:00.000Z", offset: "+10:00", note: "before the skipped hour, AEST" },
  { zone: "Australia/Sydney", date: "2026-10-04", time: "02:00", kind: "gap", utc: "2026-10-03T16:00:00.000Z", offset: "+11:00", note: "start of the skipped hour: 03:00 AEDT" },
  { zone: "Australia/Sydney", date: "2026-10-04", time: "02:30", kind: "gap", utc: "2026-10-03T16:30:00.000Z", offset: "+11:00", note: "skipped, moved forward by the gap: 03:30 AEDT" },
  { zone: "Australia/Sydney", date: "2026-10-04", time: "03:00", kind: "ordinary", utc: "2026-10-03T16:00:00.000Z", offset: "+11:00", note: "first minute of AEDT" },
  { zone: "Australia/Sydney", date: "2026-10-04", time: "18:00", kind: "ordinary", utc: "2026-10-04T07:00:00.000Z", offset: "+11:00", note: "evening of the change, AEDT" },
];
