import {
  CHECK_IN_LEAD_MINUTES,
  decide,
  DEFAULT_REMINDER_PREFERENCES,
  NOT_JOINED_AFTER_MINUTES,
  type CheckInInput,
  type NotJoinedDto,
  dueReminder,
  inQuietHours,
  REMINDER_LEAD_MINUTES,
  reminderChannels,
  type ReminderPreferences,
  type ReminderPreferencesDto,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Actor } from "@bridgeway/domain";
import type { Clock } from "../clock";
import { conflict, notFound } from "../http/errors";
import { formatTime, localeOf, messagesFor, sessionWhen } from "../i18n/messages";
import type { Logger } from "../logger";
import type { Mailer } from "../mail/mailer";
import type { OccurrenceRecord, OccurrenceRepository } from "../sessions/occurrence-repository";
import type { PeopleRepository } from "../people/people-repository";
import type { SessionDirectory, SessionPeople } from "../sessions/session-directory";
import type { NewReminder, ReminderPerson, ReminderRepository } from "./reminder-repository";
import type { SmsSender } from "./sms";

/** How many stored reminders one sweep sends at most; the next sweep takes the rest. */
const SEND_BATCH = 200;
const LONGEST_LEAD_MS = Math.max(...REMINDER_LEAD_MINUTES) * 60_000;
/** Sessions planned together: their cohorts, enrollments and people read at once. */
export const PLAN_SLICE = 50;

type Context = AuditContext & { actor: Actor };

/**
 * Session reminders. `sweep` is the job: it stores the reminders that are due (one row per
 * person, session start, lead time and channel; the unique key means a row is stored once,
 * whichever process gets there first), then claims and sends stored ones. A reminder is claimed
 * by exactly one process and never claimed again, so it is sent at most once; before sending,
 * the session is read again so a cancelled, moved or started session sends nothing.
 */
