// The baseline for the chat benchmark: socket.io broadcasting to rooms, no auth, no storage.
import { createServer } from "node:http";
import { Server } from "socket.io";

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
io.on("connection", (socket) => {
  const room = String(socket.handshake.query.room ?? "");
  void socket.join(room);
  socket.on("send", (payload: { room: string; body: string }, ack?: () => void) => {
    io.to(payload.room).emit("message", payload);
    ack?.();
  });
});
// Exits by itself, so that a CPU profile (BENCH_CPU_PROFILE) is written as it ends.
process.on("SIGTERM", () => process.exit(0));
process.on("SIGUSR2", () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, external } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ msg: "memory report", heapUsed, external })}\n`);
});
httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  if (address && typeof address === "object") process.stdout.write(`LISTENING ${address.port}\n`);
});
