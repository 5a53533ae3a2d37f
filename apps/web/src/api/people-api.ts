import {
  FacilitatorListItemSchema,
  FacilitatorListSchema,
  ParticipantListItemSchema,
  ParticipantListSchema,
  type CreateFacilitatorInput,
  type CreateParticipantInput,
  type FacilitatorListItem,
  type ParticipantListItem,
  type UpdateFacilitatorInput,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

/** The clinic's facilitators and participants, as admins manage them. */
export function createPeopleApi(api: ApiClient) {
  return {
    async facilitators(signal?: AbortSignal): Promise<FacilitatorListItem[]> {
      return (await api.get("/api/facilitators", FacilitatorListSchema, signal)).facilitators;
    },
    createFacilitator(input: CreateFacilitatorInput): Promise<FacilitatorListItem> {
      return api.write("POST", "/api/facilitators", input, FacilitatorListItemSchema);
    },
    updateFacilitator(id: string, input: UpdateFacilitatorInput): Promise<FacilitatorListItem> {
      return api.write(
        "PATCH",
        `/api/facilitators/${encodeURIComponent(id)}`,
        input,
        FacilitatorListItemSchema,
      );
    },
    async participants(signal?: AbortSignal): Promise<ParticipantListItem[]> {
      return (await api.get("/api/participants", ParticipantListSchema, signal)).participants;
    },
    createParticipant(input: CreateParticipantInput): Promise<ParticipantListItem> {
      return api.write("POST", "/api/participants", input, ParticipantListItemSchema);
    },
  };
}

export type PeopleApi = ReturnType<typeof createPeopleApi>;
