import { BACKGROUND_REQUEST_HEADER, CSRF_HEADER } from "@bridgeway/domain";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiError, json, stubApi } from "../test/fake-api";
import { ApiError, createApiClient, NETWORK_ERROR_MESSAGE, NetworkError } from "./api-client";

const OkSchema = z.object({ ok: z.boolean() });

function client(overrides: Partial<Parameters<typeof createApiClient>[0]> = {}) {
  return createApiClient({ getCsrfToken: () => "token-123", ...overrides });
}

describe("api client", () => {
  it("sends the CSRF token on writes and not on reads", async () => {
    const { requests } = stubApi({
      "GET /api/thing": json(200, { ok: true }),
      "POST /api/thing": json(200, { ok: true }),
    });
    const api = client();
    await api.get("/api/thing", OkSchema);
    await api.write("POST", "/api/thing", { a: 1 }, OkSchema);

    expect(requests[0]?.headers[CSRF_HEADER]).toBeUndefined();
    expect(requests[1]?.headers[CSRF_HEADER]).toBe("token-123");
    expect(requests[1]?.headers["content-type"]).toBe("application/json");
    expect(requests[1]?.body).toEqual({ a: 1 });
    expect(requests[1]?.init.credentials).toBe("same-origin");
  });

  it("turns an error body into an ApiError with its status, code, message and fields", async () => {
    stubApi({
      "POST /api/auth/login": apiError(400, "invalid_input", "Check email.", {
        email: "Email is required.",
      }),
    });
    const error = await client()
      .write("POST", "/api/auth/login", {}, OkSchema)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "invalid_input",
      message: "Check email.",
      fields: { email: "Email is required." },
    });
  });

  it("reads how long to wait from Retry-After when rate limited", async () => {
    stubApi({
      "POST /api/auth/login": {
        ...apiError(429, "rate_limited", "Too many sign-in attempts."),
        headers: { "retry-after": "600" },
      },
    });
    const error = await client()
      .write("POST", "/api/auth/login", {}, OkSchema)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 600 });
  });

  it("says Bridgeway is unavailable when a proxy answers with something that is not JSON", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.resolve(new Response("<html>Bad gateway</html>", { status: 502 }))),
    );
    const error = await client()
      .get("/api/home", OkSchema)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, code: "service_unavailable" });
  });

  it("turns a failed connection into a NetworkError that says what to do", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const error = await client()
      .get("/api/home", OkSchema)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toBe(NETWORK_ERROR_MESSAGE);
    expect(NETWORK_ERROR_MESSAGE).toBe(
      "Can't reach Bridgeway. Check your connection and try again.",
    );
  });

  it("refuses an answer that does not have the expected shape", async () => {
    stubApi({ "GET /api/home": json(200, { something: "else" }) });
    await expect(client().get("/api/home", OkSchema)).rejects.toMatchObject({ code: "internal" });
  });

  it("reports each successful answer with the server clock's offset; only writes are activity", async () => {
    const onSuccess = vi.fn();
    const { requests } = stubApi({
      "GET /api/home": {
        ...json(200, { ok: true }),
        headers: { date: new Date(Date.UTC(2026, 0, 1, 12, 0, 10)).toUTCString() },
      },
      "POST /api/home": json(200, { ok: true }),
    });
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const api = client({ onSuccess, now: () => now });
    await api.get("/api/home", OkSchema);
    await api.write("POST", "/api/home", {}, OkSchema);

    // The page's own reads say so, and the server does not count them as activity.
    expect(requests[0]?.headers[BACKGROUND_REQUEST_HEADER]).toBe("1");
    expect(requests[1]?.headers[BACKGROUND_REQUEST_HEADER]).toBeUndefined();
    expect(onSuccess).toHaveBeenNthCalledWith(1, {
      receivedAt: now,
      activity: false,
      serverOffsetMs: 10_500,
    });
    expect(onSuccess).toHaveBeenNthCalledWith(2, expect.objectContaining({ activity: true }));
  });

  it("does not note a failed request as activity", async () => {
    const onSuccess = vi.fn();
    stubApi({ "GET /api/home": apiError(500, "internal", "Something went wrong.") });
    await expect(client({ onSuccess }).get("/api/home", OkSchema)).rejects.toBeInstanceOf(ApiError);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("reports a 401 from an ended session so the app can sign out", async () => {
    const onSignInEnded = vi.fn();
    stubApi({
      "GET /api/home": apiError(401, "session_expired", "Your session ended."),
      "POST /api/auth/login": apiError(401, "invalid_credentials", "No match."),
    });
    const api = client({ onSignInEnded });
    await expect(api.get("/api/home", OkSchema)).rejects.toBeInstanceOf(ApiError);
    await expect(api.write("POST", "/api/auth/login", {}, OkSchema)).rejects.toBeInstanceOf(
      ApiError,
    );

    expect(onSignInEnded).toHaveBeenCalledTimes(1);
    expect(onSignInEnded).toHaveBeenCalledWith(
      expect.objectContaining({ code: "session_expired" }),
    );
  });
});
