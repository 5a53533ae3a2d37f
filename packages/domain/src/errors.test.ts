import { describe, expect, it } from "vitest";
import {
  API_ERROR_CODES,
  conflict,
  DomainError,
  ERROR_CODES,
  forbidden,
  invalidInput,
  isDomainError,
  notFound,
  rateLimited,
  sessionExpired,
  unauthenticated,
  unavailable,
} from "./errors";

describe("domain errors", () => {
  it("carry a code and a message the client can show, and are real Errors", () => {
    const error = notFound("No such cohort.");
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error("No such cohort."))).toBe(false);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("No such cohort.");
    expect(error.fields).toBeUndefined();
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it("name the invalid fields of a refused input or a conflict", () => {
    expect(invalidInput("Check the form.", { email: "Not an email." })).toMatchObject({
      code: "invalid_input",
      message: "Check the form.",
      fields: { email: "Not an email." },
    });
    expect(conflict("That already exists.", { email: "Already in use." })).toMatchObject({
      code: "conflict",
      fields: { email: "Already in use." },
    });
    expect(invalidInput("Check the form.").fields).toBeUndefined();
  });

  it("say how long to wait when refusing for going too fast", () => {
    expect(rateLimited("Slow down.", 42)).toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: 42,
    });
    expect(rateLimited("Slow down.").retryAfterSeconds).toBeUndefined();
  });

  it("give the words the client has always been shown when none are given", () => {
    expect(unauthenticated().message).toBe("Sign in to continue.");
    expect(sessionExpired()).toMatchObject({
      code: "session_expired",
      message: "Your session ended. Sign in again to continue.",
    });
    expect(forbidden()).toMatchObject({
      code: "forbidden",
      message: "You are not allowed to do that.",
    });
    expect(notFound().message).toBe("No such record.");
    expect(unavailable("The database is not responding.").code).toBe("unavailable");
  });

  it("cover every code the API answers with except the server's own failure", () => {
    const covered = new Set<string>(ERROR_CODES);
    const missing = API_ERROR_CODES.filter((code) => !covered.has(code));
    // "unavailable" is answered over HTTP as service_unavailable; "internal" is never thrown.
    expect(missing).toEqual(["service_unavailable", "internal"]);
  });
});
