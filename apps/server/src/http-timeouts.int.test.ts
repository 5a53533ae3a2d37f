import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_TIMEOUTS } from "./app";
import { startTestServer, type TestServer } from "./testing/test-server";

describe("HTTP timeouts", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("sets header, request and keep-alive timeouts that fit a JSON API", () => {
    expect(server.httpServer.headersTimeout).toBe(HTTP_TIMEOUTS.headersTimeout);
    expect(server.httpServer.requestTimeout).toBe(HTTP_TIMEOUTS.requestTimeout);
    expect(server.httpServer.keepAliveTimeout).toBe(HTTP_TIMEOUTS.keepAliveTimeout);
    expect(HTTP_TIMEOUTS.headersTimeout).toBeLessThanOrEqual(15_000);
    expect(HTTP_TIMEOUTS.requestTimeout).toBeLessThanOrEqual(60_000);
  });

  it("answers 408 and closes a connection whose headers never finish", async () => {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString();
    });
    await new Promise((ready) => socket.once("connect", ready));
    socket.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    await new Promise((closed) => socket.once("close", closed));
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  }, 60_000);
});
