import type { AddressInfo } from "node:net";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError, ERROR_CODES, type ErrorCode } from "@bridgeway/domain";
import { socketErrorFor } from "../realtime/event-handler";
import { errorHandler, httpStatusFor } from "./error-handler";
import { badRequest, csrfFailed, notFound, tooManyRequests } from "./errors";

describe("the error handler", () => {
  const logged: string[] = [];
  const logger = pino({ level: "error" }, { write: (line: string) => logged.push(line) });
  let url = "";
  let close: () => void = () => undefined;

  beforeAll(async () => {
    const app = express();
    app.get("/unknown", () => {
      throw new Error("patient Jane Doe reported suicidal thoughts");
    });
    app.get("/duplicate", () => {
      throw Object.assign(new Error("Unique constraint failed"), {
        code: "P2002",
        meta: { target: ["email"] },
      });
    });
    app.get("/limited", () => {
      throw tooManyRequests("Slow down.", 42);
    });
    app.get("/missing", () => {
      throw notFound("cohort");
    });
    app.get("/bad", () => {
      throw badRequest("Check the form.", { email: "Not an email." });
    });
    app.get("/unavailable", () => {
      throw new DomainError("unavailable", "The database is not responding.");
    });
    app.get("/live-only", () => {
      throw new DomainError("ended", "This session has ended.");
    });
    app.use(errorHandler(logger));
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("answers an unknown error with a generic 500 and keeps its message out of the answer and the log", async () => {
    const res = await fetch(`${url}/unknown`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: "internal", message: "Something went wrong on our side. Please try again." },
    });
    expect(logged.join("")).toContain("unhandled error");
    expect(logged.join("")).not.toContain("Jane Doe");
  });

  it("turns a unique-constraint race into a 409 naming the field", async () => {
    const res = await fetch(`${url}/duplicate`);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: "conflict",
        message: "That already exists.",
        fields: { email: "Already in use." },
      },
    });
  });

  it("sends the headers an error carries, such as Retry-After", async () => {
    const res = await fetch(`${url}/limited`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("42");
  });

  it("answers a domain error with its status, code, message and fields", async () => {
    const missing = await fetch(`${url}/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "not_found", message: "No such cohort." },
    });
    expect(missing.headers.get("retry-after")).toBeNull();

    const bad = await fetch(`${url}/bad`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: {
        code: "invalid_input",
        message: "Check the form.",
        fields: { email: "Not an email." },
      },
    });
  });

  it("spells an outage service_unavailable over HTTP, as the web app expects", async () => {
    const res = await fetch(`${url}/unavailable`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: "service_unavailable", message: "The database is not responding." },
    });
  });

  it("treats a live-room refusal reaching HTTP as a failure of ours: a bare 500", async () => {
    const res = await fetch(`${url}/live-only`);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("internal");
  });
});

describe("the error mappings", () => {
  const HTTP_STATUS: Record<ErrorCode, number | undefined> = {
    invalid_input: 400,
    invalid_json: 400,
    unsupported_media_type: 415,
    payload_too_large: 413,
    unauthenticated: 401,
    invalid_credentials: 401,
    session_expired: 401,
    mfa_required: 401,
    mfa_enrolment_required: 403,
    reauthentication_required: 403,
    csrf_failed: 403,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    rate_limited: 429,
    unavailable: 503,
    not_open_yet: undefined,
    ended: undefined,
    locked: undefined,
    removed: undefined,
    declined: undefined,
    room_full: undefined,
    not_admitted: undefined,
  };

  it.each(ERROR_CODES.map((code) => [code, HTTP_STATUS[code]] as const))(
    "answers %s over HTTP with status %s",
    (code, status) => {
      expect(httpStatusFor(code)).toBe(status);
    },
  );

  it("tells a socket the refusal's code, message and fields", () => {
    expect(socketErrorFor(notFound("message"))).toEqual({
      code: "not_found",
      message: "No such message.",
    });
    expect(socketErrorFor(badRequest("Check it.", { body: "Too long." }))).toEqual({
      code: "invalid_input",
      message: "Check it.",
      fields: { body: "Too long." },
    });
    expect(socketErrorFor(new DomainError("room_full", "The room is full."))).toEqual({
      code: "room_full",
      message: "The room is full.",
    });
  });

  it("does not tell a socket about errors that are not refusals, or refusals meant for HTTP", () => {
    expect(socketErrorFor(new Error("patient Jane Doe"))).toBeUndefined();
    expect(socketErrorFor(csrfFailed())).toBeUndefined();
  });
});
