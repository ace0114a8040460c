/// How the tokenizers see a character of normalized text.
enum CharacterClass {
    /// A CJK ideograph: tokenized by bigrams or by the dictionary.
    case han
    /// A letter or digit of any other script: part of a word.
    case word
    /// A character that may join two word characters (`2.5`, `li-ion`, `gb/t`).
    case joiner
    /// Anything else: white space, punctuation, symbols.
    case separator

    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> CharacterClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A: return .word
            case 0x2E, 0x2D, 0x2F: return .joiner  // . - /
            default: return .separator
            }
        }
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x20000...0x2FA1F).contains(value) || (0xF900...0xFAFF).contains(value) || value == 0x3007 {
            return .han
        }
        // Punctuation and symbol blocks common in Chinese text (、。「」“”—…→≤), decided without
        // a Unicode property look-up. 々 (U+3005) and 〆 (U+3006) are letters and go below.
        if (0x2000...0x2BFF).contains(value) || ((0x3000...0x303F).contains(value) && value != 0x3005 && value != 0x3006)
            || (0xFE30...0xFE4F).contains(value) || (0xA0...0xBF).contains(value) && value != 0xAA && value != 0xB5 && value != 0xBA {
            return .separator
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType == .decimal { return .word }
        return .separator
    }

    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