export function createReminderService(deps: {
  repo: ReminderRepository;
  peopleRepo: PeopleRepository;
  occurrenceRepo: OccurrenceRepository;
  directory: SessionDirectory;
  mailer: Mailer;
  sms: SmsSender;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** The web app's origin, for the link in each reminder. */
  origin: () => string;
}) {
  const { repo, peopleRepo, occurrenceRepo, directory, mailer, sms, audit, clock, logger } = deps;

  const preferencesOf = (person: { preferences: ReminderPreferences | null }) =>
    person.preferences ?? DEFAULT_REMINDER_PREFERENCES;

  async function plan(now: Date): Promise<void> {
    const sessions = (
      await occurrenceRepo.occurrences({
        from: now,
        to: new Date(now.getTime() + LONGEST_LEAD_MS + 1),
      })
    ).filter((s) => s.status === "SCHEDULED" && s.startsAt > now && s.endedAt === null);
    const dueSessions = sessions.flatMap((session) => {
      const due = dueReminder(session.startsAt, now);
      return due ? [{ session, due }] : [];
    });
    // A few reads for a slice of sessions, not a round of reads per session: this runs every
    // minute over a whole day of meetings. In slices, so that no one read of thousands of
    // people holds the event loop that the process's sockets share.
    for (let from = 0; from < dueSessions.length; from += PLAN_SLICE) {
      await repo.insert(await planSlice(dueSessions.slice(from, from + PLAN_SLICE), now), now);
    }
  }

  async function planSlice(
    dueSessions: { session: OccurrenceRecord; due: NonNullable<ReturnType<typeof dueReminder>> }[],
    now: Date,
  ): Promise<NewReminder[]> {
    const rows: NewReminder[] = [];
    const people = await directory.peopleInEach(dueSessions.map((d) => d.session));
    const idsOf = (p: SessionPeople) => [
      ...new Set([...p.facilitatorIds, ...p.participantIds, ...p.familyIds]),
    ];
    const everyone = new Map(
      (await repo.people([...people.values()].flatMap(idsOf))).map((person) => [person.id, person]),
    );
    for (const { session, due } of dueSessions) {
      const inSession = people.get(session.id);
      const persons = inSession ? idsOf(inSession).flatMap((id) => everyone.get(id) ?? []) : [];
      for (const person of persons) {
        const preferences = preferencesOf(person);
        // In quiet hours nothing is stored, so nothing is owed: a later sweep stores it if the
        // session has not started by the time they end.
        if (inQuietHours(now, person.timeZone, preferences.quietHours)) continue;
        for (const channel of reminderChannels(preferences)) {
          const base = { userId: person.id, sessionId: session.id, channel };
          const sessionStartsAt = session.startsAt;
          rows.push({ ...base, sessionStartsAt, leadMinutes: due.lead, status: "PENDING" });
          for (const lead of due.superseded) {
            rows.push({
              ...base,
              sessionStartsAt,
              leadMinutes: lead,
              status: "SKIPPED",
              reason: "superseded",
            });
          }
        }
      }
    }
    return rows;
  }

  /** Why a claimed reminder must not go out now, or null to send it. */
  function stale(
    reminder: { sessionStartsAt: Date; leadMinutes: number },
    session: OccurrenceRecord | null,
    now: Date,
  ): string | null {
    if (!session || session.status !== "SCHEDULED") return "cancelled";
    if (session.startsAt.getTime() !== reminder.sessionStartsAt.getTime()) return "moved";
    if (session.endedAt !== null || session.startsAt <= now) return "started";
    // Held back (quiet hours) until a shorter lead came due: only the latest one goes out.
    const due = dueReminder(session.startsAt, now);
    if (due && due.lead < reminder.leadMinutes) return "superseded";
    return null;
  }

  async function deliver(
    reminder: Awaited<ReturnType<ReminderRepository["pending"]>>[number],
    person: ReminderPerson,
    now: Date,
  ): Promise<void> {
    const preferences = preferencesOf(person);
    const locale = localeOf(person);
    const words = messagesFor(locale).reminder;
    const body = words.text(
      sessionWhen(reminder.sessionStartsAt, now, person.timeZone, locale),
      `${deps.origin()}/sessions/${reminder.sessionId}/room`,
    );
    if (reminder.channel === "EMAIL") {
      await mailer.send({ to: person.email, subject: words.subject, text: body });
    } else {
      if (!preferences.phone) throw new Error("no phone number");
      await sms.send({ to: preferences.phone, body });
    }
  }

  /** The session (for its facilitators only) and who of it has not joined, 10 minutes in. */
  async function absentees(
    context: Context,
    sessionId: string,
  ): Promise<{ session: OccurrenceRecord; absent: string[] }> {
    const session = await occurrenceRepo.occurrence(sessionId);
    if (!session) throw notFound("session");
    const people = await directory.peopleIn(session);
    const resource = {
      type: "session" as const,
      organizationId: session.organizationId,
      ...people,
    };
    if (decide(context.actor, "update", resource) !== "allow") {
      await audit.denied(context, "read", { type: "attendance", id: sessionId });
      throw notFound("session");
    }
    const now = clock.now();
    const from = session.startsAt.getTime() + NOT_JOINED_AFTER_MINUTES * 60_000;
    const open =
      session.status === "SCHEDULED" &&
      session.endedAt === null &&
      now.getTime() >= from &&
      now < session.endsAt;
    if (!open) return { session, absent: [] };
    const joined = await repo.joinedUserIds(sessionId);
    return { session, absent: people.participantIds.filter((id) => !joined.has(id)) };
  }

  return {
    async sweep(): Promise<void> {
      const now = clock.now();
      await plan(now);
      for (const reminder of await repo.pending(SEND_BATCH)) {
        if (!(await repo.claim(reminder.id, now))) continue;
        const session = await occurrenceRepo.occurrence(reminder.sessionId);
        const why = stale(reminder, session, now);
        if (why) {
          await repo.finish(reminder.id, { status: "SKIPPED", reason: why });
          continue;
        }
        const [person] = await repo.people([reminder.userId]);
        const channels = person ? reminderChannels(preferencesOf(person)) : [];
        if (!person || !channels.includes(reminder.channel)) {
          await repo.finish(reminder.id, { status: "SKIPPED", reason: "turned-off" });
          continue;
        }
        if (inQuietHours(now, person.timeZone, preferencesOf(person).quietHours)) {
          await repo.release(reminder.id);
          continue;
        }
        try {
          await deliver(reminder, person, now);
          await repo.finish(reminder.id, { status: "SENT", at: clock.now() });
        } catch (error) {
          const reason = error instanceof Error ? error.name : "error";
          await repo.finish(reminder.id, { status: "FAILED", reason });
          logger.warn({ err: reason, channel: reminder.channel }, "a session reminder failed");
        }
      }
    },

    /**
     * For a session's facilitators: expected participants who have neither asked to join nor been
     * in the room, from 10 minutes after the start until it ends, with any check-in sent.
     */
    async notJoined(context: Context, sessionId: string): Promise<NotJoinedDto> {
      const { session, absent } = await absentees(context, sessionId);
      const sent = await repo.checkIns(sessionId, CHECK_IN_LEAD_MINUTES);
      const people: NotJoinedDto["people"] = [];
      for (const id of absent) {
        const person = await peopleRepo.person(id);
        people.push({
          id,
          displayName: person?.displayName ?? "Unknown",
          checkedInAt: sent.get(id)?.toISOString() ?? null,
        });
      }
      await audit.record(context, "read", { type: "attendance", id: sessionId }, "success");
      return {
        sessionId,
        from: new Date(
          session.startsAt.getTime() + NOT_JOINED_AFTER_MINUTES * 60_000,
        ).toISOString(),
        people: people.sort((a, b) => a.displayName.localeCompare(b.displayName)),
      };
    },

    /**
     * A facilitator's one-tap check-in with someone who has not joined: once per person per
     * session (the reminder table's unique key), by the channels they chose for reminders, or
     * by email when they turned reminders off.
     */
    async checkIn(context: Context, sessionId: string, input: CheckInInput): Promise<void> {
      const { session, absent } = await absentees(context, sessionId);
      if (!absent.includes(input.participantId)) {
        throw conflict("They have joined or are not expected in this session.", {
          participantId: "They have joined or are not expected in this session.",
        });
      }
      const [person] = await repo.people([input.participantId]);
      if (!person) throw notFound("participant");
      const preferences = preferencesOf(person);
      const channels = reminderChannels(preferences);
      const now = clock.now();
      const rows = (channels.length > 0 ? channels : (["EMAIL"] as const)).map((channel) => ({
        userId: person.id,
        sessionId,
        leadMinutes: CHECK_IN_LEAD_MINUTES,
        channel,
        sessionStartsAt: session.startsAt,
        status: "PENDING" as const,
      }));
      const before = await repo.checkIns(sessionId, CHECK_IN_LEAD_MINUTES);
      if (before.has(person.id)) throw conflict("A check-in was already sent to them.");
      await repo.insert(rows, now);
      await audit.record(context, "create", { type: "check-in", id: sessionId }, "success");
      const locale = localeOf(person);
      const words = messagesFor(locale).checkIn;
      const body = words.text(
        formatTime(session.startsAt, person.timeZone, locale),
        `${deps.origin()}/sessions/${sessionId}/room`,
      );
      // Claimed like any reminder: a second tap, here or on another process, sends nothing.
      for (const reminder of await repo.pendingFor(person.id, sessionId, CHECK_IN_LEAD_MINUTES)) {
        if (!(await repo.claim(reminder.id, now))) continue;
        try {
          if (reminder.channel === "EMAIL") {
            await mailer.send({ to: person.email, subject: words.subject, text: body });
          } else if (preferences.phone) {
            await sms.send({ to: preferences.phone, body });
          }
          await repo.finish(reminder.id, { status: "SENT", at: clock.now() });
        } catch (error) {
          const reason = error instanceof Error ? error.name : "error";
          await repo.finish(reminder.id, { status: "FAILED", reason });
          logger.warn({ err: reason, channel: reminder.channel }, "a check-in failed");
        }
      }
    },

    async preferences(context: Context): Promise<ReminderPreferencesDto> {
      const found = await repo.preferences(context.actor.userId);
      if (!found) throw notFound("account");
      return {
        ...(found.preferences ?? DEFAULT_REMINDER_PREFERENCES),
        timeZone: found.timeZone,
        smsDelivered: sms.delivered,
      };
    },

    async savePreferences(
      context: Context,
      input: ReminderPreferences,
    ): Promise<ReminderPreferencesDto> {
      await audit.change(
        context,
        "update",
        "reminder-preferences",
        (tx) => repo.savePreferences(tx, context.actor.userId, input, clock.now()),
        () => context.actor.userId,
      );
      return this.preferences(context);
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
