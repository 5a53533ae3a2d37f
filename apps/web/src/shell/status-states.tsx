import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../api/api-client";

/** A wait the person can see and a screen reader announces. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** What went wrong, in words, with a way to try again. */
export function ErrorState({
  title,
  error,
  onRetry,
  retrying = false,
  headingLevel = 2,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
  headingLevel?: 1 | 2;
}) {
  const { t } = useTranslation("shell");
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="state state--error" role="alert">
      <Heading className="state__title">{title}</Heading>
      <p>{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? t("tryingAgain") : t("tryAgain")}
      </button>
    </div>
  );
}

/** Nothing to show yet: say what will appear here and what to do meanwhile. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}
