import type { BoardKind } from "@bridgeway/domain";
import { useInfiniteQuery, useQuery, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { createForumsApi } from "../api/forums-api";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../session/auth-context";

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
