import { randomBytes } from "node:crypto";
import {
  addDaysToDate,
  SCHEDULE_HORIZON_WEEKS,
  sessionKindInfo,
  type Actor,
  type CalendarFeed,
} from "@bridgeway/domain";
import ical, { ICalEventStatus } from "ical-generator";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import { hashToken } from "../auth/sign-ins";
import type { Clock } from "../clock";
import { notFound } from "../http/errors";
import { startOfLocalDay } from "../sessions/pattern-occurrences";
import type { CalendarRepository } from "./calendar-repository";
import type { SessionDirectory } from "../sessions/session-directory";

type Context = AuditContext & { actor: Actor };

/** How far back a feed reaches, so a calendar keeps the recent past. */
const FEED_PAST_DAYS = 30;

/**
 * Personal calendar feeds at secret URLs. Events say only the kind of session and link back to
 * Bridgeway: calendars are often shared or synced to other services, so no cohort, program or
 * other person's name goes into them.
 */
export function createCalendarFeeds(deps: {
  repo: CalendarRepository;
  directory: SessionDirectory;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, directory, audit, clock } = deps;

  return {
    async status(context: Context): Promise<CalendarFeed> {
      const feed = await repo.calendarFeed(context.actor.userId);
      return {
        url: null,
        active: feed !== null,
        createdAt: feed ? feed.createdAt.toISOString() : null,
      };
    },

    /** A new secret URL; any earlier one stops working. */
    async create(context: Context, origin: string): Promise<CalendarFeed> {
      const token = randomBytes(32).toString("base64url");
      const feed = await audit.change(
        context,
        "create",
        "calendar-feed",
        (tx) => repo.setCalendarFeed(tx, context.actor.userId, hashToken(token)),
        () => context.actor.userId,
      );
      return {
        url: `${origin}/api/calendar/${token}.ics`,
        active: true,
        createdAt: feed.createdAt.toISOString(),
      };
    },

    async revoke(context: Context): Promise<void> {
      await audit.change(
        context,
        "delete",
        "calendar-feed",
        (tx) => repo.deleteCalendarFeed(tx, context.actor.userId),
        () => context.actor.userId,
      );
    },

    /** The feed's ICS text, or 404 for an unknown or revoked token. */
    async ics(token: string, origin: string, context: AuditContext): Promise<string> {
      const user = await repo.userByCalendarToken(hashToken(token));
      if (!user) throw notFound("calendar");
      const today = startOfLocalDay(
        new Date(clock.now()).toISOString().slice(0, 10),
        user.timeZone,
      );
      const from = new Date(today.getTime() - FEED_PAST_DAYS * 86_400_000);
      const to = startOfLocalDay(
        addDaysToDate(clock.now().toISOString().slice(0, 10), SCHEDULE_HORIZON_WEEKS * 7),
        user.timeZone,
      );
      const sessions =
        user.role === "PARTICIPANT"
          ? await directory.sessionsOfParticipant(user.id, from, to)
          : user.role === "FACILITATOR"
            ? await directory.sessionsOfFacilitator(user.id, from, to)
            : user.role === "FAMILY"
              ? await directory.sessionsOfFamily(user.id, from, to)
              : [];
      await audit.record(
        {
          ...context,
          actor: { userId: user.id, role: user.role, organizationId: user.organizationId },
        },
        "read",
        { type: "calendar-feed", id: user.id },
        "success",
      );
      const calendar = ical({
        name: "Bridgeway sessions",
        prodId: { company: "Bridgeway", product: "Sessions", language: "EN" },
        ttl: 60 * 60,
      });
      for (const session of sessions) {
        const link = `${origin}/sessions/${session.id}`;
        calendar.createEvent({
          id: `${session.id}@bridgeway`,
          start: session.startsAt,
          end: session.endsAt,
          summary: sessionKindInfo(session.kind).label,
          description: `Join from Bridgeway: ${link}`,
          url: link,
          status:
            session.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        });
      }
      return calendar.toString();
    },
  };
}

export type CalendarFeeds = ReturnType<typeof createCalendarFeeds>;
