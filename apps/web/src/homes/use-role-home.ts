import type { Role } from "@bridgeway/domain";
import { useQuery } from "@tanstack/react-query";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../sign-in/auth-context";

/** `GET /api/home` for the signed-in person, narrowed to their role's shape. */
export function useRoleHome<R extends Role>(role: R) {
  const { homeApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    // Keyed by person: one person's home must never be shown to the next one signed in.
    queryKey: ["home", user.id, role],
    queryFn: ({ signal }) => homeApi.homeFor(role, signal),
  });
}
