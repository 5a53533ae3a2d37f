import { Component, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type State = { failed: boolean };

/**
 * Catches a page that fails to render or to load its code (a dropped connection while a page's
 * code downloads, or a new version deployed meanwhile), instead of a blank screen.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Nothing is logged: error details can hold clinical data, and there is no log sink yet.
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <PageError />;
  }
}

function PageError() {
  const { t } = useTranslation("shell");
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{t("pageError.title")}</h2>
      <p>{t("pageError.text")}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t("pageError.reload")}
      </button>
    </div>
  );
}
