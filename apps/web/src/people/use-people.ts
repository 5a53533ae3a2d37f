import { useQuery } from "@tanstack/react-query";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../sign-in/auth-context";

export const PEOPLE_KEY = QUERY_KEYS.people;

export function useFacilitators() {
  const { peopleApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [PEOPLE_KEY, user.id, "facilitators"],
    queryFn: ({ signal }) => peopleApi.facilitators(signal),
  });
}

export function useParticipants() {
  const { peopleApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [PEOPLE_KEY, user.id, "participants"],
    queryFn: ({ signal }) => peopleApi.participants(signal),
  });
}
