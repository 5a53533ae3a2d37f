import { crisisLineFor } from "@bridgeway/domain";
import { Trans, useTranslation } from "react-i18next";
import { useLocale } from "../i18n/use-locale";

export function SiteFooter() {
  const { t } = useTranslation("shell");
  const line = crisisLineFor(useLocale());
  return (
    <footer className="site-footer">
      <p>
        <Trans
          t={t}
          i18nKey="footer.crisisLine"
          values={{ name: line.name }}
          components={{ call: <a href={line.callHref} />, text: <a href={line.textHref} /> }}
        />{" "}
        <Trans t={t} i18nKey="footer.emergency" components={{ emergency: <a href="tel:911" /> }} />
      </p>
      <p>{t("footer.sharedDevice")}</p>
    </footer>
  );
}
