/** The calendar page (W2). English is the source: the Spanish file must have exactly these keys. */
export const calendar = {
  title: "Calendar",
  about: {
    title: "Your sessions in your own calendar",
    what: "Bridgeway can give you a private link that puts your sessions in the calendar app you already use, on your phone or computer. New, moved and cancelled sessions show up there by themselves.",
    privateLead: "Keep the link private.",
    privateText:
      "Anyone who has it can see when your sessions are. To protect your privacy, calendar entries say only the kind of session, such as “Group therapy”, and never anyone's name.",
  },
  link: {
    title: "Calendar link",
    loading: "Checking your calendar link…",
    loadError: "We couldn't check your calendar link",
    none: "You have no calendar link.",
    create: "Create calendar link",
    creating: "Creating link…",
    turnedOff:
      "Your calendar link is off. Calendars that used it will no longer get your sessions.",
    on: "Your calendar link is on.",
    onSince: "Your calendar link is on. It was created on {{when}}.",
    shownOnce:
      "For your privacy the link is shown only once, when it is created. If you no longer have it, or think someone else has it, replace it.",
    replace: "Replace link",
    turnOff: "Turn off",
  },
  confirmReplace: {
    title: "Replace your calendar link?",
    confirm: "Yes, replace link",
    pending: "Replacing…",
    cancel: "Keep current link",
    text: "The current link stops working at once. Calendars that use it stop updating until you add the new link.",
  },
  confirmTurnOff: {
    title: "Turn off your calendar link?",
    confirm: "Yes, turn off",
    pending: "Turning off…",
    cancel: "Keep it on",
    text: "The link stops working at once. Sessions already in your calendar may stay there until you remove the subscription.",
  },
  newLink: {
    ready:
      "Your calendar link is ready. Copy it now: to keep it private, Bridgeway shows it only this once.",
    label: "Your calendar link",
    copy: "Copy link",
    copied: "Copied. Now add it to your calendar app.",
    unavailable:
      "This browser would not copy it for you. The link is selected: copy it with your device's Copy command.",
    howTitle: "Add it to your calendar",
    /** Each step: `<b>` is the app's name. */
    iphone:
      "<b>iPhone or iPad:</b> open Settings, then Calendar, Accounts, Add Account, Other, Add Subscribed Calendar, and paste the link.",
    google:
      "<b>Google Calendar:</b> on a computer, choose the + next to “Other calendars”, then “From URL”, and paste the link. It then shows on your phone too.",
    outlook:
      "<b>Outlook:</b> choose “Add calendar”, then “Subscribe from web”, and paste the link.",
    delay:
      "Calendar apps check the link every few hours, so a change can take a while to appear. Bridgeway always has the latest times.",
  },
};
