import type { AddressInfo } from "node:net";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorHandler } from "./error-handler";
import { tooManyRequests } from "./errors";

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
});
