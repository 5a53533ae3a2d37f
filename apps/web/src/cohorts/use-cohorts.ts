import { useQuery } from "@tanstack/react-query";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../sign-in/auth-context";

export function useCohortList() {
  const { cohortsApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [QUERY_KEYS.cohorts, user.id, "list"],
    queryFn: ({ signal }) => cohortsApi.cohorts(signal),
  });
}

export function useCohort(id: string) {
  const { cohortsApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [QUERY_KEYS.cohorts, user.id, "one", id],
    queryFn: ({ signal }) => cohortsApi.cohort(id, signal),
  });
}

export function usePrograms() {
  const { cohortsApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [QUERY_KEYS.cohorts, user.id, "programs"],
    queryFn: ({ signal }) => cohortsApi.programs(signal),
  });
}
