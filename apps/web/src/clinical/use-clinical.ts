import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { createClinicalApi } from "../api/clinical-api";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../sign-in/auth-context";

/**
 * The clinical API, made where it is used: it is only ever reached from pages that load on
 * demand, so its answer schemas stay out of the first load.
 */
export function useClinicalApi() {
  const { api } = useServices();
  return useMemo(() => createClinicalApi(api), [api]);
}

/** React Query keys of the clinical record, by the person signed in, then what and whose. */
export function clinicalKey(userId: string, ...rest: string[]) {
  return [QUERY_KEYS.clinical, userId, ...rest] as const;
}

/** After a change, everything of one participant's record may have moved (and cohort glances). */
export function clinicalChanged(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: [QUERY_KEYS.clinical] });
}

export function useAssessments(participantId: string) {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "assessments", participantId),
    queryFn: ({ signal }) => clinicalApi.assessments(participantId, signal),
  });
}

export function useSafetyPlan(participantId: string) {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "safety-plan", participantId),
    queryFn: ({ signal }) => clinicalApi.safetyPlan(participantId, signal),
  });
}

export function useSafetyPlanVersions(participantId: string, enabled: boolean) {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "safety-plan-versions", participantId),
    queryFn: ({ signal }) => clinicalApi.safetyPlanVersions(participantId, signal),
    enabled,
  });
}

export function useTreatmentPlan(participantId: string) {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "treatment-plan", participantId),
    queryFn: ({ signal }) => clinicalApi.treatmentPlan(participantId, signal),
  });
}

export function useAftercare(participantId: string) {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "aftercare", participantId),
    queryFn: ({ signal }) => clinicalApi.aftercare(participantId, signal),
  });
}

export function useDischarge(enrollmentId: string, enabled: boolean) {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "discharge", enrollmentId),
    queryFn: ({ signal }) => clinicalApi.dischargeOf(enrollmentId, signal),
    enabled,
  });
}

export function useSeverities(cohortId: string) {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "severities", cohortId),
    queryFn: ({ signal }) => clinicalApi.severities(cohortId, signal),
  });
}

export function useReviewsDue() {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "reviews-due"),
    queryFn: ({ signal }) => clinicalApi.reviewsDue(signal),
  });
}

export function useSessionNote(sessionId: string) {
  const clinicalApi = useClinicalApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: clinicalKey(user.id, "note", sessionId),
    queryFn: ({ signal }) => clinicalApi.note(sessionId, signal),
  });
}
