import type { BoardKind } from "@bridgeway/domain";
import {
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useRealtime } from "../chat/use-realtime";
import { createForumsApi } from "../api/forums-api";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../sign-in/auth-context";

/** React Query keys of the forums, by person; the first two parts refresh every forum list. */
export const forumsKey = (userId: string) => ["forums", userId] as const;

export function useForumsApi() {
  const { api } = useServices();
  return useMemo(() => createForumsApi(api), [api]);
}

/** After a post or a moderation: every board, thread and search of this person is refreshed. */
export function refreshForums(queryClient: QueryClient, userId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: forumsKey(userId) });
}

export function useBoards() {
  const forumsApi = useForumsApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [...forumsKey(user.id), "boards"],
    queryFn: ({ signal }) => forumsApi.boards(signal),
  });
}

/** A board's threads, a page at a time ("Load more threads"). */
export function useBoardThreads(kind: BoardKind, id: string) {
  const forumsApi = useForumsApi();
  const { user } = useSignedIn();
  return useInfiniteQuery({
    queryKey: [...forumsKey(user.id), "board", kind, id],
    queryFn: ({ pageParam, signal }) => forumsApi.threads(kind, id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}

/** A thread and its replies, a page of replies at a time. */
export function useThread(id: string) {
  const forumsApi = useForumsApi();
  const { user } = useSignedIn();
  return useInfiniteQuery({
    queryKey: [...forumsKey(user.id), "thread", id],
    queryFn: ({ pageParam, signal }) => forumsApi.thread(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextRepliesAfter ?? undefined,
  });
}

export function useForumSearch(q: string) {
  const forumsApi = useForumsApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [...forumsKey(user.id), "search", q],
    queryFn: ({ signal }) => forumsApi.search(q, signal),
    enabled: q.length >= 2,
  });
}

/**
 * Follows a board live: while a page of it (or of one of its threads) is open, a thread or
 * reply posted or changed there by anyone refreshes this person's forum lists and threads, as
 * chat does. The server only lets people who may read the board follow it; it sends ids, and
 * the refreshed data comes through the API. Following again after a reconnection.
 */
export function useForumLive(board: { kind: BoardKind; id: string } | undefined) {
  const { transport } = useRealtime();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const kind = board?.kind;
  const id = board?.id;
  useEffect(() => {
    if (!kind || !id) return;
    const follow = () => void transport.request("forum:subscribe", { kind, id });
    transport.connect();
    if (transport.connected) follow();
    const offConnect = transport.onConnect(follow);
    const offChanged = transport.on("forum:changed", (change) => {
      if (change.board.kind !== kind || change.board.id !== id) return;
      void refreshForums(queryClient, user.id);
    });
    return () => {
      offConnect();
      offChanged();
      if (transport.connected) void transport.request("forum:unsubscribe", { kind, id });
    };
  }, [transport, queryClient, user.id, kind, id]);
}

/** The open reports of the boards this person moderates (only asked for by moderators). */
export function useForumReports(enabled: boolean) {
  const forumsApi = useForumsApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [...forumsKey(user.id), "reports"],
    queryFn: ({ signal }) => forumsApi.reports(signal),
    enabled,
  });
}
