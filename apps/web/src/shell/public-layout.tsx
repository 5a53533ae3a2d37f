import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";

/** The frame of pages seen before signing in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="layout layout--public">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="site-header site-header--public">
        <div className="site-header__inner">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true" />
            Bridgeway
          </p>
        </div>
      </header>
      <main id="main-content" className="main main--narrow" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
