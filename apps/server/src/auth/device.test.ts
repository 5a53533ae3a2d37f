import { describe, expect, it } from "vitest";
import {
  approximatePlace,
  describeUserAgent,
  LOCAL_NETWORK_LABEL,
  UNKNOWN_PLACE_LABEL,
} from "./device";

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";

describe("describeUserAgent", () => {
  it("names the browser with its major version and the operating system", () => {
    expect(describeUserAgent(CHROME_WINDOWS)).toEqual({ browser: "Chrome 120", os: "Windows 10" });
    expect(describeUserAgent(SAFARI_IPHONE)).toEqual({ browser: "Safari 17", os: "iOS 17.2" });
    expect(describeUserAgent(FIREFOX_LINUX)).toEqual({ browser: "Firefox 121", os: "Linux" });
  });

  it("says nothing it cannot tell from a missing or unknown User-Agent", () => {
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
    expect(describeUserAgent("curl/8.0")).toEqual({ browser: null, os: null });
  });
});

describe("approximatePlace", () => {
  it("calls loopback and private addresses this device's network", () => {
    for (const address of [
      "127.0.0.1",
      "::1",
      "::ffff:127.0.0.1",
      "10.1.2.3",
      "172.16.0.9",
      "172.31.255.1",
      "192.168.1.20",
      "169.254.3.4",
      "fd12:3456::1",
      "fe80::1",
    ]) {
      expect(approximatePlace(address), address).toBe(LOCAL_NETWORK_LABEL);
    }
  });

  it("hides the last part of a public address", () => {
    expect(approximatePlace("203.0.113.77")).toBe("Network 203.0.113.x");
    expect(approximatePlace("::ffff:198.51.100.4")).toBe("Network 198.51.100.x");
    expect(approximatePlace("172.32.0.1")).toBe("Network 172.32.0.x");
    expect(approximatePlace("2001:db8:85a3:1:2:3:4:5")).toBe("Network 2001:db8:85a3::/48");
  });

  it("says the network is unknown when there is no usable address", () => {
    expect(approximatePlace(null)).toBe(UNKNOWN_PLACE_LABEL);
    expect(approximatePlace("not-an-address")).toBe(UNKNOWN_PLACE_LABEL);
  });
});
