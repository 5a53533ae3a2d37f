import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * The page's one h1, which also names the browser tab. After a navigation (not on the first
 * load) it takes focus, so keyboard and screen-reader users start reading the new page from its
 * title.
 */
export function PageHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    // "default" is the key of the location the app was opened at.
    if (key !== "default") ref.current?.focus();
  }, [key]);
  return (
    <>
      {/* React places <title> in the document head. */}
      <title>{children.includes("Bridgeway") ? children : `${children} · Bridgeway`}</title>
      <h1 ref={ref} tabIndex={-1} className="page-heading">
        {children}
      </h1>
    </>
  );
}
