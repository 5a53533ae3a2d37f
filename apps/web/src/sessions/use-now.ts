import { useEffect, useState } from "react";

/** How often join buttons and "today" are looked at again. */
export const NOW_REFRESH_MS = 30_000;

/** The current time, renewed every `intervalMs` so time-dependent states move on by themselves. */
export function useNow(intervalMs = NOW_REFRESH_MS): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
