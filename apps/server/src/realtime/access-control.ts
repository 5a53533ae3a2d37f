import type { SignInService } from "../auth/sign-ins";
import type { Logger } from "../logger";
import type { Realtime } from "./realtime";

/** Why someone's access changed; the rooms they may still be in are worked out again. */
export type AccessChangeReason = "discharged" | "consent_withdrawn" | "care_team_changed";

/**
 * The one place that makes open sockets follow a change of access at once, on every server
 * process. Call it after the change is committed to the database.
 *
 * - `changed(userId)`: what they may see changed (discharge, consent withdrawn, care team).
 *   Live sessions they may no longer attend remove them (recorded in the database), and every
 *   socket of theirs leaves the chat and live rooms it may no longer be in. Their next event
 *   there is refused, because cached authorisations are dropped with the rooms.
 * - `revokeUser(userId)`: who they are changed (account deactivated, role changed, password
 *   reset). Every sign-in ends and every socket is told `access_revoked` and closed, so
 *   anything they do next starts from a fresh sign-in with the new role.
 */
export function createAccessControl(deps: {
  realtime: Pick<Realtime, "recheckAccess">;
  signIns: Pick<SignInService, "endAllForUser">;
  /** Takes the person out of live sessions they may no longer attend (live-service). */
  enforceLive: (userId: string) => Promise<void>;
  logger: Logger;
}) {
  return {
    async changed(userId: string, reason: AccessChangeReason): Promise<void> {
      await deps.enforceLive(userId);
      await deps.realtime.recheckAccess(userId);
      deps.logger.info({ userId, reason }, "realtime access re-checked");
    },

    async revokeUser(userId: string): Promise<number> {
      const ended = await deps.signIns.endAllForUser(userId, "access-revoked");
      deps.logger.info({ userId, sessions: ended }, "access revoked");
      return ended;
    },
  };
}

export type AccessControl = ReturnType<typeof createAccessControl>;
