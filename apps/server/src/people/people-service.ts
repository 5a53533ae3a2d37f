import {
  accountStatus,
  DEFAULT_LOCALE,
  type Actor,
  type CreateFacilitatorInput,
  type CreateParticipantInput,
  type FacilitatorListItem,
  type ParticipantListItem,
  type UpdateFacilitatorInput,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import { hashPassword } from "../auth/password";
import { newSingleUseToken } from "../auth/single-use-token";
import { conflict, notFound } from "../http/errors";
import { guard } from "../audit/guard";
import type { Clinician, PeopleRepository } from "./people-repository";

type Context = AuditContext & { actor: Actor };

const toListItem = (c: Clinician): FacilitatorListItem => ({
  id: c.id,
  displayName: c.displayName,
  email: c.email,
  credential: c.credential,
  licenseState: c.licenseState,
  licenseExpiresOn: c.licenseExpiresOn,
  status: accountStatus(c),
});

/**
 * A new account's password until its owner chooses one: the hash of a random secret that is
 * thrown away at once, so no one (the admin who created the account included) can sign in as
 * them, and a sign-in attempt costs the same time as for any other account.
 */
async function unknowablePasswordHash(): Promise<string> {
  return hashPassword(newSingleUseToken().token);
}

/**
 * Clinic staff and participants: who they are and their credentials. New accounts get an
 * emailed link to choose their own password (`invite`); no one else ever knows it.
 */
export function createPeopleService(deps: {
  repo: PeopleRepository;
  audit: AuditLog;
  invite: (userId: string) => Promise<void>;
}) {
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
      return (
        await repo.clinicians({
          organizationId: actor.organizationId,
          includeDeactivated: actor.role === "ADMIN",
        })
      ).map(toListItem);
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
      const passwordHash = await unknowablePasswordHash();
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
            locale: input.locale ?? DEFAULT_LOCALE,
            credential: input.credential,
            licenseState: input.licenseState,
            licenseExpiresOn: input.licenseExpiresOn,
          }),
        (created) => created,
      );
      await deps.invite(id);
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
      const [existing] = await repo.clinicians({
        organizationId: actor.organizationId,
        ids: [id],
        includeDeactivated: true,
      });
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
      const [updated] = await repo.clinicians({
        organizationId: actor.organizationId,
        ids: [id],
        includeDeactivated: true,
      });
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
        repo.participants({
          organizationId: actor.organizationId,
          ...(ids ? { ids } : { includeDeactivated: true }),
        }),
      );
      return rows.map((row) => ({
        id: row.id,
        displayName: row.displayName,
        email: row.email,
        timeZone: row.timeZone,
        activeCohort: row.activeCohort,
        status: accountStatus(row),
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
      const passwordHash = await unknowablePasswordHash();
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
            locale: input.locale ?? DEFAULT_LOCALE,
          }),
        (created) => created,
      );
      await deps.invite(id);
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
        status: accountStatus(created),
      };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
