import { IDLE_WARNING_LEAD_MS, SIGN_IN_IDLE_TIMEOUT_MS } from "@bridgeway/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuthStatus } from "../api/auth-api";
import { createAppServices } from "../app/services";
import { authStateFor } from "../test/fixtures";
import { apiError, json, stubApi } from "../test/fake-api";
import { localOutboxStore } from "../chat/outbox-store";
import { AUTH_QUERY_KEY } from "./sign-in-controller";
import { createLocalOnlySync } from "./sign-in-sync";

function signedInServices() {
  const services = createAppServices({ sync: createLocalOnlySync(), retry: false });
  services.signIn.signedIn(authStateFor("PARTICIPANT"));
  return services;
}

const authStatus = (services: ReturnType<typeof createAppServices>) =>
  services.queryClient.getQueryData<AuthStatus>(AUTH_QUERY_KEY);

describe("sign-in controller", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-02T14:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("signs out after 30 idle minutes, ends the server session too, and forgets the page's data", async () => {
    const { requests } = stubApi({ "POST /api/auth/logout": { status: 204 } });
    const services = signedInServices();
    services.queryClient.setQueryData(["home", "someone", "PARTICIPANT"], { role: "PARTICIPANT" });
    const unsent = localOutboxStore("someone", "cohort:abc");
    unsent.save([
      { clientId: "c1", body: "typed while offline", writtenAt: "2026-03-02T14:00:00Z" },
    ]);
    expect(unsent.load()).toHaveLength(1);

    vi.advanceTimersByTime(SIGN_IN_IDLE_TIMEOUT_MS - IDLE_WARNING_LEAD_MS);
    expect(services.signIn.idleState().phase).toBe("warning");

    await vi.advanceTimersByTimeAsync(IDLE_WARNING_LEAD_MS);
    expect(authStatus(services)).toEqual({ status: "signed-out", reason: "idle" });
    expect(services.queryClient.getQueryData(["home", "someone", "PARTICIPANT"])).toBeUndefined();
    // Unsent chat text typed on this device goes with the session: the next person must not see it.
    expect(unsent.load()).toEqual([]);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/auth/logout"]);
    expect(requests[0]?.headers["x-csrf-token"]).toBe("csrf-participant");
    services.dispose();
  });

  it("keeps an active person signed in by telling the server about their activity", async () => {
    const { requests } = stubApi({
      "POST /api/auth/keepalive": () => json(200, authStateFor("PARTICIPANT")),
    });
    const services = signedInServices();

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    await vi.advanceTimersByTimeAsync(25 * 60_000);

    expect(requests.map((r) => r.path)).toEqual(["/api/auth/keepalive"]);
    expect(authStatus(services)?.status).toBe("signed-in");
    expect(services.signIn.idleState().phase).toBe("active");
    services.dispose();
  });

  it("does not let the page's own reads keep an idle session alive", async () => {
    stubApi({
      "GET /api/home": () => json(200, { role: "PARTICIPANT" }),
      "POST /api/auth/logout": { status: 204 },
    });
    const services = signedInServices();

    // A page refreshing what it shows (a timer, a reconnect) is not the person being there.
    await vi.advanceTimersByTimeAsync(SIGN_IN_IDLE_TIMEOUT_MS - IDLE_WARNING_LEAD_MS);
    expect(services.signIn.idleState().phase).toBe("warning");
    await services.homeApi.homeFor("PARTICIPANT").catch(() => undefined);
    expect(services.signIn.idleState().phase).toBe("warning");

    await vi.advanceTimersByTimeAsync(IDLE_WARNING_LEAD_MS);
    expect(authStatus(services)).toEqual({ status: "signed-out", reason: "idle" });
    services.dispose();
  });

  it("signs out with 'session ended' when the server refuses a request because the session ended", async () => {
    stubApi({ "GET /api/home": apiError(401, "session_expired", "Your session ended.") });
    const services = signedInServices();

    await expect(services.homeApi.homeFor("PARTICIPANT")).rejects.toMatchObject({
      code: "session_expired",
    });
    expect(authStatus(services)).toEqual({ status: "signed-out", reason: "expired" });
    services.dispose();
  });
});
