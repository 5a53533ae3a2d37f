import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP link between test clients and server processes, on loopback, that a test can cut: the
 * network between a person and Bridgeway. Each new connection goes to the first backend that
 * answers, in the order given, as a load balancer sends people to a process that is up.
 */
export class LinkProxy {
  private readonly open = new Set<Socket>();
  private down = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly backends: () => readonly number[],
  ) {}

  static async start(backends: () => readonly number[]): Promise<LinkProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const proxy = new LinkProxy(server, port, backends);
    server.on("connection", (client) => proxy.accept(client));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Drops every open connection and refuses new ones until `restore`. */
  cut(): void {
    this.down = true;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  /** The network is back; answers when (performance.now()). */
  restore(): number {
    this.down = false;
    return performance.now();
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.down) {
      client.destroy();
      return;
    }
    this.track(client);
    client.pause();
    const tryBackend = (index: number) => {
      const port = this.backends()[index];
      if (port === undefined || this.down) {
        client.destroy();
        return;
      }
      const upstream = connect(port, "127.0.0.1");
      upstream.once("error", () => {
        upstream.destroy();
        tryBackend(index + 1);
      });
      upstream.once("connect", () => {
        if (client.destroyed) {
          upstream.destroy();
          return;
        }
        this.track(upstream);
        upstream.removeAllListeners("error");
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
        client.on("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  }

  private track(socket: Socket): void {
    this.open.add(socket);
    socket.once("close", () => this.open.delete(socket));
  }
}
