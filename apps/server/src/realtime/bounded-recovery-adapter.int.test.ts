import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { boundedRecoveryAdapter } from "./bounded-recovery-adapter";

const KEEP = 5;
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A real socket.io server on loopback with the bounded adapter, as realtime.ts builds it. */
async function start() {
  const http = createServer();
  const io = new Server(http, {
    connectionStateRecovery: { maxDisconnectionDuration: 60_000, skipMiddlewares: true },
    adapter: boundedRecoveryAdapter(KEEP),
  });
  io.on("connection", (socket) => void socket.join("room"));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients: Socket[] = [];
  close = async () => {
    for (const client of clients) client.disconnect();
    await io.close();
  };
  const client = () => {
    const socket = connect(url, { transports: ["websocket"], reconnectionDelay: 50 });
    clients.push(socket);
    return socket;
  };
  const kept = () => (io.of("/").adapter as unknown as { packets: unknown[] }).packets.length;
  return { io, client, kept };
}

/** A connected client that records the "n" events it gets, the first (0) already received. */
async function receiving(io: Server, socket: Socket) {
  await once(socket, "connect");
  const received: number[] = [];
  socket.on("n", (n: number) => received.push(n));
  io.to("room").emit("n", 0);
  await expect.poll(() => received).toEqual([0]);
  return { socket, received };
}

const once = (socket: Socket, event: string) =>
  new Promise<void>((resolve) => socket.once(event, () => resolve()));

/** Drops the client's connection (as a network would) and resolves when it is back. */
async function dropWhile(socket: Socket, meanwhile: () => void): Promise<void> {
  const back = once(socket, "connect");
  socket.io.engine.close();
  await new Promise<void>((resolve) => {
    const poll = () => (socket.connected ? setTimeout(poll, 5) : resolve());
    poll();
  });
  meanwhile();
  await back;
}

describe("connection-state recovery with a bounded memory", () => {
  it("keeps no more than its bound however many events are broadcast", async () => {
    const { io, client, kept } = await start();
    const socket = client();
    await once(socket, "connect");
    const received: number[] = [];
    socket.on("n", (n: number) => received.push(n));
    for (let n = 0; n < 100; n += 1) io.to("room").emit("n", n);
    await expect.poll(() => received.length).toBe(100);
    expect(kept()).toBeGreaterThanOrEqual(KEEP);
    expect(kept()).toBeLessThanOrEqual(2 * KEEP);
  });

  it("recovers a client that missed fewer events than it keeps, with each in order", async () => {
    const { io, client } = await start();
    const { socket, received } = await receiving(io, client());
    await dropWhile(socket, () => {
      for (let n = 1; n <= KEEP - 1; n += 1) io.to("room").emit("n", n);
    });
    expect(socket.recovered).toBe(true);
    await expect.poll(() => received).toEqual([0, 1, 2, 3, 4]);
  });

  it("connects a client that missed more than it keeps as new, so it catches up from the database", async () => {
    const { io, client } = await start();
    const { socket, received } = await receiving(io, client());
    await dropWhile(socket, () => {
      for (let n = 1; n <= 3 * KEEP; n += 1) io.to("room").emit("n", n);
    });
    expect(socket.recovered).toBe(false);
    // Nothing half-restored: none of the missed events arrive as if recovered.
    io.to("room").emit("n", 99);
    await expect.poll(() => received.at(-1)).toBe(99);
    expect(received).toEqual([0, 99]);
  });
});
