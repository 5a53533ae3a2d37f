import { Router } from "express";
import {
  daysUntilLicenseExpiry,
  decide,
  isoDateInZone,
  LICENSE_EXPIRY_WARNING_DAYS,
  phaseOutlook,
  type Actor,
  type HomeSummary,
  type SignedInUser,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { auditContext, requireAuth } from "../http/request-context";
import type { HomeRepository } from "./home-repository";

type Deps = { homes: HomeRepository; audit: AuditLog; clock: Clock };

/** Builds what each role's home shows; every record passes the permission policy. */
export function createHomeService({ homes, audit, clock }: Deps) {
  async function recordReads(context: AuditContext, type: string, ids: string[]): Promise<void> {
    for (const id of ids) await audit.record(context, "read", { type, id }, "success");
  }

  async function participantHome(actor: Actor, context: AuditContext): Promise<HomeSummary> {
    const enrollments = await homes.participantEnrollments(actor.userId);
    const visible = enrollments.filter(
      (e) =>
        decide(actor, "read", {
          type: "enrollment",
          organizationId: e.organizationId,
          participantId: actor.userId,
          facilitatorIds: e.facilitatorIds,
        }) === "allow",
    );
    await recordReads(
      context,
      "enrollment",
      visible.map((e) => e.enrollmentId),
    );
    return {
      role: "PARTICIPANT",
      enrollments: visible.map((e) => {
        // The stored phase is the latest planned one; today's comes from the periods.
        const { current, next } = phaseOutlook(
          e.phases,
          isoDateInZone(clock.now(), e.view.timeZone),
        );
        return {
          ...e.view,
          phase: current?.phase ?? e.view.phase,
          nextPhase: next ?? null,
        };
      }),
    };
  }

  async function facilitatorHome(
    actor: Actor,
    user: SignedInUser,
    context: AuditContext,
  ): Promise<HomeSummary> {
    const [license, cohorts] = await Promise.all([
      homes.facilitatorLicense(actor.userId),
      homes.facilitatorCohorts(actor.userId, clock.now()),
    ]);
    const visible = cohorts.filter(
      (c) =>
        decide(actor, "read", {
          type: "cohort-roster",
          organizationId: c.organizationId,
          facilitatorIds: c.facilitatorIds,
          participantIds: c.participantIds,
        }) === "allow",
    );
    await recordReads(
      context,
      "cohort-roster",
      visible.map((c) => c.view.id),
    );
    const today = isoDateInZone(clock.now(), user.timeZone);
    return {
      role: "FACILITATOR",
      license: license
        ? { ...license, daysUntilExpiry: daysUntilLicenseExpiry(license.licenseExpiresOn, today) }
        : null,
      cohorts: visible.map((c) => c.view),
    };
  }

  async function familyHome(actor: Actor, context: AuditContext): Promise<HomeSummary> {
    const links = await homes.familySupporting(actor.userId);
    const visible = links.filter(
      (l) =>
        decide(actor, "read", {
          type: "participant",
          organizationId: l.organizationId,
          participantId: l.participantId,
          facilitatorIds: [],
          familyIds: [actor.userId],
        }) === "allow",
    );
    await recordReads(
      context,
      "participant",
      visible.map((l) => l.participantId),
    );
    return { role: "FAMILY", supporting: visible.map((l) => l.view) };
  }

  async function adminHome(actor: Actor): Promise<HomeSummary> {
    const overview = await homes.adminOverview(actor.organizationId);
    const today = isoDateInZone(clock.now(), overview.organization.timeZone);
    return {
      role: "ADMIN",
      organization: overview.organization,
      counts: overview.counts,
      programs: overview.programs,
      licenseAlerts: overview.facilitators
        .map((f) => ({ ...f, daysUntilExpiry: daysUntilLicenseExpiry(f.licenseExpiresOn, today) }))
        .filter((f) => f.daysUntilExpiry <= LICENSE_EXPIRY_WARNING_DAYS),
    };
  }

  return {
    async homeFor(user: SignedInUser, actor: Actor, context: AuditContext): Promise<HomeSummary> {
      switch (actor.role) {
        case "PARTICIPANT":
          return participantHome(actor, context);
        case "FACILITATOR":
          return facilitatorHome(actor, user, context);
        case "FAMILY":
          return familyHome(actor, context);
        case "ADMIN":
          return adminHome(actor);
      }
    },
  };
}

export function homeRoutes(service: ReturnType<typeof createHomeService>): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const auth = requireAuth(req);
    res.json(await service.homeFor(auth.user, auth.actor, auditContext(req)));
  });
  return router;
}
