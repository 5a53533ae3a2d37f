import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguagePicker } from "../i18n/language-picker";
import { SiteFooter } from "./site-footer";

/** The product's name, the same in every language. */
const BRAND = "Bridgeway";

/** The frame of pages seen before signing in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation("shell");
  return (
    <div className="layout layout--public">
      <a className="skip-link" href="#main-content">
        {t("skipToContent")}
      </a>
      <header className="site-header site-header--public">
        <div className="site-header__inner">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span translate="no">{BRAND}</span>
          </p>
          <LanguagePicker />
        </div>
      </header>
      <main id="main-content" className="main main--narrow" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
