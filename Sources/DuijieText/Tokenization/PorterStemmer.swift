/// The Porter stemmer for English words (M. F. Porter, "An algorithm for suffix stripping",
/// *Program* 14(3), 1980), as published: `relational` → `relat`, `batteries` → `batteri`.
///
/// It works on lower-case ASCII letters; any other word is returned unchanged. Stems are not
/// words — they only need to agree between a query and a document.
public enum PorterStemmer {
    /// Returns the stem of a lower-case ASCII word.
    ///
    /// - Complexity: O(n) in the length of the word.
    public static func stem(_ word: String) -> String {
        var letters = Array(word.utf8)
        guard letters.count > 2, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        step1a(&letters)
        step1b(&letters)
        step1c(&letters)
        step2(&letters)
        step3(&letters)
        step4(&letters)
        step5(&letters)
        return String(decoding: letters, as: UTF8.self)
    }

    // MARK: Letter tests

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(w, i - 1)
        default: return true
        }
    }

    /// m, the number of VC sequences in `w[0..<length]` written as [C](VC)^m[V].
    private static func measure(_ w: [UInt8], _ length: Int) -> Int {
        var count = 0
        var i = 0
        while i < length && isConsonant(w, i) { i += 1 }
        while i < length {
            while i < length && !isConsonant(w, i) { i += 1 }
            if i >= length { break }
            while i < length && isConsonant(w, i) { i += 1 }
            count += 1
        }
        return count
    }

    private static func containsVowel(_ w: [UInt8], _ length: Int) -> Bool {
        (0..<length).contains { !isConsonant(w, $0) }
    }

    private static func endsWithDoubleConsonant(_ w: [UInt8], _ length: Int) -> Bool {
        length >= 2 && w[length - 1] == w[length - 2] && isConsonant(w, length - 1)
    }

    /// *o: the stem ends consonant–vowel–consonant, the last not w, x or y.
    private static func endsCVC(_ w: [UInt8], _ length: Int) -> Bool {
        guard length >= 3, isConsonant(w, length - 3), !isConsonant(w, length - 2), isConsonant(w, length - 1) else { return false }
        let last = w[length - 1]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return w.count >= s.count && Array(w[(w.count - s.count)...]) == s
    }

    private static func replaceSuffix(_ w: inout [UInt8], _ suffix: String, with replacement: String) {
        w.removeLast(suffix.utf8.count)
        w.append(contentsOf: replacement.utf8)
    }

    /// Applies the rule of the longest matching suffix when the stem before it has m > `minimum`.
    private static func applyLongest(_ w: inout [UInt8], _ rules: [(String, String)], minimum: Int) {
        guard let rule = rules.filter({ ends(w, $0.0) }).max(by: { $0.0.utf8.count < $1.0.utf8.count }) else { return }
        if measure(w, w.count - rule.0.utf8.count) > minimum {
            replaceSuffix(&w, rule.0, with: rule.1)
        }
    }

    // MARK: Steps

    private static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") { replaceSuffix(&w, "sses", with: "ss") }
        else if ends(w, "ies") { replaceSuffix(&w, "ies", with: "i") }
        else if ends(w, "ss") { return }
        else if ends(w, "s") { w.removeLast() }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if ends(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        var removed = false
        if ends(w, "ed"), containsVowel(w, w.count - 2) {
            w.removeLast(2)
            removed = true
        } else if ends(w, "ing"), containsVowel(w, w.count - 3) {
            w.removeLast(3)
            removed = true
        }
        guard removed else { return }
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
            w.append(UInt8(ascii: "e"))
        } else if endsWithDoubleConsonant(w, w.count), ![UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z")].contains(w[w.count - 1]) {
            w.removeLast()
        } else if measure(w, w.count) == 1 && endsCVC(w, w.count) {
            w.append(UInt8(ascii: "e"))
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if ends(w, "y"), containsVowel(w, w.count - 1) {
            w[w.count - 1] = UInt8(ascii: "i")
        }
    }

    private static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ]

    private static func step2(_ w: inout [UInt8]) { applyLongest(&w, step2Rules, minimum: 0) }

    private static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    private static func step3(_ w: inout [UInt8]) { applyLongest(&w, step3Rules, minimum: 0) }

    private static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
        "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ]

    private static func step4(_ w: inout [UInt8]) {
        guard let suffix = step4Suffixes.filter({ ends(w, $0) }).max(by: { $0.utf8.count < $1.utf8.count }) else { return }
        let stemLength = w.count - suffix.utf8.count
        guard measure(w, stemLength) > 1 else { return }
        if suffix == "ion" {
            guard stemLength > 0, w[stemLength - 1] == UInt8(ascii: "s") || w[stemLength - 1] == UInt8(ascii: "t") else { return }
        }
        w.removeLast(suffix.utf8.count)
    }

    private static func step5(_ w: inout [UInt8]) {
        if ends(w, "e") {
            let m = measure(w, w.count - 1)
            if m > 1 || (m == 1 && !endsCVC(w, w.count - 1)) { w.removeLast() }
        }
        if w.count >= 2, w[w.count - 1] == UInt8(ascii: "l"), endsWithDoubleConsonant(w, w.count), measure(w, w.count) > 1 {
            w.removeLast()
        }
    }
}
