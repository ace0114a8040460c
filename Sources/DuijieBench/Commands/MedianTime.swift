/// The median wall-clock seconds of running `body` `runs` times (at least once).
func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<max(1, runs) {
        let start = ContinuousClock.now
        try body()
        samples.append(seconds(ContinuousClock.now - start))
    }
    return samples.sorted()[samples.count / 2]
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// The `p`-quantile of sorted samples, by the nearest-rank method (the smallest sample with at
/// least a `p` share of the samples at or below it).
func percentile(_ p: Double, ofSorted samples: [Double]) -> Double {
    samples[min(samples.count - 1, max(0, Int((p * Double(samples.count)).rounded(.up)) - 1))]
}
