import { describe, expect, it } from "vitest";
import { clientAddressFrom, normaliseAddress, throttleKeyForAddress } from "./client-address";

const withForwarded = (value: string | null) =>
  new Headers(value === null ? {} : { "x-forwarded-for": value });

describe("the client address a request is counted under", () => {
  it("with no proxy, is the peer address Next.js recorded", () => {
    expect(clientAddressFrom(withForwarded("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddressFrom(withForwarded("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("behind one trusted proxy, ignores whatever the client wrote to the left", () => {
    expect(clientAddressFrom(withForwarded("1.1.1.1, 2.2.2.2, 198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("behind two trusted proxies, takes the address the outer proxy saw", () => {
    expect(clientAddressFrom(withForwarded("6.6.6.6, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("is 'unknown' when there is no usable address, never the raw text", () => {
    expect(clientAddressFrom(withForwarded(null), 0)).toBe("unknown");
    expect(clientAddressFrom(withForwarded("10.0.0.2"), 2)).toBe("unknown");
    expect(clientAddressFrom(withForwarded("<script>"), 0)).toBe("unknown");
    expect(normaliseAddress("x".repeat(500))).toBe("unknown");
  });

  it("counts an IPv6 client by its /64, so stepping through one subscriber's addresses does not help", () => {
    expect(throttleKeyForAddress("2001:db8:1:2::1")).toBe("2001:0db8:0001:0002::/64");
    expect(throttleKeyForAddress("2001:db8:1:2:ffff:1:2:3")).toBe("2001:0db8:0001:0002::/64");
    expect(throttleKeyForAddress("::1")).toBe("0000:0000:0000:0000::/64");
    expect(throttleKeyForAddress("203.0.113.9")).toBe("203.0.113.9");
  });
});
