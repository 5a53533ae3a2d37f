import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

/**
 * The page's one h1, which also names the browser tab. After a navigation (not on the first
 * load) it takes focus, so keyboard and screen-reader users start reading the new page from its
 * title.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation("shell");
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    // "default" is the key of the location the app was opened at.
    if (key !== "default") ref.current?.focus();
  }, [key]);
  return (
    <>
      {/* React places <title> in the document head. */}
      <title>
        {children.includes("Bridgeway") ? children : t("pageTitle", { title: children })}
      </title>
      <h1 ref={ref} tabIndex={-1} className="page-heading">
        {children}
      </h1>
    </>
  );
}
