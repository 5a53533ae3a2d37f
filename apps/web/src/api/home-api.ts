import { HomeSummarySchema, type HomeSummary, type Role } from "@bridgeway/domain";
import { ApiError, type ApiClient } from "./api-client";

export type HomeFor<R extends Role> = Extract<HomeSummary, { role: R }>;

function isHomeFor<R extends Role>(home: HomeSummary, role: R): home is HomeFor<R> {
  return home.role === role;
}

export function createHomeApi(api: ApiClient) {
  return {
    /** The signed-in person's home summary, which must be the one for `role`. */
    async homeFor<R extends Role>(role: R, signal?: AbortSignal): Promise<HomeFor<R>> {
      const home = await api.get("/api/home", HomeSummarySchema, signal);
      if (!isHomeFor(home, role)) {
        // The session changed role under us (signed in as someone else in another tab).
        throw new ApiError(409, "conflict", "Your account changed. Reload the page to continue.");
      }
      return home;
    },
  };
}

export type HomeApi = ReturnType<typeof createHomeApi>;
