@testable import DuijieEvents
import Testing

@Suite struct AgendaFileNameTests {
    @Test func idsThatDifferGiveDifferentSafeNames() {
        let ids = ["a/b", "a_b", "a:b", "A_b", ".hidden", "..", "罗丹", "x%2Fy"]
        let names = AgendaFileNames.names(ids)
        // By hand: `/` is 0x2F, `:` is 0x3A, a leading `.` is 0x2E, `%` is 0x25; `A_b` meets
        // `a_b` on a file system that ignores case, so it takes `~2`.
        #expect(names == ["a%2Fb", "a_b", "a%3Ab", "A_b~2", "%2Ehidden", "%2E.", "罗丹", "x%252Fy"])
        #expect(Set(names.map { $0.lowercased() }).count == ids.count)
        #expect(!names.contains { $0.contains("/") || $0.hasPrefix(".") })
    }

    @Test func longIdsAreCutWithAHashAndStayDistinct() {
        // 100 Chinese characters are 300 UTF-8 bytes; two such ids differ only in the last one.
        let first = String(repeating: "长", count: 99) + "甲"
        let second = String(repeating: "长", count: 99) + "乙"
        let names = AgendaFileNames.names([first, second])
        #expect(names[0] != names[1])
        // At most 120 bytes: up to 103 bytes of text (34 characters: 102 bytes), a dash, 16 hex digits.
        #expect(names.allSatisfy { $0.utf8.count <= 120 })
        #expect(names[0].hasPrefix(String(repeating: "长", count: 34) + "-"))
    }
}
