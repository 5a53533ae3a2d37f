import {
  AuthStateSchema,
  FamilyMemberListSchema,
  FamilyMemberSummarySchema,
  InvitationPreviewSchema,
  MultiFamilyBookedSchema,
  SupportedPeopleSchema,
  type AuthState,
  type BookMultiFamilyInput,
  type FamilyMemberSummary,
  type FamilySessionKind,
  type InvitationPreview,
  type InviteFamilyInput,
  type SupportedPerson,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

/** `?participantId=` when a clinician acts for a participant; nothing when they act for themself. */
function forParticipant(participantId: string | undefined): string {
  return participantId === undefined ? "" : `?${new URLSearchParams({ participantId }).toString()}`;
}

/** Family members: invitations, consent, accepting an invitation, and multi-family groups. */
export function createFamiliesApi(api: ApiClient) {
  const member = (familyUserId: string) => `/api/families/${encodeURIComponent(familyUserId)}`;
  return {
    /** The participant's family (their own, or for a clinician the one named). */
    async members(participantId: string | undefined, signal?: AbortSignal) {
      const path = `/api/families${forParticipant(participantId)}`;
      return (await api.get(path, FamilyMemberListSchema, signal)).members;
    },
    /** For a family member: the people they support. */
    async supporting(signal?: AbortSignal): Promise<SupportedPerson[]> {
      return (await api.get("/api/families/supporting", SupportedPeopleSchema, signal)).supporting;
    },
    invite(input: InviteFamilyInput): Promise<FamilyMemberSummary> {
      return api.write("POST", "/api/families/invitations", input, FamilyMemberSummarySchema);
    },
    revokeInvitation(invitationId: string): Promise<void> {
      return api.writeNoContent(
        "POST",
        `/api/families/invitations/${encodeURIComponent(invitationId)}/revoke`,
      );
    },
    /**
     * `participantConsented`: a clinician's statement that the participant agreed, needed when
     * anyone but the participant grants a kind of session not consented to now.
     */
    updateConsent(
      familyUserId: string,
      sessionKinds: FamilySessionKind[],
      participantId?: string,
      participantConsented?: boolean,
    ): Promise<void> {
      return api.writeNoContent(
        "PUT",
        `${member(familyUserId)}/consent${forParticipant(participantId)}`,
        participantConsented ? { sessionKinds, participantConsented } : { sessionKinds },
      );
    },
    withdrawConsent(familyUserId: string, participantId?: string): Promise<void> {
      return api.writeNoContent(
        "POST",
        `${member(familyUserId)}/withdraw-consent${forParticipant(participantId)}`,
      );
    },
    /** What an invitation link is for; no sign-in needed (the token is the secret). */
    preview(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
      const query = new URLSearchParams({ token }).toString();
      return api.get(`/api/families/invitations/preview?${query}`, InvitationPreviewSchema, signal);
    },
    /** Accepts an invitation: creates the family account and signs it in. */
    accept(token: string, password: string): Promise<AuthState> {
      return api.write(
        "POST",
        "/api/families/invitations/accept",
        { token, password },
        AuthStateSchema,
      );
    },
    /** Books a multi-family group for a cohort; answers the new session's id. */
    async bookMultiFamily(cohortId: string, input: BookMultiFamilyInput): Promise<string> {
      const path = `/api/cohorts/${encodeURIComponent(cohortId)}/multi-family-sessions`;
      return (await api.write("POST", path, input, MultiFamilyBookedSchema)).id;
    },
  };
}

export type FamiliesApi = ReturnType<typeof createFamiliesApi>;
