import type { ClientToServerEvents, ServerToClientEvents } from "@bridgeway/domain";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { redisUrlForTests } from "../testing/test-databases";
import {
  startServerPair,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from "../testing/test-server";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const sockets: ClientSocket[] = [];

function open(url: string, cookie?: string): ClientSocket {
  const socket: ClientSocket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { origin: url, ...(cookie ? { cookie } : {}) },
  });
  sockets.push(socket);
  return socket;
}

function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

function refusal(socket: ClientSocket): Promise<{ message: string; code: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connected but should have been refused")));
    socket.once("connect_error", (error: Error & { data?: { code?: unknown } }) =>
      resolve({ message: error.message, code: error.data?.code }),
    );
  });
}

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

describe("realtime connections", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("refuses a socket without a session, with a code the client can show", async () => {
    const result = await refusal(open(server.url));
    expect(result.code).toBe("unauthenticated");
  });

  it("refuses a socket whose session has ended", async () => {
    const client = await signedInClient(server.url, DEMO_ACCOUNTS.participants[0], TEST_PASSWORD);
    const cookie = client.cookieHeader();
    await client.post("/api/auth/logout");
    const result = await refusal(open(server.url, cookie));
    expect(result.code).toBe("session_expired");
  });

  it("refuses a socket opened from another site", async () => {
    const client = await signedInClient(server.url, DEMO_ACCOUNTS.participants[0], TEST_PASSWORD);
    const socket: ClientSocket = connect(server.url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { origin: "https://evil.example", cookie: client.cookieHeader() },
    });
    sockets.push(socket);
    await expect(connected(socket)).rejects.toThrow();
  });

  it("accepts a signed-in socket and answers a ping", async () => {
    const client = await signedInClient(server.url, DEMO_ACCOUNTS.participants[1], TEST_PASSWORD);
    const socket = open(server.url, client.cookieHeader());
    await connected(socket);
    const reply = await new Promise<{ serverTime: string }>((resolve) => {
      socket.emit("presence:ping", resolve);
    });
    expect(Date.parse(reply.serverTime)).not.toBeNaN();
  });

  it("tells the sockets of a session that it ended at sign-out and disconnects them", async () => {
    const client = await signedInClient(server.url, DEMO_ACCOUNTS.participants[2], TEST_PASSWORD);
    const socket = open(server.url, client.cookieHeader());
    await connected(socket);
    const ended = new Promise((resolve) => socket.once("session:ended", resolve));
    const gone = new Promise((resolve) => socket.once("disconnect", resolve));
    await client.post("/api/auth/logout");
    expect(await ended).toEqual({ reason: "signed-out", code: "signed_out" });
    expect(await gone).toBe("io server disconnect");
  });
});

const redisUrl = redisUrlForTests();
describe.runIf(redisUrl)("realtime across server processes sharing Redis", () => {
  let a: TestServer;
  let b: TestServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) {
      throw new Error(
        "two processes need a shared PostgreSQL database; set DATABASE_URL with REDIS_URL",
      );
    }
    ({ a, b, close } = await startServerPair(redisUrl ?? ""));
  });
  afterAll(async () => {
    await close();
  });

  it("reports redis as its realtime transport", async () => {
    const res = await fetch(new URL("/api/health", a.url));
    expect(await res.json()).toMatchObject({ status: "ok", db: "postgres", realtime: "redis" });
  });

  it("ends a session's socket on one process when the person signs out through another", async () => {
    const client = await signedInClient(a.url, DEMO_ACCOUNTS.participants[3], TEST_PASSWORD);
    const socket = open(b.url, client.cookieHeader());
    await connected(socket);
    const ended = new Promise((resolve) => socket.once("session:ended", resolve));
    const gone = new Promise((resolve) => socket.once("disconnect", resolve));
    await client.post("/api/auth/logout");
    expect(await ended).toEqual({ reason: "signed-out", code: "signed_out" });
    expect(await gone).toBe("io server disconnect");
  });
});
