import type { CredentialKind } from "@bridgeway/domain";
import { useTranslation } from "react-i18next";
import { credentialShort } from "../format/format";

/** "Dana Whitfield, LCSW", with the credential spelled out for those who ask. */
export function ClinicianName({
  displayName,
  credential,
}: {
  displayName: string;
  credential: CredentialKind;
}) {
  const { t } = useTranslation("sessions");
  return (
    <>
      <span translate="no">{displayName}</span>,{" "}
      <abbr title={t(`credentials.${credential}`)}>{credentialShort(credential)}</abbr>
    </>
  );
}
