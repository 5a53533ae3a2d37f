import type { ChatRoomSummary } from "@bridgeway/domain";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useSignedIn } from "../sign-in/auth-context";
import { requestOrThrow, type ChatTransport } from "./chat-transport";

/** React Query keys of chat, by person: one person's rooms are never shown to the next. */
export const chatRoomsKey = (userId: string) => ["chat", userId, "rooms"] as const;

/** Unread counts change as others write: the list is refreshed while it is on screen. */
const ROOMS_REFRESH_MS = 30_000;

/** The rooms the signed-in person is in, with unread counts (`chat:rooms`). */
export function useChatRooms(transport: ChatTransport) {
  const { user } = useSignedIn();
  return useQuery({
    queryKey: chatRoomsKey(user.id),
    queryFn: async () => (await requestOrThrow(transport, "chat:rooms", {})).rooms,
    staleTime: 0,
    refetchInterval: ROOMS_REFRESH_MS,
  });
}

/** After reading a room: its unread count is zero without asking the server again. */
export function clearUnread(queryClient: QueryClient, userId: string, roomKey: string): void {
  queryClient.setQueryData<ChatRoomSummary[]>(chatRoomsKey(userId), (rooms) =>
    rooms?.map((room) => (room.roomKey === roomKey ? { ...room, unread: 0 } : room)),
  );
}
