import Fetcher
import Testing

/// The address rules of `NetworkPolicy`, on every spelling of the special ranges.
struct NetworkPolicyRulesTests {
    @Test(arguments: [
        "127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "0x7f000001", "::1", "::ffff:127.0.0.1",
        "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "224.0.0.1", "255.255.255.255", "fc00::1", "fd12::1", "fe80::1", "ff02::1", "::", "64:ff9b::7f00:1",
        "2002:7f00:1::", "198.18.0.1",
    ])
    func specialAddressesAreRefused(_ text: String) throws {
        let address = try #require(IPAddress(text), "\(text) parses")
        #expect(NetworkPolicy().refusal(for: address) != nil, "\(text) -> \(address)")
    }

    @Test(arguments: ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "100.128.0.1", "::ffff:1.1.1.1"])
    func publicAddressesAreAllowed(_ text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(NetworkPolicy().refusal(for: address) == nil, "\(text)")
    }

    @Test func spellingsOfOneAddressAreEqual() {
        let forms = ["127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "::ffff:127.0.0.1", "[::ffff:7f00:1]"]
        #expect(Set(forms.compactMap(IPAddress.init)).count == 1)
        #expect(IPAddress("127.0.0.1")?.description == "127.0.0.1")
    }

    @Test func notAddressesDoNotParse() {
        for text in ["", "example.org", "1.2.3.4.5", "300.1.1.1", "::g", "127.0.0.1 "] {
            #expect(IPAddress(text) == nil, "\(text)")
        }
    }

    @Test func allowedNetworksOpenTheirRangeOnly() throws {
        let policy = NetworkPolicy(allowed: [try #require(IPNetwork("10.0.0.0/8")), try #require(IPNetwork("fd00::/8"))])
        #expect(policy.refusal(for: try #require(IPAddress("10.9.8.7"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("::ffff:10.9.8.7"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("fd00::5"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("11.0.0.1"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("192.168.0.1"))) != nil)
        #expect(policy.refusal(for: try #require(IPAddress("fc00::5"))) != nil)
        #expect(IPNetwork("10.0.0.0/33") == nil && IPNetwork("::/129") == nil && IPNetwork("x/8") == nil)
    }
}
