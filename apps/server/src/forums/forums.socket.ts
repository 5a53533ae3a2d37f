import { notFound, type Actor } from "@bridgeway/domain";
import type { Logger } from "../logger";
import { eventRegistrar } from "../realtime/event-handler";
import type { Realtime } from "../realtime/realtime";
import { forumChannel, type ForumService } from "./forum-service";

/**
 * Forum socket events: a page showing a board (or one of its threads) follows the board and
 * hears `forum:changed` when a thread or reply there is posted or changed. Access is decided by
 * the forum service as for reading the board, and checked again when a person's access changes.
 */
export function registerForumSockets(
  realtime: Realtime,
  forums: ForumService,
  logger: Logger,
): void {
  const actorOf = (data: { userId: string; role: Actor["role"]; organizationId: string }) => ({
    userId: data.userId,
    role: data.role,
    organizationId: data.organizationId,
  });
  realtime.onAccessCheck((socket) => forums.revalidate(socket, actorOf(socket.data)));
  realtime.onConnection((socket) => {
    const actor: Actor = actorOf(socket.data);
    const handle = eventRegistrar(socket, logger);
    handle("forum:subscribe", async (p) => {
      if (!(await forums.follow(socket, actor, p.kind, p.id)))
        throw notFound("This board was not found.");
      return {};
    });
    handle("forum:unsubscribe", async (p) => {
      await socket.leave(forumChannel(p.kind, p.id));
      return {};
    });
  });
}
