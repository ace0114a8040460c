import ArgumentParser
import DuijieCommandLine
import DuijieText
import Foundation

/// `duijie tokenize "文本"`: show the terms Duijie makes of a text, for debugging.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Show the normalized text and the terms Duijie makes of it.",
        discussion: """
        Example: duijie tokenize --tokenizer dictionary "本发明公开了一种退役锂電池梯次利用方法" \
        With no text argument, each line of standard input is tokenized.
        """
    )

    @Argument(help: "The text to tokenize; standard input, line by line, when omitted.")
    var text: [String] = []

    @OptionGroup var analysis: AnalysisOptions

    func run() throws {
        let analyzer = try analysis.makeAnalyzer()
        if text.isEmpty {
            while let line = readLine() {
                print(analyzer.terms(line).joined(separator: " | "))
            }
            return
        }
        let input = text.joined(separator: " ")
        print("normalized: \(analyzer.normalize(input))")
        let terms = analyzer.terms(input)
        print("terms (\(terms.count)): \(terms.joined(separator: " | "))")
    }
}
