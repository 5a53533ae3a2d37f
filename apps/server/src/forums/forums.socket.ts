import { notFound } from "@bridgeway/domain";
import { actorOf, type Realtime } from "../realtime/realtime";
import { forumChannel, type ForumService } from "./forum-service";

/**
 * Forum socket events: a page showing a board (or one of its threads) follows the board and
 * hears `forum:changed` when a thread or reply there is posted or changed. Access is decided by
 * the forum service as for reading the board, and checked again when a person's access changes.
 */
export function registerForumSockets(realtime: Realtime, forums: ForumService): void {
  realtime.onAccessCheck((socket) => forums.revalidate(socket, actorOf(socket)));
  realtime.on("forum:subscribe", async (socket, p) => {
    if (!(await forums.follow(socket, actorOf(socket), p.kind, p.id)))
      throw notFound("This board was not found.");
    return {};
  });
  realtime.on("forum:unsubscribe", async (socket, p) => {
    await socket.leave(forumChannel(p.kind, p.id));
    return {};
  });
}
