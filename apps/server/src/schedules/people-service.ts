import type {
  Actor,
  CreateFacilitatorInput,
  CreateParticipantInput,
  FacilitatorListItem,
  ParticipantListItem,
  UpdateFacilitatorInput,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import { hashPassword } from "../auth/password";
import { conflict, notFound } from "../http/errors";
import { guard } from "./access";
import type { Clinician, ScheduleRepository } from "./schedule-repository";

type Context = AuditContext & { actor: Actor };

const toListItem = (c: Clinician): FacilitatorListItem => ({
  id: c.id,
  displayName: c.displayName,
  email: c.email,
  credential: c.credential,
  licenseState: c.licenseState,
  licenseExpiresOn: c.licenseExpiresOn,
});

/** Clinic staff and participants: who they are and their credentials. */
export function createPeopleService(deps: { repo: ScheduleRepository; audit: AuditLog }) {
  const { repo, audit } = deps;

  async function emailFree(email: string): Promise<void> {
    if (await repo.emailTaken(email)) {
      throw conflict("An account with this email already exists.", { email: "Already in use." });
    }
  }

  return {
    async listFacilitators(context: Context): Promise<FacilitatorListItem[]> {
      const { actor } = context;
      await guard(
        audit,
        context,
        "read",
        {
          type: "facilitator",
          organizationId: actor.organizationId,
          facilitatorId: "",
          participantIds: [],
          familyIds: [],
        },
        { type: "facilitator" },
        "page",
      );
      return (await repo.clinicians({ organizationId: actor.organizationId })).map(toListItem);
    },

    async createFacilitator(
      context: Context,
      input: CreateFacilitatorInput,
    ): Promise<FacilitatorListItem> {
      const { actor } = context;
      await guard(
        audit,
        context,
        "create",
        {
          type: "facilitator",
          organizationId: actor.organizationId,
          facilitatorId: "",
          participantIds: [],
          familyIds: [],
        },
        { type: "facilitator" },
        "page",
      );
      await emailFree(input.email);
      const passwordHash = await hashPassword(input.temporaryPassword);
      const id = await audit.change(
        context,
        "create",
        "facilitator",
        (tx) =>
          repo.createFacilitator(tx, {
            organizationId: actor.organizationId,
            email: input.email,
            passwordHash,
            firstName: input.firstName,
            lastName: input.lastName,
            timeZone: input.timeZone,
            credential: input.credential,
            licenseState: input.licenseState,
            licenseExpiresOn: input.licenseExpiresOn,
          }),
        (created) => created,
      );
      const [created] = await repo.clinicians({ organizationId: actor.organizationId, ids: [id] });
      if (!created) throw notFound("facilitator");
      return toListItem(created);
    },

    async updateFacilitator(
      context: Context,
      id: string,
      input: UpdateFacilitatorInput,
    ): Promise<FacilitatorListItem> {
      const { actor } = context;
      const [existing] = await repo.clinicians({ organizationId: actor.organizationId, ids: [id] });
      if (!existing) throw notFound("facilitator");
      await guard(
        audit,
        context,
        "update",
        {
          type: "facilitator",
          organizationId: existing.organizationId,
          facilitatorId: id,
          participantIds: [],
          familyIds: [],
        },
        { type: "facilitator", id },
        "facilitator",
      );
      await audit.change(
        context,
        "update",
        "facilitator",
        (tx) => repo.updateFacilitator(tx, id, input),
        () => id,
      );
      const [updated] = await repo.clinicians({ organizationId: actor.organizationId, ids: [id] });
      if (!updated) throw notFound("facilitator");
      return toListItem(updated);
    },

    async listParticipants(context: Context): Promise<ParticipantListItem[]> {
      const { actor } = context;
      let ids: string[] | undefined;
      switch (actor.role) {
        case "ADMIN":
          ids = undefined;
          break;
        case "FACILITATOR":
          ids = await repo.caseloadOf(actor.userId);
          break;
        case "PARTICIPANT":
        case "FAMILY":
          await audit.denied(context, "read", { type: "participant" });
          throw notFound("page");
      }
      const rows = await audit.read(context, { type: "participant-list" }, () =>
        repo.participants({ organizationId: actor.organizationId, ...(ids ? { ids } : {}) }),
      );
      return rows.map(({ id, displayName, email, timeZone, activeCohort }) => ({
        id,
        displayName,
        email,
        timeZone,
        activeCohort,
      }));
    },

    async createParticipant(
      context: Context,
      input: CreateParticipantInput,
    ): Promise<ParticipantListItem> {
      const { actor } = context;
      await guard(
        audit,
        context,
        "create",
        {
          type: "participant",
          organizationId: actor.organizationId,
          participantId: "",
          facilitatorIds: [],
          familyIds: [],
        },
        { type: "participant" },
        "page",
      );
      await emailFree(input.email);
      const passwordHash = await hashPassword(input.temporaryPassword);
      const id = await audit.change(
        context,
        "create",
        "participant",
        (tx) =>
          repo.createParticipant(tx, {
            organizationId: actor.organizationId,
            email: input.email,
            passwordHash,
            firstName: input.firstName,
            lastName: input.lastName,
            preferredName: input.preferredName,
            timeZone: input.timeZone,
          }),
        (created) => created,
      );
      const [created] = await repo.participants({
        organizationId: actor.organizationId,
        ids: [id],
      });
      if (!created) throw notFound("participant");
      return {
        id: created.id,
        displayName: created.displayName,
        email: created.email,
        timeZone: created.timeZone,
        activeCohort: created.activeCohort,
      };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
