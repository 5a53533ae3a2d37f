import { useQuery, type QueryClient } from "@tanstack/react-query";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../sign-in/auth-context";

const FAMILIES_KEY = QUERY_KEYS.families;

/** A participant's family: their own (no id), or for a clinician the participant named. */
export function useFamilyMembers(participantId: string | undefined, enabled = true) {
  const { familiesApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [FAMILIES_KEY, user.id, "members", participantId ?? "self"],
    queryFn: ({ signal }) => familiesApi.members(participantId, signal),
    enabled,
  });
}

/** For a family member: the people they support and what their consent covers. */
export function useSupporting() {
  const { familiesApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [FAMILIES_KEY, user.id, "supporting"],
    queryFn: ({ signal }) => familiesApi.supporting(signal),
  });
}

/** After an invitation or a consent change: family lists and who may be invited have moved. */
export function familiesChanged(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: [FAMILIES_KEY] });
}
