import {
  decide,
  type Actor,
  type AlertSource,
  type CrisisAlertDto,
  type CrisisCategory,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { conflict, forbidden, notFound } from "../http/errors";
import type { Logger } from "../logger";
import type { PushNotify } from "../push/push-service";
import type { RealtimeServer } from "../realtime/realtime";
import type { PeopleRepository } from "../people/people-repository";
import type { AlertRepository, StoredAlert } from "./alert-repository";

type Context = AuditContext & { actor: Actor };

/** Where the participant's own safety plan and 988 live in the web app. */
export const SAFETY_PLAN_PATH = "/participant/safety";
/** Where clinicians see open crisis alerts in the web app. */
const ALERTS_PATH = "/alerts";

/**
 * Crisis alerts: raised by crisis language in chat or forums (and by PHQ-9 item 9), pushed at
 * once to the participant's care team, and kept in a list until a clinician acknowledges them.
 */
export function createAlertService(deps: {
  alerts: AlertRepository;
  peopleRepo: PeopleRepository;
  io: RealtimeServer;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** Tells the clinicians' phones; the words hold no clinical detail. */
  notify?: PushNotify;
}) {
  const { alerts, peopleRepo, io, audit, clock, logger } = deps;

  async function toDto(alert: StoredAlert): Promise<CrisisAlertDto> {
    const [participant, acknowledger] = await Promise.all([
      peopleRepo.person(alert.participantId),
      alert.acknowledgedById ? peopleRepo.person(alert.acknowledgedById) : Promise.resolve(null),
    ]);
    const kind =
      alert.source === "forum" ? "forum" : alert.source === "phq9" ? "assessment" : "chat";
    return {
      id: alert.id,
      participant: {
        id: alert.participantId,
        displayName: participant?.displayName ?? "A participant",
      },
      source: alert.source as AlertSource,
      categories: alert.categories as CrisisCategory[],
      where: { kind, ref: alert.sourceRef, label: alert.sourceLabel },
      createdAt: alert.createdAt.toISOString(),
      acknowledged: alert.acknowledgedAt
        ? {
            at: alert.acknowledgedAt.toISOString(),
            by: acknowledger?.displayName ?? "A clinician",
            note: alert.acknowledgedNote,
          }
        : null,
    };
  }

  /** The alert as the permission policy sees it: clinical, for the participant's care team. */
  async function alertResource(alert: { organizationId: string; participantId: string }) {
    return {
      type: "crisis-alert" as const,
      organizationId: alert.organizationId,
      participantId: alert.participantId,
      facilitatorIds: await peopleRepo.careTeamOf(alert.participantId),
    };
  }

  /**
   * Who of `candidates` may read an alert about the participant: the care team and the staff of
   * the room it was raised in, but never an admin (alerts are clinical).
   */
  async function mayBeTold(
    candidates: string[],
    alert: { organizationId: string; participantId: string },
  ): Promise<string[]> {
    const allowed: string[] = [];
    for (const id of candidates) {
      const person = await peopleRepo.person(id);
      if (!person || !person.active) continue;
      const decision = decide(
        { userId: id, role: person.role, organizationId: person.organizationId },
        "read",
        { type: "crisis-alert", ...alert, facilitatorIds: candidates },
      );
      if (decision === "allow") allowed.push(id);
    }
    return allowed;
  }

  return {
    /** Records the alert and tells the care team and the author at once. */
    async raise(input: {
      organizationId: string;
      participantId: string;
      source: AlertSource;
      categories: CrisisCategory[];
      sourceRef: string;
      sourceLabel: string;
      sourceItemId: string | null;
      /** Clinicians to tell besides the participant's care team (the room's staff). */
      alsoTell?: string[];
    }): Promise<CrisisAlertDto> {
      const alert = await alerts.create({
        organizationId: input.organizationId,
        participantId: input.participantId,
        source: input.source,
        categories: input.categories,
        sourceRef: input.sourceRef,
        sourceLabel: input.sourceLabel,
        sourceItemId: input.sourceItemId,
      });
      const dto = await toDto(alert);
      const careTeam = await peopleRepo.careTeamOf(input.participantId);
      const recipients = await mayBeTold([...new Set([...careTeam, ...(input.alsoTell ?? [])])], {
        organizationId: input.organizationId,
        participantId: input.participantId,
      });
      for (const id of recipients) io.to(`user:${id}`).emit("alert:crisis", dto);
      deps.notify?.(recipients, "crisis-alert", ALERTS_PATH);
      io.to(`user:${input.participantId}`).emit("crisis:support", {
        crisisLine: "988",
        safetyPlanPath: SAFETY_PLAN_PATH,
      });
      logger.info(
        { alertId: alert.id, source: input.source, recipients: recipients.length },
        "crisis alert raised",
      );
      if (recipients.length === 0)
        logger.warn({ alertId: alert.id }, "crisis alert has no clinician to tell");
      return dto;
    },

    async list(context: Context, openOnly: boolean): Promise<CrisisAlertDto[]> {
      const { actor } = context;
      const queue = decide(actor, "read", {
        type: "crisis-alert-queue",
        organizationId: actor.organizationId,
      });
      if (queue !== "allow") {
        await audit.denied(context, "read", { type: "crisis-alert" });
        throw notFound("page");
      }
      const rows = await alerts.list({
        organizationId: actor.organizationId,
        participantIds: await peopleRepo.caseloadOf(actor.userId),
        openOnly,
      });
      // The caseload narrows the query; the policy decides each alert.
      const readable = new Map<string, boolean>();
      const out: CrisisAlertDto[] = [];
      for (const row of rows) {
        let allowed = readable.get(row.participantId);
        if (allowed === undefined) {
          allowed = decide(actor, "read", await alertResource(row)) === "allow";
          readable.set(row.participantId, allowed);
        }
        if (allowed) out.push(await toDto(row));
      }
      await audit.record(context, "read", { type: "crisis-alert" }, "success");
      return out;
    },

    async acknowledge(context: Context, id: string, note: string): Promise<CrisisAlertDto> {
      const alert = await alerts.find(id);
      const decision = alert
        ? decide(context.actor, "update", await alertResource(alert))
        : "not-found";
      if (!alert || decision !== "allow") {
        await audit.denied(context, "update", { type: "crisis-alert", id });
        throw decision === "forbidden" ? forbidden() : notFound("alert");
      }
      if (alert.acknowledgedAt) throw conflict("This alert was already acknowledged.");
      const updated = await alerts.acknowledge(id, context.actor.userId, note, clock.now());
      if (!updated) throw conflict("This alert was already acknowledged.");
      await audit.record(context, "update", { type: "crisis-alert", id }, "success");
      const dto = await toDto(updated);
      for (const clinician of await peopleRepo.careTeamOf(updated.participantId)) {
        io.to(`user:${clinician}`).emit("alert:crisis", dto);
      }
      return dto;
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
