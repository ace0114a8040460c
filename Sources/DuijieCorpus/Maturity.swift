import DuijieJSON
import Foundation

/// How far a technology is from the market: a stage, and optionally the Technology Readiness
/// Level (TRL 1–9) it was given as.
///
/// Stages compare in order (lab < pilot < maturation < industrialization), which is what a
/// demand's minimum maturity is checked against. TRLs map to stages as 1–4 lab, 5–6 pilot,
/// 7 maturation, 8–9 industrialization.
public struct Maturity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The development stage.
    public enum Stage: Int, Sendable, Hashable, Comparable, CaseIterable {
        case lab, pilot, maturation, industrialization

        /// The canonical English name.
        public var name: String {
            switch self {
            case .lab: return "lab"
            case .pilot: return "pilot"
            case .maturation: return "maturation"
            case .industrialization: return "industrialization"
            }
        }

        var chineseNames: [String] {
            switch self {
            case .lab: return ["实验室", "小试", "实验室阶段", "研发阶段"]
            case .pilot: return ["中试", "中试阶段"]
            // Small-batch and trial production: past the pilot, not yet made at scale.
            case .maturation: return ["熟化", "熟化阶段", "小批量生产", "小批量试产", "小批量", "试生产"]
            case .industrialization: return ["产业化", "量产", "产业化阶段", "批量生产", "已产业化", "已量产", "规模化生产", "大批量生产"]
            }
        }

        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The stage a Technology Readiness Level falls in.
        public init(technologyReadinessLevel level: Int) {
            precondition((1...9).contains(level), "TRL must be 1–9")
            switch level {
            case 1...4: self = .lab
            case 5...6: self = .pilot
            case 7: self = .maturation
            default: self = .industrialization
            }
        }
    }

    /// The development stage.
    public let stage: Stage
    /// The TRL, when the maturity was given as one.
    public let technologyReadinessLevel: Int?

    /// A maturity given as a stage.
    public init(stage: Stage) {
        self.stage = stage
        self.technologyReadinessLevel = nil
    }

    /// A maturity given as a Technology Readiness Level.
    ///
    /// - Parameter level: 1 to 9.
    public init(technologyReadinessLevel level: Int) {
        self.stage = Stage(technologyReadinessLevel: level)
        self.technologyReadinessLevel = level
    }

    /// Reads a maturity from a stage name (English or Chinese) or a TRL written as `7`,
    /// `TRL7` or `TRL 7`.
    ///
    /// - Returns: `nil` when `text` is neither.
    public static func parse(_ text: String) -> Maturity? {
        let trimmed = text.trimmingWhitespace
        let lowered = trimmed.lowercased()
        for stage in Stage.allCases where stage.name == lowered || stage.chineseNames.contains(trimmed) {
            return Maturity(stage: stage)
        }
        var digits = Substring(lowered)
        if digits.hasPrefix("trl") { digits = digits.dropFirst(3).drop(while: { $0 == " " || $0 == "-" }) }
        if let level = Int(digits), (1...9).contains(level) {
            return Maturity(technologyReadinessLevel: level)
        }
        return nil
    }

    /// What the corpus format accepts, for error messages.
    public static let acceptedValues = "lab, pilot, maturation, industrialization, or a TRL 1–9"

    public static func < (lhs: Maturity, rhs: Maturity) -> Bool {
        if lhs.stage != rhs.stage { return lhs.stage < rhs.stage }
        return (lhs.technologyReadinessLevel ?? 0) < (rhs.technologyReadinessLevel ?? 0)
    }

    /// The stage name, or `TRL n` when given as a level.
    public var description: String {
        technologyReadinessLevel.map { "TRL \($0)" } ?? stage.name
    }

    /// The form written to corpus files: the TRL as a number, or the stage name.
    var jsonValue: JSONValue {
        technologyReadinessLevel.map { .number(Double($0)) } ?? .string(stage.name)
    }
}
