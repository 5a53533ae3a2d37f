import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, createApiClient } from "../api/api-client";
import { apiError, json, stubApi } from "../test/fake-api";

afterEach(() => {
  vi.unstubAllGlobals();
});

const Signed = z.object({ status: z.literal("signed") });

describe("re-authentication before sensitive actions", () => {
  it("asks the person to confirm, then sends the action again once", async () => {
    let confirmed = false;
    const { requests } = stubApi({
      "POST /api/sessions/s1/note/sign": () =>
        confirmed
          ? json(200, { status: "signed" })
          : apiError(403, "reauthentication_required", "Confirm it is you."),
    });
    const ask = vi.fn(() => {
      confirmed = true;
      return Promise.resolve(true);
    });
    const api = createApiClient({ getCsrfToken: () => "t", onReauthenticationRequired: ask });
    await expect(api.write("POST", "/api/sessions/s1/note/sign", {}, Signed)).resolves.toEqual({
      status: "signed",
    });
    expect(ask).toHaveBeenCalledTimes(1);
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(2);
  });

  it("gives the refusal back when the person cancels, without sending it again", async () => {
    const { requests } = stubApi({
      "POST /api/accounts/u1/deactivate": apiError(
        403,
        "reauthentication_required",
        "Confirm it is you.",
      ),
    });
    const api = createApiClient({
      getCsrfToken: () => "t",
      onReauthenticationRequired: () => Promise.resolve(false),
    });
    const failure = await api
      .write("POST", "/api/accounts/u1/deactivate", {}, Signed)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("reauthentication_required");
    expect(requests).toHaveLength(1);
  });
});
